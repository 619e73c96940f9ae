"""A resolved mention with where it sits in its parsed sentence: what the actor stages hand the event finder."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Mention
from .spans import AGENT_BODY_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["FROM_CONTEXT", "Resolved", "ResolvedMention", "actor_code", "acts_on", "last_dyad", "linked",
           "party_places", "sector_only", "uncoded_group"]

# Where a mention's country came from (Mention.country_from) when no word of its own, nor a linked fuller
# mention, named it: its phrase or clause, the dateline, the document's dominant country.
FROM_CONTEXT = frozenset({"context", "dateline", "document"})


@dataclass
class ResolvedMention:
    """A mention with where it sits in its parsed sentence, for the event finder."""

    mention: Mention
    sentence: int  # index into Parsed.sentences
    start: int  # token range in the sentence doc
    end: int
    head: int  # token index of the noun phrase's head in the sentence doc
    is_location: bool = False
    members: tuple[Mention, ...] = ()  # for "the two sides": the dyad it stands for
    source: str = "dictionary"  # dictionary, model, pair, or coref (a pronoun or name found by linking)

    @property
    def country(self) -> str | None:
        return self.mention.country


@dataclass(frozen=True)
class Resolved:
    """What the actor stages found in a parsed document: its mentions in text order, and the place names
    of each parsed sentence (by its index in Parsed.sentences) that are not actors."""

    mentions: tuple[ResolvedMention, ...]
    places: tuple[tuple[Span, ...], ...]


def party_places(mentions: tuple[Mention, ...], resolved: Resolved,
                 parties: set[tuple[int, int]]) -> tuple[Mention, ...]:
    """The mentions users see, with the place names an event makes a party, in text order: "troops were
    deployed in Kuwait" acts on Kuwait, so Kuwait is an actor there; "met in Geneva" leaves Geneva a place."""
    places = [rm.mention for rm in resolved.mentions
              if rm.is_location and (rm.mention.start, rm.mention.end) in parties]
    if not places:
        return mentions
    return tuple(sorted([*mentions, *places], key=lambda m: m.start))  # (stable: a dyad's two members stay in order)


def sector_only(rm: ResolvedMention) -> bool:
    """A body named by its sector alone, with no country or body yet ("the generals", "the ministers")."""
    m = rm.mention
    return (m.country is None and m.sector is not None and rm.source != "pair" and not rm.is_location
            and (m.code is None or m.code.startswith("---")))


def uncoded_group(rm: ResolvedMention) -> bool:
    """An organisation the model found that nothing has coded yet ("House", "Sandoz", "the Commission")."""
    m = rm.mention
    return m.kind == "group" and m.code is None and m.country is None and rm.source != "pair"


def actor_code(country: str | None, sector: str | None, base: str | None = None) -> str | None:
    """The CAMEO-style code of a country (or a body's base code) and a sector: RUSGOV, ---MIL, IGOUNO."""
    if base:
        return base + (sector if sector and not base.endswith(sector) else "")
    if country:
        return country + (sector or "")
    return ("---" + sector) if sector else None


def linked(rm: ResolvedMention, root: ResolvedMention) -> ResolvedMention | None:
    """A linked mention with its antecedent's codes; a pronoun or name found only by linking is
    dropped when the antecedent has neither a country nor a body's code."""
    r, m = root.mention, rm.mention
    # ... except a body named by a noun of its own ("the committee": the creditor banks' committee)
    body = rm.source == "coref" and m.text.split()[-1].lower() in AGENT_BODY_NOUNS
    if r.country is None and (r.code is None or r.code.startswith("---")) and not body:
        return None if rm.source == "coref" else rm
    came = m.country_from if m.country == r.country and rm.source != "coref" else "mention"
    if r.country is None:
        came = None
    return replace(rm, mention=replace(m, code=r.code, country=r.country, sector=r.sector, name=r.name,
                                       kind=r.kind, linked_to=(r.start, r.end), country_from=came,
                                       office_from=r.office_from))


def last_dyad(previous: list[ResolvedMention]) -> tuple[Mention, Mention] | None:
    """The last two countries named before "the two sides", as the mentions that named them."""
    seen: list[Mention] = []
    for rm in reversed(previous[-30:]):
        if rm.source == "pair" or rm.country is None or rm.is_location:
            continue
        if all(m.country != rm.country for m in seen):
            seen.append(rm.mention)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None


def acts_on(sdoc: Doc, subject: int, phrase: int) -> bool:
    """Whether the mention headed at `subject` is the subject of the clause the phrase headed at `phrase` is
    an argument of: in "Saudi Arabia urged the two sides to end the war" Saudi Arabia is not one of the two
    sides, which stand for the two states named before it."""
    subj = sdoc[subject]
    if subj.dep_ not in ("nsubj", "nsubjpass", "csubj"):
        return False
    t = sdoc[phrase]
    for _ in range(4):  # up through "to end" or a preposition to the subject's verb, in its own clause
        if t.head.i == t.i or t.dep_ in ("advcl", "relcl", "acl", "parataxis", "conj"):
            return False
        t = t.head
        if t.i == subj.head.i:
            return True
    return False
