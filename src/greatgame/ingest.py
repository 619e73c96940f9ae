"""The ingest run: read documents, code the new ones, commit them to the store in whole batches.

Crash safety comes from one rule: a document, its events and its errors are written in the same
transaction as the rest of their batch, so after a `kill -9` the store holds whole batches only,
and a re-run skips what is stored (same id or same content) and codes the rest.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from .documents import read_documents
from .model import Document, InputError
from .pipeline import CODER_VERSION, DocResult, code_documents
from .settings import Settings
from .store import Store, StoreError, event_table

__all__ = [
    "GOLDSTEIN_TABLE",
    "BatchSummary",
    "ErrorRecord",
    "IngestProgress",
    "IngestReport",
    "batch_tables",
    "content_hash",
    "ingest",
    "write_batch",
    "write_tables",
]

# Which Goldstein column of reference/cameo.tsv the coder's scores come from (DESIGN.md).
GOLDSTEIN_TABLE = "goldstein_gdelt"


def content_hash(text: str) -> str:
    """The hash that recognises the same document under another id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ErrorRecord:
    """An input that could not be read, or a document that could not be coded."""

    kind: str  # "input" or "coding"
    path: str | None
    line: int | None
    doc_id: str | None
    message: str

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"

    @classmethod
    def of_input(cls, err: InputError) -> ErrorRecord:
        return cls("input", err.path, err.line, None, err.message)

    @classmethod
    def of_result(cls, res: DocResult) -> ErrorRecord:
        # A JSONL or CSV document's origin is "path:line"; a file's is its path.
        path, line = res.doc.origin or None, None
        if path and ":" in path:
            head, _, tail = path.rpartition(":")
            if tail.isdigit():
                path, line = head, int(tail)
        return cls("coding", path, line, res.doc.id, f"could not code document {res.doc.id}: {res.error}")


@dataclass(frozen=True)
class BatchSummary:
    """What one write_batch call stored."""

    batch_key: str
    documents: int
    events: int
    errors: int
    duplicates: int = 0  # documents already stored (same id or content), left as they were
    already_merged: bool = False


_DOC_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("content_hash", pa.string()), ("date", pa.string()), ("url", pa.string()),
    ("title", pa.string()), ("origin", pa.string()), ("chars", pa.int64()), ("words", pa.int64()),
    ("events", pa.int64()),
])
_ERROR_SCHEMA = pa.schema([
    ("kind", pa.string()), ("path", pa.string()), ("line", pa.int64()), ("doc_id", pa.string()),
    ("message", pa.string()),
])


def _rows_table(rows: list[tuple[Any, ...]], schema: pa.Schema) -> pa.Table:
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    return pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(columns, schema, strict=True)],
                                schema=schema)


def _unique_results(results: Sequence[DocResult]) -> tuple[list[DocResult], int]:
    """Coded results with one per id and per content; failures are not documents."""
    seen_ids: set[str] = set()
    seen_hashes: set[str] = set()
    kept: list[DocResult] = []
    dropped = 0
    for res in results:
        if res.error is not None:
            continue
        digest = content_hash(res.doc.text)
        if res.doc.id in seen_ids or digest in seen_hashes:
            dropped += 1
            continue
        seen_ids.add(res.doc.id)
        seen_hashes.add(digest)
        kept.append(res)
    return kept, dropped


def write_batch(
    store: Store,
    results: Sequence[DocResult],
    errors: Sequence[InputError | ErrorRecord] = (),
    *,
    batch_key: str,
    run_id: str | None = None,
    coder_version: str = CODER_VERSION,
    goldstein_table: str = GOLDSTEIN_TABLE,
) -> BatchSummary:
    """Write one batch of coded documents, their events and all errors in ONE transaction.

    This is the entry point for anything that codes documents elsewhere (the Dask path codes
    partitions on workers and merges each here). It is idempotent twice over:

    - `batch_key` names the batch (a partition key such as "corpus.jsonl#00042"); a key already in
      the `batches` table is not written again, and the summary says `already_merged`.
    - a document already stored (same id or same content hash) is left as it is, with its events;
      only new documents and their events are written.

    Results with an `error` are not stored as documents: their error is recorded (replacing an
    earlier error for the same document) so a later run codes them again. A document that now
    codes cleanly clears its earlier coding error. Input errors replace earlier ones at the same
    path and line. Raises StoreError if the database refuses the write; nothing is then written.
    """
    docs, events, errs, dropped = batch_tables(results, errors)
    return write_tables(store, docs, events, errs, batch_key=batch_key, run_id=run_id,
                        coder_version=coder_version, goldstein_table=goldstein_table, duplicates=dropped)


