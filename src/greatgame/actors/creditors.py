"""A debtor's creditors are not of the debtor: "Argentina's creditor banks", "Brazil and its bank advisory
committee", "Nigeria will meet its lenders", "talks with creditor banks in New York". The banks a state
owes are of many countries (the London Club), so a creditor body has no country unless a word of its own
says whose it is ("Japanese creditor banks"); an owner, the story's country or the city of the talks do
not."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import FROM_CONTEXT, ResolvedMention, actor_code

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..nlp import Parsed

__all__ = ["creditor_bodies", "is_creditor_body"]

_CREDITOR = {"creditor", "lender"}
_COMMITTEES = {"committee", "group", "panel"}


def is_creditor_body(phrase: Span, head: Token) -> bool:
    """A phrase that names lenders ("creditor banks", "lenders") or a committee of banks ("bank advisory
    committee"); the words before its head count when the mention is the head alone ("creditor banks")."""
    words = [*phrase, *(c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod"))]
    lemmas = {t.lemma_.lower() for t in words}
    return bool(lemmas & _CREDITOR) or head.lower_ in _COMMITTEES and "bank" in lemmas


def creditor_bodies(found: list[ResolvedMention], parsed: Parsed, linked: set[int]) -> None:
    """Take away the country a creditor body got from its owner ("Argentina's creditor banks") or from
    context; keep one its own adjective gives ("Japanese creditor banks")."""
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind != "agent" or m.sector != "BUS" or m.country is None or k in linked or rm.is_location:
            continue
        sdoc = parsed.sentences[rm.sentence].doc
        phrase = sdoc[rm.start:rm.end]
        if not is_creditor_body(phrase, sdoc[rm.head]):
            continue
        owned = any(t.dep_ == "poss" or t.tag_ == "POS" for t in (*phrase, *sdoc[rm.head].lefts))
        if owned or m.country_from in FROM_CONTEXT:
            found[k] = replace(rm, mention=replace(m, country=None, code=actor_code(None, m.sector), name=None,
                                                   country_from=None))
