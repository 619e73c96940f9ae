"""The SQL of `greatgame watch`: its sources and their validators, every page URL and its outcome, its
alerts, and the reads of stored events the alerts are made from (tables from migration 3).

Functions that write take the connection inside the caller's transaction (`Store.transaction`);
the Store exposes each of them as a method. Values from outside are parameters; the SQL text is
fixed fragments of this package (a level and a period are chosen from fixed tables).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from .aggregates import PERIODS

__all__ = ["add_urls", "alerts_page", "child_sources", "conflict_events", "due_urls", "first_periods",
           "mark_delivered", "new_alerts", "page_sources", "period_events", "save_source", "source_health",
           "source_validators", "stored_ids", "undelivered_alerts", "write_outcomes"]

# An alert's event: its columns, and the url of its document.
_EVENT_FIELDS = ("event_id", "doc_id", "CAST(date AS VARCHAR)", "source_code", "target_code", "cameo", "quad",
                 "plover", "sentence_text", "(SELECT url FROM documents d WHERE d.doc_id = mentions.doc_id)")
# Attempts spent by a final failure (a 4xx, a refused redirect chain), so that no round takes the page again.
_NO_MORE_TRIES = 1_000_000
_LEVELS = {"country": "coalesce({side}_country, {side}_code)", "actor": "{side}_code"}


def _key(level: str, side: str) -> str:
    return _LEVELS[level].format(side=side)


# --- sources and pages ---------------------------------------------------------------------------


def source_validators(con: duckdb.DuckDBPyConnection, url: str) -> tuple[str | None, str | None] | None:
    """(etag, last_modified) stored for a source; None for a source not seen before."""
    rows = con.execute("SELECT etag, last_modified FROM watch_sources WHERE url = ?", [url]).fetchall()
    return (rows[0][0], rows[0][1]) if rows else None


def child_sources(con: duckdb.DuckDBPyConnection, url: str) -> list[str]:
    """The sitemaps a sitemap index listed when it was last read."""
    return [r[0] for r in con.execute("SELECT url FROM watch_sources WHERE parent = ? ORDER BY url", [url]).fetchall()]


def save_source(con: duckdb.DuckDBPyConnection, url: str, *, kind: str | None, parent: str | None,
                status: int | None, error: str | None, etag: str | None, last_modified: str | None,
                items: int | None, new: int | None) -> None:
    """Record one check of a source; validators are replaced only by a response that carried a body."""
    ok = error is None
    con.execute("""INSERT INTO watch_sources (url, kind, parent, checks, failures) VALUES (?, ?, ?, 0, 0)
                   ON CONFLICT (url) DO NOTHING""", [url, kind, parent])
    con.execute("""UPDATE watch_sources SET
            kind = coalesce(?, kind), parent = coalesce(?, parent),
            etag = CASE WHEN ? THEN ? ELSE etag END,
            last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
            last_checked = current_timestamp, last_status = ?, last_error = ?,
            last_ok = CASE WHEN ? THEN current_timestamp ELSE last_ok END,
            last_items = coalesce(?, last_items), last_new = coalesce(?, last_new),
            checks = checks + 1, failures = failures + CASE WHEN ? THEN 0 ELSE 1 END
        WHERE url = ?""",
                [kind, parent, items is not None, etag, items is not None, last_modified, status, error,
                 ok, items, new, ok, url])


def add_urls(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[str, str, str | None, str | None]]) -> int:
    """Remember (url, source, title, ISO date) pages not seen before as pending; how many were new."""
    if not rows:
        return 0
    # One set-wise insert from an Arrow table: a sitemap may list tens of thousands of pages.
    columns = list(zip(*rows, strict=True))
    listed = pa.table({name: pa.array(col, type=pa.string())
                       for name, col in zip(("url", "source", "title", "date"), columns, strict=True)})
    con.register("listed_urls", listed)
    try:
        before = con.execute("SELECT count(*) FROM watch_urls").fetchall()[0][0]
        con.execute("""INSERT INTO watch_urls (url, source, outcome, title, date, attempts, first_seen)
                       SELECT url, source, 'pending', title, TRY_CAST(date AS DATE), 0, current_timestamp
                       FROM listed_urls WHERE url NOT IN (SELECT url FROM watch_urls)""")
        after = con.execute("SELECT count(*) FROM watch_urls").fetchall()[0][0]
    finally:
        con.unregister("listed_urls")
    return int(after - before)


def due_urls(con: duckdb.DuckDBPyConnection, source: str, limit: int,
             max_attempts: int) -> list[tuple[str, str | None, str | None]]:
    """(url, title, date) of a source's pages still to fetch: pending ones, and failures worth another
    try; newest first."""
    return [tuple(r) for r in con.execute("""SELECT url, title, CAST(date AS VARCHAR) FROM watch_urls
        WHERE source = ? AND (outcome = 'pending' OR (outcome = 'failed' AND attempts < ?))
        ORDER BY date DESC NULLS LAST, first_seen, url LIMIT ?""", [source, max_attempts, limit]).fetchall()]


def page_sources(con: duckdb.DuckDBPyConnection, sources: Sequence[str]) -> list[str]:
    """The sources whose pages a round fetches: these, the sitemaps they list, and those sitemaps' own."""
    rows = con.execute("""SELECT url FROM watch_sources WHERE list_contains(?::VARCHAR[], url)
        OR list_contains(?::VARCHAR[], parent) OR parent IN (SELECT url FROM watch_sources
                                                            WHERE list_contains(?::VARCHAR[], parent))
        ORDER BY url""", [list(sources)] * 3).fetchall()
    return [r[0] for r in rows]


