"""What `watch` remembers in the store: sources and their validators, every page URL and its outcome.

The tables come from store migration 3. Every function here takes a connected, writable Store and
commits what it writes in one transaction, so a kill -9 leaves either the old state or the new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import duckdb
import pyarrow as pa

from ..store import Store

__all__ = [
    "OUTCOMES",
    "Entry",
    "Outcome",
    "SourceState",
    "add_pending",
    "canonical_url",
    "due_urls",
    "get_source",
    "record_outcomes",
    "save_source",
    "source_health",
    "url_doc_id",
    "write_outcomes",
]

OUTCOMES = ("pending", "ingested", "duplicate", "skipped", "failed")
# Query parameters that only say where a reader came from; a page is the same page without them.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid")


def canonical_url(url: str) -> str:
    """The URL a page is known by: lower-case scheme and host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = "&".join(p for p in parts.query.split("&")
                     if p and not p.split("=", 1)[0].lower().startswith(_TRACKING))
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


def url_doc_id(url: str) -> str:
    """The document id of a page: from its canonical URL, so a page fetched twice is one document."""
    return "url-" + hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Entry:
    """A page a feed or sitemap lists, with what the listing says of it."""

    url: str
    title: str | None = None
    date: str | None = None  # ISO date


@dataclass(frozen=True)
class SourceState:
    """A source's validators from its last good fetch."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


def get_source(store: Store, url: str) -> SourceState:
    """The validators stored for a source (none for a new one)."""
    rows = store.con.execute("SELECT etag, last_modified FROM watch_sources WHERE url = ?", [url]).fetchall()
    return SourceState(url, *rows[0]) if rows else SourceState(url)


def save_source(store: Store, url: str, *, kind: str | None, parent: str | None, status: int | None,
                error: str | None, etag: str | None = None, last_modified: str | None = None,
                items: int | None = None, new: int | None = None) -> None:
    """Record one check of a source; validators are replaced only by a response that carried a body."""
    ok = error is None
    with store.transaction() as con:
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


def add_pending(store: Store, source: str, entries: Iterable[Entry]) -> int:
    """Remember the pages a listing names that were not seen before; how many were new."""
    rows = {}
    for e in entries:
        url = canonical_url(e.url)
        rows.setdefault(url, (url, source, e.title, e.date))
    if not rows:
        return 0
    # One set-wise insert from an Arrow table: a sitemap may list tens of thousands of pages.
    columns = list(zip(*rows.values(), strict=True))
    listed = pa.table({name: pa.array(col, type=pa.string())
                       for name, col in zip(("url", "source", "title", "date"), columns, strict=True)})
    con = store.con
    con.register("listed_urls", listed)
    try:
        with store.transaction():
            before = con.execute("SELECT count(*) FROM watch_urls").fetchall()[0][0]
            con.execute("""INSERT INTO watch_urls (url, source, outcome, title, date, attempts, first_seen)
                           SELECT url, source, 'pending', title, TRY_CAST(date AS DATE), 0, current_timestamp
                           FROM listed_urls WHERE url NOT IN (SELECT url FROM watch_urls)""")
            after = con.execute("SELECT count(*) FROM watch_urls").fetchall()[0][0]
    finally:
        con.unregister("listed_urls")
    return int(after - before)


def due_urls(store: Store, source: str, limit: int, max_attempts: int) -> list[Entry]:
    """Pages of a source still to fetch: pending ones, and failures worth another try; newest first."""
    rows = store.con.execute("""SELECT url, title, CAST(date AS VARCHAR) FROM watch_urls
        WHERE source = ? AND (outcome = 'pending' OR (outcome = 'failed' AND attempts < ?))
        ORDER BY date DESC NULLS LAST, first_seen, url LIMIT ?""", [source, max_attempts, limit]).fetchall()
    return [Entry(*r) for r in rows]


@dataclass(frozen=True)
class Outcome:
    """What came of one page."""

    url: str
    outcome: str  # one of OUTCOMES
    reason: str | None = None
    doc_id: str | None = None
    publisher: str | None = None
    final: bool = False  # a failure not worth another try (a 4xx, a refused redirect chain)


# Spent by a final failure, so that no round takes the page again.
_NO_MORE_TRIES = 1_000_000


def record_outcomes(store: Store, outcomes: Sequence[Outcome]) -> None:
    """Record what came of pages, in one transaction."""
    if outcomes:
        with store.transaction() as con:
            write_outcomes(con, outcomes)


def write_outcomes(con: duckdb.DuckDBPyConnection, outcomes: Sequence[Outcome]) -> None:
    """Record what came of pages within the caller's transaction."""
    if outcomes:
        con.executemany("""UPDATE watch_urls SET outcome = ?, reason = ?, doc_id = coalesce(?, doc_id),
                publisher = coalesce(?, publisher), last_tried = current_timestamp,
                attempts = CASE WHEN ? THEN greatest(attempts + 1, ?) ELSE attempts + 1 END
            WHERE url = ?""", [(o.outcome, o.reason, o.doc_id, o.publisher, o.final, _NO_MORE_TRIES,
                                canonical_url(o.url)) for o in outcomes])


def source_health(store: Store) -> list[dict[str, Any]]:
    """Each source's last check and what its pages came to, for `greatgame sources` and /api/sources."""
    frame = store.con.execute("""
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
    rows = []
    for rec in frame.df().to_dict("records"):
        row = {k: (None if v != v else v) for k, v in rec.items()}  # NaN -> None
        for k in ("last_status", "checks", "failures", "urls", "ingested", "duplicate", "skipped", "failed",
                  "pending"):
            row[k] = None if row[k] is None else int(row[k])
        row["health"] = ("new" if not row["checks"] else "ok" if row["last_error"] is None else "failing")
        rows.append(row)
    return rows
