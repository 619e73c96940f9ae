"""Runs over partitions: `ingest` into the store through Parquet staging, or `batch` to Parquet only.

Both read the input in the calling process, cut it into partitions (batch.py), and have a runner
(dask_runner.py: this process, a local pool or a Dask cluster) code the partitions that are not done
yet. Coded partitions come back as tables and are written as Parquet; an ingest then merges each into
DuckDB with the store's batch writer, one transaction per partition, under the partition's key.
The events do not depend on the split: the same input gives the same events, ids included, with one
process, a pool, or a cluster.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import pyarrow.compute as pc

from . import batch as _batch
from .batch import (
    PARTITION_SIZE,
    TABLES,
    CodedPartition,
    Partition,
    Staging,
    describe_inputs,
    error_records,
    failed_partition,
    partition_documents,
    read_inputs,
    staging_for,
)
from .dask_runner import Runner, open_runner, run_tasks
from .ingest import GOLDSTEIN_TABLE, ErrorRecord, IngestProgress, IngestReport, content_hash, write_tables
from .model import Document
from .pipeline import CODER_VERSION
from .settings import Settings
from .store import Store

__all__ = ["BatchReport", "PartitionProgress", "batch", "ingest_partitions"]

Tag = tuple[Partition, tuple[Document, ...]]


@dataclass
class PartitionProgress(IngestProgress):
    """Running counts of a partitioned run, handed to the progress callback after every partition."""

    partitions_done: int = 0  # coded (or taken from staging) and written in this run
    partitions_skipped: int = 0  # done by an earlier run, or with nothing new to code
    partitions_failed: int = 0  # whose task failed even when retried: their documents are errors
    partitions_total: int | None = None  # known once the whole input is read

    def partitions_text(self) -> str:
        seen = self.partitions_done + self.partitions_skipped + self.partitions_failed
        total = f"/{self.partitions_total}" if self.partitions_total is not None else ""
        failed = f" ({self.partitions_failed} failed)" if self.partitions_failed else ""
        return f"{seen}{total} partitions{failed}"


def _fresh(docs: Sequence[Document], ids: set[str], hashes: set[str], progress: IngestProgress) -> tuple[Document, ...]:
    """The documents not seen before (by id or content), which are remembered; the rest are skipped."""
    fresh: list[Document] = []
    for doc in docs:
        digest = content_hash(doc.text)
        if doc.id in ids or digest in hashes:
            progress.skipped += 1
            continue
        ids.add(doc.id)
        hashes.add(digest)
        fresh.append(doc)
    return tuple(fresh)


def _jobs(partitions: Iterable[Partition], progress: PartitionProgress, on_error: Callable[[ErrorRecord], None],
          plan: Callable[[Partition], tuple[Tag, tuple[Any, ...]] | None]) -> Iterator[tuple[Tag, tuple[Any, ...]]]:
    """The tasks to run, as the input is read: input errors reported, partitions not to code left out."""
    count = 0
    for part in partitions:
        count += 1
        for err in part.input_errors:
            progress.input_errors += 1
            on_error(ErrorRecord.of_input(err))
        job = plan(part)
        if job is not None:
            yield job
    progress.partitions_total = count


def _count_coded(progress: PartitionProgress, docs: int, events: int, errors: Any, words: int,
                 on_error: Callable[[ErrorRecord], None]) -> None:
    progress.documents += docs
    progress.events += events
    progress.words += words
    failures = error_records(errors, "coding")
    progress.failed += len(failures)
    for record in failures:
        on_error(record)


# --- ingest --------------------------------------------------------------------------------------


def ingest_partitions(
    store: Store,
    paths: Iterable[str],
    settings: Settings | None = None,
    runner: Runner | None = None,
    *,
    partition_size: int = PARTITION_SIZE,
    staging: str | None = None,
    on_progress: Callable[[PartitionProgress], None] | None = None,
    on_error: Callable[[ErrorRecord], None] | None = None,
) -> IngestReport:
    """Code the documents at `paths` that the store lacks, partition by partition, and merge each.

    A partition whose key is in the store's `batches` table was merged before and is skipped; one
    staged (coded) but not merged when an earlier run stopped is merged without coding it again.
    Documents already stored are not coded. A partition whose task fails even after retries has
    each of its documents recorded as a coding error (under a key of its own, so a re-run codes it).
    Raises StoreError if the store refuses a write, BatchError if the staging folder does, and
    SchedulerError if the Dask scheduler is lost.
    """
    settings = settings or Settings()
    if partition_size < 1:
        raise ValueError("partition size must be at least 1")
    paths = list(paths)
    run_id = uuid.uuid4().hex[:12]
    progress = PartitionProgress()
    report_error = on_error or (lambda _: None)
    stage = Staging(staging or staging_for(store.path))
    with store.connected():
        with store.transaction() as con:
            con.execute("INSERT INTO runs (run_id, started_at, coder_version, paths) "
                        "VALUES (?, current_timestamp, ?, ?)", [run_id, CODER_VERSION, json.dumps(paths)])
        merged = {row[0] for row in store.con.execute("SELECT batch_key FROM batches").fetchall()}
        ids, hashes = store.known_documents()
    staged = stage.markers()
    for key in staged.keys() & merged:  # merged just before a crash, not yet tidied away
        stage.remove(key)

    def tick() -> None:
        if on_progress:
            on_progress(progress)

    def merge(key: str) -> None:
        docs, events, errors = stage.read(key)
        with store.connected():
            summary = write_tables(store, docs, events, errors, batch_key=key, run_id=run_id)
        stage.remove(key)
        words = int(pc.sum(docs.column("words")).as_py() or 0)
        _count_coded(progress, summary.documents, summary.events, errors, words, report_error)
        progress.partitions_done += 1
        tick()

    def plan(part: Partition) -> tuple[Tag, tuple[Any, ...]] | None:
        if part.key in merged:
            progress.skipped += len(part.documents)
            progress.partitions_skipped += 1
            tick()
            return None
        fresh = _fresh(part.documents, ids, hashes, progress)
        marker = staged.get(part.key)
        if marker and marker.get("coder_version") == CODER_VERSION and not marker.get("failed"):
            merge(part.key)  # coded by a run that stopped before merging it
            return None
        if not fresh and not part.input_errors:
            progress.partitions_skipped += 1
            tick()
            return None
        return (part, fresh), (settings, part.key, fresh, part.input_errors)

    def done(tag: Tag, coded: CodedPartition) -> None:
        stage.write(coded, tag[0].index)
        merge(coded.key)

    def failed(tag: Tag, reason: str) -> None:
        part, fresh = tag
        coded = failed_partition(part.key, fresh, part.input_errors, reason)
        with store.connected():
            write_tables(store, coded.documents, coded.events, coded.errors,
                         batch_key=f"{part.key}:failed:{run_id}", run_id=run_id)
        _count_coded(progress, 0, 0, coded.errors, 0, report_error)
        progress.partitions_failed += 1
        tick()

    items = read_inputs(paths, settings.max_document_bytes)
    with ExitStack() as stack:
        runner = runner or stack.enter_context(open_runner(None, 1))
        store.disconnect()  # readers (`greatgame serve`) get in between merges
        try:
            run_tasks(runner, _batch.code_partition,
                      _jobs(partition_documents(items, partition_size), progress, report_error, plan), done, failed)
        finally:
            store.reconnect()
    stage.remove_if_empty()
    report = IngestReport(run_id, progress.documents, progress.events, progress.skipped, progress.failed,
                          progress.input_errors, progress.partitions_done, progress.words, progress.elapsed)
    with store.transaction() as con:
        con.execute("UPDATE runs SET finished_at = current_timestamp, documents = ?, events = ?, skipped = ?, "
                    "errors = ? WHERE run_id = ?",
                    [report.documents, report.events, report.skipped, report.errors, run_id])
    return report


# --- batch: Parquet only -------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchReport:
    """What a batch run wrote: totals over the partitions in its manifest."""

    out: str
    partitions: int
    documents: int
    events: int
    skipped: int  # repeated in the input (same id or content as an earlier document)
    failed: int
    input_errors: int
    reused: int  # partitions written by an earlier run into the same folder, kept
    words: int
    seconds: float

    @property
    def errors(self) -> int:
        return self.failed + self.input_errors

    def to_dict(self) -> dict[str, Any]:
        return {"out": self.out, "partitions": self.partitions, "documents": self.documents,
                "events": self.events, "skipped": self.skipped, "failed": self.failed,
                "input_errors": self.input_errors, "reused": self.reused, "words": self.words,
                "seconds": round(self.seconds, 3)}


def batch(
    paths: Iterable[str],
    out: str,
    settings: Settings | None = None,
    runner: Runner | None = None,
    *,
    partition_size: int = PARTITION_SIZE,
    on_progress: Callable[[PartitionProgress], None] | None = None,
    on_error: Callable[[ErrorRecord], None] | None = None,
) -> BatchReport:
    """Code the documents at `paths` into partitioned Parquet at `out` (a folder or fsspec URL).

    Writes documents/, events/ and errors/ with one file per partition, and a `_manifest` (JSON)
    listing the partitions with their counts, the coder's version and the input files. Partitions
    already in `out` from an earlier run of the same input and coder are kept, not coded again.
    Raises BatchError if an input or the output cannot be used, SchedulerError if the scheduler is lost.
    """
    settings = settings or Settings()
    if partition_size < 1:
        raise ValueError("partition size must be at least 1")
    paths = list(paths)
    progress = PartitionProgress()
    report_error = on_error or (lambda _: None)
    stage = Staging(out)
    inputs = describe_inputs(paths)
    earlier = {k: m for k, m in stage.markers().items()
               if m.get("coder_version") == CODER_VERSION and not m.get("failed")}
    written: dict[int, dict[str, Any]] = {}
    reused = 0
    ids: set[str] = set()
    hashes: set[str] = set()

    def tick() -> None:
        if on_progress:
            on_progress(progress)

    def plan(part: Partition) -> tuple[Tag, tuple[Any, ...]] | None:
        nonlocal reused
        fresh = _fresh(part.documents, ids, hashes, progress)
        marker = earlier.get(part.key)
        if marker is not None:
            written[part.index] = marker
            reused += 1
            progress.partitions_skipped += 1
        elif not fresh and not part.input_errors:
            progress.partitions_skipped += 1
        else:
            return (part, fresh), (settings, part.key, fresh, part.input_errors)
        tick()
        return None

    def done(tag: Tag, coded: CodedPartition) -> None:
        written[tag[0].index] = stage.write(coded, tag[0].index)
        _count_coded(progress, coded.documents.num_rows, coded.events.num_rows, coded.errors, coded.words,
                     report_error)
        progress.partitions_done += 1
        tick()

    def failed(tag: Tag, reason: str) -> None:
        part, fresh = tag
        coded = failed_partition(part.key, fresh, part.input_errors, reason)
        written[part.index] = stage.write(coded, part.index, failed=True)
        _count_coded(progress, 0, 0, coded.errors, 0, report_error)
        progress.partitions_failed += 1
        tick()

    items = read_inputs(paths, settings.max_document_bytes)
    with ExitStack() as stack:
        runner = runner or stack.enter_context(open_runner(None, 1))
        run_tasks(runner, _batch.code_partition,
                  _jobs(partition_documents(items, partition_size), progress, report_error, plan), done, failed)
    manifest = _manifest(settings, partition_size, inputs, [written[i] for i in sorted(written)], progress.skipped)
    stage.write_manifest(manifest)
    totals = manifest["totals"]
    return BatchReport(out, totals["partitions"], totals["documents"], totals["events"], progress.skipped,
                       totals["failed"], totals["input_errors"], reused, totals["words"], progress.elapsed)


def _manifest(settings: Settings, size: int, inputs: list[dict[str, Any]], partitions: list[dict[str, Any]],
              skipped: int) -> dict[str, Any]:
    totals = {k: sum(p.get(k, 0) for p in partitions)
              for k in ("documents", "events", "errors", "failed", "input_errors", "words")}
    return {
        "format": "greatgame-batch",
        "format_version": 1,
        "coder_version": CODER_VERSION,
        "goldstein_table": GOLDSTEIN_TABLE,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "partition_size": size,
        "settings": settings.to_dict(),
        "inputs": inputs,
        "tables": {t: f"{t}/*.parquet" for t in TABLES},
        "partitions": partitions,
        "totals": {"partitions": len(partitions), **totals, "skipped": skipped},
    }
