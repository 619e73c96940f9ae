"""The ingest engine: read documents, code the ones the store lacks, commit them partition by partition.

There is one path. The input is read (inputs.py) and cut into partitions (partitions.py); a runner
(runners.py: this process by default, a local pool or a Dask cluster by choice) codes the partitions
not stored yet, a chunk of at most 16 documents a task (runs.py); each coded partition is staged as
Parquet (staging.py) and then merged into the store in ONE transaction under its key (the store's
`write_partition`).

Crash safety comes from that rule: a document, its events and its errors are committed together
with the rest of their partition, so after a `kill -9` the store holds whole partitions only; a
re-run skips what is stored (same id or content hash), merges what was staged but not merged,
and codes the rest. Partition keys and event ids do not depend on the runner or the process
count: the same input gives the same events, ids included, inline, in a pool, or on a cluster.
Between merges the store lets go of the file, so readers (`greatgame serve`) get in.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass

import pyarrow.compute as pc

from . import partitions as parts
from .inputs import read_inputs
from .model import GOLDSTEIN_TABLE, Document, InputError
from .partitions import CodedPartition, ErrorRecord, Partition
from .pipeline import CODER_VERSION, DocResult
from .runners import Runner, run_partitions
from .runs import Gather, Progress, RunReport, plan_jobs
from .settings import Settings
from .staging import Staging, staging_for
from .store import PartitionSummary, Store

__all__ = ["ErrorRecord", "IngestReport", "Progress", "ingest", "ingest_documents", "write_results"]

@dataclass(frozen=True)
class IngestReport(RunReport):
    """What an ingest run did; `partitions` are those coded (or taken from staging) and committed."""

    run_id: str
    runner: str  # where the partitions were coded: inline, pool or dask


def write_results(store: Store, results: Sequence[DocResult], errors: Sequence[InputError | ErrorRecord] = (),
                  *, batch_key: str, run_id: str | None = None,
                  dedup: tuple[int, str] = (1, "code")) -> PartitionSummary:
    """Commit documents coded elsewhere, their events and errors in one transaction, under `batch_key`.

    A key already committed is not written again; documents already stored (same id or content)
    are left as they are. A result with an error is recorded as a coding error, not a document.
    `dedup` is (dedup_window_days, dedup_actor_level), what the new mentions are clustered with.
    Raises StoreError if the database refuses the write; nothing is then written.
    """
    docs, events, errs, dropped = parts.partition_tables(results, errors)
    return store.write_partition(docs, events, errs, key=batch_key, run_id=run_id, coder_version=CODER_VERSION,
                                 goldstein_table=GOLDSTEIN_TABLE, duplicates=dropped, dedup=dedup)


def ingest(
    store: Store,
    paths: Iterable[str],
    settings: Settings | None = None,
    *,
    runner: Runner | int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    on_error: Callable[[ErrorRecord], None] | None = None,
) -> IngestReport:
    """Code the documents at `paths` (files, directories, '-', fsspec URLs) that the store lacks.

    `runner` is an open Runner (a Dask cluster, say), or how many local processes to code in
    (None: this process); a pool is started only for two tasks or more. Partitions hold
    `settings.partition_size` documents and are coded in chunks (runs.py), each committed whole.
    Raises StoreError if the store refuses a write, LocationError if the staging folder does, and
    SchedulerError if the Dask scheduler is lost.
    """
    settings = settings or Settings()
    paths = list(paths)
    items = read_inputs(paths, settings.max_document_bytes)
    return ingest_documents(store, items, settings, label=paths, runner=runner, on_progress=on_progress,
                            on_error=on_error)


def ingest_documents(
    store: Store,
    items: Iterable[Document | InputError],
    settings: Settings | None = None,
    *,
    label: str | Sequence[str] = "documents",
    runner: Runner | int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    on_error: Callable[[ErrorRecord], None] | None = None,
    staging: str | None = None,
) -> IngestReport:
    """`ingest` for documents already in hand (a feed, say); `label` names them in the runs table."""
    settings = settings or Settings()
    size = settings.partition_size
    if size < 1:
        raise ValueError("partition size must be at least 1")
    run_id = uuid.uuid4().hex[:12]
    progress = Progress()
    report_error = on_error or (lambda _: None)
    stage = Staging(staging or staging_for(store.path))
    with store.connected():
        store.start_run(run_id, CODER_VERSION, [label] if isinstance(label, str) else list(label))
        merged = store.merged_keys()
        seen = parts.Seen(*store.known_documents())
    staged = stage.markers()
    for key in staged.keys() & merged:  # merged just before a crash, not yet tidied away
        stage.remove(key)

    def tick() -> None:
        if on_progress:
            on_progress(progress)

    def write(coded: CodedPartition, key: str) -> PartitionSummary:
        with store.connected():
            return store.write_partition(coded.documents, coded.events, coded.errors, key=key, run_id=run_id,
                                         coder_version=CODER_VERSION, goldstein_table=GOLDSTEIN_TABLE,
                                         dedup=(settings.dedup_window_days, settings.dedup_actor_level))

    def merge(key: str) -> None:
        docs, events, errors = stage.read(key)
        summary = write(CodedPartition(key, docs, events, errors), key)
        stage.remove(key)
        words = int(pc.sum(docs.column("words")).as_py() or 0)
        progress.add_coded(summary.documents, summary.events, errors, words, report_error)
        tick()

    def plan(part: Partition, fresh: tuple[Document, ...]) -> bool:
        if part.key in merged:
            progress.skipped += len(fresh)  # failed documents of a committed partition, not stored
            progress.partitions_skipped += 1
            return False
        marker = staged.get(part.key)
        if marker and marker.get("coder_version") == CODER_VERSION and not marker.get("failed"):
            merge(part.key)  # coded by a run that stopped before merging it
            return False
        return True

    def settle(part: Partition, coded: CodedPartition, failed: bool) -> None:
        if not failed:
            stage.write(coded, part.index)
            merge(coded.key)
            return
        # Not under the partition's key: a re-run codes the documents that failed, and commits the partition.
        summary = write(coded, f"{coded.key}:failed:{run_id}")
        progress.add_coded(summary.documents, summary.events, coded.errors, coded.words, report_error, failed=True)
        tick()

    jobs = plan_jobs(parts.partition_documents(items, size), settings, progress, report_error, plan, seen, tick)
    with ExitStack() as stack:
        store.disconnect()  # readers (`greatgame serve`) get in between merges
        stack.callback(store.reconnect)
        gather = Gather(settle)
        used = run_partitions(runner, parts.code_partition, jobs, gather.done, gather.failed)
    stage.remove_if_empty()
    report = IngestReport(progress.documents, progress.events, progress.skipped, progress.failed,
                          progress.input_errors, progress.partitions_done, progress.words, progress.elapsed,
                          run_id, used.kind)
    store.finish_run(run_id, {"documents": report.documents, "events": report.events, "skipped": report.skipped,
                              "errors": report.errors})
    return report
