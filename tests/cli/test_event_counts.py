"""Events and mentions on a real ingest: articles coded by the real coder, then the same articles again
as syndicated copies (new ids, another publisher, a dateline), through the CLI, the API and exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from fixtures_server import ARTICLES
from typer.testing import CliRunner

from greatgame.cli import app
from greatgame.server import create_app
from greatgame.settings import Settings

runner = CliRunner()


def run(*args: str) -> str:
    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.output
    return res.stdout


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("counts")
    originals = _write(tmp / "originals.jsonl", [{**a, "source": "Reuters"} for a in ARTICLES])
    copies = _write(tmp / "copies.jsonl", [{**a, "id": a["id"] + "-ap", "source": "AP",
                                            "text": "LONDON (AP) - " + a["text"]} for a in ARTICLES])
    db = str(tmp / "s.duckdb")
    run("ingest", str(originals), "--db", db)
    before = json.loads(run("stats", "--db", db, "--format", "json"))
    dyads_before = json.loads(run("dyads", "--db", db, "--by", "year", "-f", "json"))
    run("ingest", str(copies), "--db", db)
    return {"db": db, "before": before, "dyads_before": dyads_before,
            "after": json.loads(run("stats", "--db", db, "--format", "json"))}


def test_stats_count_documents_articles_sources_events_and_mentions(stores: dict) -> None:
    before, after = stores["before"], stores["after"]
    assert (before["documents"], before["articles"], before["sources"]) == (6, 6, 1)
    assert before["events"] > 0 and before["mentions"] >= before["events"]
    # the copies: new documents and sources, the same articles and events, every mention twice
    assert (after["documents"], after["articles"], after["sources"]) == (12, 6, 2)
    assert after["events"] == before["events"]
    assert after["mentions"] == 2 * before["mentions"]


def test_dyads_count_events_unless_asked_for_mentions(stores: dict) -> None:
    db = stores["db"]
    events = json.loads(run("dyads", "--db", db, "--by", "year", "-f", "json"))
    mentions = json.loads(run("dyads", "--db", db, "--by", "year", "-f", "json", "--count", "mentions"))
    assert events == stores["dyads_before"]  # the copies added no event
    assert events and sum(r["events"] for r in mentions) == 2 * sum(r["events"] for r in events)


def test_api_counts_events_and_folds_mentions(stores: dict) -> None:
    client = TestClient(create_app(Path(stores["db"]), Settings(workers=1)), base_url="http://127.0.0.1")
    body = client.get("/api/events", params={"modality": "all", "limit": 1000}).json()
    assert body["count"] == "events" and body["total"] == stores["after"]["events"] == len(body["events"])
    for ev in body["events"]:
        assert ev["num_mentions"] == len(ev["mentions"]) and ev["num_articles"] == 1
        assert ev["num_sources"] == len({m["publisher"] for m in ev["mentions"]}) == 2
    mentions = client.get("/api/events", params={"modality": "all", "count": "mentions"}).json()
    assert mentions["total"] == stores["after"]["mentions"]
    dyads = client.get("/api/dyads", params={"by": "year"}).json()
    dyads_m = client.get("/api/dyads", params={"by": "year", "count": "mentions"}).json()
    assert sum(r["events"] for r in dyads_m["rows"]) == 2 * sum(r["events"] for r in dyads["rows"]) > 0
    assert client.get("/api/stats").json() == stores["after"]


def test_exports_are_one_row_per_event_with_its_counts(stores: dict, tmp_path: Path) -> None:
    db, n = stores["db"], stores["after"]["events"]
    run("export", "--db", db, "--format", "jsonl", "--out", str(tmp_path / "e.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert len(rows) == n and all(r["num_sources"] == 2 and len(r["mentions"]) == r["num_mentions"] for r in rows)
    run("export", "--db", db, "--format", "gdelt", "--out", str(tmp_path / "e.tsv"), "--header")
    lines = [line.split("\t") for line in (tmp_path / "e.tsv").read_text().splitlines()]
    head = lines[0]
    got = [dict(zip(head, line, strict=True)) for line in lines[1:]]
    assert len(got) == n
    assert {(r["NumSources"], r["NumArticles"]) for r in got} == {("2", "1")}
    assert sorted(int(r["NumMentions"]) for r in got) == sorted(r["num_mentions"] for r in rows)
    run("export", "--db", db, "--format", "icews", "--out", str(tmp_path / "e.icews.tsv"))
    assert len((tmp_path / "e.icews.tsv").read_text().splitlines()) == n + 1
