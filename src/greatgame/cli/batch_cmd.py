"""`greatgame batch` (Parquet only), and the partitioned path of `greatgame ingest` (--scheduler, --partition-size)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Annotated, Any

import typer

from ..batch import PARTITION_SIZE, BatchError
from ..dask_runner import Runner, SchedulerError
from ..settings import Settings
from .app import app
from .common import (
    EXIT_FATAL,
    EXIT_OK,
    EXIT_PARTIAL,
    KeepAll,
    MinConfidence,
    build_settings,
    error_line,
    fail,
    threshold,
)

Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", help="Code partitions on Dask: 'local' starts a cluster of --workers processes; "
                        "tcp://HOST:PORT uses a running scheduler and its workers.")]
PartitionSize = Annotated[int | None, typer.Option(
    "--partition-size", min=1, help=f"Documents per partition (default {PARTITION_SIZE}).")]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _workers(scheduler: str | None, settings: Settings) -> int:
    """Processes to start here; for a running scheduler, workers to wait for (0: none)."""
    if scheduler is None or scheduler == "local":
        return settings.effective_workers()
    return settings.workers


def check_locations(*locations: str) -> None:
    """One error line and exit 3 for a URL whose filesystem is not installed, before any work starts."""
    from ..batch import filesystem, is_url

    for location in locations:
        if is_url(location):
            try:
                filesystem(location)
            except BatchError as exc:
                fail(str(exc), EXIT_FATAL)


@contextmanager
def connected_runner(scheduler: str | None, workers: int) -> Iterator[Runner]:
    """The runner, or one error line and exit 3; says where the work runs when that is on Dask."""
    from ..dask_runner import open_runner

    if scheduler is not None:
        # Dask logs a worker lost, a task retried; the run handles those and reports what matters.
        for name in ("distributed", "tornado"):
            logging.getLogger(name).setLevel(logging.ERROR)
    with ExitStack() as stack:
        try:
            runner = stack.enter_context(open_runner(scheduler, workers))
        except SchedulerError as exc:
            fail(str(exc), EXIT_FATAL)
        if runner.client is not None:
            board = f"; dashboard {runner.dashboard}" if runner.dashboard else ""
            error_line(f"coding on the {runner.where}{board}")
        yield runner


@contextmanager
def ingest_runner(scheduler: str | None, partition_size: int | None, settings: Settings,
                  paths: list[str]) -> Iterator[Callable[..., Any]]:
    """What `greatgame ingest` runs: the plain ingest, or, with a scheduler or a partition size,
    the partitioned one (same arguments; --batch-size gives way to the partition size)."""
    from ..ingest import ingest
    from ..partitioned import ingest_partitions

    if scheduler is None and partition_size is None:
        yield ingest
        return
    check_locations(*paths)
    with connected_runner(scheduler, _workers(scheduler, settings)) as runner:
        def run(store: Any, paths: list[str], settings: Settings, *, batch_size: int | None = None,
                on_progress: Any = None, on_error: Any = None) -> Any:
            try:
                return ingest_partitions(store, paths, settings, runner,
                                         partition_size=partition_size or PARTITION_SIZE,
                                         on_progress=on_progress, on_error=on_error)
            except (BatchError, SchedulerError) as exc:
                fail(f"{exc}; the partitions merged before it are kept", EXIT_FATAL)

        yield run


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs (s3://…, gs://…), or - for "
                                                    "standard input.")],
    out: Annotated[str, typer.Option("--out", "-o", help="The folder or URL to write Parquet to.")],
    scheduler: Scheduler = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1,
                                                help="Coding processes (default: all cores); with a "
                                                     "scheduler address, workers to wait for.")] = None,
    partition_size: PartitionSize = None,
    config: Annotated[str | None, typer.Option("--config", help="A TOML or JSON settings file.")] = None,
    min_confidence: MinConfidence = None,
    keep_all: KeepAll = False,
) -> None:
    """Code documents into partitioned Parquet (documents, events, errors) with a _manifest, here or on Dask."""
    from ..partitioned import batch as run
    from .store_cmd import _progress_display

    settings = build_settings(config, workers=workers, **threshold(min_confidence, keep_all))
    check_locations(*paths, out)
    with connected_runner(scheduler, _workers(scheduler, settings)) as runner, \
            _progress_display() as (progress, on_error):
        try:
            report = run(paths, out, settings, runner, partition_size=partition_size or PARTITION_SIZE,
                         on_progress=progress, on_error=on_error)
        except (BatchError, SchedulerError) as exc:
            fail(f"{exc}; the partitions written before it are kept", EXIT_FATAL)
        except KeyboardInterrupt:
            fail("interrupted; the partitions written so far are kept, and a re-run resumes", EXIT_FATAL)
    kept = f", {_count(report.reused, 'partition')} kept from an earlier run" if report.reused else ""
    typer.echo(f"{out}: {_count(report.documents, 'document')} ({_count(report.events, 'event')}) in "
               f"{_count(report.partitions, 'partition')}, {report.skipped} repeated, "
               f"{_count(report.errors, 'error')}{kept}")
    if report.errors:
        raise typer.Exit(EXIT_FATAL if not report.documents else EXIT_PARTIAL)
    raise typer.Exit(EXIT_OK)
