"""The DuckDB store: schema and migrations, opening safely, reading events back.

One process writes (the ingest run, through `Store.open(path)`); everything else reads through
`Store.open(path, read_only=True)`. Every query that carries a value from outside passes it as a
parameter; the only SQL text assembled at run time is chosen from fixed fragments in this package.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import duckdb
import pyarrow as pa

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; DuckDB's own lock still keeps writers apart while open
    fcntl = None  # type: ignore[assignment]

from .model import ActorRef, Event, Location, Span

__all__ = [
    "EVENT_COLUMNS",
    "SCHEMA_VERSION",
    "EventFilter",
    "Store",
    "StoreError",
    "event_from_row",
    "event_table",
    "modality_values",
]

SCHEMA_VERSION = 3

_ACTOR_FIELDS = ("text", "start", "end", "code", "country", "sector", "name")

# The events table, one column per field of the DESIGN.md event record (nested fields flattened). Columns
# added by a migration go at the end, where ALTER TABLE puts them.
_EVENT_COLUMNS_V1: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR NOT NULL"),
    ("doc_id", "VARCHAR NOT NULL"),
    ("date", "DATE"),
    *((f"source_{f}", "INTEGER" if f in ("start", "end") else "VARCHAR") for f in _ACTOR_FIELDS),
    *((f"target_{f}", "INTEGER" if f in ("start", "end") else "VARCHAR") for f in _ACTOR_FIELDS),
    ("cameo", "VARCHAR NOT NULL"),
    ("cameo_root", "VARCHAR NOT NULL"),
    ("plover", "VARCHAR"),
    ("quad", "TINYINT NOT NULL"),
    ("goldstein", "DOUBLE NOT NULL"),
    ("negated", "BOOLEAN NOT NULL"),
    ("modality", "VARCHAR NOT NULL"),
    ("confidence", "DOUBLE NOT NULL"),
    ("trigger_text", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("sentence_text", "VARCHAR"),
    ("sentence_start", "INTEGER"),
    ("sentence_end", "INTEGER"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
)
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (*_EVENT_COLUMNS_V1, ("date_precision", "VARCHAR"))
_EVENT_NAMES = tuple(name for name, _ in EVENT_COLUMNS)

# Migrations: version -> statements that bring a store from version-1 to version. Append, never edit.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)",
        """CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            date DATE,
            url VARCHAR,
            title VARCHAR,
            origin VARCHAR,
            chars INTEGER NOT NULL,
            words INTEGER NOT NULL,
            events INTEGER NOT NULL,
            coder_version VARCHAR NOT NULL,
            goldstein_table VARCHAR NOT NULL,
            batch_key VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL)""",
        "CREATE TABLE events (" + ", ".join(f"{n} {t}" for n, t in _EVENT_COLUMNS_V1) + ")",
        """CREATE TABLE errors (
            kind VARCHAR NOT NULL,          -- input | coding
            path VARCHAR,
            line INTEGER,
            doc_id VARCHAR,
            message VARCHAR NOT NULL,
            batch_key VARCHAR,
            recorded_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE batches (
            batch_key VARCHAR PRIMARY KEY,
            run_id VARCHAR,
            documents INTEGER NOT NULL,
            events INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            committed_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            coder_version VARCHAR NOT NULL,
            paths VARCHAR NOT NULL,
            documents INTEGER,
            events INTEGER,
            skipped INTEGER,
            errors INTEGER)""",
        # Actors are what events name; a view keeps them consistent with the events by construction.
        """CREATE VIEW actors AS
            SELECT code, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
                   count(*) AS mentions
            FROM (SELECT source_code AS code, source_name AS name, source_country AS country,
                         source_sector AS sector FROM events
                  UNION ALL
                  SELECT target_code, target_name, target_country, target_sector FROM events)
            WHERE code IS NOT NULL
            GROUP BY code""",
    ),
    # How much of an event's date the text gave (day, month, year); events stored before it keep NULL.
    2: ("ALTER TABLE events ADD COLUMN date_precision VARCHAR",),
    # `greatgame watch`: the feeds it polls, every page URL it has seen, and the alerts it raised.
    3: (
        """CREATE TABLE watch_sources (
            url VARCHAR PRIMARY KEY,
            kind VARCHAR,                   -- feed | sitemap | sitemapindex
            parent VARCHAR,                 -- the sitemap index that listed it
            etag VARCHAR,
            last_modified VARCHAR,
            last_checked TIMESTAMP,
            last_status INTEGER,
            last_error VARCHAR,
            last_ok TIMESTAMP,
            last_items INTEGER,
            last_new INTEGER,
            checks INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE watch_urls (
            url VARCHAR PRIMARY KEY,        -- canonical page URL
            source VARCHAR,
            outcome VARCHAR NOT NULL,       -- pending | ingested | duplicate | skipped | failed
            reason VARCHAR,
            doc_id VARCHAR,
            title VARCHAR,
            date DATE,
            publisher VARCHAR,
            attempts INTEGER NOT NULL DEFAULT 0,
            first_seen TIMESTAMP NOT NULL,
            last_tried TIMESTAMP)""",
        """CREATE TABLE watch_alerts (
            alert_id VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,          -- shift | conflict
            raised_at TIMESTAMP NOT NULL,
            delivered BOOLEAN NOT NULL,
            body VARCHAR NOT NULL)""",
    ),
}


class StoreError(Exception):
    """A store that cannot be opened or written; the message is one line for the user."""


def modality_values(modality: str | Sequence[str] | None) -> list[str] | None:
    """Modalities as a list, or None for all; 'all' and None both mean all."""
    from .model import MODALITIES

    if modality is None or modality == "all":
        return None
    values = [modality] if isinstance(modality, str) else list(modality)
    if "all" in values:
        return None
    unknown = [m for m in values if m not in MODALITIES]
    if unknown:
        raise ValueError(f"unknown modality {unknown[0]!r}; expected one of {', '.join(MODALITIES)} or all")
    return values


@dataclass(frozen=True)
class EventFilter:
    """Which events to read: every field optional; `modality` None means every modality."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    since: str | None = None
    until: str | None = None
    plover: str | None = None
    quad: int | None = None
    min_confidence: float | None = None
    modality: tuple[str, ...] | None = ("asserted",)
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (fixed text, '?' placeholders) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        side = "({p}_code = ? OR {p}_country = ?)"
        if self.actor:
            clauses.append("(" + side.format(p="source") + " OR " + side.format(p="target") + ")")
            params += [self.actor] * 4
        if self.dyad:
            clauses.append(side.format(p="source") + " AND " + side.format(p="target"))
            params += [self.dyad[0], self.dyad[0], self.dyad[1], self.dyad[1]]
        if self.since:
            clauses.append("date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append("date <= CAST(? AS DATE)")
            params.append(self.until)
        if self.plover:
            clauses.append("plover = ?")
            params.append(self.plover.upper())
        if self.quad is not None:
            clauses.append("quad = ?")
            params.append(self.quad)
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(self.min_confidence)
        mods = modality_values(self.modality)
        if mods is not None:
            clauses.append("list_contains(?::VARCHAR[], modality)")
            params.append(mods)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return re.sub(r"^[A-Za-z ]*Error: ", "", text)


def _explain_open_error(path: str, exc: duckdb.Error) -> StoreError:
    message = str(exc)
    if "Could not set lock" in message:
        pid = re.search(r"\(PID (\d+)\)", message)
        who = f" (PID {pid[1]})" if pid else ""
        return StoreError(f"{path} is in use by another process{who}: DuckDB allows one writer, "
                          "and no readers while it writes")
    if "not a valid DuckDB database" in message:
        return StoreError(f"{path} is not a DuckDB database")
    if "Permission denied" in message or "Read-only file system" in message:
        return StoreError(f"cannot open {path}: permission denied")
    return StoreError(f"cannot open {path}: {_one_line(exc)}")


def _take_writer_lock(path: str) -> int:
    """An exclusive lock beside the database: its one writer holds it even while it lets readers in."""
    lock = f"{path}.lock"
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            who = f" (PID {holder})" if holder.isdigit() else ""
            raise StoreError(f"{path} is in use by another process{who}: DuckDB allows one writer, "
                             "and no readers while it writes") from None
        try:
            current = os.stat(lock).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            current = False
        if current:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode("ascii"))
            return fd
        os.close(fd)  # its holder removed it while we opened it: take the new one


def _drop_writer_lock(path: str, fd: int) -> None:
    try:
        os.unlink(f"{path}.lock")
    except FileNotFoundError:
        pass
    os.close(fd)


def _check_writable(path: str) -> None:
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"cannot create {path}: no such directory {parent}")
    # DuckDB writes a .wal file beside the database, so the directory itself must be writable.
    if not os.access(parent, os.W_OK):
        raise StoreError(f"cannot write {path}: the directory {parent} is read-only")
    if p.exists() and not os.access(p, os.W_OK):
        raise StoreError(f"cannot write {path}: the file is read-only")


class Store:
    """An open greatgame database: one connection, writable or read-only."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self._released = False  # see disconnect()
        self._lock: int | None = None  # the writer's lock file, held while it lets readers in

    # --- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> Store:
        """Open (and for writing, create or migrate) the store at `path`; StoreError if it cannot be."""
        path = os.fspath(path)
        memory = path == ":memory:"
        if read_only and not memory and not Path(path).is_file():
            raise StoreError(f"no database at {path}; run `greatgame ingest` first")
        if not read_only and not memory:
            _check_writable(path)
        try:
            con = duckdb.connect(path, read_only=read_only and not memory)
        except duckdb.Error as exc:
            raise _explain_open_error(path, exc) from None
        store = cls(con, path, read_only)
        try:
            if not read_only and not memory and fcntl is not None:
                store._lock = _take_writer_lock(path)
            store._prepare_schema()
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
        for version in range(current + 1, SCHEMA_VERSION + 1):
            try:
                with self.transaction():
                    for statement in MIGRATIONS[version]:
                        self.con.execute(statement)
                    self.con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
            except duckdb.Error as exc:
                raise StoreError(f"cannot set up {self.path}: {_one_line(exc)}") from None

    def close(self) -> None:
        self.con.close()
        if self._lock is not None:
            _drop_writer_lock(self.path, self._lock)
            self._lock = None

    # --- letting readers in between writes -------------------------------------------------------

    def disconnect(self) -> None:
        """Close a writable file store's connection until `reconnect`, so readers can open the file."""
        # DuckDB lets no reader in while a writer holds the file: a long ingest lets go between batches.
        if not self.read_only and self.path != ":memory:" and not self._released:
            self.con.close()
            self._released = True

    def reconnect(self, wait: float = 30.0) -> None:
        """Open the connection again after `disconnect`, retrying while a reader holds the file."""
        if not self._released:
            return
        deadline = time.monotonic() + wait
        delay = 0.02
        while True:
            try:
                self.con = duckdb.connect(self.path)
                self._released = False
                return
            except duckdb.Error as exc:
                error = _explain_open_error(self.path, exc)
                if "in use" not in str(error) or time.monotonic() + delay > deadline:
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

    def query(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """A pandas DataFrame from SQL written in this package, with parameters for every value."""
        return self.con.execute(sql, list(params)).df()

    def known_documents(self) -> tuple[set[str], set[str]]:
        """The ids and content hashes of every stored document."""
        ids: set[str] = set()
        hashes: set[str] = set()
        cur = self.con.execute("SELECT doc_id, content_hash FROM documents")
        while rows := cur.fetchmany(50_000):
            for doc_id, digest in rows:
                ids.add(doc_id)
                hashes.add(digest)
        return ids, hashes

    def stats(self) -> dict[str, Any]:
        """Counts of documents, events and actors, and the first and last event dates."""
        docs = self.one("SELECT count(*) FROM documents")
        ev = self.one("SELECT count(*), min(date), max(date) FROM events")
        actors = self.one("SELECT count(*) FROM actors")
        return {
            "documents": int(docs[0]),
            "events": int(ev[0]),
            "actors": int(actors[0]),
            "first_date": ev[1].isoformat() if ev[1] else None,
            "last_date": ev[2].isoformat() if ev[2] else None,
        }

    def events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        """Stored events matching the filter, in date and document order."""
        flt = flt or EventFilter()
        where, params = flt.where()
        sql = (f"SELECT {', '.join(_EVENT_NAMES)} FROM events{where} "
               "ORDER BY date NULLS LAST, doc_id, sentence_start, trigger_start, event_id")
        if flt.limit is not None:
            sql += " LIMIT ?"
            params.append(flt.limit)
        cur = self.con.execute(sql, params)
        while rows := cur.fetchmany(10_000):
            for row in rows:
                yield event_from_row(row)


# --- records <-> rows ----------------------------------------------------------------------------


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
