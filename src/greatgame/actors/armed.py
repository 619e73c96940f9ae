"""A state named as the owner of armed units, craft or positions is its armed forces: "an Iraqi jet", "Iranian
boats", "Iraqi positions", "the U.S. military presence" (MIL), not the state as a whole. What it does with
them stays the state's: "an Iranian missile attack" (IRN). So is a people named as who fights in a war
between states: "the Iranians had occupied ground", "Iraqi troops surrounded the Iranians"."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import actor_code

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from ..nlp import Parsed
    from .resolved import ResolvedMention

__all__ = ["COMBAT", "MILITARY_THINGS", "arm", "fighters"]

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


# Verbs of fighting: a people named as who does them, or to whom, in a war story is its armed forces ("the
# Iranians had occupied ground", "Iraqi troops surrounded the Iranians", "1,200 Iraqis were killed").
COMBAT = {"attack", "counterattack", "counter-attack", "occupy", "surround", "encircle", "besiege", "capture",
          "overrun", "shell", "bombard", "raid", "ambush", "repel", "repulse", "rout", "advance", "retreat",
          "invade", "infiltrate", "storm", "fight", "kill", "wound", "massacre", "launch", "defeat"}
# Verbs of fighting only with a particle: "were thrown back", "beat off".
_PUSHED = {"throw", "push", "drive", "beat", "fend", "hurl"}


def _combat_verb(head: Token) -> Token | None:
    """The verb of fighting a noun is the subject, object or agent of, or the participle that modifies it
    ("the attacking Iranians"); "thousands of Iranians" counts as "Iranians"."""
    participle = next((c for c in head.children if c.dep_ == "amod" and c.lemma_.lower() in COMBAT), None)
    if participle is not None:
        return participle
    tok = head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "NUM"):
        tok = tok.head.head  # "thousands of Iranians"
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        tok = tok.head  # "occupied by the Iranians"
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "agent") or tok.head.pos_ != "VERB":
        return None
    verb = tok.head
    lemma = verb.lemma_.lower()
    pushed = lemma in _PUSHED and any(c.dep_ == "prt" and c.lower_ in ("back", "off") for c in verb.children)
    return verb if lemma in COMBAT or pushed else None


def fighters(found: list[ResolvedMention], parsed: Parsed, demonym: Callable[[str], bool]) -> None:
    """Give MIL to a people named in the plural ("the Iranians", "Iraqis") as who fights or is fought, where
    the document names the armed forces of that state and another: a war between states, not "soldiers killed
    three villagers". `demonym` tells a people's name ("Iranians") from a state's."""
    armed = {rm.mention.country for rm in found if rm.mention.sector == "MIL" and rm.mention.country}
    if len(armed) < 2:
        return  # one state's forces: "two Americans were killed in Beirut" in a story of the Marines there
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind != "state" or m.sector is not None or m.country not in armed or rm.source != "dictionary" \
                or rm.is_location:
            continue
        head = parsed.sentences[rm.sentence].doc[rm.head]
        if head.tag_ not in ("NNPS", "NNS") and not head.text.endswith("s") or not demonym(head.text):
            continue
        if _combat_verb(head) is not None:
            found[k] = replace(rm, mention=replace(m, sector="MIL", code=actor_code(m.country, "MIL")))
