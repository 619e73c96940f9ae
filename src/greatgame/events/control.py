"""Whose act a gerund after a preposition is: the finders' rule for "charged Japan with violating ..."."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["TOPIC_PREPS", "object_control"]

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
