"""Organisations named by a name the dictionary does not know, described beside it by a body with a
country: "French companies Rhone-Poulenc, Pechiney and Imec", "The three Japanese firms are Nomura
Securities Co. and Daiwa Securities Co.", "Sandoz, a Swiss drugmaker". Each takes that body's country and
sector, and so does the same name again later in the story."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import ResolvedMention, actor_code, uncoded_group

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Parsed

__all__ = ["described_groups"]


def _descriptions(head: Token) -> list[Token]:
    """The tokens that describe a name: what it stands in apposition to or beside, or the subject it is
    said to be ("the firms are X and Y"); for a conjunct, those of the first of its list."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    out = [c for c in head.children if c.dep_ == "appos"]
    if first.dep_ == "appos":
        out.append(first.head)
    if first.dep_ == "attr" and first.head.lemma_ == "be":
        out += [c for c in first.head.children if c.dep_ == "nsubj"]
    return out


def described_groups(found: list[ResolvedMention], parsed: Parsed, linked: set[int]) -> None:
    """Uncoded organisations described by a body with a country and sector take them (see the module)."""
    named: dict[str, ResolvedMention] = {}
    for k, rm in enumerate(found):
        if not uncoded_group(rm) or k in linked:
            continue
        m = rm.mention
        key = " ".join(m.text.split())
        body = None
        sdoc = parsed.sentences[rm.sentence].doc
        for tok in _descriptions(sdoc[rm.head]):
            body = next((o for o in found if o.sentence == rm.sentence and o.head == tok.i and o.country
                         and o.mention.sector and o.mention.kind == "agent"), None)
            if body is not None:
                break
        if body is None and key in named:
            body = named[key]
        if body is None:
            continue
        b = body.mention
        found[k] = replace(rm, mention=replace(m, country=b.country, sector=b.sector,
                                               code=actor_code(b.country, b.sector), country_from="context"))
        named.setdefault(key, found[k])
