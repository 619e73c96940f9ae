"""A state named as the owner of armed units, craft or positions is its armed forces: "an Iraqi jet", "Iranian
boats", "Iraqi positions", "the U.S. military presence" (MIL), not the state as a whole. What it does with
them stays the state's: "an Iranian missile attack" (IRN)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import actor_code

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Parsed
    from .resolved import ResolvedMention

__all__ = ["MILITARY_THINGS", "arm"]

# Nouns of what only armed forces have or hold; none is an actor alone ("the boats", "positions on trade"),
# so they are no agent words (agents.tsv), but a state that owns one is its forces.
MILITARY_THINGS = {"jet", "warplane", "gunboat", "boat", "boats", "fleet", "frigate", "destroyer", "submarine",
                   "escort", "escorts", "column", "convoy", "positions", "outpost", "outposts", "trenches",
                   "installations", "garrison", "gunners"}
# What armed forces are, or do, where "military" says it is theirs: "the U.S. military presence" (not "U.S.
# military aid", given by a government).
_MILITARY_HELD = {"presence", "buildup", "build-up", "personnel", "units", "operation", "operations", "rulers",
                  "action", "aggression", "intervention"}


def _owned_thing(tok: Token) -> Token | None:
    """The noun a state's name or nationality modifies ("Iraqi" of "an Iraqi jet", "Iraq" of "Iraq's positions")."""
    if tok.dep_ not in ("amod", "compound", "poss", "nmod") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    thing = tok.head
    while thing.dep_ == "compound" and thing.head.pos_ in ("NOUN", "PROPN"):  # "missile installations"
        thing = thing.head
    return thing


def _military(thing: Token) -> bool:
    words = {thing.lower_, *(c.lower_ for c in thing.children if c.dep_ in ("amod", "compound"))}
    if any(c.dep_ == "prep" and c.lower_ in ("on", "about") for c in thing.children):
        return False  # "Japan's positions on trade": a stance
    return bool(words & MILITARY_THINGS) and not words & {"tanker", "fishing", "cargo"} \
        or "military" in words and thing.lower_ in _MILITARY_HELD


def arm(found: list[ResolvedMention], parsed: Parsed) -> None:
    """Give MIL to each state named (by its own words) as the owner of a military thing."""
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind != "state" or m.sector is not None or not m.country or rm.source != "dictionary" \
                or rm.is_location or rm.end - rm.start > 3:
            continue
        sdoc = parsed.sentences[rm.sentence].doc
        tok = sdoc[rm.head] if sdoc[rm.head].dep_ != "det" else sdoc[rm.end - 1]  # ("the U.S." matched whole)
        thing = _owned_thing(tok)
        if thing is not None and _military(thing):
            found[k] = replace(rm, mention=replace(m, sector="MIL", code=actor_code(m.country, "MIL")))
