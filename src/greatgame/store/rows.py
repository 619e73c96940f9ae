"""Mentions as rows of the mentions table and back: Arrow tables to write, Event records read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from ..model import ActorRef, Event, Location, Span
from .schema import _ACTOR_FIELDS, EVENT_COLUMNS, EVENT_NAMES

__all__ = ["actor_provenance", "event_from_row", "event_table"]

_EVENT_NAMES = EVENT_NAMES


def _actor_values(a: ActorRef) -> list[Any]:
    return [a.text, a.start, a.end, a.code, a.country, a.sector, a.name]


def actor_provenance(a: ActorRef) -> list[Any]:
    """An actor side's provenance columns: linked_start, linked_end, country_from, office_from."""
    linked = a.linked_to or (None, None)
    return [linked[0], linked[1], a.country_from, a.office_from]


def _event_values(e: Event) -> list[Any]:
    loc = e.location
    return [
        e.event_id, e.doc_id, e.date,
        *_actor_values(e.source), *_actor_values(e.target),
        e.cameo, e.cameo_root, e.plover, e.quad, float(e.goldstein), bool(e.negated), e.modality,
        float(e.confidence),
        e.trigger.text, e.trigger.start, e.trigger.end,
        e.sentence.text, e.sentence.start, e.sentence.end,
        loc.name if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None,
        e.date_precision,
        *actor_provenance(e.source), *actor_provenance(e.target),
    ]


_ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int64(), "TINYINT": pa.int64(),
                "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.string()}


def event_table(events: Sequence[Event]) -> pa.Table:
    """Events as an Arrow table with the mentions table's columns (dates still as ISO text)."""
    columns: list[list[Any]] = [[] for _ in EVENT_COLUMNS]
    for e in events:
        for col, value in zip(columns, _event_values(e), strict=True):
            col.append(value)
    schema = pa.schema([(n, _ARROW_TYPES[t.split()[0]]) for n, t in EVENT_COLUMNS])
    return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)],
                                schema=schema)


def event_from_row(row: Sequence[Any]) -> Event:
    """An Event from a row of the mentions table's columns, in EVENT_COLUMNS order (`event_id` its mention id)."""
    r = dict(zip(_EVENT_NAMES, row, strict=True))

    def actor(p: str) -> ActorRef:
        start, end = r[f"{p}_linked_start"], r[f"{p}_linked_end"]
        return ActorRef(*(r[f"{p}_{f}"] for f in _ACTOR_FIELDS),
                        linked_to=(start, end) if start is not None and end is not None else None,
                        country_from=r[f"{p}_country_from"], office_from=r[f"{p}_office_from"])

    location = None
    if r["location_name"] is not None:
        location = Location(r["location_name"], r["location_country"], r["location_lat"], r["location_lon"])
    date = r["date"]
    return Event(
        event_id=r["event_id"], doc_id=r["doc_id"], date=date.isoformat() if date else None,
        source=actor("source"), target=actor("target"),
        cameo=r["cameo"], cameo_root=r["cameo_root"], plover=r["plover"], quad=int(r["quad"]),
        goldstein=float(r["goldstein"]), negated=bool(r["negated"]), modality=r["modality"],
        confidence=float(r["confidence"]),
        trigger=Span(r["trigger_text"], r["trigger_start"], r["trigger_end"]),
        sentence=Span(r["sentence_text"], r["sentence_start"], r["sentence_end"]),
        location=location, date_precision=r["date_precision"],
    )
