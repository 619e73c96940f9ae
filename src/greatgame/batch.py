"""Documents in partitions: deterministic keys, coding one partition on any worker, Parquet staging.

A partition is a run of consecutive documents in input order, `size` at a time. Its key names its
position and hashes its documents' ids and the coder's version, so the same input read again gives
the same keys, whichever machine or process count codes it. `code_partition` is the task a worker
runs (it loads the NLP pipeline once per process); `Staging` writes coded partitions as Parquet
(documents/, events/, errors/, one file per partition) to a local folder or an fsspec URL, with a
marker per partition written last, so a partition is either wholly there or not there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .documents import SUFFIXES, read_path, read_stream
from .ingest import ErrorRecord, batch_tables
from .model import Document, InputError
from .pipeline import CODER_VERSION, DocResult, get_coder
from .settings import Settings

__all__ = [
    "PARTITION_SIZE",
    "TABLES",
    "BatchError",
    "CodedPartition",
    "Partition",
    "Staging",
    "code_partition",
    "describe_inputs",
    "error_records",
    "failed_partition",
    "filesystem",
    "is_url",
    "partition_documents",
    "partition_key",
    "read_inputs",
    "staging_for",
]

PARTITION_SIZE = 64
TABLES = ("documents", "events", "errors")
MARKERS = "_partitions"
MANIFEST = "_manifest"


class BatchError(Exception):
    """An input or output location that cannot be used; the message is one line for the user."""


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


def partition_documents(items: Iterable[Document | InputError], size: int = PARTITION_SIZE,
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
            loaded = settings not in _LOADED
            _LOADED.add(settings)
            results = list(get_coder(settings).code_many(documents))
    docs, events, errors, _ = batch_tables(results, input_errors)
    words = int(pc.sum(docs.column("words")).as_py() or 0)
    return CodedPartition(key, _as_dates(docs), _as_dates(events), errors, words,
                          time.perf_counter() - start, f"{socket.gethostname()}:{os.getpid()}", loaded)


def failed_partition(key: str, documents: Sequence[Document], input_errors: Sequence[InputError],
                     reason: str) -> CodedPartition:
    """A partition whose task failed for good: every document of it recorded as an error, none lost."""
    results = [DocResult(d, error=f"the task coding partition {key} failed: {reason}") for d in documents]
    docs, events, errors, _ = batch_tables(results, input_errors)
    return CodedPartition(key, _as_dates(docs), _as_dates(events), errors)


def error_records(errors: pa.Table, kind: str | None = None) -> list[ErrorRecord]:
    """The rows of an errors table as records, for reports."""
    return [ErrorRecord(r["kind"], r["path"], r["line"], r["doc_id"], r["message"])
            for r in errors.to_pylist() if kind is None or r["kind"] == kind]


# --- inputs: local paths or fsspec URLs ----------------------------------------------------------


def is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem and path of a local path or URL; BatchError if its extra is missing."""
    import fsspec

    try:
        return fsspec.core.url_to_fs(url)
    except ImportError:
        scheme = url.split("://", 1)[0]
        extra = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs"}.get(scheme)
        hint = f"; install it with: pip install 'greatgame[{extra}]'" if extra else ""
        raise BatchError(f"{url}: no filesystem for {scheme}:// is installed{hint}") from None
    except ValueError as exc:
        raise BatchError(f"{url}: {exc}") from None


def _readable(name: str) -> bool:
    base = name.rsplit("/", 1)[-1].lower()
    if base.startswith("."):
        return False
    base = base.removesuffix(".gz")
    return os.path.splitext(base)[1] in SUFFIXES


def _url_files(url: str) -> tuple[Any, list[str]]:
    fs, path = filesystem(url)
    try:
        if any(c in path for c in "*?["):
            return fs, sorted(p for p in fs.glob(path) if _readable(p))
        if fs.isdir(path):
            return fs, sorted(p for p in fs.find(path) if _readable(p))
        return fs, [path] if fs.exists(path) else []
    except OSError as exc:
        raise BatchError(f"{url}: cannot list: {exc}") from None


def _from_url(url: str, limit: int) -> Iterator[Document | InputError]:
    fs, files = _url_files(url)
    if not files:
        yield InputError(url, "no such file or directory")
        return
    for remote in files:
        name = fs.unstrip_protocol(remote)
        try:
            stream = fs.open(remote, "rb")
        except OSError as exc:
            yield InputError(name, f"cannot read: {exc}")
            continue
        # Read as it arrives, under the same limits as a local file: nothing is downloaded whole.
        with stream:
            yield from read_stream(stream, name, limit)


def read_inputs(paths: Iterable[str], limit: int = 10_000_000) -> Iterator[Document | InputError]:
    """Documents and input errors from local paths, '-' and fsspec URLs (s3://, gs://, …), in order."""
    for path in paths:
        if is_url(path):
            yield from _from_url(path, limit)
        else:
            yield from read_path(path.removeprefix("file://"), limit)


