"""The store's reads: events in the one order (whole, paged, as Arrow, joined with documents), counts,
actor search. Values from outside are parameters; the SQL text is fixed fragments of this package."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from ..model import Event
from .filters import EventFilter, modality_values, where_any
from .rows import event_from_row
from .schema import EVENT_ORDER, MENTION_SELECT

__all__ = ["actors_page", "coder_versions", "event_batches", "events", "events_page", "events_with_documents",
           "known_documents", "stats"]

_COLUMNS = MENTION_SELECT
# The same order with the mentions table named `e`, for reads joined with documents (which has a date too).
_ORDER_E = ", ".join(f"e.{part.strip()}" for part in EVENT_ORDER.split(","))


def _one(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...]:
    return tuple(con.execute(sql, list(params)).fetchall()[0])


def known_documents(con: duckdb.DuckDBPyConnection) -> tuple[set[str], set[str]]:
    """The ids and content hashes of every stored document."""
    ids: set[str] = set()
    hashes: set[str] = set()
    cur = con.execute("SELECT doc_id, content_hash FROM documents")
    while rows := cur.fetchmany(50_000):
        for doc_id, digest in rows:
            ids.add(doc_id)
            hashes.add(digest)
    return ids, hashes


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts of documents, articles, sources, events, mentions and actors; the first and last event dates."""
    docs = _one(con, "SELECT count(*), count(DISTINCT article_id), count(DISTINCT source) FROM documents")
    ev = _one(con, "SELECT count(*), min(date), max(date) FROM events")
    mentions = _one(con, "SELECT count(*) FROM mentions")
    actors = _one(con, "SELECT count(*) FROM actors")
    return {
        "documents": int(docs[0]),
        "articles": int(docs[1]),
        "sources": int(docs[2]),
        "events": int(ev[0]),
        "mentions": int(mentions[0]),
        "actors": int(actors[0]),
        "first_date": ev[1].isoformat() if ev[1] else None,
        "last_date": ev[2].isoformat() if ev[2] else None,
    }


def events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> Iterator[Event]:
    """Stored events matching the filter (and its limit), in the store's order."""
    flt = flt or EventFilter()
    where, params = flt.where()
    sql = f"SELECT {_COLUMNS} FROM mentions{where} ORDER BY {EVENT_ORDER}"
    if flt.limit is not None:
        sql += " LIMIT ?"
        params.append(flt.limit)
    cur = con.execute(sql, params)
    while rows := cur.fetchmany(10_000):
        for row in rows:
            yield event_from_row(row)


def events_page(con: duckdb.DuckDBPyConnection, filters: Sequence[EventFilter], limit: int,
                offset: int) -> tuple[int, list[Event]]:
    """How many events match any of the filters, and one page of them in the store's order."""
    where, params = where_any(filters)
    total = _one(con, f"SELECT count(*) FROM mentions{where}", params)
    rows = con.execute(f"SELECT {_COLUMNS} FROM mentions{where} ORDER BY {EVENT_ORDER} LIMIT ? OFFSET ?",
                       [*params, limit, offset]).fetchall()
    return int(total[0]), [event_from_row(r) for r in rows]


def actors_page(con: duckdb.DuckDBPyConnection, q: str | None, limit: int, offset: int) -> tuple[int, list[dict]]:
    """Actors whose code or name contains `q` (any, if None), most mentioned first: the total and a page."""
    where, params = "", []
    if q and q.strip():
        like = "%" + re.sub(r"([%_\\])", r"\\\1", q.strip()) + "%"
        where = " WHERE code ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\'"
        params = [like, like]
    total = _one(con, f"SELECT count(*) FROM actors{where}", params)
    cur = con.execute(f"SELECT code, name, country, sector, mentions AS events FROM actors{where} "
                      "ORDER BY mentions DESC, code LIMIT ? OFFSET ?", [*params, limit, offset])
    names = [c[0] for c in cur.description]
    return int(total[0]), [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def coder_versions(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[str]]:
    """The coder versions and Goldstein tables the stored documents were coded with."""
    rows = con.execute("SELECT DISTINCT coder_version, goldstein_table FROM documents").fetchall()
    return sorted({r[0] for r in rows}), sorted({r[1] for r in rows})


def _modality_where(modality: str | Sequence[str] | None) -> tuple[str, list[Any]]:
    mods = modality_values(modality)
    if mods is None:
        return "", []
    return " WHERE list_contains(?::VARCHAR[], e.modality)", [mods]


def event_batches(con: duckdb.DuckDBPyConnection, modality: str | Sequence[str] | None,
                  rows: int = 50_000) -> pa.RecordBatchReader:
    """The events table's rows (of these modalities) as Arrow record batches, in the store's order."""
    where, params = _modality_where(modality)
    rel = con.sql(f"SELECT {_COLUMNS} FROM mentions e{where} ORDER BY {_ORDER_E}", params=params)
    # DuckDB 2 names it to_arrow_reader; 1.x fetch_record_batch.
    reader = getattr(rel, "to_arrow_reader", None) or rel.fetch_record_batch
    return reader(rows)


def events_with_documents(con: duckdb.DuckDBPyConnection,
                          modality: str | Sequence[str] | None) -> Iterator[dict[str, Any]]:
    """Event rows with their document's url, title, coder version and ingest time, in the store's order."""
    where, params = _modality_where(modality)
    cur = con.execute(
        f"SELECT e.* EXCLUDE (mention_id, event_id, cluster_key), e.mention_id AS event_id, d.url AS doc_url, "
        f"d.title AS doc_title, d.coder_version, d.ingested_at "
        f"FROM mentions e JOIN documents d USING (doc_id){where} ORDER BY {_ORDER_E}", params)
    names = [c[0] for c in cur.description]
    while batch := cur.fetchmany(10_000):
        for row in batch:
            yield dict(zip(names, row, strict=True))


def document_meta(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    """(doc_id, url, origin, title, ingested_at) of every stored document."""
    return con.execute("SELECT doc_id, url, origin, title, ingested_at FROM documents").fetchall()
