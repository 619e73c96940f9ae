"""Forces a state moves: "Iraq deployed troops in Kuwait", "the Pentagon has sent warships to the Gulf".
Armed forces that are the object of a verb of moving are the mover's, not those of the place they go to
or of the story's country, unless a word of their own phrase says whose they are ("sent Iranian
prisoners back")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import FROM_CONTEXT, ResolvedMention, actor_code

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Parsed

__all__ = ["MOVING", "moved_forces"]

# Verbs by which a party moves or places forces.
MOVING = {"move", "send", "deploy", "dispatch", "station", "position", "transfer", "shift", "mass", "redeploy",
          "withdraw", "pull", "bring", "rush", "sail", "reinforce"}
_ARMED = {"MIL", "REB"}


def _mover(verb: Token) -> Token | None:
    """The subject of the verb of moving; for "decided to send troops" or "massed and deployed troops",
    the subject of the verb it hangs off; for "accused Iran of deploying troops", the one accused."""
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0]
        if verb.dep_ == "pcomp" and verb.head.lower_ in ("of", "for") and verb.head.head.pos_ == "VERB":
            obj = [c for c in verb.head.head.children if c.dep_ == "dobj"]
            return obj[0] if obj else None
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def moved_forces(found: list[ResolvedMention], parsed: Parsed, linked: set[int]) -> None:
    """Give armed forces that a clause's subject moves ("deployed troops in Kuwait") the mover's country,
    where they have none or it came from context rather than their own words."""
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind != "agent" or m.sector not in _ARMED or k in linked \
                or m.country is not None and m.country_from not in FROM_CONTEXT:
            continue
        sdoc = parsed.sentences[rm.sentence].doc
        head = sdoc[rm.head]
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        verb = head.head
        if head.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in MOVING:
            continue
        subj = _mover(verb)
        if subj is None:
            continue
        movers = {o.country for o in found if o.sentence == rm.sentence and o is not rm and o.country
                  and not o.is_location and o.start <= subj.i < o.end}
        if len(movers) == 1 and (country := movers.pop()) != m.country:
            found[k] = replace(rm, mention=replace(m, country=country, code=actor_code(country, m.sector),
                                                   country_from="context"))