def batch_tables(
    results: Sequence[DocResult], errors: Sequence[InputError | ErrorRecord] = (),
) -> tuple[pa.Table, pa.Table, pa.Table, int]:
    """The documents, events and errors tables of a batch, and how many repeated documents it left out."""
    kept, dropped = _unique_results(results)
    records = [e if isinstance(e, ErrorRecord) else ErrorRecord.of_input(e) for e in errors]
    records += [ErrorRecord.of_result(r) for r in results if r.error is not None]
    doc_rows = [
        (r.doc.id, content_hash(r.doc.text), r.doc.date, r.doc.url, r.doc.title, r.doc.origin,
         len(r.doc.text), len(r.doc.text.split()), len(r.events))
        for r in kept
    ]
    docs = _rows_table(doc_rows, _DOC_SCHEMA)
    events = event_table([e for r in kept for e in r.events])
    errs = _rows_table([(e.kind, e.path, e.line, e.doc_id, e.message) for e in records], _ERROR_SCHEMA)
    return docs, events, errs, dropped


def write_tables(
    store: Store,
    docs: pa.Table,
    events: pa.Table,
    errs: pa.Table,
    *,
    batch_key: str,
    run_id: str | None = None,
    coder_version: str = CODER_VERSION,
    goldstein_table: str = GOLDSTEIN_TABLE,
    duplicates: int = 0,
) -> BatchSummary:
    """Write_batch for a batch already in tables (from `batch_tables`, or read from staged Parquet)."""
    try:
        return _write(store, batch_key, run_id, coder_version, goldstein_table, docs, events, errs, duplicates)
    except duckdb.Error as exc:
        raise StoreError(f"cannot write to {store.path}: {str(exc).splitlines()[0]}") from exc


def _write(store: Store, batch_key: str, run_id: str | None, coder_version: str, goldstein_table: str,
           docs: pa.Table, events: pa.Table, errs: pa.Table, dropped: int) -> BatchSummary:
    con = store.con
    con.register("batch_docs", docs)
    con.register("batch_events", events)
    con.register("batch_errors", errs)
    try:
        with store.transaction():
            if store.one("SELECT count(*) FROM batches WHERE batch_key = ?", [batch_key])[0]:
                return BatchSummary(batch_key, 0, 0, 0, len(docs), already_merged=True)
            # Documents stored by an earlier batch (or another partition) stay as they were.
            # Two anti-joins rather than one OR condition, which DuckDB could only run as a nested loop.
            con.execute("""CREATE OR REPLACE TEMP TABLE batch_new AS
                SELECT * FROM batch_docs
                WHERE doc_id NOT IN (SELECT doc_id FROM documents)
                  AND content_hash NOT IN (SELECT content_hash FROM documents)""")
            new_docs = int(store.one("SELECT count(*) FROM batch_new")[0])
            con.execute("""INSERT INTO documents
                SELECT doc_id, content_hash, TRY_CAST(date AS DATE), url, title, origin, chars, words, events,
                       ?, ?, ?, current_timestamp FROM batch_new""", [coder_version, goldstein_table, batch_key])
            new_events = int(store.one("SELECT count(*) FROM batch_events WHERE doc_id IN "
                                       "(SELECT doc_id FROM batch_new)")[0])
            con.execute("""INSERT INTO events SELECT * REPLACE (TRY_CAST(date AS DATE) AS date)
                FROM batch_events WHERE doc_id IN (SELECT doc_id FROM batch_new)""")
            # Errors describe the latest attempt: drop earlier ones for the same input or document.
            con.execute("""DELETE FROM errors e WHERE EXISTS (SELECT 1 FROM batch_errors b
                WHERE b.kind = e.kind AND b.path IS NOT DISTINCT FROM e.path
                  AND b.line IS NOT DISTINCT FROM e.line AND b.doc_id IS NOT DISTINCT FROM e.doc_id)""")
            con.execute("DELETE FROM errors WHERE kind = 'coding' AND doc_id IN (SELECT doc_id FROM batch_new)")
            con.execute("INSERT INTO errors SELECT kind, path, line, doc_id, message, ?, current_timestamp "
                        "FROM batch_errors", [batch_key])
            con.execute("INSERT INTO batches VALUES (?, ?, ?, ?, ?, current_timestamp)",
                        [batch_key, run_id, new_docs, new_events, len(errs)])
            con.execute("DROP TABLE batch_new")
    finally:
        for name in ("batch_docs", "batch_events", "batch_errors"):
            con.unregister(name)
    return BatchSummary(batch_key, new_docs, new_events, len(errs), dropped + len(docs) - new_docs)