def _local_files(path: str) -> list[Path]:
    p = Path(path.removeprefix("file://"))
    if p.is_dir():
        return [f for f in sorted(p.rglob("*")) if f.is_file() and _readable(f.name)]
    return [p] if p.is_file() else []


def _mtime(value: Any) -> str | None:
    if isinstance(value, (int, float)):
        return dt.datetime.fromtimestamp(value, dt.UTC).isoformat()
    return str(value) if value else None


def describe_inputs(paths: Iterable[str]) -> list[dict[str, Any]]:
    """Each input file with its size and modification time, for the manifest."""
    out: list[dict[str, Any]] = []
    for path in paths:
        found: list[dict[str, Any]] = []
        if is_url(path):
            try:
                fs, files = _url_files(path)
                for f in files:
                    info = fs.info(f)
                    when = info.get("mtime") or info.get("LastModified") or info.get("updated") or info.get("created")
                    found.append({"path": fs.unstrip_protocol(f), "size": info.get("size"), "mtime": _mtime(when)})
            except (BatchError, OSError):
                pass
        elif path != "-":
            for f in _local_files(path):
                st = f.stat()
                found.append({"path": str(f), "size": st.st_size, "mtime": _mtime(st.st_mtime)})
        out += found or [{"path": path, "size": None, "mtime": None}]
    return out


# --- staged Parquet ------------------------------------------------------------------------------


class Staging:
    """A folder (local path or fsspec URL) of coded partitions: TABLE/KEY.parquet, then _partitions/KEY.json."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.fs, self.root = filesystem(url)

    def _path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def _fail(self, what: str, exc: BaseException) -> BatchError:
        return BatchError(f"cannot {what} {self.url}: {str(exc).splitlines()[0] if str(exc) else exc}")

    def markers(self) -> dict[str, dict[str, Any]]:
        """The partitions wholly written here, by key."""
        found: dict[str, dict[str, Any]] = {}
        try:
            names = self.fs.ls(self._path(MARKERS), detail=False) if self.fs.exists(self._path(MARKERS)) else []
            for name in names:
                if name.endswith(".json"):
                    marker = json.loads(self.fs.cat_file(name))
                    found[marker["key"]] = marker
        except (OSError, ValueError, KeyError) as exc:
            raise self._fail("read", exc) from None
        return found

    def _put(self, data: bytes | pa.Table, *parts: str) -> None:
        target = self._path(*parts)
        tmp = f"{target}.tmp-{uuid.uuid4().hex[:8]}"
        self.fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
        if isinstance(data, pa.Table):
            pq.write_table(data, tmp, filesystem=self.fs)
        else:
            self.fs.pipe_file(tmp, data)
        self.fs.mv(tmp, target)  # a reader sees the whole file or none

    def write(self, part: CodedPartition, index: int, **extra: Any) -> dict[str, Any]:
        """Write a coded partition's tables, then its marker; returns the marker."""
        marker = {"key": part.key, "index": index, "coder_version": CODER_VERSION, **part.counts(),
                  "seconds": round(part.seconds, 3), "worker": part.worker, **extra,
                  "files": {t: f"{t}/{part.key}.parquet" for t in TABLES}}
        try:
            for name in TABLES:
                self._put(getattr(part, name), name, f"{part.key}.parquet")
            self._put(json.dumps(marker, indent=1).encode("utf-8"), MARKERS, f"{part.key}.json")
        except OSError as exc:
            raise self._fail("write to", exc) from None
        return marker

    def read(self, key: str) -> tuple[pa.Table, pa.Table, pa.Table]:
        """The documents, events and errors tables of a staged partition."""
        try:
            return tuple(pq.read_table(self._path(t, f"{key}.parquet"), filesystem=self.fs)  # type: ignore[return-value]
                         for t in TABLES)
        except (OSError, pa.ArrowException) as exc:
            raise self._fail("read", exc) from None

    def remove(self, key: str) -> None:
        """Forget a partition (once merged): the marker first, so a half-removed one is not staged."""
        for path in (self._path(MARKERS, f"{key}.json"), *(self._path(t, f"{key}.parquet") for t in TABLES)):
            try:
                self.fs.rm_file(path)
            except FileNotFoundError:
                pass

    def remove_if_empty(self) -> None:
        """Remove the folder when no partition is left in it (local folders only)."""
        from fsspec.implementations.local import LocalFileSystem

        if not isinstance(self.fs, LocalFileSystem) or not Path(self.root).is_dir():
            return
        if any(p.is_file() for p in Path(self.root).rglob("*")):
            return
        for sub in sorted(Path(self.root).rglob("*"), reverse=True):
            sub.rmdir()
        Path(self.root).rmdir()

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        try:
            self._put(json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8"), MANIFEST)
        except OSError as exc:
            raise self._fail("write to", exc) from None


def staging_for(db: str) -> str:
    """Where an ingest stages coded partitions: beside the database, FILE.staging/."""
    if db == ":memory:":
        return os.path.join(tempfile.gettempdir(), f"greatgame-{os.getpid()}.staging")
    return f"{db}.staging"
