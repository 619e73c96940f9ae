"""What `watch` remembers in the store: sources and their validators, every page URL and its outcome.

The tables come from store migration 3, and their SQL is the store's (store/watch.py). Every function
here takes a connected, writable Store, which commits what it writes in one transaction, so a kill -9
leaves either the old state or the new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

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
    "outcome_rows",
    "url_doc_id",
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
    found = store.watch_source(url)
    return SourceState(url, *found) if found else SourceState(url)


def save_source(store: Store, url: str, *, kind: str | None, parent: str | None, status: int | None,
                error: str | None, etag: str | None = None, last_modified: str | None = None,
                items: int | None = None, new: int | None = None) -> None:
    """Record one check of a source; validators are replaced only by a response that carried a body."""
    store.save_watch_source(url, kind=kind, parent=parent, status=status, error=error, etag=etag,
                            last_modified=last_modified, items=items, new=new)


def add_pending(store: Store, source: str, entries: Iterable[Entry]) -> int:
    """Remember the pages a listing names that were not seen before; how many were new."""
    rows: dict[str, tuple[str, str, str | None, str | None]] = {}
    for e in entries:
        url = canonical_url(e.url)
        rows.setdefault(url, (url, source, e.title, e.date))
    return store.add_watch_urls(list(rows.values()))


def due_urls(store: Store, source: str, limit: int, max_attempts: int) -> list[Entry]:
    """Pages of a source still to fetch: pending ones, and failures worth another try; newest first."""
    return [Entry(*r) for r in store.due_watch_urls(source, limit, max_attempts)]


@dataclass(frozen=True)
class Outcome:
    """What came of one page."""

    url: str
    outcome: str  # one of OUTCOMES
    reason: str | None = None
    doc_id: str | None = None
    publisher: str | None = None
    final: bool = False  # a failure not worth another try (a 4xx, a refused redirect chain)


def outcome_rows(outcomes: Sequence[Outcome]) -> list[tuple[str, str, str | None, str | None, str | None, bool]]:
    """Outcomes as the store records them: (canonical url, outcome, reason, doc_id, publisher, final)."""
    return [(canonical_url(o.url), o.outcome, o.reason, o.doc_id, o.publisher, o.final) for o in outcomes]


def record_outcomes(store: Store, outcomes: Sequence[Outcome]) -> None:
    """Record what came of pages, in one transaction."""
    store.settle_watch(outcome_rows(outcomes))


def source_health(store: Store) -> list[dict[str, Any]]:
    """Each source's last check and what its pages came to, for `greatgame sources` and /api/sources."""
    return [{**row, "health": "new" if not row["checks"] else "ok" if row["last_error"] is None else "failing"}
            for row in store.watch_source_health()]
