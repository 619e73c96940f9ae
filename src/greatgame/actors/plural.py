"""Who "they" stands for when no speaker reports it: the plural actor that was the subject just before
("Funaro and Gros visited Washington. This week they sought support in Britain")."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..nlp import Parsed
    from .resolved import ResolvedMention

__all__ = ["they_before"]

# Verbs whose "they" subject is seldom an actor doing something: "they are", "they seem", "they remain".
_NOT_ACTS = {"be", "seem", "appear", "remain", "become", "look", "mean", "matter", "happen", "follow", "cost",
             "rise", "fall", "go"}
_PLURAL_TAGS = {"NNS", "NNPS"}


def _plural(rm: ResolvedMention, sdoc: Doc) -> bool:
    """Whether a subject names more than one: a plural noun, names joined by "and", or "they" itself."""
    head = sdoc[rm.head]
    return head.tag_ in _PLURAL_TAGS or head.lower_ == "they" or any(
        t.lower_ == "and" and t.dep_ == "cc" for t in sdoc[rm.start:rm.end]) or any(
        c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") for c in head.children)


def they_before(tok: Token, si: int, parsed: Parsed, found: list[ResolvedMention]) -> int | None:
    """The mention (an index into `found`) that "they", the subject of a main verb that is no copula, stands
    for: the plural actor that is the main subject of the sentence just before, if that sentence was parsed
    and is the one just before in the text."""
    verb = tok.head
    if tok.lower_ != "they" or tok.dep_ != "nsubj" or verb.dep_ != "ROOT" or verb.pos_ != "VERB" \
            or verb.lemma_ in _NOT_ACTS or si == 0:
        return None
    prev = parsed.sentences[si - 1]
    if prev.index != parsed.sentences[si].index - 1:
        return None
    for k, rm in enumerate(found):
        if rm.sentence != si - 1 or rm.is_location or rm.source == "pair":
            continue
        head = prev.doc[rm.head]
        if head.dep_ == "nsubj" and head.head.dep_ == "ROOT" and _plural(rm, prev.doc):
            return k
    return None
