"""One pass over a parsed sentence, shared by the event finders.

Some twenty finders each walked every token of a candidate sentence, and each walk built a new spaCy
Token object per token (`for tok in sdoc`): most of the finders' time. The last sentence's tokens, grouped
by part of speech, are kept here instead; a finder walks only the group its first test needs, in text
order, so it finds what it found before.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token


class SentenceTokens:
    """A sentence's tokens in text order: all of them, its nouns, its nouns and proper nouns, its verbs, its
    verbs and auxiliaries."""

    __slots__ = ("doc", "all", "nouns", "verbs", "verbs_aux", "nouns_propn")

    def __init__(self, sdoc: Doc) -> None:
        self.doc = sdoc
        self.all: tuple[Token, ...] = tuple(sdoc)
        pos = [t.pos_ for t in self.all]
        self.nouns = tuple(t for t, p in zip(self.all, pos, strict=True) if p == "NOUN")
        self.nouns_propn = tuple(t for t, p in zip(self.all, pos, strict=True) if p in ("NOUN", "PROPN"))
        self.verbs = tuple(t for t, p in zip(self.all, pos, strict=True) if p == "VERB")
        self.verbs_aux = tuple(t for t, p in zip(self.all, pos, strict=True) if p in ("VERB", "AUX"))


_last: SentenceTokens | None = None


def sentence_tokens(sdoc: Doc) -> SentenceTokens:
    """The tokens of this sentence, built once while it is the one being coded (one sentence is kept:
    the finders run sentence after sentence, and nothing else holds the sentence's Doc alive). The answer is
    this sentence's even where another thread codes another sentence at the same time."""
    global _last
    last = _last
    if last is None or last.doc is not sdoc:
        last = _last = SentenceTokens(sdoc)
    return last
