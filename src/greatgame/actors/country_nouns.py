"""States named by a common noun: "the country" is the state the text last named, "his country" the last
named state of the person "his" stands for; "the kingdom", "the island" the state the story is about
(coref.py links them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from .spans import LOCATION_PREPS
from .story import dominant_country, lead_country

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Parsed
    from .dictionary import ActorDictionary
    from .resolved import ResolvedMention

__all__ = ["COUNTRY_NOUNS", "STATE_NOUNS", "STORY_NOUNS", "country_noun_antecedent", "story_noun",
           "story_noun_antecedent", "story_state"]

COUNTRY_NOUNS = {"country"}
_OWNERS = {"the", "his", "her"}
# Words a story varies its own state's name with ("King Fahd of Saudi Arabia begins a visit ... Britain's
# trade surplus with the kingdom"): the state the story is about more often than the state last named.
STORY_NOUNS = {"kingdom", "republic", "island"}
# Words that may stand for a state named before them: their sentences are worth parsing.
STATE_NOUNS = COUNTRY_NOUNS | STORY_NOUNS
# Of these, the words a state's own name must hold: "the kingdom" is no republic ("Kingdom of Saudi Arabia").
TITLED_NOUNS = {"kingdom", "republic"}
# "the island nation", "the island state": a story noun modifying one of these is the phrase's word.
_STATE_HEADS = {"nation", "state"}


def _bare(tok: Token, owners: set[str]) -> Token | None:
    """The determiner of a bare "the country" (or "his country"): none for "the host country", "a country",
    "the whole country" (any other word in the phrase), "the country of registration", and for "in the
    country", a place."""
    det = tok.doc[tok.i - 1] if tok.i > 0 else None
    if det is None or det.lower_ not in owners or det.head.i != tok.i or tok.dep_ in ("compound", "amod") \
            or any(c.dep_ not in ("det", "poss", "case", "punct", "prep", "relcl", "acl", "cc", "conj")
                   or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # ("the country of registration" is any country)
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATION_PREPS:
        return None  # "an airfield in the country": where, which the state last named need not be
    return det


def country_noun_antecedent(tok: Token, si: int, items: list[tuple[ResolvedMention, int]],
                            out: list[ResolvedMention], parsed: Parsed, root: Callable[[int], int],
                            reach: int) -> int | None:
    """The mention (index into `out`) of the state a bare "the country" or "his country" stands for: the
    last state named by its name or nationality within `reach` sentences (for "his country", one of the
    person's country, the last person named before it in the sentence). None for "the host country", "a
    country", "the whole country" (any other word in the phrase), "the country of registration", and for
    "in the country", a place."""
    det = _bare(tok, _OWNERS)
    if det is None:
        return None
    country = None
    if det.lower_ != "the":
        person = next((k for rm, k in reversed(items) if rm.mention.kind == "person" and rm.start < det.i), None)
        country = out[root(person)].mention.country if person is not None else None
        if country is None:
            return None
    here = parsed.sentences[si].index
    for k in range(len(out) - 1, -1, -1):
        rm = out[k]
        if here - parsed.sentences[rm.sentence].index > reach:
            return None
        m = rm.mention
        if m.kind == "state" and m.sector is None and m.country and rm.source != "pair" \
                and country in (None, m.country):
            return k
    return None


def story_noun(tok: Token) -> tuple[int, str] | None:
    """Where a bare "the kingdom", "the island", "the island nation" starts, and its story noun; None for
    any other phrase ("a kingdom", "the Gulf island", "in the kingdom", a place)."""
    word = tok.lower_
    if word in _STATE_HEADS and tok.i >= 2:  # "the island nation": "island" a compound of the head
        mod = tok.doc[tok.i - 1]
        if mod.lower_ not in STORY_NOUNS or mod.dep_ != "compound" or mod.head.i != tok.i:
            return None
        if any(c.dep_ not in ("det", "compound", "case", "punct", "relcl", "acl", "cc", "conj")
               for c in tok.children) or tok.dep_ in ("compound", "amod") \
                or tok.doc[tok.i - 2].lower_ != "the" or tok.dep_ == "pobj" and tok.head.lower_ in LOCATION_PREPS:
            return None
        return tok.i - 2, mod.lower_
    if word not in STORY_NOUNS or _bare(tok, {"the"}) is None:
        return None
    if word == "island" and tok.dep_ != "poss":
        return None  # "Iranian forces had taken the island": a place, unless it owns ("the island's economy")
    return tok.i - 1, word


def story_state(found: list[ResolvedMention], parsed: Parsed) -> str | None:
    """The state a story is about: its lead's, else the one its mentions name most by far."""
    return lead_country(found, parsed) or dominant_country(Counter(
        rm.country for rm in found if rm.country and rm.source != "pair"))


def story_noun_antecedent(word: str, si: int, out: list[ResolvedMention], parsed: Parsed, story: str | None,
                          dictionary: ActorDictionary, reach: int) -> int | None:
    """The mention (index into `out`) of the state "the kingdom" stands for: the last mention of the story's
    own state (`story`: its lead's or dominant country) where its name fits the word ("kingdom" needs a
    kingdom), else the last state named within `reach` sentences whose name fits."""
    here = parsed.sentences[si].index
    last = None
    for k in range(len(out) - 1, -1, -1):
        rm = out[k]
        m = rm.mention
        if m.kind != "state" or m.sector is not None or not m.country or rm.source == "pair" \
                or word in TITLED_NOUNS and not dictionary.names_hold(m.country, word):
            continue
        if m.country == story:
            return k
        if last is None and here - parsed.sentences[rm.sentence].index <= reach:
            last = k
    return last
