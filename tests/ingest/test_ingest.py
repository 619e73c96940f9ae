"""The ingest run with the real coder: idempotent, batched, and whole after a kill -9."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import shared_path
from crash_checks import kill_after_commit, whole_documents

from greatgame.ingest import Progress, ingest
from greatgame.inputs import read_inputs
from greatgame.pipeline import get_coder
from greatgame.settings import Settings
from greatgame.store import EventFilter, Store

CORPUS = ("corpora", "ungdc_300.jsonl.gz")
GREATGAME = [sys.executable, "-m", "greatgame"]
ONE_PROCESS = Settings(workers=1)

NEWS = [
    {"id": "n1", "date": "2018-04-27", "text": "North Korea and South Korea signed a declaration on peace. "
                                              "China welcomed the agreement between the two Koreas."},
    {"id": "n2", "date": "2019-04-25", "text": "Russia hosted North Korea's leader in Vladivostok. "
                                              "The United States condemned the missile launch by North Korea."},
    {"id": "n3", "date": "2020-01-03", "text": "Iran threatened the United States after the strike in Baghdad."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def corpus_sample(tmp_path: Path, n: int) -> Path:
    with gzip.open(shared_path(*CORPUS), "rt", encoding="utf-8") as fh:
        lines = [line for _, line in zip(range(n), fh, strict=False)]
    path = tmp_path / "speeches.jsonl"
    path.write_text("".join(lines))
    return path


def event_id(e) -> str:
    return e.event_id


def test_ingest_stores_exactly_what_the_coder_finds(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "news.jsonl", NEWS)
    with Store.open(tmp_path / "g.duckdb") as s:
        report = ingest(s, [str(src)], ONE_PROCESS)
        stored = list(s.events(EventFilter(modality=None)))
        docs = s.con.execute("SELECT doc_id, events FROM documents ORDER BY doc_id").fetchall()
    coder = get_coder(ONE_PROCESS)
    coded = [r for d in read_inputs([str(src)]) for r in [coder.code(d)]]
    expected = [e for r in coded for e in r.events]
    assert sorted(stored, key=event_id) == sorted(expected, key=event_id)
    assert docs == [(r.doc.id, len(r.events)) for r in coded]
    assert (report.documents, report.events, report.skipped, report.errors) == (3, len(expected), 0, 0)


def test_ingest_twice_codes_nothing_the_second_time(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "news.jsonl", NEWS)
    with Store.open(tmp_path / "g.duckdb") as s:
        ingest(s, [str(src)], ONE_PROCESS)
        before = s.stats()
        again = ingest(s, [str(src)], ONE_PROCESS)
        assert (again.documents, again.events, again.skipped) == (0, 0, 3)
        assert s.stats() == before


def test_ingest_skips_a_document_stored_under_another_id_or_repeated(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "first.jsonl", NEWS[:1])
    copies = write_jsonl(tmp_path / "copies.jsonl", [
        {**NEWS[0], "id": "same-text-new-id"},
        NEWS[1],
        {**NEWS[1], "id": "n2-again"},
        {"id": "n1", "text": "Same id, other text: Japan praised India."},
    ])
    with Store.open(tmp_path / "g.duckdb") as s:
        ingest(s, [str(first)], ONE_PROCESS)
        report = ingest(s, [str(copies)], ONE_PROCESS)
        assert (report.documents, report.skipped) == (1, 3)
        assert s.con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall() == [("n1",), ("n2",)]


def test_ingest_commits_one_transaction_per_batch(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "news.jsonl", NEWS)
    with Store.open(tmp_path / "g.duckdb") as s:
        report = ingest(s, [str(src)], Settings(workers=1, partition_size=2))
        batches = s.con.execute("SELECT documents, run_id FROM batches ORDER BY batch_key").fetchall()
        run = s.con.execute("SELECT documents, skipped, errors, finished_at IS NOT NULL FROM runs").fetchall()
    assert report.partitions == 2
    assert batches == [(2, report.run_id), (1, report.run_id)]
    assert run == [(3, 0, 0, True)]


def test_ingest_reports_progress_and_each_error(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text(json.dumps(NEWS[0]) + "\n[1, 2]\n" + json.dumps(NEWS[2]) + "\n")
    seen: list[tuple[int, int]] = []
    errors: list[str] = []

    def progress(p: Progress) -> None:
        seen.append((p.documents, p.input_errors))

    with Store.open(tmp_path / "g.duckdb") as s:
        report = ingest(s, [str(src)], ONE_PROCESS, on_progress=progress, on_error=lambda e: errors.append(str(e)))
    assert errors == [f"{src}:2: record is not a JSON object"]
    assert seen[-1] == (2, 1)
    assert (report.documents, report.input_errors) == (2, 1)


def test_ingest_refuses_a_partition_size_below_one(tmp_path: Path) -> None:
    with Store.open(tmp_path / "g.duckdb") as s, pytest.raises(ValueError, match="partition size"):
        ingest(s, [], Settings(workers=1, partition_size=0))


def test_ingest_code_version_is_recorded_per_document(tmp_path: Path) -> None:
    from greatgame.pipeline import CODER_VERSION

    src = write_jsonl(tmp_path / "news.jsonl", NEWS[:1])
    with Store.open(tmp_path / "g.duckdb") as s:
        ingest(s, [str(src)], ONE_PROCESS)
        rows = s.con.execute("SELECT coder_version, goldstein_table FROM documents").fetchall()
    assert rows == [(CODER_VERSION, "goldstein_gdelt")]


# --- kill -9 -------------------------------------------------------------------------------------


def ingest_command(db: Path, corpus: Path) -> list[str]:
    # Small coder batches make the pool hand back two documents at a time, so commits come steadily.
    config = corpus.parent / "small-batches.toml"
    config.write_text("batch_size = 8\n")
    return [*GREATGAME, "ingest", str(corpus), "--db", str(db), "--batch-size", "2", "--workers", "2",
            "--config", str(config)]


def kill_after_next_commit(db: Path, corpus: Path, stored: int) -> None:
    """Start an ingest, wait until it has committed a batch beyond `stored` documents, SIGKILL it and its workers."""
    kill_after_commit(ingest_command(db, corpus), db, stored, "ingest")


def snapshot(db: Path) -> tuple[dict, list[tuple]]:
    with Store.open(db, read_only=True) as s:
        # every mention (ids as the coder gave them) and the events they were clustered into
        rows = s.con.execute("SELECT * FROM mentions ORDER BY mention_id").fetchall()
        rows += s.con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
        return s.stats(), rows


@pytest.mark.slow
def test_ingest_killed_mid_run_resumes_to_the_counts_of_a_clean_run(tmp_path: Path) -> None:
    corpus = corpus_sample(tmp_path, 16)
    clean = tmp_path / "clean.duckdb"
    subprocess.run(ingest_command(clean, corpus), check=True, capture_output=True)

    crashed = tmp_path / "crashed.duckdb"
    kill_after_next_commit(crashed, corpus, 0)
    first = whole_documents(crashed)
    assert 0 < first < 16
    kill_after_next_commit(crashed, corpus, first)
    second = whole_documents(crashed)
    assert first < second < 16

    rerun = subprocess.run(ingest_command(crashed, corpus), check=True, capture_output=True, text=True)
    assert f": {16 - second} document" in rerun.stdout and f"{second} already stored" in rerun.stdout
    assert whole_documents(crashed) == 16
    clean_stats, clean_rows = snapshot(clean)
    crashed_stats, crashed_rows = snapshot(crashed)
    assert crashed_stats == clean_stats
    assert [r[0] for r in crashed_rows] == [r[0] for r in clean_rows]  # the same event ids
    assert crashed_rows == clean_rows  # and every field of every event


@pytest.mark.slow
def test_ingest_of_the_speeches_gives_dyad_series_and_a_parquet_export_that_round_trips(tmp_path: Path) -> None:
    corpus = shared_path(*CORPUS)
    db, out = tmp_path / "ungdc.duckdb", tmp_path / "events.parquet"
    cli = GREATGAME
    subprocess.run([*cli, "ingest", str(corpus), "--db", str(db), "--workers", "2"], check=True, capture_output=True)
    dyads = subprocess.run([*cli, "dyads", "--db", str(db), "--by", "year", "--format", "json"],
                           check=True, capture_output=True, text=True)
    rows = json.loads(dyads.stdout)
    assert rows and set(rows[0]) == {"source", "target", "period", "events", "q1", "q2", "q3", "q4",
                                     "goldstein_sum", "goldstein_mean", "net_coop"}
    assert len({r["period"] for r in rows}) > 1
    subprocess.run([*cli, "export", "--db", str(db), "--format", "parquet", "--out", str(out)], check=True,
                   capture_output=True)
    with Store.open(db, read_only=True) as s:
        stats = s.stats()
    assert stats["documents"] == 300
    assert duckdb.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchall() == [(stats["events"],)]

