"""Documents in partitions: deterministic keys, coding one partition on any worker, its tables.

A partition is a run of consecutive documents in input order, `size` at a time. Its key names its
position and hashes its documents' ids and the coder's version, so the same input read again gives
the same keys, whichever machine or process count codes it. `code_partition` is the task a worker
runs (it loads the NLP pipeline once per process) and returns the partition as the three tables
the store and the Parquet staging both take: documents, events, errors.

Also here, the memory of documents seen (`Seen`), by id and content. What a run does with the
partitions (its tasks, its counts) is in runs.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from .dedup import document_source, signature
from .model import Document, InputError
from .pipeline import CODER_VERSION, DocResult, get_coder
from .settings import Settings
from .store import event_table

__all__ = [
    "TABLES",
    "CodedPartition",
    "ErrorRecord",
    "Partition",
    "Seen",
    "code_partition",
    "content_hash",
    "error_records",
    "failed_partition",
    "partition_documents",
    "partition_key",
    "partition_tables",
]

TABLES = ("documents", "events", "errors")


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


# --- partitions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Partition:
    """Consecutive documents of the input, and the input errors read among them."""

    index: int
    key: str
    documents: tuple[Document, ...]
    input_errors: tuple[InputError, ...] = ()


def partition_key(index: int, doc_ids: Sequence[str], coder_version: str = CODER_VERSION) -> str:
    """The key of the index-th partition holding these document ids: the same input, the same key."""
    digest = hashlib.sha1(coder_version.encode("utf-8"))
    for doc_id in doc_ids:
        digest.update(b"\x00" + doc_id.encode("utf-8"))
    return f"p{index:06d}-{digest.hexdigest()[:16]}"


def partition_documents(items: Iterable[Document | InputError], size: int,
                        coder_version: str = CODER_VERSION) -> Iterator[Partition]:
    """Documents in input order, `size` to a partition; an input error joins the partition being filled."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    docs: list[Document] = []
    errors: list[InputError] = []
    index = 0
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        docs.append(item)
        if len(docs) == size:
            yield Partition(index, partition_key(index, [d.id for d in docs], coder_version), tuple(docs),
                            tuple(errors))
            docs, errors, index = [], [], index + 1
    if docs or errors:
        yield Partition(index, partition_key(index, [d.id for d in docs], coder_version), tuple(docs), tuple(errors))


# --- a partition's tables ------------------------------------------------------------------------

_DOC_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("content_hash", pa.string()), ("date", pa.string()), ("url", pa.string()),
    ("title", pa.string()), ("origin", pa.string()), ("chars", pa.int64()), ("words", pa.int64()),
    ("events", pa.int64()), ("source", pa.string()), ("fingerprint", pa.list_(pa.uint64())),
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
    seen = Seen()
    kept = [r for r in results if r.error is None and seen.fresh(r.doc)]
    return kept, sum(1 for r in results if r.error is None) - len(kept)


def partition_tables(results: Sequence[DocResult], errors: Sequence[InputError | ErrorRecord] = (),
                     ) -> tuple[pa.Table, pa.Table, pa.Table, int]:
    """The documents, events and errors tables of coded results, and how many repeated documents it left out."""
    kept, dropped = _unique_results(results)
    records = [e if isinstance(e, ErrorRecord) else ErrorRecord.of_input(e) for e in errors]
    records += [ErrorRecord.of_result(r) for r in results if r.error is not None]
    doc_rows = [
        (r.doc.id, content_hash(r.doc.text), r.doc.date, r.doc.url, r.doc.title, r.doc.origin,
         len(r.doc.text), len(r.doc.text.split()), len(r.events), document_source(r.doc),
         list(signature(r.doc.text)))
        for r in kept
    ]
    docs = _rows_table(doc_rows, _DOC_SCHEMA)
    events = event_table([e for r in kept for e in r.events])
    errs = _rows_table([(e.kind, e.path, e.line, e.doc_id, e.message) for e in records], _ERROR_SCHEMA)
    return docs, events, errs, dropped


def error_records(errors: pa.Table, kind: str | None = None) -> list[ErrorRecord]:
    """The rows of an errors table as records, for reports."""
    return [ErrorRecord(r["kind"], r["path"], r["line"], r["doc_id"], r["message"])
            for r in errors.to_pylist() if kind is None or r["kind"] == kind]


# --- coding one partition (runs on a worker) -----------------------------------------------------


@dataclass(frozen=True)
class CodedPartition:
    """What coding a partition gave, as the tables staged and merged: documents, events, errors."""

    key: str
    documents: pa.Table
    events: pa.Table
    errors: pa.Table
    words: int = 0
    seconds: float = 0.0
    worker: str = ""  # host:pid of the process that coded it
    loaded_coder: bool = False  # this task was the first in its process, and loaded the pipeline

    def counts(self) -> dict[str, int]:
        kinds = self.errors.column("kind").to_pylist()
        return {"documents": self.documents.num_rows, "events": self.events.num_rows,
                "errors": self.errors.num_rows, "failed": kinds.count("coding"),
                "input_errors": kinds.count("input"), "words": self.words}


# spaCy pipelines are not meant to be shared between threads: a Dask worker with several threads
# codes one partition at a time, and loads the pipeline once.
_CODER_LOCK = threading.Lock()
_LOADED: set[Settings] = set()


def _as_dates(table: pa.Table) -> pa.Table:
    """ISO date text as Parquet DATE, which warehouses read as dates; what is not a date becomes null."""
    def one(value: str | None) -> dt.date | None:
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            return None

    i = table.schema.get_field_index("date")
    if i < 0 or table.schema.field(i).type != pa.string():
        return table
    dates = pa.array([one(v) for v in table.column(i).to_pylist()], type=pa.date32())
    return table.set_column(i, "date", dates)


def code_partition(settings: Settings, key: str, documents: Sequence[Document],
                   input_errors: Sequence[InputError] = ()) -> CodedPartition:
    """Code one partition's documents; a document that fails becomes a row of the errors table."""
    start = time.perf_counter()
    loaded = False
    results: list[DocResult] = []
    if documents:
        with _CODER_LOCK:
            loaded = settings.for_coder() not in _LOADED
            _LOADED.add(settings.for_coder())
            results = list(get_coder(settings).code_many(documents))
    docs, events, errors, _ = partition_tables(results, input_errors)
    words = int(pc.sum(docs.column("words")).as_py() or 0)
    return CodedPartition(key, _as_dates(docs), _as_dates(events), errors, words,
                          time.perf_counter() - start, f"{socket.gethostname()}:{os.getpid()}", loaded)


def failed_partition(key: str, documents: Sequence[Document], input_errors: Sequence[InputError],
                     reason: str) -> CodedPartition:
    """A partition whose task failed for good: every document of it recorded as an error, none lost."""
    results = [DocResult(d, error=f"the task coding partition {key} failed: {reason}") for d in documents]
    docs, events, errors, _ = partition_tables(results, input_errors)
    return CodedPartition(key, _as_dates(docs), _as_dates(events), errors)


# --- the documents a run has seen -------------------------------------------------------------


class Seen:
    """The documents seen so far, by id and by content: a document seen before is not coded again."""

    def __init__(self, ids: set[str] | None = None, hashes: set[str] | None = None) -> None:
        self.ids = ids if ids is not None else set()
        self.hashes = hashes if hashes is not None else set()

    def fresh(self, doc: Document) -> bool:
        """Whether the document is new (and from now on seen)."""
        digest = content_hash(doc.text)
        if doc.id in self.ids or digest in self.hashes:
            return False
        self.ids.add(doc.id)
        self.hashes.add(digest)
        return True