def write_outcomes(con: duckdb.DuckDBPyConnection,
                   rows: Sequence[tuple[str, str, str | None, str | None, str | None, bool]]) -> None:
    """Record (url, outcome, reason, doc_id, publisher, final) of pages; a final failure spends every try."""
    if rows:
        con.executemany("""UPDATE watch_urls SET outcome = ?, reason = ?, doc_id = coalesce(?, doc_id),
                publisher = coalesce(?, publisher), last_tried = current_timestamp,
                attempts = CASE WHEN ? THEN greatest(attempts + 1, ?) ELSE attempts + 1 END
            WHERE url = ?""", [(outcome, reason, doc_id, publisher, final, _NO_MORE_TRIES, url)
                               for url, outcome, reason, doc_id, publisher, final in rows])


def source_health(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Each source's last check and how many of its pages came to each outcome."""
    cur = con.execute("""
        SELECT s.url, s.kind, s.parent, s.last_status, s.last_error,
               strftime(s.last_checked, '%Y-%m-%dT%H:%M:%S') AS last_checked,
               strftime(s.last_ok, '%Y-%m-%dT%H:%M:%S') AS last_ok, s.checks, s.failures,
               count(u.url) AS urls,
               count(u.url) FILTER (u.outcome = 'ingested') AS ingested,
               count(u.url) FILTER (u.outcome = 'duplicate') AS duplicate,
               count(u.url) FILTER (u.outcome = 'skipped') AS skipped,
               count(u.url) FILTER (u.outcome = 'failed') AS failed,
               count(u.url) FILTER (u.outcome = 'pending') AS pending
        FROM watch_sources s LEFT JOIN watch_urls u ON u.source = s.url
        GROUP BY ALL ORDER BY s.url""")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def stored_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> set[str]:
    """Which of these document ids the store holds."""
    if not ids:
        return set()
    rows = con.execute("SELECT doc_id FROM documents WHERE list_contains(?::VARCHAR[], doc_id)",
                       [list(ids)]).fetchall()
    return {r[0] for r in rows}


# --- the events alerts are made from -------------------------------------------------------------


def conflict_events(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str],
                    actors: Sequence[str]) -> list[tuple[Any, ...]]:
    """Asserted material-conflict events of these documents with one of `actors` (a code or country) on
    either side: the alert event's fields, then the source's and target's countries."""
    return con.execute(f"""SELECT {', '.join(_EVENT_FIELDS)}, source_country, target_country FROM mentions
        WHERE list_contains(?::VARCHAR[], doc_id) AND quad = 4 AND modality = 'asserted'
          AND (list_contains(?::VARCHAR[], source_code) OR list_contains(?::VARCHAR[], source_country)
            OR list_contains(?::VARCHAR[], target_code) OR list_contains(?::VARCHAR[], target_country))
        ORDER BY date NULLS LAST, doc_id, sentence_start, mention_id""",
                       [list(doc_ids), *[list(actors)] * 4]).fetchall()


