"""`greatgame batch`: code documents into partitioned Parquet, here or on Dask."""

from __future__ import annotations

from typing import Annotated

import typer

from ..inputs import LocationError
from ..runners import SchedulerError
from .app import app
from .common import EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, KeepAll, MinConfidence, build_settings, fail, threshold
from .running import PartitionSize, Scheduler, Workers, check_locations, chosen_runner, count, progress_display


@app.command()
def batch(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs (s3://…, gs://…), or - for "
                                                    "standard input.")],
    out: Annotated[str, typer.Option("--out", "-o", help="The folder or URL to write Parquet to.")],
    scheduler: Scheduler = None,
    workers: Workers = None,
    partition_size: PartitionSize = None,
    config: Annotated[str | None, typer.Option("--config", help="A TOML or JSON settings file.")] = None,
    min_confidence: MinConfidence = None,
    keep_all: KeepAll = False,
) -> None:
    """Code documents into partitioned Parquet (documents, events, errors) with a _manifest, here or on Dask."""
    from ..batch import batch as run_batch  # lazily: partitions load pyarrow; `greatgame --help` stays light

    settings = build_settings(config, workers=workers, partition_size=partition_size,
                              **threshold(min_confidence, keep_all))
    check_locations(*paths, out)
    with chosen_runner(scheduler, workers, settings) as runner, progress_display() as (progress, on_error):
        try:
            report = run_batch(paths, out, settings, runner=runner, on_progress=progress, on_error=on_error)
        except (LocationError, SchedulerError) as exc:
            fail(f"{exc}; the partitions written before it are kept", EXIT_FATAL)
        except KeyboardInterrupt:
            fail("interrupted; the partitions written so far are kept, and a re-run resumes", EXIT_FATAL)
    kept = f", {count(report.reused, 'partition')} kept from an earlier run" if report.reused else ""
    typer.echo(f"{out}: {count(report.documents, 'document')} ({count(report.events, 'event')}) in "
               f"{count(report.partitions, 'partition')}, {report.skipped} repeated, "
               f"{count(report.errors, 'error')}{kept}")
    if report.errors:
        raise typer.Exit(EXIT_FATAL if not report.documents else EXIT_PARTIAL)
    raise typer.Exit(EXIT_OK)
