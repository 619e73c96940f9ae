"""`greatgame ingest`, `stats`, `events`, `dyads`, `shifts` and `export`: the store from the command line.

The store, analytics and exports load DuckDB, pyarrow and pandas (seconds): each command imports
them when it runs, so that `greatgame --help` and `greatgame code` do not pay for them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..documents import parse_date
from ..inputs import LocationError
from ..runners import SchedulerError
from .app import app
from .code_cmd import event_line
from .running import PartitionSize, Scheduler, Workers, check_locations, chosen_runner, progress_display
from .common import (
    EXIT_FATAL,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    KeepAll,
    MinConfidence,
    build_settings,
    fail,
    threshold,
    write_csv,
    write_event_csv,
)

if TYPE_CHECKING:
    from ..store import Store

Db = Annotated[str, typer.Option("--db", help="The DuckDB store.")]
Since = Annotated[str | None, typer.Option("--since", help="First date, YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option("--until", help="Last date, YYYY-MM-DD.")]
Modality = Annotated[str, typer.Option("--modality", help="Count only this modality (asserted, negated, future, "
                                                          "hypothetical, reported), or all.")]
DEFAULT_DB = "greatgame.duckdb"


class CountWhat(str, Enum):
    events = "events"
    mentions = "mentions"


Count = Annotated[CountWhat, typer.Option("--count", help="Count real-world events (mentions clustered, the "
                                                          "default) or mentions (every coded sentence).")]


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


class EventsFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


class RowsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    gdelt = "gdelt"
    icews = "icews"
    plover = "plover"


# How long a reading command waits for a writer that is committing (seconds).
READER_WAIT = 30.0


@contextmanager
def _open(db: str, read_only: bool = True) -> Iterator[Store]:
    """The store, or one error line and exit 3 if it cannot be opened."""
    from ..store import Store, StoreError  # lazily: DuckDB loads only for a store

    try:  # a reader waits while an ingest commits (docs/concurrency.md); a writer waits for readers
        store = Store.open(db, read_only=read_only, wait=READER_WAIT if read_only else None)
    except StoreError as exc:
        fail(str(exc), EXIT_FATAL)
    try:
        yield store
    finally:
        store.close()


def _date(name: str, value: str | None) -> str | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        fail(f"{name}: {exc}", EXIT_USAGE)


def _modalities(value: str) -> tuple[str, ...] | None:
    from ..store import modality_values  # lazily: see the module's docstring

    try:
        mods = modality_values([m.strip() for m in value.split(",")])
    except ValueError as exc:
        fail(f"--modality: {exc}", EXIT_USAGE)
    return tuple(mods) if mods is not None else None


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def table_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """Rows as plain aligned columns with a header; numbers right-aligned."""
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(r.get(c), (int, float)) for r in rows) and bool(rows) for c in columns]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    return "\n".join([line(list(columns)), *(line(row) for row in cells)])


def _print_rows(rows: list[dict[str, Any]], columns: Sequence[str], fmt: RowsFormat) -> None:
    if fmt is RowsFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt is RowsFormat.csv:
        write_csv(rows, fieldnames=list(columns))
    elif rows:
        typer.echo(table_text(rows, columns))


# --- ingest --------------------------------------------------------------------------------------


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs (s3://…, gs://…), or - for "
                                                    "standard input.")],
    db: Db = DEFAULT_DB,
    workers: Workers = None,
    partition_size: PartitionSize = None,
    config: Annotated[str | None, typer.Option("--config", help="A TOML or JSON settings file.")] = None,
    scheduler: Scheduler = None,
    min_confidence: MinConfidence = None,
    keep_all: KeepAll = False,
) -> None:
    """Code documents and store them with their events; documents already stored are skipped."""
    from ..ingest import ingest as run_ingest  # lazily: see the module's docstring
    from ..store import StoreError  # lazily: see the module's docstring

    settings = build_settings(config, workers=workers, partition_size=partition_size,
                              **threshold(min_confidence, keep_all))
    check_locations(*paths)
    with chosen_runner(scheduler, workers, settings) as runner, _open(db, read_only=False) as store, \
            progress_display() as (progress, on_error):
        try:
            report = run_ingest(store, paths, settings, runner=runner, on_progress=progress, on_error=on_error)
        except (StoreError, LocationError, SchedulerError) as exc:
            fail(f"{exc}; the partitions committed before it are kept", EXIT_FATAL)
        except KeyboardInterrupt:
            fail("interrupted; the partitions committed so far are kept, and a re-run resumes", EXIT_FATAL)
    typer.echo(f"{db}: {_count(report.documents, 'document')} added ({_count(report.events, 'mention')}), "
               f"{report.skipped} already stored, {_count(report.errors, 'error')}")
    if report.errors:
        raise typer.Exit(EXIT_FATAL if not (report.documents or report.skipped) else EXIT_PARTIAL)
    raise typer.Exit(EXIT_OK)


# --- reading -------------------------------------------------------------------------------------


@app.command()
def stats(
    db: Db = DEFAULT_DB,
    fmt: Annotated[StatsFormat, typer.Option("--format", "-f", help="Output format.")] = StatsFormat.table,
) -> None:
    """Counts of documents, articles, sources, events, mentions and actors; the first and last event dates."""
    with _open(db) as store:
        result = store.stats()
    if fmt is StatsFormat.json:
        typer.echo(json.dumps(result))
        return
    width = max(len(k) for k in result)
    for key, value in result.items():
        typer.echo(f"{key:<{width}}  {'-' if value is None else value}")


def _dyad_arg(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        fail(f"--dyad: expected two actor codes as SOURCE,TARGET, not {value!r}", EXIT_USAGE)
    return parts[0], parts[1]


@app.command()
def events(
    db: Db = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option("--actor", help="An actor or country code on either side.")] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="SOURCE,TARGET: events from one to the other.")] = None,
    since: Since = None,
    until: Until = None,
    plover: Annotated[str | None, typer.Option("--plover", help="A PLOVER category, e.g. SUPPORT.")] = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="Quad class 1-4.")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", min=0.0, max=1.0,
                                                         help="Lowest confidence to show.")] = None,
    modality: Modality = "asserted",
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many events.")] = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f", help="Output format.")] = EventsFormat.table,
) -> None:
    """Stored events matching the filters, in date order."""
    from ..store import EventFilter  # lazily: see the module's docstring

    flt = EventFilter(actor=actor, dyad=_dyad_arg(dyad), since=_date("--since", since),
                      until=_date("--until", until), plover=plover, quad=quad, min_confidence=min_confidence,
                      modality=_modalities(modality), limit=limit)
    with _open(db) as store:
        found = store.events(flt)
        if fmt is EventsFormat.jsonl:
            for ev in found:
                typer.echo(json.dumps(ev.to_dict(), ensure_ascii=False))
        elif fmt is EventsFormat.json:
            typer.echo(json.dumps([ev.to_dict() for ev in found], ensure_ascii=False, indent=2))
        elif fmt is EventsFormat.csv:
            write_event_csv(ev.to_dict() for ev in found)
        else:
            for ev in found:
                typer.echo(event_line(ev))


DYAD_COLUMNS = ("source", "target", "period", "events", "q1", "q2", "q3", "q4", "goldstein_sum",
                "goldstein_mean", "net_coop")


@app.command()
def dyads(
    db: Db = DEFAULT_DB,
    by: Annotated[Period, typer.Option("--by", help="Period length.")] = Period.month,
    since: Since = None,
    until: Until = None,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Only the N dyads with most events.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only dyads with this actor on either side.")] = None,
    modality: Modality = "asserted",
    count: Count = CountWhat.events,
    fmt: Annotated[RowsFormat, typer.Option("--format", "-f", help="Output format.")] = RowsFormat.table,
) -> None:
    """Per directed dyad and period: events by quad class, Goldstein sum and mean, net cooperation."""
    from .. import analytics  # lazily: see the module's docstring

    s, u, mods = _date("--since", since), _date("--until", until), _modalities(modality)
    with _open(db) as store:
        frame = analytics.dyad_series(store, by=by.value, since=s, until=u, top=top, actor=actor, modality=mods,
                                        count=count.value)
    _print_rows(analytics.to_records(frame), DYAD_COLUMNS, fmt)


SHIFT_COLUMNS = ("a", "b", "period", "events", "net_coop", "coop_share", "past_events", "past_coop_share",
                 "change", "z", "p_value", "direction")
TRIANGLE_COLUMNS = ("period", "actor", "away_from", "towards", "change_away", "change_towards", "z_away",
                    "z_towards")


@app.command()
def shifts(
    db: Db = DEFAULT_DB,
    by: Annotated[Period, typer.Option("--by", help="Period length.")] = Period.year,
    min_events: Annotated[int, typer.Option("--min-events", min=1,
                                            help="Fewest events in a period, and before it, to test.")] = 5,
    z: Annotated[float, typer.Option("--z", min=0.0, help="Smallest |z| of the two-proportion test.")] = 1.96,
    since: Since = None,
    until: Until = None,
    triangles: Annotated[bool, typer.Option("--triangles", help="Show drifts: an actor cooling on one "
                                                                "partner while warming to another.")] = False,
    modality: Modality = "asserted",
    count: Count = CountWhat.events,
    fmt: Annotated[RowsFormat, typer.Option("--format", "-f", help="Output format.")] = RowsFormat.table,
) -> None:
    """Pairs whose cooperation share moved significantly against their own past (two-proportion z-test)."""
    from .. import analytics  # lazily: see the module's docstring

    args = {"by": by.value, "min_events": min_events, "z": z, "since": _date("--since", since),
            "until": _date("--until", until), "modality": _modalities(modality),
            "count": count.value}
    with _open(db) as store:
        if triangles:
            rows, columns = analytics.to_records(analytics.triangles(store, **args)), TRIANGLE_COLUMNS
        else:
            rows, columns = analytics.to_records(analytics.shifts(store, **args)), SHIFT_COLUMNS
    _print_rows(rows, columns, fmt)


@app.command("export")
def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    out: Annotated[str, typer.Option("--out", "-o", help="The file to write.")],
    db: Db = DEFAULT_DB,
    modality: Annotated[str, typer.Option("--modality", help="Export only this modality, or all.")] = "all",
    header: Annotated[bool, typer.Option("--header", help="Put GDELT's column names first in a gdelt "
                                                          "file (GDELT's own files have none).")] = False,
) -> None:
    """Write the stored events as Parquet, CSV, JSONL, the GDELT 2.0 or ICEWS layout, or PLOVER records."""
    from ..export import ExportError, export  # lazily: see the module's docstring

    mods = _modalities(modality)
    with _open(db) as store:
        try:
            result = export(store, fmt.value, out, modality=mods, header=header or None)
        except ExportError as exc:
            fail(str(exc), EXIT_FATAL)
    note = f" ({result.skipped} without a PLOVER category left out)" if result.skipped else ""
    typer.echo(f"wrote {result.events} events to {out}{note}")
