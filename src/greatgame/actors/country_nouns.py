"""States named by a common noun: "the country" is the state the text last named, "his country" the last
named state of the person "his" stands for (coref.py links them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .spans import LOCATION_PREPS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Parsed
    from .resolved import ResolvedMention

__all__ = ["COUNTRY_NOUNS", "country_noun_antecedent"]

COUNTRY_NOUNS = {"country"}
_OWNERS = {"the", "his", "her"}


def country_noun_antecedent(tok: Token, si: int, items: list[tuple[ResolvedMention, int]],
                            out: list[ResolvedMention], parsed: Parsed, root: Callable[[int], int],
                            reach: int) -> int | None:
    """The mention (index into `out`) of the state a bare "the country" or "his country" stands for: the
    last state named by its name or nationality within `reach` sentences (for "his country", one of the
    person's country, the last person named before it in the sentence). None for "the host country", "a
    country", "the whole country" (any other word in the phrase), "the country of registration", and for
    "in the country", a place."""
    det = tok.doc[tok.i - 1] if tok.i > 0 else None
    if det is None or det.lower_ not in _OWNERS or det.head.i != tok.i or tok.dep_ in ("compound", "amod") \
            or any(c.dep_ not in ("det", "poss", "case", "punct", "prep", "relcl", "acl", "cc", "conj")
                   or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # ("the country of registration" is any country)
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATION_PREPS:
        return None  # "an airfield in the country": where, which the state last named need not be
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
