"""Events as rows of the events table and back: Arrow tables to write, Event records read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from ..model import ActorRef, Event, Location, Span
from .schema import _ACTOR_FIELDS, EVENT_COLUMNS, EVENT_NAMES

__all__ = ["event_from_row", "event_table"]

_EVENT_NAMES = EVENT_NAMES



def _actor_values(a: ActorRef) -> list[Any]:
    return [a.text, a.start, a.end, a.code, a.country, a.sector, a.name]


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
    ]


_ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int64(), "TINYINT": pa.int64(),
                "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.string()}


def event_table(events: Sequence[Event]) -> pa.Table:
    """Events as an Arrow table with the events table's columns (dates still as ISO text)."""
    columns: list[list[Any]] = [[] for _ in EVENT_COLUMNS]
    for e in events:
        for col, value in zip(columns, _event_values(e), strict=True):
            col.append(value)
    schema = pa.schema([(n, _ARROW_TYPES[t.split()[0]]) for n, t in EVENT_COLUMNS])
    return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)],
                                schema=schema)


def event_from_row(row: Sequence[Any]) -> Event:
    """An Event from a row of the events table's columns, in EVENT_COLUMNS order."""
    r = dict(zip(_EVENT_NAMES, row, strict=True))

    def actor(p: str) -> ActorRef:
        return ActorRef(*(r[f"{p}_{f}"] for f in _ACTOR_FIELDS))

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
