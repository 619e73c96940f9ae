"""The DuckDB store: the one owner of greatgame's SQL.

One process writes (the ingest run, through `Store.open(path)`); everything else reads through
`Store.open(path, read_only=True)`. The package is split by what the SQL does: `schema` (tables and
append-only migrations), `opening` (errors, the writer's lock), `filters` (the WHERE clause of an
event query), `rows` (mentions to rows and back), `write` (a partition, runs), `clustering` (articles
and events at merge; migration 4's Python step), `queries` (mentions, stats, actors), `clustered`
(events with their mentions), `aggregates` (counts of events or mentions), `watch` (what `greatgame
watch` keeps). Schema v4: `mentions` are coded sentences, `events` the real-world events they are
clustered into (docs/dedup.md); v5 keeps how each mention's actors were resolved.
Every query that carries a value from outside passes it as a parameter; the only SQL text
assembled at run time is chosen from fixed fragments in this package.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import duckdb
import pyarrow as pa

from ..model import Event
from . import aggregates, clustered, clustering, queries, watch, write
from .aggregates import COUNTS, PERIODS
from .clustered import StoredEvent
from .filters import EventFilter, modality_values
from .opening import (
    StoreBusy,
    StoreError,
    check_writable,
    drop_writer_lock,
    enter_as_reader,
    enter_as_writer,
    explain_open_error,
    fcntl,
    leave_as_writer,
    one_line,
    open_gate,
    remove_gate,
    take_writer_lock,
)
from .rows import event_from_row, event_table
from .schema import EVENT_COLUMNS, EVENT_ORDER, MIGRATIONS, SCHEMA_VERSION
from .write import PartitionSummary

# Python steps of migrations, run after the SQL of every pending migration, in the same transaction.
MIGRATION_STEPS = {4: clustering.migrate_v4}
# How long a writer waits for readers in flight to finish before it gives up (seconds).
WRITER_WAIT = 60.0
# How long a writer opening the store waits for a process outside the gate that holds the file.
OUTSIDE_WAIT = 3.0

__all__ = [
    "COUNTS",
    "EVENT_COLUMNS",
    "EVENT_ORDER",
    "PERIODS",
    "SCHEMA_VERSION",
    "EventFilter",
    "PartitionSummary",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoredEvent",
    "WRITER_WAIT",
    "event_from_row",
    "event_table",
    "modality_values",
]


class Store:
    """An open greatgame database: one connection, writable or read-only."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self._released = False  # see disconnect()
        self._lock: int | None = None  # the writer's lock file, held while it lets readers in
        self._gate: tuple[int, int] | None = None  # the writer's gate files (opening.py), held while connected
        self._reading: int | None = None  # a reader's shared hold on FILE.readers while connected

    # --- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False, wait: float | None = None) -> Store:
        """Open (and for writing, create or migrate) the store at `path`; StoreError if it cannot be.

        A writer waits up to `wait` seconds (default WRITER_WAIT) for readers in flight to finish, and
        turns new ones away meanwhile; a reader waits up to `wait` (default 0) for a writer to let go
        of the file, then raises StoreBusy (see opening.py and docs/concurrency.md)."""
        path = os.fspath(path)
        memory = path == ":memory:"
        if read_only and not memory and not Path(path).is_file():
            raise StoreError(f"no database at {path}; run `greatgame ingest` first")
        gated = not memory and fcntl is not None
        if read_only:
            reading = enter_as_reader(path, wait or 0.0) if gated else None
            try:
                con = duckdb.connect(path, read_only=not memory)
            except duckdb.Error as exc:
                if reading is not None:
                    os.close(reading)
                raise explain_open_error(path, exc) from None
            store = cls(con, path, True)
            store._reading = reading
        else:
            store = cls._open_writer(path, memory, gated, WRITER_WAIT if wait is None else wait)
        try:
            store._prepare_schema()
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _open_writer(cls, path: str, memory: bool, gated: bool, wait: float) -> Store:
        if memory:
            return cls(duckdb.connect(path), path, False)
        check_writable(path)
        lock = take_writer_lock(path) if gated else None  # a second writer is refused at once
        gate = open_gate(path) if gated else None
        store = cls(None, path, False)  # type: ignore[arg-type]
        store._lock, store._gate, store._released = lock, gate, True
        try:
            # Something outside the gate holding the file now is more likely another writer (or DuckDB's
            # own CLI) than a request about to finish: refuse after a short wait, not the full one.
            store.reconnect(wait, outside=min(wait, OUTSIDE_WAIT))
        except BaseException:
            store.close()
            raise
        return store

    def _prepare_schema(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} has schema version {version}, newer than this greatgame "
                             f"understands ({SCHEMA_VERSION}); upgrade greatgame to read it")
        if version == 0:
            tables = self.one("SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database()")
            if tables[0]:
                raise StoreError(f"{self.path} is a DuckDB database but not a greatgame store")
        if version < SCHEMA_VERSION:
            if self.read_only:
                what = "is empty" if version == 0 else f"has the older schema version {version}"
                raise StoreError(f"{self.path} {what}; run `greatgame ingest` to set it up")
            self._migrate(version)

    def schema_version(self) -> int:
        """The schema version recorded in the database; 0 for a database without one."""
        exists = self.one("SELECT count(*) FROM information_schema.tables "
                          "WHERE table_name = 'schema_version' AND table_catalog = current_database()")
        if not exists[0]:
            return 0
        row = self.one("SELECT max(version) FROM schema_version")
        return int(row[0]) if row[0] is not None else 0

    def _migrate(self, current: int) -> None:
        # One transaction from `current` to the newest version: a store is at one version or the other.
        # The Python steps are today's code, written against today's tables, so they run after all the SQL.
        pending = range(current + 1, SCHEMA_VERSION + 1)
        try:
            with self.transaction():
                for version in pending:
                    for statement in MIGRATIONS[version]:
                        self.con.execute(statement)
                    self.con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
                for version in pending:
                    if version in MIGRATION_STEPS:
                        MIGRATION_STEPS[version](self.con)
        except duckdb.Error as exc:
            raise StoreError(f"cannot set up {self.path}: {one_line(exc)}") from None

    def close(self) -> None:
        if not self._released:
            self.con.close()
            self._released = True
            if self._gate is not None:
                leave_as_writer(self._gate)
        if self._reading is not None:
            os.close(self._reading)
            self._reading = None
        if self._gate is not None:
            remove_gate(self.path, self._gate)
            self._gate = None
        if self._lock is not None:
            drop_writer_lock(self.path, self._lock)
            self._lock = None

    # --- letting readers in between writes -------------------------------------------------------

    def disconnect(self) -> None:
        """Close a writable file store's connection until `reconnect`, so readers can open the file."""
        # DuckDB lets no reader in while a writer holds the file: a long ingest lets go between batches.
        if not self.read_only and self.path != ":memory:" and not self._released:
            self.con.close()
            self._released = True
            if self._gate is not None:
                leave_as_writer(self._gate)

    def reconnect(self, wait: float = WRITER_WAIT, outside: float | None = None) -> None:
        """Open the connection again after `disconnect`: turn new readers away, wait (up to `wait`
        seconds) for those in flight, and retry (up to `outside`, default `wait`) while a process
        outside the gate still holds the file."""
        if not self._released:
            return
        if self._gate is not None:
            enter_as_writer(self.path, self._gate, wait)
        deadline = time.monotonic() + (wait if outside is None else outside)
        delay = 0.02
        while True:
            try:
                self.con = duckdb.connect(self.path)
                self._released = False
                return
            except duckdb.Error as exc:
                error = explain_open_error(self.path, exc)
                if "in use" not in str(error) or time.monotonic() + delay > deadline:
                    if self._gate is not None:
                        leave_as_writer(self._gate)
                    raise error from None
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    @contextmanager
    def connected(self) -> Iterator[Self]:
        """The store with its connection open; let go again afterwards if it was let go before."""
        released = self._released
        self.reconnect()
        try:
            yield self
        finally:
            if released:
                self.disconnect()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Everything inside commits together or not at all."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")
        self.con.begin()
        try:
            yield self.con
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    # --- reading ---------------------------------------------------------------------------------

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...]:
        """The first row of a query that returns one (aggregates); the result is read to its end."""
        # fetchone() would leave the result open, and DuckDB then refuses register() and friends.
        rows = self.con.execute(sql, list(params)).fetchall()
        return tuple(rows[0])

    def known_documents(self) -> tuple[set[str], set[str]]:
        """The ids and content hashes of every stored document."""
        return queries.known_documents(self.con)

    def stats(self) -> dict[str, Any]:
        """Counts of documents, events and actors, and the first and last event dates."""
        return queries.stats(self.con)

    def events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        """Stored mentions (coded sentences, the event records) matching the filter, in date and document order."""
        return queries.events(self.con, flt)

    def events_page(self, filters: Sequence[EventFilter], limit: int, offset: int) -> tuple[int, list[Event]]:
        """How many mentions match any of the filters, and one page of them, in the store's order."""
        return queries.events_page(self.con, filters, limit, offset)

    def cluster_page(self, filters: Sequence[EventFilter], limit: int, offset: int,
                     mentions: bool = True) -> tuple[int, list[StoredEvent]]:
        """How many real-world events match any of the filters, and one page of them with their mentions."""
        return clustered.cluster_page(self.con, filters, limit, offset, mentions)

    def stored_events(self, modality: str | Sequence[str] | None = None,
                      mentions: bool = False) -> Iterator[StoredEvent]:
        """Every real-world event (of these modalities), by date and id, with its mentions if asked."""
        return clustered.stored_events(self.con, modality, mentions)

    def cluster_batches(self, modality: str | Sequence[str] | None = None) -> pa.RecordBatchReader:
        """The events table (of these modalities) as Arrow record batches, by date and id."""
        return clustered.cluster_batches(self.con, modality)

    def cluster_rows(self, modality: str | Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Each event as its anchor mention's row with the event's fields and counts, and its document's."""
        return clustered.cluster_rows(self.con, modality)

    def actors_page(self, q: str | None = None, limit: int = 100, offset: int = 0) -> tuple[int, list[dict]]:
        """Actors whose code or name contains `q`, most mentioned first: how many, and one page."""
        return queries.actors_page(self.con, q, limit, offset)

    def coder_versions(self) -> tuple[list[str], list[str]]:
        """The coder versions and Goldstein tables of the stored documents."""
        return queries.coder_versions(self.con)

    def event_batches(self, modality: str | Sequence[str] | None = None) -> pa.RecordBatchReader:
        """Every event (of these modalities) as Arrow record batches, in the store's order."""
        return queries.event_batches(self.con, modality)

    def events_with_documents(self, modality: str | Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Event rows joined with their document's url, title, coder version and ingest time."""
        return queries.events_with_documents(self.con, modality)

    def document_meta(self) -> list[tuple[Any, ...]]:
        """(doc_id, url, origin, title, ingested_at) of every stored document, for the export layouts."""
        return queries.document_meta(self.con)

    # --- counting for analytics (aggregates.py) --------------------------------------------------

    def dyad_counts(self, by: str, since: str | None, until: str | None, top: int | None, actor: str | None,
                    modality: str | Sequence[str] | None, level: str, count: str = "events") -> Any:
        """Events (or mentions) per directed dyad and period, by quad class (a DataFrame)."""
        return aggregates.dyad_counts(self.con, by, since, until, top, actor, modality, level, count)

    def edge_counts(self, since: str | None, until: str | None, modality: str | Sequence[str] | None,
                    level: str, by: str | None = None, count: str = "events") -> Any:
        """Events (or mentions) per directed dyad (and period), cooperation and conflict (a DataFrame)."""
        return aggregates.edge_counts(self.con, since, until, modality, level, by, count)

    def actor_names(self, level: str) -> Any:
        """Each actor's most frequent name and country (a DataFrame)."""
        return aggregates.actor_names(self.con, level)

    def pair_counts(self, by: str, since: str | None, until: str | None, modality: str | Sequence[str] | None,
                    level: str, count: str = "events") -> Any:
        """Events (or mentions) per undirected pair and period, cooperation and conflict (a DataFrame)."""
        return aggregates.pair_counts(self.con, by, since, until, modality, level, count)

    # --- writing ---------------------------------------------------------------------------------

    def write_partition(self, docs: pa.Table, events: pa.Table, errors: pa.Table, *, key: str,
                        run_id: str | None, coder_version: str, goldstein_table: str,
                        duplicates: int = 0, dedup: tuple[int, str] = clustering.DEFAULT) -> PartitionSummary:
        """Commit one partition's documents, events and errors together, once per key (see write.py).

        The new mentions are clustered into events with `dedup` (dedup_window_days, dedup_actor_level).
        StoreError if the database refuses the write; nothing is then written."""
        try:
            with self.transaction() as con:
                return write.write_partition(con, docs, events, errors, key=key, run_id=run_id,
                                             coder_version=coder_version, goldstein_table=goldstein_table,
                                             duplicates=duplicates, dedup=dedup)
        except duckdb.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {one_line(exc)}") from exc

    def merged_keys(self) -> set[str]:
        """The keys of the partitions committed so far."""
        return write.merged_keys(self.con)

    def start_run(self, run_id: str, coder_version: str, paths: Sequence[str]) -> None:
        with self.transaction() as con:
            write.start_run(con, run_id, coder_version, paths)

    def finish_run(self, run_id: str, counts: dict[str, Any]) -> None:
        with self.transaction() as con:
            write.finish_run(con, run_id, counts)

    # --- what `greatgame watch` keeps (watch.py) -------------------------------------------------

    def watch_source(self, url: str) -> tuple[str | None, str | None] | None:
        """(etag, last_modified) stored for a source; None for a source not seen before."""
        return watch.source_validators(self.con, url)

    def watch_children(self, url: str) -> list[str]:
        """The sitemaps a sitemap index listed when it was last read."""
        return watch.child_sources(self.con, url)

    def save_watch_source(self, url: str, **check: Any) -> None:
        """Record one check of a source (kind, parent, status, error, etag, last_modified, items, new)."""
        with self.transaction() as con:
            watch.save_source(con, url, **check)

    def add_watch_urls(self, rows: Sequence[tuple[str, str, str | None, str | None]]) -> int:
        """Remember (url, source, title, date) pages not seen before as pending; how many were new."""
        with self.transaction() as con:
            return watch.add_urls(con, rows)

    def due_watch_urls(self, source: str, limit: int, max_attempts: int) -> list[tuple[str, str | None, str | None]]:
        """(url, title, date) of a source's pages still to fetch, newest first."""
        return watch.due_urls(self.con, source, limit, max_attempts)

    def watch_page_sources(self, sources: Sequence[str]) -> list[str]:
        """The sources whose pages a round fetches: these, and the sitemaps they list (two levels)."""
        return watch.page_sources(self.con, sources)

    def watch_source_health(self) -> list[dict[str, Any]]:
        """Each source's last check and how many of its pages came to each outcome."""
        return watch.source_health(self.con)

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these document ids the store holds."""
        return watch.stored_ids(self.con, ids)

    def settle_watch(self, outcomes: Sequence[tuple[str, str, str | None, str | None, str | None, bool]],
                     alerts: Sequence[tuple[str, str, dict[str, Any]]] = ()) -> int:
        """Record pages' outcomes and store new alerts, in one transaction; how many alerts were new."""
        if not outcomes and not alerts:
            return 0
        with self.transaction() as con:
            watch.write_outcomes(con, outcomes)
            return watch.new_alerts(con, alerts)

    def alert_conflict_events(self, doc_ids: Sequence[str], actors: Sequence[str]) -> list[tuple[Any, ...]]:
        """Asserted material-conflict events of these documents with one of `actors` on either side."""
        return watch.conflict_events(self.con, doc_ids, actors)

    def alert_first_periods(self, doc_ids: Sequence[str], level: str, by: str) -> dict[tuple[str, str], Any]:
        """Each pair with dated events in these documents, and its earliest period."""
        return watch.first_periods(self.con, doc_ids, level, by)

    def alert_period_events(self, pair: tuple[str, str], period: Any, level: str, by: str,
                            limit: int) -> list[tuple[Any, ...]]:
        """The asserted events between a pair in one period, in date order."""
        return watch.period_events(self.con, pair, period, level, by, limit)

    def undelivered_alerts(self) -> list[tuple[str, str]]:
        """(alert_id, body as JSON text) of every alert not yet delivered, oldest first."""
        return watch.undelivered_alerts(self.con)

    def mark_alert_delivered(self, alert_id: str) -> None:
        with self.transaction() as con:
            watch.mark_delivered(con, alert_id)

    def alerts_page(self, kind: str | None, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """How many alerts there are (of this kind), and one page of them, newest first."""
        return watch.alerts_page(self.con, kind, limit, offset)
