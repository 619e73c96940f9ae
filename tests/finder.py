"""The event finder and coder on the real pipeline, as the event tests read them: the candidate pairs a
sentence gets (before the classifier) and the events coded from it."""

from __future__ import annotations

from greatgame.model import Document, Event
from greatgame.nlp import parse_candidates

DATE = "2019-07-15"


def proposed(coder, text: str, date: str = DATE) -> list:
    """Every candidate pair the finder proposes for a text, fallback included."""
    doc = Document("t", text, date)
    parsed = parse_candidates(coder.nlp, coder.actors, doc, coder.settings)
    resolved = coder.actors.resolve(parsed, doc)
    return [c for _, c in coder.events.candidates(parsed, resolved, with_fallback=True)]


def candidates(coder, text: str, date: str = DATE) -> set[tuple[str, str, str]]:
    """(source words, target words, construction) of every candidate pair, line breaks read as spaces."""
    return {(" ".join(c.source.mention.text.split()), " ".join(c.target.mention.text.split()), c.construction)
            for c in proposed(coder, text, date)}


def coded(coder, text: str, date: str = DATE) -> list[Event]:
    """The events the coder prints for a text (it must code it without an error)."""
    res = coder.code(Document("t", text, date))
    assert res.error is None
    return res.events


def event_codes(coder, text: str, date: str = DATE) -> set[tuple[str | None, str | None, str | None]]:
    """(source code, target code, PLOVER category) of every event printed."""
    return {(e.source.code, e.target.code, e.plover) for e in coded(coder, text, date)}
