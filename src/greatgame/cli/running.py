"""What the commands that code many documents share (`ingest`, `batch`): the runner options, opening
the runner, and the progress display."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Annotated, Any

import typer

from ..inputs import LocationError, filesystem, is_url
from ..runners import Runner, SchedulerError, open_runner
from ..settings import Settings
from .common import EXIT_FATAL, error_line, fail

Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", help="Code partitions on Dask: 'local' starts a cluster of --workers processes; "
                        "tcp://HOST:PORT uses a running scheduler and its workers.")]
Workers = Annotated[int | None, typer.Option(
    "--workers", "-w", min=1, help="Coding processes (default: this one; a pool starts only for more than "
                                   "16 documents); with a scheduler address, workers to wait for.")]
PartitionSize = Annotated[int | None, typer.Option(
    "--partition-size", "--batch-size", min=1,
    help="Documents per partition, committed in one transaction (default 64); coded 16 to a task.")]


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def check_locations(*locations: str) -> None:
    """One error line and exit 3 for a URL whose filesystem is not installed, before any work starts."""
    for location in locations:
        if is_url(location):
            try:
                filesystem(location)
            except LocationError as exc:
                fail(str(exc), EXIT_FATAL)


@contextmanager
def chosen_runner(scheduler: str | None, workers: int | None, settings: Settings) -> Iterator[Runner | int]:
    """What to code on: local processes (a count, started only if the input is big enough), or an
    open Dask runner, which says where it is; one error line and exit 3 if it cannot be reached."""
    if scheduler is None:
        yield workers or (settings.workers if settings.workers > 0 else 1)
        return
    # Dask logs a worker lost, a task retried; the run handles those and reports what matters.
    for name in ("distributed", "tornado"):
        logging.getLogger(name).setLevel(logging.ERROR)
    wanted = (workers or settings.effective_workers()) if scheduler == "local" else (workers or 0)
    with ExitStack() as stack:
        try:
            runner = stack.enter_context(open_runner(scheduler, wanted))
        except SchedulerError as exc:
            fail(str(exc), EXIT_FATAL)
        board = f"; dashboard {runner.dashboard}" if runner.dashboard else ""
        error_line(f"coding on the {runner.where}{board}")
        yield runner


@contextmanager
def progress_display() -> Iterator[tuple[Any, Any]]:
    """Callbacks for progress and errors: a rich bar on a terminal, error lines only when not one."""
    if not sys.stderr.isatty():
        yield None, lambda err: error_line(str(err))
        return
    from rich.console import Console  # lazily: rich loads only for a terminal
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn  # lazily: as above

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("starting")

        def update(p: Any) -> None:
            rate = p.documents / p.elapsed if p.elapsed > 0 else 0.0
            bar.update(task, description=f"{p.partitions_text()} · {count(p.documents, 'document')} · "
                                         f"{rate:.1f} docs/s · {count(p.events, 'event')} · {p.skipped} skipped · "
                                         f"{count(p.failed + p.input_errors, 'error')}")

        def report(err: Any) -> None:
            # Through the bar's console, so the line lands above the bar rather than inside it.
            bar.console.print(f"greatgame: {err}", markup=False, highlight=False, soft_wrap=True)

        yield update, report
