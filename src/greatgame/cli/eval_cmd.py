"""`greatgame eval` and `greatgame classify`: score the coder on gold files; classify given pairs."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..evaluate import evaluate, format_report, read_gold, read_pair_requests
from ..model import InputError
from ..pipeline import get_coder
from .app import app
from .common import (
    EXIT_FATAL,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    build_settings,
    error_line,
    fail,
    write_jsonl,
)


class Mode(str, Enum):
    e2e = "e2e"
    pairs = "pairs"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


class PairFormat(str, Enum):
    jsonl = "jsonl"


Config = Annotated[str | None, typer.Option("--config", help="A TOML or JSON settings file.")]


@app.command("eval")
def eval_(
    gold: Annotated[str, typer.Argument(help="A gold file (JSON lines, see gold/README.md).")],
    mode: Annotated[Mode, typer.Option("--mode", "-m", help="e2e: code the text and match events; "
                                       "pairs: classify each gold (source, target) pair.")] = Mode.e2e,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = ReportFormat.table,
    with_reliability: Annotated[bool, typer.Option("--reliability", help="Add accuracy by confidence bin "
                                                   "to the table (always in JSON).")] = False,
    config: Config = None,
) -> None:
    """Score the coder against a gold file: macro-F1, accuracy, quad accuracy, pair recall, confusion."""
    try:
        records, errors = read_gold(gold)
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{gold}: cannot read gold file: {exc}")
    for err in errors:
        error_line(str(err))
    if not records:
        fail(f"{gold}: no usable gold records")
    if mode is Mode.pairs and not any(e.source.spans and e.target.spans for r in records for e in r.events):
        fail(f"{gold}: --mode pairs needs actor spans, and this file gives actors as codes only; "
             "use --mode e2e", EXIT_USAGE)
    settings = build_settings(config, workers=1)
    report = evaluate(records, get_coder(settings), mode.value, gold=Path(gold).name)
    if report.skipped_events:
        error_line(f"{gold}: {report.skipped_events} gold events skipped: --mode pairs needs spans, "
                   "they give actor codes")
    for failure in report.failed:
        error_line(f"{gold}: could not code record {failure}")
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_report(report, with_reliability))
    raise typer.Exit(EXIT_PARTIAL if errors or report.failed or report.skipped_events else EXIT_OK)


@app.command()
def classify(
    pairs: Annotated[str, typer.Argument(help="JSON lines {id, text, source: {start, end}, target: "
                                         "{start, end}}, or - for standard input.")],
    fmt: Annotated[PairFormat, typer.Option("--format", "-f", help="Output format.")] = PairFormat.jsonl,
    config: Config = None,
) -> None:
    """What the source does to the target in each line's text: CAMEO, PLOVER, quad, confidence."""
    try:
        stream = sys.stdin if pairs == "-" else open(pairs, encoding="utf-8")  # noqa: SIM115 -- closed below
    except OSError as exc:
        fail(f"{pairs}: cannot read: {exc}", EXIT_FATAL)
    coder = get_coder(build_settings(config, workers=1))
    problems = done = 0
    name = "<stdin>" if pairs == "-" else pairs
    with stream:
        for item in read_pair_requests(stream, name):
            if isinstance(item, InputError):
                error_line(str(item))
                problems += 1
                continue
            try:
                lab = coder.classify_pair(item.text, item.source, item.target)
            except Exception as exc:  # noqa: BLE001 -- one bad pair must not stop the rest
                error_line(f"{name}:{item.line}: could not classify pair {item.id!r}: {type(exc).__name__}: {exc}")
                problems += 1
                continue
            write_jsonl([{"id": item.id, "cameo": lab.cameo, "plover": lab.plover, "quad": lab.quad,
                          "confidence": round(lab.confidence, 4)}])
            done += 1
    if problems and not done:
        raise typer.Exit(EXIT_FATAL)
    raise typer.Exit(EXIT_PARTIAL if problems else EXIT_OK)
