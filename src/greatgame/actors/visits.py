"""Bodies met on a visit: "Funaro visited Washington to explain Brazil's move to government officials",
"flying to Tokyo to talk to government officials". Officials a traveller goes to see are the visited
state's, not the traveller's, though the traveller's state dominates the story."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import ResolvedMention, actor_code

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Parsed

__all__ = ["visited_bodies"]

# Verbs of going somewhere; the place is their object ("visited Washington") or after "to"/"in".
TRAVEL = {"visit", "travel", "fly", "go", "come", "arrive", "head", "tour"}
_DESTINATION_PREPS = {"to", "in"}
# Sectors of a state's own bodies that a visitor meets; not banks and companies, which a debtor's minister
# meets wherever they are from ("flew to France for talks with creditor banks": of many countries).
_MET = {"GOV", "MIL", "LEG", "JUD", "PTY", "OPP"}
_STATES = {"governments", "countries", "nations", "states"}
# Where a body's country came from when no word of its phrase or clause said so.
_UNSAID = {None, "document", "dateline"}
# Links up from the body to the travel verb that keep to the visit's purpose ("to explain ... to officials").
_UP = {"pobj", "prep", "dobj", "advcl", "xcomp", "conj", "compound", "npadvmod"}


def _travel_verb(head: Token) -> Token | None:
    """The verb of travel whose purpose the body is met in: through a clause ("to talk to officials") or
    "for" ("for talks with officials"), not beside the traveller ("visited Paris with officials")."""
    tok = head
    for _ in range(8):
        if tok.dep_ not in _UP or tok.head.i == tok.i:
            return None
        below, tok = tok, tok.head
        if tok.pos_ == "VERB" and tok.lemma_.lower() in TRAVEL:
            purpose = below.dep_ in ("advcl", "xcomp") or below.dep_ == "prep" and below.lower_ == "for"
            return tok if purpose else None
    return None


def _destinations(verb: Token) -> list[Token]:
    """Where the verb goes, every place of a list ("visit Britain, France and Italy")."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    out += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS
            for p in c.children if p.dep_ == "pobj"]
    return out + [c for t in out for c in t.subtree if c.dep_ == "conj"]


def visited_bodies(found: list[ResolvedMention], parsed: Parsed, linked: set[int]) -> None:
    """A state's body with no country of its own words, phrase or clause, that a clause of travel sends
    someone to meet ("visited Washington to talk to government officials"), takes the country of the
    state or place visited."""
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind != "agent" or m.sector not in _MET or m.country_from not in _UNSAID or rm.source == "pair" \
                or k in linked:
            continue
        if m.country is not None and m.country_from is None:
            continue  # its own words named it
        sdoc = parsed.sentences[rm.sentence].doc
        if sdoc[rm.head].lower_ in _STATES:
            continue  # "support from governments": several states'
        verb = _travel_verb(sdoc[rm.head])
        if verb is None:
            continue
        ends = {t.i for t in _destinations(verb)}
        there = [o.country for o in found if o.sentence == rm.sentence and o.country and o is not rm
                 and (o.mention.kind == "state" or o.is_location) and o.head in ends]
        if len(set(there)) == 1 and there[0] != m.country:
            found[k] = replace(rm, mention=replace(m, country=there[0], code=actor_code(there[0], m.sector),
                                                   country_from="context"))
