"""`greatgame eval` and `greatgame classify`: score the coder on gold files; classify given pairs."""

from __future__ import annotations

import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..article_gold import read_corpus, read_exhaustive
from ..evaluate import evaluate, format_report
from ..exhaustive import format_full_report, predict, score_full
from ..model import InputError
from ..pipeline import get_coder
from ..sentence_gold import read_gold, read_pair_requests
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
    write_jsonl,
)


class Mode(str, Enum):
    e2e = "e2e"
    pairs = "pairs"
    full = "full"


class Show(str, Enum):
    fp = "fp"
    fn = "fn"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


class PairFormat(str, Enum):
    jsonl = "jsonl"


Config = Annotated[str | None, typer.Option("--config", help="A TOML or JSON settings file.")]


@app.command("eval")
def eval_(
    gold: Annotated[str, typer.Argument(
        help="A gold file: JSON lines, one record a line (a text, or with --texts an id, and its events).")],
    mode: Annotated[Mode, typer.Option("--mode", "-m", help="e2e: code the text and match events; "
                                       "pairs: classify each gold (source, target) pair.")] = Mode.e2e,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = ReportFormat.table,
    with_reliability: Annotated[bool, typer.Option("--reliability", help="Add accuracy by confidence bin "
                                                   "to the table (always in JSON).")] = False,
    texts: Annotated[str | None, typer.Option("--texts", help="The corpus (JSON lines with id and text) that "
                                              "stand-off gold records point into.")] = None,
    split: Annotated[str | None, typer.Option("--split", help="Only the records of this split (dev, test).")] = None,
    show: Annotated[Show | None, typer.Option("--show", help="--mode full: list the false positives (fp) or the "
                                              "misses (fn) with their sentences.")] = None,
    min_confidence: MinConfidence = None,
    keep_all: KeepAll = False,
    config: Config = None,
) -> None:
    """Score the coder against a gold file: macro-F1, accuracy, quad accuracy, pair recall, confusion.

    With --mode full (whole articles with every event marked): labelled and pair precision, recall and
    F1, by category and modality, for asserted and reported events, and precision by confidence band.
    """
    overrides = threshold(min_confidence, keep_all)
    if mode is Mode.full:
        _eval_full(gold, texts, split, fmt, show, config, overrides)
    if texts or split or show:
        fail("--texts, --split and --show go with --mode full", EXIT_USAGE)
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
    settings = build_settings(config, workers=1, **overrides)
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


def _eval_full(gold: str, texts: str | None, split: str | None, fmt: ReportFormat, show: Show | None,
               config: str | None, overrides: dict) -> None:
    corpus = None
    problems = 0
    if texts:
        try:
            corpus, errors = read_corpus(texts)
        except (OSError, UnicodeDecodeError, EOFError) as exc:
            fail(f"{texts}: cannot read corpus: {exc}")
        for err in errors:
            error_line(str(err))
        problems += len(errors)
    try:
        records, errors = read_exhaustive(gold, corpus, texts or "the corpus")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{gold}: cannot read gold file: {exc}")
    for err in errors:
        error_line(str(err))
    problems += len(errors)
    if split:
        records = [r for r in records if r.split == split]
    if not records:
        fail(f"{gold}: no usable exhaustive gold records" + (f" in split {split!r}" if split else ""))
    t0 = time.perf_counter()
    preds, failed = predict(records, get_coder(build_settings(config, workers=1, **overrides)))
    report = score_full(records, preds, Path(gold).name, time.perf_counter() - t0, failed)
    for failure in failed:
        error_line(f"{gold}: could not code record {failure}")
    if fmt is ReportFormat.json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_full_report(report, show.value if show else None))
    raise typer.Exit(EXIT_PARTIAL if problems or failed else EXIT_OK)


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
