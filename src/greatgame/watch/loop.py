"""One round of watching, and the loop of rounds.

A round: check each source (conditionally) and remember the pages it lists that are new, as
pending; then fetch pending pages a chunk at a time, ingest each chunk, and record what came of
every page together with the alerts its new documents raise; then send the alerts.

Crash safety: a page's document id comes from its canonical URL, and a page whose document is
stored is never fetched again, so a kill -9 between storing a chunk and recording its pages
loses nothing and repeats nothing: the next round records those pages from the store.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

from ..settings import Settings
from ..store import Store
from . import alerts as alerting
from .feeds import ListingError, parse_listing
from .fetch import Fetcher, FetchOptions
from .ingest_bridge import ingest_items
from .pages import Page, page_document
from .state import (
    Entry,
    Outcome,
    add_pending,
    due_urls,
    get_source,
    outcome_rows,
    save_source,
    url_doc_id,
)

__all__ = ["RoundReport", "WatchOptions", "parse_interval", "run_round", "watch"]


@dataclass(frozen=True)
class WatchOptions:
    """How much one round does."""

    fetch: FetchOptions = field(default_factory=FetchOptions)
    max_new: int = 100  # pages fetched per source and round; the rest wait, pending, for later rounds
    max_attempts: int = 3  # tries of a page that fails for a passing reason (5xx, network)
    max_sitemaps: int = 50  # sitemaps read from one sitemap index per round


@dataclass
class RoundReport:
    """What one round did."""

    sources: int = 0
    not_modified: int = 0
    source_errors: int = 0
    new_urls: int = 0
    fetched: int = 0
    ingested: int = 0
    duplicates: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    alerts: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "seconds": round(self.seconds, 3)}

    def line(self) -> str:
        return (f"{self.sources} sources ({self.not_modified} unchanged, {self.source_errors} failing), "
                f"{self.new_urls} new pages listed, {self.fetched} fetched: {self.ingested} ingested "
                f"({self.events} events), {self.duplicates} duplicates, {self.skipped} skipped, "
                f"{self.failed} failed; {self.alerts} alerts")


def parse_interval(text: str) -> float:
    """Seconds in '90', '30s', '15m', '2h' or '1d'; ValueError if it is none of those."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    t = text.strip().lower()
    scale = units.get(t[-1:], None)
    number = t[:-1] if scale else t
    try:
        value = float(number) * (scale or 1)
    except ValueError:
        raise ValueError(f"{text!r} is not an interval such as 90s, 15m or 1h") from None
    if value <= 0:
        raise ValueError(f"{text!r} is not a positive interval")
    return value


def _check(store: Store, fetcher: Fetcher, url: str, parent: str | None, options: WatchOptions,
           report: RoundReport, log: Callable[[str], None], depth: int = 0) -> None:
    """Fetch one source (conditionally) and remember the pages it lists as pending."""
    with store.connected():
        state = get_source(store, url)
        children = store.watch_children(url)
    report.sources += 1
    res = fetcher.get(url, state.etag, state.last_modified)
    if res.not_modified:
        report.not_modified += 1
        with store.connected():
            save_source(store, url, kind=None, parent=parent, status=304, error=None)
        for child in children[:options.max_sitemaps] if depth < 2 else ():
            _check(store, fetcher, child, url, options, report, log, depth + 1)
        return
    error, listing = res.error, None
    if error is None:
        try:
            listing = parse_listing(res.body, res.final_url, res.headers.get("content-type", ""))
        except ListingError as exc:
            error = str(exc)
    if listing is None:
        report.source_errors += 1
        log(f"{url}: {error}")
        with store.connected():
            save_source(store, url, kind=None, parent=parent, status=res.status, error=error)
        return
    new = 0
    with store.connected():
        if listing.kind != "sitemapindex":
            new = add_pending(store, url, listing.entries)
        save_source(store, url, kind=listing.kind, parent=parent, status=res.status, error=None,
                    etag=res.headers.get("etag"), last_modified=res.headers.get("last-modified"),
                    items=len(listing.entries or listing.sitemaps), new=new)
    report.new_urls += new
    if listing.kind == "sitemapindex" and depth < 2:
        for child in listing.sitemaps[:options.max_sitemaps]:
            _check(store, fetcher, child, url, options, report, log, depth + 1)


