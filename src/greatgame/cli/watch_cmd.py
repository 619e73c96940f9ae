"""`greatgame watch` (poll feeds, code what is new, raise alerts) and `greatgame sources` (their health)."""

from __future__ import annotations

import json
import signal
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any

import typer

from .app import app
from .common import (
    EXIT_FATAL,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    KeepAll,
    MinConfidence,
    build_settings,
    error_line,
    fail,
    threshold,
)
from .running import Scheduler, chosen_runner
from .store_cmd import DEFAULT_DB, Db, RowsFormat, _open, _print_rows

SOURCE_COLUMNS = ("url", "kind", "health", "last_status", "last_checked", "urls", "ingested", "duplicate",
                  "skipped", "failed", "pending", "last_error")


def _sources(args: list[str]) -> list[str]:
    """Source URLs from the arguments: URLs as given, files read a URL a line; bad lines reported."""
    from ..watch.feeds import is_url, read_source_file  # lazily: keeps `greatgame --help` light

    urls: list[str] = []
    for arg in args:
        if is_url(arg):
            urls.append(arg)
        elif Path(arg).is_file():
            found, errors = read_source_file(arg)
            for err in errors:
                error_line(str(err))
            urls += found
        else:
            error_line(f"{arg}: neither an http(s) URL nor a file listing sources")
    return list(dict.fromkeys(urls))


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="RSS/Atom feed or sitemap URLs, or files listing them "
                                                      "(one a line, # comments).")],
    db: Db = DEFAULT_DB,
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 90s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="One round, then stop.")] = False,
    alert: Annotated[str | None, typer.Option("--alert", help="Alert rules, a TOML file ([shift], [conflict], "
                                                                 "[output]).")] = None,
    watch_actor: Annotated[list[str] | None, typer.Option(
        "--watch-actor", help="Alert on each new material-conflict event of this actor (repeatable).")] = None,
    alerts_out: Annotated[str | None, typer.Option("--alerts-out", help="Append alerts to this file "
                                                                        "(default: standard output).")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each alert (JSON) to this URL.")] = None,
    shift_by: Annotated[str | None, typer.Option("--shift-by", help="The shift test's window: day, week, "
                                                                    "month or year (default week).")] = None,
    no_shift: Annotated[bool, typer.Option("--no-shift", help="No dyad-shift alerts.")] = False,
    max_new: Annotated[int, typer.Option("--max-new", min=1, help="Pages fetched per source and round; "
                                                                  "the rest wait for later rounds.")] = 100,
    host_delay: Annotated[float, typer.Option("--host-delay", min=0.0,
                                              help="Seconds between requests to one host.")] = 1.0,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a server.")] = 20.0,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1,
                                                help="Coding processes (default 1; with --scheduler local, "
                                                     "all cores).")] = None,
    config: Annotated[str | None, typer.Option("--config", help="A TOML or JSON settings file.")] = None,
    scheduler: Scheduler = None,
    min_confidence: MinConfidence = None,
    keep_all: KeepAll = False,
) -> None:
    """Poll feeds and sitemaps, ingest the new articles, and raise alerts when relations shift."""
    from ..watch import FetchOptions, RulesError, WatchOptions, load_rules, parse_interval  # lazily: see _sources
    from ..watch import watch as run_watch  # lazily: see _sources
    from ..store import StoreError  # lazily: see _sources

    try:
        interval = parse_interval(every)
    except ValueError as exc:
        fail(f"--every: {exc}", EXIT_USAGE)
    try:
        rules = load_rules(alert, actors=[a.upper() for a in watch_actor] if watch_actor else None,
                           out=alerts_out, webhook=webhook, by=shift_by, shift=False if no_shift else None)
    except RulesError as exc:
        fail(str(exc), EXIT_USAGE)
    urls = _sources(sources)
    if not urls:
        fail("no sources to watch", EXIT_USAGE)
    # A round brings a few pages: coding them here keeps the model loaded between rounds, where a pool
    # would load it again in every worker each round.
    if workers is None and scheduler is None:
        workers = 1
    settings = build_settings(config, workers=workers, **threshold(min_confidence, keep_all))
    options = WatchOptions(FetchOptions(timeout=timeout, host_delay=host_delay), max_new=max_new)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())  # systemd stops the loop between rounds
    problems = {"n": 0}

    def on_round(report: Any) -> None:
        problems["n"] = report.source_errors + report.failed
        error_line(f"round: {report.line()}")

    with ExitStack() as stack:
        # local processes (started only for a round big enough), or partitions on Dask
        runner = stack.enter_context(chosen_runner(scheduler, workers, settings))
        store = stack.enter_context(_open(db, read_only=False))
        try:
            run_watch(store, urls, settings, options, rules, every=interval, once=once, log=error_line,
                      on_round=on_round, runner=runner, stop=stop)
        except StoreError as exc:
            fail(f"{exc}; what was committed before it is kept", EXIT_FATAL)
        except KeyboardInterrupt:
            fail("interrupted; what was committed is kept, and the next run resumes", EXIT_FATAL)
    raise typer.Exit(EXIT_PARTIAL if problems["n"] else EXIT_OK)


@app.command()
def sources(
    db: Db = DEFAULT_DB,
    fmt: Annotated[RowsFormat, typer.Option("--format", "-f", help="Output format.")] = RowsFormat.table,
) -> None:
    """Each watched source's health: its last check, and what came of the pages it listed."""
    from ..watch import source_health  # lazily: see _sources

    with _open(db) as store:
        rows = source_health(store)
    if fmt is RowsFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        typer.echo(f"{db}: no sources watched yet")
    else:
        _print_rows(rows, SOURCE_COLUMNS, fmt)
