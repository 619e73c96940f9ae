"""`greatgame code` and `greatgame actors`: code documents and print events or mentions."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from itertools import chain
from typing import Annotated, Any

import typer

from ..inputs import read_inputs
from ..events.ontology import cameo_table
from ..model import Document, Event, InputError
from ..pipeline import code_documents, get_coder
from .app import app
from .common import (
    EXIT_OK,
    EXIT_PARTIAL,
    KeepAll,
    MinConfidence,
    build_settings,
    error_line,
    threshold,
    write_event_csv,
    write_jsonl,
)


class EventFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


class MentionFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


Paths = Annotated[list[str], typer.Argument(help="Files, directories, or - for standard input.")]
Config = Annotated[str | None, typer.Option("--config", help="A TOML or JSON settings file.")]


def shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def event_line(ev: Event) -> str:
    """One line for people: date, source → target, code and name, confidence, the evidence."""
    name = cameo_table()[ev.cameo].name
    mod = "" if ev.modality == "asserted" else f" ({ev.modality})"
    src = ev.source.code or ev.source.text
    tgt = ev.target.code or ev.target.text
    return (f"{ev.date or '----------'}  {src:>9} → {tgt:<9}  {ev.cameo:<4} {shorten(name, 34):<34} "
            f"{ev.plover or '-':<9} {ev.confidence:.2f}{mod}  \"{shorten(ev.sentence.text, 80)}\"")


def explain_lines(ev: Event) -> list[str]:
    x = ev.explain
    out = [f"    how: {x.get('method')} via {x.get('construction')}"
           + (f", rule `{x['rule']}`" if x.get("rule") else "")
           + f"; trigger '{ev.trigger.text}' frame {json.dumps(x.get('frame'))}"]
    if x.get("modality_cues"):
        out.append(f"    modality cues: {', '.join(x['modality_cues'])}")
    if "raw_confidence" in x:
        how = "calibrated from" if x.get("calibrated") else "raw score"
        out.append(f"    kept: confidence {ev.confidence:.2f} ({how} {x['raw_confidence']:.2f}) "
                   f">= threshold {x.get('min_confidence', 0.0):.2f}")
    if x.get("date_words"):
        out.append(f"    date from: '{x['date_words']}' ({ev.date_precision})")
    for alt in x.get("alternatives") or []:
        out.append(f"    considered: {json.dumps(alt)}")
    return out


class _Reported:
    """Coded documents with every input error and coding failure reported as one line; counts them."""

    def __init__(self, results) -> None:
        self.results = results
        self.problems = 0

    def __iter__(self):
        for res in self.results:
            if isinstance(res, InputError):
                error_line(str(res))
            elif res.error:
                error_line(f"{res.doc.origin or res.doc.id}: could not code document {res.doc.id}: {res.error}")
            else:
                yield res
                continue
            self.problems += 1


# Below this much text, or with one document, starting a pool of workers (each loading spaCy and the
# dictionaries) costs more than it saves: the documents are coded in this process.
SMALL_INPUT_CHARS = 100_000


def small_input(items: Iterator[Document | InputError], limit: int = SMALL_INPUT_CHARS,
                ) -> tuple[bool, Iterator[Document | InputError]]:
    """Whether the input is one document or less than `limit` characters of text, and all its items
    (read ahead only until it is clear)."""
    head: list[Document | InputError] = []
    chars = docs = 0
    for item in items:
        head.append(item)
        if isinstance(item, Document):
            chars += len(item.text)
            docs += 1
        if chars >= limit and docs >= 2:
            return False, chain(head, items)
    return True, iter(head)


def _results(paths: list[str], config: str | None, workers: int | None, explain: bool, **overrides: Any):
    settings = build_settings(config, workers=workers, **overrides)
    items = iter(read_inputs(paths, settings.max_document_bytes))
    n = workers or settings.effective_workers()
    if n > 1 and not explain:
        small, items = small_input(items)
        if not small:
            yield from code_documents(items, settings, n)
            return
    coder = get_coder(settings)
    for item in items:
        if isinstance(item, InputError):
            yield item
        else:
            yield from coder.code_many([item], explain=explain)


@app.command()
def code(
    paths: Paths,
    fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="Output format.")] = EventFormat.table,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Processes (default: all cores).")
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show the rule or model behind each event.")] = False,
    min_confidence: MinConfidence = None,
    keep_all: KeepAll = False,
    config: Config = None,
) -> None:
    """Code documents into events (CAMEO, PLOVER) and print them."""
    events: list[dict] = []
    csv_rows: list[dict] = []
    coded = _Reported(_results(paths, config, workers, explain, **threshold(min_confidence, keep_all)))
    for res in coded:
        for ev in res.events:
            if fmt is EventFormat.table:
                typer.echo(event_line(ev))
                if explain:
                    typer.echo("\n".join(explain_lines(ev)))
            elif fmt is EventFormat.jsonl:
                write_jsonl([ev.to_dict(explain=explain)])
            elif fmt is EventFormat.json:
                events.append(ev.to_dict(explain=explain))
            else:
                csv_rows.append(ev.to_dict())
        sys.stdout.flush()
    if fmt is EventFormat.json:
        typer.echo(json.dumps(events, ensure_ascii=False, indent=2))
    elif fmt is EventFormat.csv:
        write_event_csv(csv_rows)
    raise typer.Exit(EXIT_PARTIAL if coded.problems else EXIT_OK)


@app.command()
def actors(
    paths: Paths,
    fmt: Annotated[MentionFormat, typer.Option("--format", "-f", help="Output format.")] = MentionFormat.table,
    config: Config = None,
) -> None:
    """Print the actor mentions of each document, resolved to country, sector and code."""
    coded = _Reported(_results(paths, config, 1, False))
    for res in coded:
        for m in res.mentions:
            if fmt is MentionFormat.jsonl:
                write_jsonl([m.to_dict()])
            else:
                typer.echo(f"{m.doc_id}  {m.start:>6}-{m.end:<6} {m.code or '-':<10} {m.kind:<7} "
                           f"{m.name or '-':<22} {shorten(m.text, 50)}")
    raise typer.Exit(EXIT_PARTIAL if coded.problems else EXIT_OK)
