"""`greatgame demo`: code the example articles the package ships and summarise what they say."""

from __future__ import annotations

import csv
from collections import defaultdict
from importlib import resources

import typer

from ..documents import boilerplate_spans, document_id
from ..model import Document, Event
from ..pipeline import get_coder
from .app import app
from .code_cmd import event_line
from .common import build_settings


def demo_documents() -> list[Document]:
    """The example articles shipped in greatgame/demo, with their dates."""
    base = resources.files("greatgame") / "demo"
    with (base / "index.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    docs = []
    for r in rows:
        text = (base / r["file"]).read_text(encoding="utf-8")
        docs.append(Document(id=document_id(text), text=text, date=r["date"], title=text.splitlines()[0],
                             origin=r["file"], skip=boilerplate_spans(text)))
    return docs


def dyad_summary(events: list[Event]) -> list[tuple[str, str, list[int], float]]:
    """Per directed dyad: counts by quad class and the sum of Goldstein scores, busiest first."""
    quads: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    gold: dict[tuple[str, str], float] = defaultdict(float)
    for ev in events:
        if ev.modality != "asserted":
            continue
        key = (ev.source.country or ev.source.code or "?", ev.target.country or ev.target.code or "?")
        quads[key][ev.quad - 1] += 1
        gold[key] += ev.goldstein
    rows = [(a, b, q, gold[(a, b)]) for (a, b), q in quads.items()]
    return sorted(rows, key=lambda r: (-sum(r[2]), r[0], r[1]))


@app.command()
def demo() -> None:
    """Code the example articles that ship with greatgame and print a readable summary."""
    settings = build_settings(None, workers=1)
    coder = get_coder(settings)
    all_events: list[Event] = []
    for res in coder.code_many(demo_documents()):
        typer.secho(f"\n{res.doc.title}  ({res.doc.date}, {res.doc.origin})", bold=True)
        if res.error:
            typer.echo(f"  could not code: {res.error}")
            continue
        for ev in res.events:
            typer.echo("  " + event_line(ev))
        all_events.extend(res.events)
    typer.secho("\nDyads (asserted events): verbal/material cooperation, verbal/material conflict, "
                "Goldstein sum", bold=True)
    for a, b, q, g in dyad_summary(all_events):
        net = (q[0] + q[1]) - (q[2] + q[3])
        typer.echo(f"  {a:>4} → {b:<4}  coop {q[0]}/{q[1]}  conflict {q[2]}/{q[3]}  net {net:+d}  "
                   f"goldstein {g:+.1f}")
    typer.echo(f"\n{len(all_events)} events from 3 articles.")
    typer.secho("\nWhat to run next:", bold=True)
    typer.echo("  greatgame code article.html --format jsonl      # code your own articles")
    typer.echo("  greatgame code article.txt --explain            # see why each event was coded")
    typer.echo("  greatgame ingest news/ --db news.duckdb         # store a corpus")
    typer.echo("  greatgame dyads --db news.duckdb --by month     # relations over time")
    typer.echo("  greatgame serve --db news.duckdb                # the dashboard at http://127.0.0.1:8000")
