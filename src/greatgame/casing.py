"""Text set all in capitals ("IRAN SAYS IT SHOT DOWN IRAQI JET"): read in sentence case.

Headlines, wire slugs and some pasted copy come in capitals. Read as they are, the tagger takes every word
for a name and the dictionary's case-sensitive forms match none of them, so no actor is found. Such a text
is coded as if it were set in lower case with each sentence's first letter capital and the names the
dictionary knows in their own case ("Iran says it shot down Iraqi jet"); the offsets are the same, and
the records then show the words as the text has them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .model import Document, Event, Mention, Span

__all__ = ["MIN_LETTERS", "UPPER_SHARE", "as_written", "sentence_case", "uppercase_text"]

# A text in capitals has at least this share of its letters capital ("McDONALD", "(Reuters)" may not be) ...
UPPER_SHARE = 0.95
# ... among at least this many letters (an acronym alone, "NATO", is no text in capitals)
MIN_LETTERS = 12
_NOT_LETTERS = re.compile(r"[\W\d_]+")  # all but the letters: taken out, the letters are left
_PIECE_CHARS = 1000
# where a sentence starts: the text's first letter, one after a full stop (not of "U.S."), question or
# exclamation mark and a space, or after a blank line
_START = re.compile(r"(?:^|(?<!\b\w\.\w)[.!?][\"')\]]*\s+|\n\s*\n)\W*?(\w)")


def uppercase_text(text: str) -> bool:
    """Whether a text is set all in capitals."""
    # The letters are taken a piece of text at a time: a text in ordinary case has more small letters than
    # a text in capitals of its length could have (a share of its characters) within a few lines, and the
    # rest is not read (taking the non-letters out of a whole long text was most of the time here).
    allowed, n, others = (1 - UPPER_SHARE) * len(text) + 1, 0, 0
    for a in range(0, len(text), _PIECE_CHARS):
        letters = _NOT_LETTERS.sub("", text[a:a + _PIECE_CHARS])
        n += len(letters)
        others += sum(1 for c in letters if not c.isupper())
        if others > allowed:
            return False
    return n >= MIN_LETTERS and n - others >= UPPER_SHARE * n


def _lower(text: str) -> str:
    # character by character, keeping the length where a lower case takes two ("İ")
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def sentence_case(text: str, names: Iterable[tuple[int, int, str]]) -> str:
    """A text in capitals set in lower case with each sentence's first letter capital, and each name
    (start, end, form) in the form's case where the form is as long as the name's text."""
    chars = list(_lower(text))
    for m in _START.finditer(text):
        chars[m.start(1)] = text[m.start(1)]
    for a, b, form in names:
        if len(form) == b - a and form.lower() == "".join(chars[a:b]).lower():
            chars[a:b] = form
    return "".join(chars)


def as_written(doc: Document, mentions: tuple[Mention, ...], events: tuple[Event, ...]
               ) -> tuple[tuple[Mention, ...], tuple[Event, ...]]:
    """Mentions and events coded from a recased copy of a document, with its words as the document has them."""
    text = doc.text

    def span(s: Span) -> Span:
        return replace(s, text=text[s.start:s.end])

    return (tuple(replace(m, text=text[m.start:m.end]) for m in mentions),
            tuple(replace(e, source=replace(e.source, text=text[e.source.start:e.source.end]),
                          target=replace(e.target, text=text[e.target.start:e.target.end]),
                          trigger=span(e.trigger), sentence=span(e.sentence)) for e in events))
