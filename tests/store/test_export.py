"""Exports: Parquet and CSV round-trip, JSONL event records, the GDELT layout, PLOVER records."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from store_records import build, doc, event, result

from greatgame.export import GDELT_COLUMNS, ExportError, export
from greatgame.exports import stable_id
from greatgame.ingest import write_results
from greatgame.model import Location
from greatgame.pipeline import CODER_VERSION, DocResult
from greatgame.store import Store
from greatgame.store.schema import CLUSTER_COLUMNS

# Exports are one row per real-world event: the events table's columns (without its clustering key).
EXPORTED = [name for name, _ in CLUSTER_COLUMNS if name != "cluster_key"]


def _event_of(store: Store, mention_id: str) -> str:
    return store.one("SELECT event_id FROM mentions WHERE mention_id = ?", [mention_id])[0]


@pytest.fixture
def store(tmp_path: Path):
    located = replace(event("loc", 0, "PRKGOV", "RUS", "042", date="2019-04-25"),
                      location=Location("Vladivostok", "RUS", 43.1, 131.9))
    s = build(tmp_path / "s.duckdb",
              [result("a", [("RUS", "PRK", "057"), ("PRKGOV", "CHN", "112"), ("UNO", "RUS", "010")]),
               result("b", [("USA", "RUS", "173", "2015-02-01", "future")])],
              [DocResult(replace(doc("loc"), url="https://example.org/news/1", title="Summit"), events=(located,))])
    yield s
    s.close()


def test_export_parquet_read_back_by_duckdb_has_every_event(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    res = export(store, "parquet", out)
    assert (res.events, res.skipped) == (5, 0)
    con = duckdb.connect()
    assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchall() == [(store.stats()["events"],)]
    assert pq.read_schema(out).names == EXPORTED
    meta = pq.read_schema(out).metadata
    assert json.loads(meta[b"greatgame.goldstein_tables"]) == ["goldstein_gdelt"]
    assert json.loads(meta[b"greatgame.coder_versions"]) == [CODER_VERSION]


def test_export_csv_has_the_event_columns(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(store, "csv", out).events == 5
    with out.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == EXPORTED
    assert sorted(r["event_id"] for r in rows) == sorted(_event_of(store, m) for m in
                                                         ("a-e0", "a-e1", "a-e2", "b-e0", "loc-e0"))
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    first = next(r for r in rows if r["event_id"] == _event_of(store, "a-e0"))
    assert (first["source_code"], first["target_code"], first["quad"], first["num_mentions"], first["num_sources"],
            first["num_articles"]) == ("RUS", "PRK", "1", "1", "1", "1")


def test_export_jsonl_writes_the_event_records(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export(store, "jsonl", out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines == [e.to_dict() for e in store.stored_events(mentions=True)]
    assert {m["event_id"] for line in lines for m in line["mentions"]} == {"a-e0", "a-e1", "a-e2", "b-e0", "loc-e0"}
    assert all(line["num_mentions"] == len(line["mentions"]) == 1 for line in lines)


def test_export_asked_modality_only(store: Store, tmp_path: Path) -> None:
    assert export(store, "jsonl", tmp_path / "x.jsonl", modality="asserted").events == 4
    assert export(store, "parquet", tmp_path / "x.parquet", modality=("future",)).events == 1


def test_export_gdelt_rows_have_the_61_columns(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(store, "gdelt", out)
    lines = out.read_text().splitlines()
    assert len(lines) == 5 and all(len(line.split("\t")) == 61 for line in lines)  # no header line
    located = dict(zip(GDELT_COLUMNS, lines[-1].split("\t"), strict=True))
    assert {k: located[k] for k in ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode",
                                    "Actor1Type1Code", "EventCode", "ActionGeo_FullName", "ActionGeo_CountryCode",
                                    "SOURCEURL")} == {
        "GLOBALEVENTID": str(stable_id(_event_of(store, "loc-e0"))), "SQLDATE": "20190425", "Actor1Code": "PRKGOV",
        "Actor1CountryCode": "PRK", "Actor1Type1Code": "GOV", "EventCode": "042",
        "ActionGeo_FullName": "Vladivostok, Russia", "ActionGeo_CountryCode": "RS",
        "SOURCEURL": "https://example.org/news/1",
    }


def test_export_plover_records(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    res = export(store, "plover", out)
    assert (res.events, res.skipped) == (4, 1)  # the CAMEO 01 statement has no PLOVER category
    records = [json.loads(line) for line in out.read_text().splitlines()]
    located = records[-1]
    coded_date = located.pop("coded_date")
    assert located == {
        "id": _event_of(store, "loc-e0"), "date": "2019-04-25",
        "source": [{"code": "PRK", "sector": "GOV", "actor_text": "North Korea", "identifier_text": "North Korea",
                    "actor_code": "PRKGOV"}],
        "recipient": [{"code": "RUS", "actor_text": "Russia", "identifier_text": "Russia", "actor_code": "RUS"}],
        "event": ["CONSULT"], "mode": ["visit"], "quad_code": 1, "event_scale": 3.0,
        "event_loc": {"name": "Vladivostok", "cc3": "RUS", "latitude": 43.1, "longitude": 131.9},
        "event_text": ["signed"], "text": "Sentence 0 of loc.", "text_info": {"start": 0, "end": 9},
        "cite_info": {"citation": "loc", "url": "https://example.org/news/1", "title": "Summit",
                      "coder": CODER_VERSION, "codebook": "CAMEO 1.1b3 via CAMEO2PLOVER-2021"},
        "coder": CODER_VERSION, "cameo": "042", "modality": "asserted", "negated": False, "confidence": 0.8,
        "num_mentions": 1, "num_sources": 1, "num_articles": 1,
    }
    assert len(coded_date) == 10
    assert sorted(r["id"] for r in records) == sorted(_event_of(store, m) for m in ("a-e0", "a-e1", "b-e0", "loc-e0"))


def test_export_to_a_missing_directory_writes_nothing(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such directory"):
        export(store, "csv", tmp_path / "nowhere" / "x.csv")
    with pytest.raises(ExportError, match="it is a directory"):
        export(store, "csv", tmp_path)


def test_export_failure_leaves_no_partial_file(store: Store, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(ValueError, match="unknown modality"):
        export(store, "jsonl", tmp_path / "x.jsonl", modality="rumoured")
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export(store, "xml", tmp_path / "x.xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_export_of_an_empty_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "e.duckdb") as s:
        for fmt in ("parquet", "csv", "jsonl", "gdelt", "icews", "plover"):
            assert export(s, fmt, tmp_path / f"out.{fmt}").events == 0
    assert pq.read_table(tmp_path / "out.parquet").num_rows == 0


def test_export_of_a_store_written_in_several_batches(tmp_path: Path) -> None:
    with Store.open(tmp_path / "m.duckdb") as s:
        for i in range(5):
            write_results(s, [result(f"d{i}", [("RUS", "PRK", "057")] * 3)], batch_key=str(i))
        export(s, "parquet", tmp_path / "m.parquet")
        # fifteen sentences of one dyad, root and day in five documents: one real-world event
        assert pq.read_table(tmp_path / "m.parquet").num_rows == s.stats()["events"] == 1
        assert s.stats()["mentions"] == 15
        assert pq.read_table(tmp_path / "m.parquet").column("num_articles").to_pylist() == [5]
