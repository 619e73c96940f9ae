"""The one ingest engine: where it codes (inline unless there is work for a pool), what it reads
(files, URLs, bytes in hand), and that the runner never changes the events."""

from __future__ import annotations

import json
import multiprocessing as mp
from pathlib import Path

import fsspec
import pytest
from typer.testing import CliRunner

from greatgame.cli import app
from greatgame.ingest import ingest, ingest_documents
from greatgame.inputs import read_inputs, read_sources
from greatgame.model import Document, InputError
from greatgame.settings import Settings, load_settings
from greatgame.store import EventFilter, Store

NEWS = [
    {"id": "n1", "date": "2018-04-27", "text": "North Korea and South Korea signed a declaration on peace."},
    {"id": "n2", "date": "2019-04-25", "text": "Russia hosted North Korea's leader in Vladivostok."},
    {"id": "n3", "date": "2020-01-03", "text": "Iran threatened the United States after the strike in Baghdad."},
    {"id": "n4", "date": "2021-06-16", "text": "Russia and the United States agreed to hold talks in Geneva."},
]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in NEWS))
    return path


def stored(db: Path) -> dict:
    with Store.open(db, read_only=True) as s:
        return {"stats": s.stats(),
                "events": s.con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
                "mentions": s.con.execute("SELECT * FROM mentions ORDER BY mention_id").fetchall(),
                "documents": s.con.execute("SELECT doc_id, content_hash, events FROM documents ORDER BY 1").fetchall()}


def test_engine_codes_a_tiny_input_inline_even_when_given_workers(tmp_path: Path, news: Path) -> None:
    # Four documents make one partition: nothing a pool could share out, so none is started.
    with Store.open(tmp_path / "g.duckdb") as s:
        report = ingest(s, [str(news)], Settings(workers=1), runner=4)
    assert (report.runner, report.partitions, report.documents) == ("inline", 1, 4)
    assert mp.active_children() == []


def test_engine_ingest_documents_in_hand_records_the_label_as_the_run(tmp_path: Path) -> None:
    items = [Document(r["id"], r["text"], r["date"]) for r in NEWS[:2]] + [InputError("feed", "bad item", 3)]
    errors: list[str] = []
    with Store.open(tmp_path / "g.duckdb") as s:
        report = ingest_documents(s, items, Settings(workers=1), label="feed:example",
                                  on_error=lambda e: errors.append(str(e)))
        runs = s.con.execute("SELECT paths, documents, errors FROM runs").fetchall()
    assert (report.documents, report.input_errors) == (2, 1)
    assert errors == ["feed:3: bad item"]
    assert runs == [('["feed:example"]', 2, 1)]


def test_engine_reads_an_fsspec_url_in_plain_ingest(tmp_path: Path, news: Path) -> None:
    fs = fsspec.filesystem("memory")
    fs.pipe_file("/gg-engine/news.jsonl", news.read_bytes() + b"[1]\n")
    db = tmp_path / "url.duckdb"
    try:
        done = CliRunner().invoke(app, ["ingest", "memory://gg-engine/news.jsonl", "--db", str(db)])
    finally:
        fs.rm("/gg-engine", recursive=True)
    assert done.exit_code == 1, done.output  # one bad line: done, with an error
    assert "greatgame: memory:///gg-engine/news.jsonl:5: record is not a JSON object" in done.output
    with Store.open(tmp_path / "file.duckdb") as s:
        ingest(s, [str(news)], Settings(workers=1))
    got, want = stored(db), stored(tmp_path / "file.duckdb")
    assert got["events"] == want["events"] and got["stats"] == want["stats"]
    with Store.open(db, read_only=True) as s:
        origins = [r[0] for r in s.con.execute("SELECT origin FROM documents ORDER BY 1").fetchall()]
    assert origins == [f"memory:///gg-engine/news.jsonl:{i}" for i in range(1, 5)]


def test_engine_reads_a_file_url_as_the_local_file(news: Path) -> None:
    by_url = list(read_inputs([f"file://{news}"]))
    assert by_url == list(read_inputs([str(news)]))


def test_engine_reads_bytes_in_hand_under_their_own_name() -> None:
    [doc] = read_sources([("wire.jsonl", b'{"id": "w", "text": "Iran warned Iraq."}\n')])
    assert (doc.id, doc.origin) == ("w", "wire.jsonl:1")
    [doc] = read_sources([("note", b"Iran warned Iraq.")])  # no known kind: text
    assert (doc.text, doc.origin) == ("Iran warned Iraq.", "note")
    [err] = read_sources([("big.txt", b"x" * 50)], limit=10)
    assert isinstance(err, InputError) and err.path == "big.txt" and "too large" in err.message


def test_engine_refuses_a_large_remote_file_before_reading_it() -> None:
    fs = fsspec.filesystem("memory")
    fs.pipe_file("/gg-big/page.txt", b"Iran warned Iraq. " * 100)
    try:
        [err] = read_inputs(["memory://gg-big/page.txt"], limit=100)
    finally:
        fs.rm("/gg-big", recursive=True)
    assert isinstance(err, InputError) and err.path == "memory:///gg-big/page.txt"
    assert err.message == "file too large (0.0 MB; the limit is 0 MB)"


def test_settings_read_the_old_batch_size_key_as_the_partition_size(tmp_path: Path) -> None:
    config = tmp_path / "old.toml"
    config.write_text("batch_size = 8\n")
    assert load_settings(config).partition_size == 8
    config.write_text("batch_size = 8\npartition_size = 16\n")
    with pytest.raises(ValueError, match="unknown setting 'batch_size'"):
        load_settings(config)  # both names at once is a mistake, not a choice


@pytest.mark.slow  # starts a pool of two processes, each loading the spaCy pipeline
def test_engine_gives_the_same_events_inline_in_a_pool_and_one_document_a_partition(tmp_path: Path,
                                                                                     news: Path) -> None:
    runs = {"inline": (Settings(workers=1), None), "pool": (Settings(workers=1, partition_size=2), 2),
            "one-a-partition": (Settings(workers=1, partition_size=1), None)}
    results = {}
    for name, (settings, runner) in runs.items():
        db = tmp_path / f"{name}.duckdb"
        with Store.open(db) as s:
            report = ingest(s, [str(news)], settings, runner=runner)
            ids = [e.event_id for e in s.events(EventFilter(modality=None))]
        results[name] = (report.runner, ids, stored(db))
    assert [r[0] for r in results.values()] == ["inline", "pool", "inline"]
    assert results["inline"][1]  # the corpus has events
    assert results["pool"][1:] == results["inline"][1:] == results["one-a-partition"][1:]
