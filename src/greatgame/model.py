"""Typed records passed between stages: documents, mentions, events."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "ACTOR_KINDS",
    "GOLDSTEIN_TABLE",
    "MODALITIES",
    "ActorRef",
    "Document",
    "Event",
    "InputError",
    "Location",
    "Mention",
    "PairLabel",
    "Span",
]

# Which Goldstein column of reference/cameo.tsv the coder's scores come from (DESIGN.md); the store
# records it with every document and exports name it.
GOLDSTEIN_TABLE = "goldstein_gdelt"
MODALITIES = ("asserted", "negated", "future", "hypothetical", "reported")
ACTOR_KINDS = ("state", "igo", "ngo", "group", "person", "agent")


@dataclass(frozen=True)
class Document:
    """One input document: its text as the coder sees it, and what is known about it."""

    id: str
    text: str
    date: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""
    # Character ranges of the text the coder skips (navigation, bylines, footers); () where the text has
    # none, None where nobody looked yet (a Document built by hand): the coder then looks itself.
    skip: tuple[tuple[int, int], ...] | None = None
    # The publisher, where the input names one (`source` or `publisher`); see dedup.sources.
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["skip"] = None if self.skip is None else [list(s) for s in self.skip]
        return d


@dataclass(frozen=True)
class InputError:
    """A user's input that could not be read: where it is and why."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _with_provenance(d: dict[str, Any]) -> dict[str, Any]:
    """An actor's record: `linked_to`, `country_from` and `office_from` appear only where they say something."""
    for key in ("linked_to", "country_from", "office_from"):
        if d.get(key) is None:
            d.pop(key, None)
        elif key == "linked_to":
            d[key] = list(d[key])
    return d


@dataclass(frozen=True)
class Mention:
    """An actor named in a document, resolved to codes."""

    doc_id: str
    start: int
    end: int
    text: str
    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    kind: str
    # The offsets of the fuller mention this one was resolved through ("Funaro" -> "Dilson Funaro").
    linked_to: tuple[int, int] | None = None
    # Where the country came from when the words of the mention do not name it: mention (a linked
    # mention), context (its phrase or clause), dateline or document (the document's dominant country).
    country_from: str | None = None
    # How a person of the leader tables got their office (the sector) when no date chose it: "latest" (the
    # document has no date, so the person's most recent office was taken; it may not be the one they held).
    office_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _with_provenance(asdict(self))


@dataclass(frozen=True)
class Span:
    """A stretch of the document's text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorRef:
    """The source or target of an event, as the event record shows it."""

    text: str
    start: int
    end: int
    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    # As on Mention; the store keeps them too (schema v5), so a stored record equals the coded one.
    linked_to: tuple[int, int] | None = None
    country_from: str | None = None
    office_from: str | None = None

    @classmethod
    def of(cls, m: Mention) -> ActorRef:
        return cls(m.text, m.start, m.end, m.code, m.country, m.sector, m.name, m.linked_to, m.country_from,
                   m.office_from)

    def to_dict(self) -> dict[str, Any]:
        return _with_provenance(asdict(self))


@dataclass(frozen=True)
class Location:
    """Where an event happened."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Event:
    """Who did what to whom, with its evidence; the DESIGN.md event record."""

    event_id: str
    doc_id: str
    date: str | None
    source: ActorRef
    target: ActorRef
    cameo: str
    cameo_root: str
    plover: str | None
    quad: int
    goldstein: float
    negated: bool
    modality: str
    confidence: float
    trigger: Span
    sentence: Span
    location: Location | None = None
    # How much of `date` the text gave: day, month or year ("last year" is a year); None without a date.
    date_precision: str | None = None
    # How the event was found: rule or model, and what it ruled out (for --explain).
    explain: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        d = {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "quad": self.quad,
            "goldstein": self.goldstein,
            "negated": self.negated,
            "modality": self.modality,
            "confidence": self.confidence,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "location": self.location.to_dict() if self.location else None,
        }
        if explain:
            d["explain"] = self.explain
        return d


@dataclass(frozen=True)
class PairLabel:
    """The category of the relation between two given spans (`greatgame classify`)."""

    cameo: str | None
    plover: str | None
    quad: int | None
    confidence: float
    method: str = "none"
    modality: str = "asserted"
