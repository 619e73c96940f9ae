"""Whose act a clause is: the gerund after a preposition ("charged Japan with violating ..."), the "that"
clause of a demand ("demanded that Israel ease ...")."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["DEMANDING", "SAYING", "TOPIC_PREPS", "demands", "object_control"]

# Prepositions by which a verb's object is the subject of the gerund after it: "charged Japan with violating
# GATT rules", "accused Iraq of attacking", "blamed X for", "quoted officials as saying".
_CONTROL_PREPS = {"of", "with", "for", "on", "as"}
# Prepositions that name what is talked or heard of: a gerund after one is no act of the clause's subject.
TOPIC_PREPS = {"about", "regarding", "concerning"}


def object_control(gerund: Token) -> bool:
    """Whether a gerund after a preposition is the act of the verb's object, not its subject's."""
    prep = gerund.head
    return (gerund.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ in _CONTROL_PREPS
            and any(c.dep_ == "dobj" for c in prep.head.children))


# Verbs whose "that" clause names who is asked or told to act: "demanded that Israel ease …".
DEMANDING = {"demand", "urge", "insist", "request", "ask", "propose", "suggest", "recommend", "require", "press"}
SAYING = {"say", "state", "declare", "insist", "tell", "warn", "stress", "add", "argue"}


def demands(verb: Token, clause: Token) -> bool:
    """Whether the verb's "that" clause says who is asked to act: "demanded that Israel ease …",
    "Russia says Israel must end …"."""
    lemma = verb.lemma_.lower()
    if lemma in DEMANDING:
        return True
    return lemma in SAYING and any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in clause.children)
