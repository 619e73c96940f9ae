"""How each actor was resolved survives the store (schema v5, issue 12): `linked_to`, `country_from` and
`office_from` of the coded record come back from `greatgame events`, the JSON API and the whole-record
exports, and a v4 store migrates with its rows kept and none of these fields."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import httpx
import pyarrow.parquet as pq
import pytest
from fixtures_server import running_server
from store_records import build, result
from typer.testing import CliRunner

from greatgame.cli import app
from greatgame.cli.common import EVENT_CSV_COLUMNS
from greatgame.export import export
from greatgame.ingest import write_results
from greatgame.model import ActorRef, Event
from greatgame.partitions import CodedPartition, partition_tables
from greatgame.staging import Staging
from greatgame.store import SCHEMA_VERSION, EventFilter, Store
from greatgame.store.schema import EVENT_NAMES, MIGRATIONS

runner = CliRunner()
PROVENANCE = ("linked_to", "country_from", "office_from")
PROVENANCE_COLUMNS = [f"{side}_{f}" for side in ("source", "target")
                      for f in ("linked_start", "linked_end", "country_from", "office_from")]

# A pronoun linked to its full mention (country from it), leaders of an undated text, and a sector-only
# actor whose country comes from its clause.
DOCS = [
    {"id": "funaro", "date": "1987-03-02", "text": "Brazil's Finance Minister Dilson Funaro arrived in Paris on "
     "Monday. He met French Finance Minister Edouard Balladur."},
    {"id": "summit", "text": "Ronald Reagan met Mikhail Gorbachev in Geneva. Reagan criticized Gorbachev."},
    {"id": "caracas", "date": "2019-02-01", "text": "Venezuela's economy shrank again. President Nicolas Maduro "
     "blamed Venezuelan business leaders. The generals met opposition leaders in Caracas."},
]


def _sides(record: dict) -> tuple[dict, dict]:
    return record["source"], record["target"]


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def coded_and_stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, dict], Path]:
    """The records of `greatgame code --format jsonl`, by id, and a store made by `greatgame ingest`."""
    tmp = tmp_path_factory.mktemp("prov")
    src = tmp / "docs.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    coded = runner.invoke(app, ["code", str(src), "--format", "jsonl"])
    assert coded.exit_code == 0, coded.output
    db = tmp / "s.duckdb"
    ingested = runner.invoke(app, ["ingest", str(src), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    return {r["event_id"]: r for r in _jsonl(coded.stdout)}, db


def test_provenance_the_coded_records_say_how_actors_were_resolved(coded_and_stored) -> None:
    coded, _ = coded_and_stored
    said = {(k, str(side[k])) for r in coded.values() for side in _sides(r) for k in PROVENANCE if k in side}
    # every field, and every kind of value the documents give, is there to be kept
    assert {("linked_to", "[0, 39]"), ("country_from", "mention"), ("country_from", "context"),
            ("office_from", "latest"), ("linked_to", "[0, 13]")} <= said
    assert any(not set(PROVENANCE) & set(side) for r in coded.values() for side in _sides(r))


def test_provenance_events_jsonl_gives_the_coded_actor_sides(coded_and_stored) -> None:
    coded, db = coded_and_stored
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--modality", "all"])
    assert res.exit_code == 0, res.output
    stored = {r["event_id"]: r for r in _jsonl(res.stdout)}
    assert sorted(stored) == sorted(coded)
    assert {i: _sides(r) for i, r in stored.items()} == {i: _sides(r) for i, r in coded.items()}
    with Store.open(db, read_only=True) as s:  # the library's records equal the coded ones, whole
        assert {e.event_id: e.to_dict() for e in s.events(EventFilter(modality=None))} == coded


def test_provenance_events_csv_has_fixed_columns_with_it(coded_and_stored) -> None:
    coded, db = coded_and_stored
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--modality", "all"])
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(res.stdout))}
    assert list(next(iter(rows.values()))) == EVENT_CSV_COLUMNS
    for i, r in coded.items():
        for side in ("source", "target"):
            linked = r[side].get("linked_to")
            assert rows[i][f"{side}_linked_to"] == (f"{linked[0]}-{linked[1]}" if linked else "")
            assert rows[i][f"{side}_country_from"] == r[side].get("country_from", "")
            assert rows[i][f"{side}_office_from"] == r[side].get("office_from", "")


def test_provenance_api_events_and_their_mentions_give_the_coded_actor_sides(coded_and_stored) -> None:
    coded, db = coded_and_stored
    with running_server(db) as url:
        mentions = httpx.get(f"{url}/api/events", params={"count": "mentions", "modality": "all", "limit": 1000})
        events = httpx.get(f"{url}/api/events", params={"modality": "all", "limit": 1000})
    assert mentions.status_code == events.status_code == 200
    assert {r["event_id"]: _sides(r) for r in mentions.json()["events"]} == {i: _sides(r) for i, r in coded.items()}
    folded = [m for ev in events.json()["events"] for m in ev["mentions"]]
    assert {m["event_id"]: _sides(m) for m in folded} == {i: _sides(r) for i, r in coded.items()}
    for ev in events.json()["events"]:  # an event's actors are its anchor mention's, as coded
        assert _sides(ev) == _sides(coded[ev["anchor_mention_id"]])


def test_provenance_jsonl_and_parquet_exports_keep_it(coded_and_stored, tmp_path: Path) -> None:
    coded, db = coded_and_stored
    with Store.open(db, read_only=True) as s:
        export(s, "jsonl", tmp_path / "e.jsonl", modality="all")
        export(s, "parquet", tmp_path / "e.parquet", modality="all")
    records = _jsonl((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    assert [_sides(r) for r in records] == [_sides(coded[r["anchor_mention_id"]]) for r in records]
    rows = sorted(pq.read_table(tmp_path / "e.parquet").to_pylist(), key=lambda r: r["event_id"])
    records.sort(key=lambda r: r["event_id"])
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in records]

    def columns(side: dict) -> list:
        linked = side.get("linked_to") or [None, None]
        return [*linked, side.get("country_from"), side.get("office_from")]

    assert [[r[c] for c in PROVENANCE_COLUMNS] for r in rows] == [
        columns(r["source"]) + columns(r["target"]) for r in records]
    assert any(v is not None for r in rows for v in (r["source_country_from"], r["target_office_from"]))
    with Store.open(db, read_only=True) as s:
        export(s, "plover", tmp_path / "e.plover.jsonl", modality="all")
    plover = {r["id"]: r for r in _jsonl((tmp_path / "e.plover.jsonl").read_text(encoding="utf-8"))}
    assert plover and set(plover) <= {r["event_id"] for r in records}
    for r in records:
        if r["event_id"] in plover:  # PLOVER actors carry the provenance as extension fields
            for side, key in (("source", "source"), ("target", "recipient")):
                [actor] = plover[r["event_id"]][key]
                assert {k: actor[k] for k in PROVENANCE if k in actor} == {
                    k: r[side][k] for k in PROVENANCE if k in r[side]}


# --- a version 4 store ---------------------------------------------------------------------------


def _v4_store(path: Path, scratch: Path) -> None:
    """A store of schema v4 holding what `scratch` (written by today's writer) holds, v4's columns only."""
    con = duckdb.connect(str(path))
    for version in range(1, 5):
        for statement in MIGRATIONS[version]:
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
    con.execute(f"ATTACH '{scratch}' AS scratch (READ_ONLY)")
    dropped = ", ".join(PROVENANCE_COLUMNS)
    for table in ("documents", "document_bands", "batches"):
        con.execute(f"INSERT INTO {table} SELECT * FROM scratch.{table}")
    for table in ("mentions", "events"):
        con.execute(f"INSERT INTO {table} SELECT * EXCLUDE ({dropped}) FROM scratch.{table}")
    con.execute("DETACH scratch")
    con.close()


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    if table == "documents":
        return con.execute("SELECT * FROM documents ORDER BY doc_id").fetchall()
    key = "mention_id" if table == "mentions" else "event_id"
    return con.execute(f"SELECT * EXCLUDE ({', '.join(PROVENANCE_COLUMNS)}) FROM {table} ORDER BY {key}").fetchall()


def _with_source(ev: Event, source: ActorRef) -> Event:
    return replace(ev, source=source)


LINKED = ActorRef("He", 30, 32, "RUSGOV", "RUS", "GOV", "Russia", (0, 6), "mention", "latest")


def test_provenance_a_version_4_store_migrates_keeping_its_rows(tmp_path: Path) -> None:
    scratch = build(tmp_path / "scratch.duckdb",
                    [result("a", [("RUS", "PRK", "057"), ("RUS", "PRK", "190", "2014-11-02")]),
                     result("b", [("RUS", "PRK", "050"), ("CHN", "USA", "111")])])
    before = {t: _rows(scratch.con, t) for t in ("mentions", "events", "documents")}
    records = [e.to_dict() for e in scratch.events(EventFilter(modality=None))]
    clustered = [e.to_dict() for e in scratch.stored_events(mentions=True)]
    scratch.close()
    _v4_store(tmp_path / "v4.duckdb", tmp_path / "scratch.duckdb")

    with Store.open(tmp_path / "v4.duckdb") as s:
        assert s.schema_version() == SCHEMA_VERSION == 5
        assert {t: _rows(s.con, t) for t in before} == before
        assert len(before["mentions"]) == 4 and len(before["events"]) == 3
        cols = ", ".join(PROVENANCE_COLUMNS)
        assert set(s.con.execute(f"SELECT {cols} FROM mentions UNION SELECT {cols} FROM events").fetchall()) == {
            (None,) * 8}
        # old rows read back as they were, with none of the provenance fields
        assert [e.to_dict() for e in s.events(EventFilter(modality=None))] == records
        assert [e.to_dict() for e in s.stored_events(mentions=True)] == clustered
        assert all(not set(PROVENANCE) & set(side) for r in records for side in _sides(r))
        # what is written into it now keeps its provenance
        res = result("c", [("RUS", "CHN", "111")], date="2015-03-01")
        write_results(s, [replace(res, events=(_with_source(res.events[0], LINKED),))], batch_key="after")
        [got] = [e for e in s.events(EventFilter(modality=None)) if e.doc_id == "c"]
        assert got.source == LINKED
        assert got.source.to_dict() == {"text": "He", "start": 30, "end": 32, "code": "RUSGOV", "country": "RUS",
                                        "sector": "GOV", "name": "Russia", "linked_to": [0, 6],
                                        "country_from": "mention", "office_from": "latest"}
        assert s.one("SELECT source_linked_start, source_linked_end, source_country_from, source_office_from, "
                     "target_country_from FROM events WHERE doc_id = 'c'") == (0, 6, "mention", "latest", None)


def test_provenance_staged_partitions_carry_it_and_older_ones_merge_without_it(tmp_path: Path) -> None:
    res = result("a", [("RUS", "PRK", "057"), ("CHN", "USA", "111")])
    res = replace(res, events=(_with_source(res.events[0], LINKED), res.events[1]))
    docs, events, errs, _ = partition_tables([res])
    staging = Staging(str(tmp_path / "staged"))
    staging.write(CodedPartition("p1", docs, events, errs), 0)
    _, staged, _ = staging.read("p1")
    assert staged.column_names == list(EVENT_NAMES)
    assert staged.select(PROVENANCE_COLUMNS[:4]).to_pylist()[0] == {
        "source_linked_start": 0, "source_linked_end": 6, "source_country_from": "mention",
        "source_office_from": "latest"}
    with Store.open(tmp_path / "new.duckdb") as s:
        s.write_partition(docs, staged, errs, key="p1", run_id=None, coder_version="v", goldstein_table="g")
        assert [e.to_dict() for e in s.events()] == [e.to_dict() for e in res.events]
    old = staged.drop_columns(PROVENANCE_COLUMNS)  # as a greatgame of schema v4 staged it
    with Store.open(tmp_path / "old.duckdb") as s:
        s.write_partition(docs, old, errs, key="p1", run_id=None, coder_version="v", goldstein_table="g")
        got = [e.to_dict() for e in s.events()]
    assert got == [replace(e, source=replace(e.source, linked_to=None, country_from=None, office_from=None)).to_dict()
                   for e in res.events]
    assert "linked_to" not in got[0]["source"]
