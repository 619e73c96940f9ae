"""Long documents in pieces: no text over spaCy's max_length ever reaches the tokenizer.

spaCy refuses a text over `nlp.max_length` characters (E088, 1,000,000 by default), while a document
may hold up to 10 MB. Such a document is cut at paragraph breaks (else sentence ends, else
whitespace) into pieces that are coded one after another; each piece keeps its start offset, so
every span is mapped back to a true offset into the whole text.
"""

from __future__ import annotations

import re
from collections import deque

__all__ = ["PIECE_CHARS", "chunks"]

# A piece is at most this long: small enough that one piece's Doc stays a few hundred MB at most.
PIECE_CHARS = 200_000

_BREAKS = (re.compile(r"\n[^\S\n]*\n\s*"),  # a blank line: the end of a paragraph
           re.compile(r"[.!?][\"'”’)\]]*\s+"),  # the end of a sentence
           re.compile(r"\s+"))


def chunks(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) ranges that cover `text` in order, each at most `limit` characters long.

    A range ends after the last paragraph break in the second half of its window, else after the
    last sentence end there, else after the last whitespace; text with none is cut at `limit`.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2 characters")
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = start + limit
        for pattern in _BREAKS:
            last = deque(pattern.finditer(window, limit // 2), maxlen=1)
            if last:
                cut = start + last[0].end()
                break
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out
