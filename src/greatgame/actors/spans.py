"""Token-level helpers of actor recognition: matching across line breaks, and small tests on tokens."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

__all__ = ["PRONOUN_WINDOW", "Compact", "against_or_for", "pronoun_before", "words"]

# How far before a role word a subject pronoun makes its sentence worth parsing.
PRONOUN_WINDOW = 12


class Compact:
    """A doc without its whitespace tokens, so that phrases match across line breaks
    ("European\nCommunity"); the doc itself where it has none."""

    def __init__(self, doc: Doc) -> None:
        text = doc.text
        self.keep: list[int] | None = None
        self.doc = doc
        if "\n" in text or "  " in text or "\t" in text or "\r" in text:
            keep = [t.i for t in doc if not t.is_space]
            if len(keep) < len(doc):
                self.keep = keep
                self.doc = Doc(doc.vocab, words=[doc[i].text for i in keep])

    def match(self, matcher: PhraseMatcher) -> list[tuple[int, int]]:
        """The matcher's token ranges in the original doc."""
        keep = self.keep
        if keep is None:
            return [(s, e) for _, s, e in matcher(self.doc)]
        return [(keep[s], keep[e - 1] + 1) for _, s, e in matcher(self.doc)]


def words(span: Span) -> int:
    """How many words a span has, not counting punctuation, spaces and possessive endings."""
    return sum(1 for t in span if not (t.is_punct or t.is_space or t.text in ("'s", "’s")))


def pronoun_before(doc: Doc, i: int) -> bool:
    """Whether a subject pronoun comes shortly before token i in its sentence ("Since then, it has resisted
    pressure from creditors"): the pronoun may stand for an actor named before, and the role word is its
    counterpart, so the sentence is worth parsing."""
    for t in reversed(doc[max(i - PRONOUN_WINDOW, 0):i]):
        if t.text in (".", "!", "?", ";") or "\n\n" in t.text:
            return False
        if t.lower_ in ("he", "she", "it", "they"):
            return True
    return False


def against_or_for(span: Span) -> bool:
    """Whether a state's name is the object of "pro-" or "anti-" ("pro-Russia", "anti - American")."""
    doc, i = span.doc, span.start
    before = [t.lower_ for t in doc[max(i - 2, 0):i]]
    return bool(before) and (before[-1] in ("pro-", "anti-") or before[-2:] in (["pro", "-"], ["anti", "-"]))