def _settle(store: Store, rules: alerting.AlertRules, outcomes: list[Outcome], doc_ids: list[str]) -> int:
    """Record pages' outcomes and the alerts their new documents raise in one transaction; new alerts.

    A crash before it leaves the pages pending, so the next round finds their documents stored and
    settles them then; a crash after it has both. Alerts are thus neither lost nor raised twice.
    """
    found = alerting.find_alerts(store, rules, doc_ids)
    return store.settle_watch(outcome_rows(outcomes), alerting.alert_rows(found))


def _ingest_chunk(store: Store, chunk: list[Entry], fetcher: Fetcher, settings: Settings, runner: Any,
                  rules: alerting.AlertRules, report: RoundReport, log: Callable[[str], None]) -> None:
    """Fetch, ingest and settle one chunk of pages."""
    pages: list[Page] = [page_document(e, r) for e, r in zip(chunk, fetcher.get_many([e.url for e in chunk]),
                                                                 strict=True)]
    report.fetched += len(pages)
    docs = [p.document for p in pages if p.document is not None]
    summary = ingest_items(store, docs, settings, label="watch", runner=runner)
    try:
        coding = {e.doc_id: e.message for e in summary.errors if e.doc_id}
        stored = store.stored_ids([d.id for d in docs])
        rows = []
        for p in pages:
            if p.document is None:
                outcome = p.outcome or "failed"
                rows.append(Outcome(p.url, outcome, p.reason, final=outcome == "failed" and not p.retry))
                log(f"{p.url}: {p.reason}")
                report.skipped += outcome == "skipped"
                report.failed += outcome == "failed"
            elif p.document.id in stored:
                rows.append(Outcome(p.url, "ingested", None, p.document.id, p.publisher))
            elif p.document.id in coding:
                rows.append(Outcome(p.url, "failed", coding[p.document.id], p.document.id, p.publisher))
                report.failed += 1
            else:
                rows.append(Outcome(p.url, "duplicate", "the same text is stored under another document",
                                    None, p.publisher))
                report.duplicates += 1
        report.alerts += _settle(store, rules, rows, sorted(stored))
    finally:
        store.disconnect()
    report.ingested += summary.documents
    report.events += summary.events


def run_round(store: Store, sources: Sequence[str], settings: Settings, options: WatchOptions,
              rules: alerting.AlertRules, *, log: Callable[[str], None], runner: Any = None,
              alert_stream: TextIO | None = None) -> RoundReport:
    """One round over every source; the store is let go while the network is used."""
    report = RoundReport()
    started = time.monotonic()
    fetcher = Fetcher(options.fetch)
    store.disconnect()
    try:
        for url in sources:
            _check(store, fetcher, url, None, options, report, log)
        with store.connected():
            due = [e for src in store.watch_page_sources(sources)
                   for e in due_urls(store, src, options.max_new, options.max_attempts)]
            # Pages stored by a run that died before recording them: record them, do not fetch them.
            recovered = store.stored_ids([url_doc_id(e.url) for e in due])
            report.alerts += _settle(store, rules, [Outcome(e.url, "ingested", doc_id=url_doc_id(e.url))
                                                    for e in due if url_doc_id(e.url) in recovered], sorted(recovered))
        todo = [e for e in due if url_doc_id(e.url) not in recovered]
        size = max(1, settings.partition_size)
        for i in range(0, len(todo), size):
            _ingest_chunk(store, todo[i:i + size], fetcher, settings, runner, rules, report, log)
        alerting.deliver(store, rules, log, alert_stream)  # also what a run that died left unsent
    finally:
        fetcher.close()
        store.reconnect()
    report.seconds = time.monotonic() - started
    return report


def watch(store: Store, sources: Sequence[str], settings: Settings, options: WatchOptions,
          rules: alerting.AlertRules, *, every: float, once: bool, log: Callable[[str], None],
          on_round: Callable[[RoundReport], None] | None = None, runner: Any = None,
          stop: threading.Event | None = None) -> RoundReport:
    """Rounds every `every` seconds (counted from each round's start) until `stop` is set; one with `once`."""
    stop = stop or threading.Event()
    while True:
        started = time.monotonic()
        report = run_round(store, sources, settings, options, rules, log=log, runner=runner)
        if on_round:
            on_round(report)
        if once:
            return report
        store.disconnect()  # readers come in while the loop sleeps
        try:
            if stop.wait(max(0.0, every - (time.monotonic() - started))):
                return report
        finally:
            store.reconnect()