# --- the run -------------------------------------------------------------------------------------


@dataclass
class IngestProgress:
    """Running counts, handed to the progress callback after every document."""

    documents: int = 0  # coded and committed or about to be
    events: int = 0
    skipped: int = 0  # already stored, or repeated in this run
    failed: int = 0  # documents that could not be coded
    input_errors: int = 0
    words: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


@dataclass(frozen=True)
class IngestReport:
    """What an ingest run did."""

    run_id: str
    documents: int
    events: int
    skipped: int
    failed: int
    input_errors: int
    batches: int
    words: int
    seconds: float

    @property
    def errors(self) -> int:
        return self.failed + self.input_errors

    def to_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "documents": self.documents, "events": self.events,
                "skipped": self.skipped, "failed": self.failed, "input_errors": self.input_errors,
                "batches": self.batches, "words": self.words, "seconds": round(self.seconds, 3)}


def _new_documents(items: Iterable[Document | InputError], store: Store,
                   progress: IngestProgress) -> Iterator[Document | InputError]:
    with store.connected():
        ids, hashes = store.known_documents()
    for item in items:
        if isinstance(item, Document):
            digest = content_hash(item.text)
            if item.id in ids or digest in hashes:
                progress.skipped += 1
                continue
            ids.add(item.id)
            hashes.add(digest)
        yield item


def ingest(
    store: Store,
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    workers: int | None = None,
    batch_size: int | None = None,
    on_progress: Callable[[IngestProgress], None] | None = None,
    on_error: Callable[[ErrorRecord], None] | None = None,
) -> IngestReport:
    """Code the documents at `paths` that the store lacks, committing every `batch_size` documents."""
    settings = settings or Settings()
    size = settings.batch_size if batch_size is None else batch_size
    if size < 1:
        raise ValueError("batch size must be at least 1")
    paths = list(paths)
    run_id = uuid.uuid4().hex[:12]
    progress = IngestProgress()
    with store.transaction() as con:
        con.execute("INSERT INTO runs (run_id, started_at, coder_version, paths) VALUES (?, current_timestamp, ?, ?)",
                    [run_id, CODER_VERSION, json.dumps(paths)])
    items = _new_documents(read_documents(paths, settings.max_document_bytes), store, progress)
    results: list[DocResult] = []
    errors: list[ErrorRecord] = []
    batches = 0

    def flush() -> None:
        nonlocal batches
        if results or errors:
            with store.connected():
                write_batch(store, results, errors, batch_key=f"{run_id}:{batches:06d}", run_id=run_id)
            batches += 1
            results.clear()
            errors.clear()

    store.disconnect()  # readers (`greatgame serve`) get in between batches
    try:
        for item in code_documents(items, settings, workers=workers):
            if isinstance(item, InputError):
                record = ErrorRecord.of_input(item)
                progress.input_errors += 1
            else:
                results.append(item)
                record = ErrorRecord.of_result(item) if item.error is not None else None
                if record is None:
                    progress.documents += 1
                    progress.events += len(item.events)
                    progress.words += len(item.doc.text.split())
                else:
                    progress.failed += 1
            if record is not None:
                if isinstance(item, InputError):  # a coding error is written from its result, once
                    errors.append(record)
                if on_error:
                    on_error(record)
            if on_progress:
                on_progress(progress)
            if len(results) >= size:
                flush()
        flush()
    finally:
        store.reconnect()
    report = IngestReport(run_id, progress.documents, progress.events, progress.skipped, progress.failed,
                          progress.input_errors, batches, progress.words, progress.elapsed)
    with store.transaction() as con:
        con.execute("UPDATE runs SET finished_at = current_timestamp, documents = ?, events = ?, skipped = ?, "
                    "errors = ? WHERE run_id = ?",
                    [report.documents, report.events, report.skipped, report.errors, run_id])
    return report
