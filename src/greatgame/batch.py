"""`greatgame batch`: code documents into partitioned Parquet with a manifest, without a store.

The same machinery as the ingest (partitions.py, runners.py, staging.py), with the staging folder
as the output: documents/, events/ and errors/ with one file per partition, and a `_manifest`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from . import partitions as parts
from .inputs import describe_inputs, read_inputs
from .model import GOLDSTEIN_TABLE, Document
from .partitions import CodedPartition, ErrorRecord, Partition
from .pipeline import CODER_VERSION
from .runners import Runner, run_partitions
from .runs import Gather, Progress, RunReport, plan_jobs
from .settings import Settings
from .staging import Staging

__all__ = ["BatchReport", "batch"]

@dataclass(frozen=True)
class BatchReport(RunReport):
    """What a batch run wrote: totals over the partitions in its manifest (`skipped`: repeated in the input)."""

    out: str
    reused: int  # partitions written by an earlier run into the same folder, kept


def batch(
    paths: Iterable[str],
    out: str,
    settings: Settings | None = None,
    *,
    runner: Runner | int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    on_error: Callable[[ErrorRecord], None] | None = None,
) -> BatchReport:
    """Code the documents at `paths` into partitioned Parquet at `out` (a folder or fsspec URL).

    Partitions already in `out` from an earlier run of the same input and coder are kept, not coded
    again. `runner` is as for `ingest`. Raises LocationError if an input or the output cannot be
    used, SchedulerError if the scheduler is lost.
    """
    settings = settings or Settings()
    size = settings.partition_size
    if size < 1:
        raise ValueError("partition size must be at least 1")
    paths = list(paths)
    progress = Progress()
    report_error = on_error or (lambda _: None)
    stage = Staging(out)
    inputs = describe_inputs(paths)
    earlier = {k: m for k, m in stage.markers().items()
               if m.get("coder_version") == CODER_VERSION and not m.get("failed")}
    written: dict[int, dict[str, Any]] = {}
    reused = 0

    def tick() -> None:
        if on_progress:
            on_progress(progress)

    def plan(part: Partition, fresh: tuple[Document, ...]) -> bool:
        nonlocal reused
        marker = earlier.get(part.key)
        if marker is None:
            return True
        written[part.index] = marker
        reused += 1
        progress.partitions_skipped += 1
        return False

    def settle(part: Partition, coded: CodedPartition, failed: bool) -> None:
        written[part.index] = stage.write(coded, part.index, **({"failed": True} if failed else {}))
        progress.add_coded(coded.documents.num_rows, coded.events.num_rows, coded.errors, coded.words, report_error,
                           failed=failed)
        tick()

    items = read_inputs(paths, settings.max_document_bytes)
    jobs = plan_jobs(parts.partition_documents(items, size), settings, progress, report_error, plan,
                           parts.Seen(), tick)
    gather = Gather(settle)
    run_partitions(runner, parts.code_partition, jobs, gather.done, gather.failed)
    manifest = _manifest(settings, inputs, [written[i] for i in sorted(written)], progress.skipped)
    stage.write_manifest(manifest)
    totals = manifest["totals"]
    return BatchReport(totals["documents"], totals["events"], progress.skipped, totals["failed"],
                       totals["input_errors"], totals["partitions"], totals["words"], progress.elapsed, out, reused)


def _manifest(settings: Settings, inputs: list[dict[str, Any]], partitions: list[dict[str, Any]],
              skipped: int) -> dict[str, Any]:
    totals = {k: sum(p.get(k, 0) for p in partitions)
              for k in ("documents", "events", "errors", "failed", "input_errors", "words")}
    return {
        "format": "greatgame-batch",
        "format_version": 1,
        "coder_version": CODER_VERSION,
        "goldstein_table": GOLDSTEIN_TABLE,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "partition_size": settings.partition_size,
        "settings": settings.to_dict(),
        "inputs": inputs,
        "tables": {t: f"{t}/*.parquet" for t in parts.TABLES},
        "partitions": partitions,
        "totals": {"partitions": len(partitions), **totals, "skipped": skipped},
    }
