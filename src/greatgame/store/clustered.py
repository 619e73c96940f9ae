"""Reading events (schema v4): each real-world event as its anchor mention's record with the event's
date, codes, modality and confidence, its counts, and (when asked) its mentions folded under it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

import duckdb
import pyarrow as pa

from ..model import Event
from .filters import EventFilter, modality_values, where_any
from .rows import event_from_row
from .schema import CLUSTER_ORDER, EVENT_NAMES, MENTION_SELECT

__all__ = ["StoredEvent", "cluster_batches", "cluster_page", "cluster_rows", "stored_events"]

_EVENT_FIELDS = ("event_id", "date", "date_precision", "cameo", "cameo_root", "plover", "quad", "goldstein",
                 "modality", "confidence", "num_mentions", "num_sources", "num_articles", "anchor_mention_id")
_ANCHOR = ", ".join(f"m.{n}" for n in ("mention_id", *EVENT_NAMES[1:]))
_SELECT = (f"SELECT {', '.join('e.' + f for f in _EVENT_FIELDS)}, {_ANCHOR} "
           "FROM (SELECT * FROM events{where}) e JOIN mentions m ON m.mention_id = e.anchor_mention_id")
# Events by date, then where their anchor mention is (so single-mention events keep the mentions' order).
_ORDER = "e.date NULLS LAST, m.doc_id, m.sentence_start, m.trigger_start, m.mention_id"


@dataclass(frozen=True)
class StoredEvent(Event):
    """A real-world event: its anchor mention's record with the event's fields, and its counts."""

    num_mentions: int = 1
    num_sources: int = 1
    num_articles: int = 1
    anchor_mention_id: str = ""
    # Its mentions (the event records of its sentences, with `publisher`, `article_id` and `url`).
    mentions: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        d = super().to_dict(explain)
        d.update(num_mentions=self.num_mentions, num_sources=self.num_sources, num_articles=self.num_articles,
                 anchor_mention_id=self.anchor_mention_id, mentions=list(self.mentions))
        return d


def _event(row: Sequence[Any]) -> StoredEvent:
    ev = dict(zip(_EVENT_FIELDS, row[:len(_EVENT_FIELDS)], strict=True))
    anchor = event_from_row(row[len(_EVENT_FIELDS):])
    date = ev["date"]
    base = {f.name: getattr(anchor, f.name) for f in fields(Event)}
    base.update(event_id=ev["event_id"], date=date.isoformat() if date else None,
                date_precision=ev["date_precision"], cameo=ev["cameo"], cameo_root=ev["cameo_root"],
                plover=ev["plover"], quad=int(ev["quad"]), goldstein=float(ev["goldstein"]),
                modality=ev["modality"], negated=ev["modality"] == "negated", confidence=float(ev["confidence"]))
    return StoredEvent(**base, num_mentions=int(ev["num_mentions"]), num_sources=int(ev["num_sources"]),
                       num_articles=int(ev["num_articles"]), anchor_mention_id=ev["anchor_mention_id"])


def _fold(con: duckdb.DuckDBPyConnection, events: list[StoredEvent]) -> list[StoredEvent]:
    """The events with their mentions under them, each mention in the store's order."""
    if not events:
        return events
    rows = con.execute(
        f"""SELECT {MENTION_SELECT}, cluster, publisher, article_id, url FROM (
            SELECT m.* EXCLUDE (event_id), m.event_id AS cluster, d.source AS publisher, d.article_id, d.url
            FROM mentions m LEFT JOIN documents d USING (doc_id)
            WHERE list_contains(?::VARCHAR[], m.event_id))
            ORDER BY date NULLS LAST, doc_id, sentence_start, trigger_start, mention_id""",
        [[e.event_id for e in events]]).fetchall()
    n = len(EVENT_NAMES)
    under: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        d = event_from_row(row[:n]).to_dict()
        d.update(publisher=row[n + 1], article_id=row[n + 2], url=row[n + 3])
        under.setdefault(row[n], []).append(d)
    return [replace(e, mentions=tuple(under.get(e.event_id, ()))) for e in events]


def cluster_page(con: duckdb.DuckDBPyConnection, filters: Sequence[EventFilter], limit: int, offset: int,
                 mentions: bool = True) -> tuple[int, list[StoredEvent]]:
    """How many events match any of the filters (on the event's own fields), and one page of them."""
    where, params = where_any(filters)
    total = int(con.execute(f"SELECT count(*) FROM events{where}", params).fetchall()[0][0])
    rows = con.execute(_SELECT.format(where=where) + f" ORDER BY {_ORDER} LIMIT ? OFFSET ?",
                       [*params, limit, offset]).fetchall()
    page = [_event(r) for r in rows]
    return total, _fold(con, page) if mentions else page


def stored_events(con: duckdb.DuckDBPyConnection, modality: str | Sequence[str] | None = None,
                  mentions: bool = False, chunk: int = 2000) -> Iterator[StoredEvent]:
    """Every event (of these modalities) in date and id order, with its mentions if asked."""
    mods = modality_values(modality)
    flt = [EventFilter(modality=tuple(mods) if mods is not None else None)]
    where, params = where_any(flt)
    cur = con.cursor()  # its own cursor: folding mentions runs queries between the chunks
    cur.execute(_SELECT.format(where=where) + f" ORDER BY {_ORDER}", params)
    while rows := cur.fetchmany(chunk):
        events = [_event(r) for r in rows]
        yield from (_fold(con, events) if mentions else events)
    cur.close()


def cluster_batches(con: duckdb.DuckDBPyConnection, modality: str | Sequence[str] | None,
                    rows: int = 50_000) -> pa.RecordBatchReader:
    """The events table's rows (of these modalities) as Arrow record batches, in date and id order."""
    mods = modality_values(modality)
    where, params = ("", []) if mods is None else (" WHERE list_contains(?::VARCHAR[], modality)", [mods])
    rel = con.sql(f"SELECT * EXCLUDE (cluster_key) FROM events{where} ORDER BY {CLUSTER_ORDER}", params=params)
    reader = getattr(rel, "to_arrow_reader", None) or rel.fetch_record_batch
    return reader(rows)


def cluster_rows(con: duckdb.DuckDBPyConnection, modality: str | Sequence[str] | None) -> Iterator[dict[str, Any]]:
    """Each event as its anchor mention's row with the event's fields and counts, and its document's
    url, title, coder version and ingest time (for PLOVER records)."""
    mods = modality_values(modality)
    where, params = ("", []) if mods is None else (" WHERE list_contains(?::VARCHAR[], e.modality)", [mods])
    cur = con.execute(
        f"""SELECT m.* EXCLUDE (mention_id, event_id, cluster_key, date, date_precision, cameo, cameo_root,
                   plover, quad, goldstein, modality, confidence, negated),
                   e.event_id, e.date, e.date_precision, e.cameo, e.cameo_root, e.plover, e.quad, e.goldstein,
                   e.modality, e.modality = 'negated' AS negated, e.confidence, e.num_mentions, e.num_sources,
                   e.num_articles, d.url AS doc_url, d.title AS doc_title, d.coder_version, d.ingested_at
            FROM events e JOIN mentions m ON m.mention_id = e.anchor_mention_id
            JOIN documents d ON d.doc_id = m.doc_id{where} ORDER BY {_ORDER}""", params)
    names = [c[0] for c in cur.description]
    while batch := cur.fetchmany(10_000):
        for row in batch:
            yield dict(zip(names, row, strict=True))