def first_periods(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], level: str,
                  by: str) -> dict[tuple[str, str], Any]:
    """For each undirected pair (at `level`) with dated events in these documents, its earliest period."""
    src, tgt, period = _key(level, "source"), _key(level, "target"), PERIODS[by]
    rows = con.execute(f"""SELECT least({src}, {tgt}), greatest({src}, {tgt}), min({period}) FROM mentions
        WHERE list_contains(?::VARCHAR[], doc_id) AND date IS NOT NULL GROUP BY ALL""", [list(doc_ids)]).fetchall()
    return {(a, b): first for a, b, first in rows}


def period_events(con: duckdb.DuckDBPyConnection, pair: tuple[str, str], period_start: Any, level: str, by: str,
                  limit: int) -> list[tuple[Any, ...]]:
    """The asserted events between a pair (either way) in one period, in date order, at most `limit`."""
    src, tgt, period = _key(level, "source"), _key(level, "target"), PERIODS[by]
    a, b = pair
    return con.execute(f"""SELECT {', '.join(_EVENT_FIELDS)} FROM mentions
        WHERE modality = 'asserted' AND {period} = ?
          AND (({src} = ? AND {tgt} = ?) OR ({src} = ? AND {tgt} = ?))
        ORDER BY date, doc_id, sentence_start, mention_id LIMIT ?""", [period_start, a, b, b, a, limit]).fetchall()


# --- alerts --------------------------------------------------------------------------------------


def new_alerts(con: duckdb.DuckDBPyConnection, alerts: Sequence[tuple[str, str, dict[str, Any]]]) -> int:
    """Store (alert_id, kind, body) alerts not stored before, as undelivered; how many were new."""
    if not alerts:
        return 0
    known = {r[0] for r in con.execute("SELECT alert_id FROM watch_alerts WHERE list_contains(?::VARCHAR[], "
                                       "alert_id)", [[a[0] for a in alerts]]).fetchall()}
    new = 0
    for alert_id, kind, body in alerts:
        if alert_id in known:
            continue
        con.execute("INSERT INTO watch_alerts VALUES (?, ?, current_timestamp, false, ?)",
                    [alert_id, kind, json.dumps(body, ensure_ascii=False)])
        known.add(alert_id)
        new += 1
    return new


def undelivered_alerts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(alert_id, body as JSON text) of every alert not yet delivered, oldest first."""
    return [tuple(r) for r in con.execute("SELECT alert_id, body FROM watch_alerts WHERE NOT delivered "
                                          "ORDER BY raised_at, alert_id").fetchall()]


def mark_delivered(con: duckdb.DuckDBPyConnection, alert_id: str) -> None:
    con.execute("UPDATE watch_alerts SET delivered = true WHERE alert_id = ?", [alert_id])


def alerts_page(con: duckdb.DuckDBPyConnection, kind: str | None, limit: int,
                offset: int) -> tuple[int, list[dict[str, Any]]]:
    """How many alerts there are (of this kind), and one page of their bodies, newest first."""
    where, params = ("WHERE kind = ?", [kind]) if kind else ("", [])
    total = con.execute(f"SELECT count(*) FROM watch_alerts {where}", params).fetchall()[0][0]
    rows = con.execute(f"SELECT body FROM watch_alerts {where} ORDER BY raised_at DESC, alert_id "
                       "LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return int(total), [json.loads(r[0]) for r in rows]
