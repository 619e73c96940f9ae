"""The actor mentions the real pipeline gives a text, as the actor tests read them."""

from __future__ import annotations

from greatgame.model import Document


def mention_rows(coder, text: str, date: str | None, *fields: str) -> list[tuple]:
    """The named fields of every mention of a coded text, in order; each mention's text checked against its
    offsets, and the text coded without error."""
    res = coder.code(Document(id="t", text=text, date=date))
    assert res.error is None
    for m in res.mentions:
        assert text[m.start:m.end] == m.text
    return [tuple(getattr(m, f) for f in fields) for m in res.mentions]
