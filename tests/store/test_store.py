"""The store: schema and migrations, safe opening, whole-batch writes, filtered reads."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from store_records import build, doc, event, result

from greatgame.ingest import ErrorRecord, write_results
from greatgame.model import InputError, Location
from greatgame.pipeline import CODER_VERSION, DocResult
from greatgame.store import MIGRATIONS, SCHEMA_VERSION, EventFilter, Store, StoreError
from greatgame.store.schema import EVENT_NAMES


def digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path: Path):
    s = build(tmp_path / "t.duckdb", [
        result("a", [("RUS", "PRK", "057"), ("PRKGOV", "CHN", "112"), ("RUS", "PRK", "190", "2014-11-02")]),
        result("b", [("CHN", "PRK", "042", "2015-01-01"), ("USA", "RUS", "173", "2015-02-01", "future")]),
    ])
    yield s
    s.close()


# --- opening -------------------------------------------------------------------------------------


def test_store_open_creates_the_schema_at_the_current_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.duckdb") as s:
        assert s.schema_version() == SCHEMA_VERSION
        tables = {r[0] for r in s.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"schema_version", "documents", "events", "errors", "batches", "runs", "actors"} <= tables


def test_store_migrations_are_numbered_without_gaps() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def test_store_open_in_memory() -> None:
    with Store.open(":memory:") as s:
        assert s.stats() == {"documents": 0, "articles": 0, "sources": 0, "events": 0, "mentions": 0, "actors": 0,
                             "first_date": None, "last_date": None}


def test_store_open_read_only_without_a_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no database at .*missing.duckdb; run `greatgame ingest` first"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


def test_store_refuses_a_file_that_is_not_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes\n")
    for read_only in (False, True):
        with pytest.raises(StoreError) as err:
            Store.open(path, read_only=read_only)
        assert str(err.value) == f"{path} is not a DuckDB database"
    assert path.read_text() == "these are my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.duckdb"]


def test_store_refuses_a_duckdb_file_that_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE mine (x INTEGER)")
    con.close()
    before = digest(path)
    with pytest.raises(StoreError, match="is a DuckDB database but not a greatgame store"):
        Store.open(path)
    assert digest(path) == before


def test_store_refuses_a_newer_schema_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [SCHEMA_VERSION + 1])
    con.close()
    before = digest(path)
    for read_only in (False, True):
        with pytest.raises(StoreError) as err:
            Store.open(path, read_only=read_only)
        assert str(err.value) == (f"{path} has schema version {SCHEMA_VERSION + 1}, newer than this greatgame "
                                  f"understands ({SCHEMA_VERSION}); upgrade greatgame to read it")
    assert digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only directories anyway")
def test_store_refuses_a_read_only_directory(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        with pytest.raises(StoreError, match=r"the directory .*ro is read-only"):
            Store.open(ro / "t.duckdb")
        assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o755)


def test_store_refuses_a_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no such directory .*nowhere"):
        Store.open(tmp_path / "nowhere" / "t.duckdb")


HOLD_LOCK = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(60)"


@pytest.mark.slow  # starts another process: `make test` runs it, `make test-fast` not
def test_store_reports_a_lock_held_by_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(StoreError) as err:
                Store.open(path, read_only=read_only)
            assert str(err.value) == (f"{path} is in use by another process (PID {holder.pid}): DuckDB allows "
                                      "one writer, and no readers while it writes")
    finally:
        holder.kill()
        holder.wait()


# --- writing -------------------------------------------------------------------------------------


def test_write_batch_stores_documents_with_coder_version_and_goldstein_table(store: Store) -> None:
    rows = store.con.execute("SELECT doc_id, date, events, coder_version, goldstein_table, batch_key "
                             "FROM documents ORDER BY doc_id").fetchall()
    assert [(r[0], r[1].isoformat(), *r[2:]) for r in rows] == [
        ("a", "2014-10-20", 3, CODER_VERSION, "goldstein_gdelt", "test:0"),
        ("b", "2014-10-20", 2, CODER_VERSION, "goldstein_gdelt", "test:0"),
    ]


def test_write_batch_round_trips_every_field_of_an_event(tmp_path: Path) -> None:
    e = replace(event("d", 0, "PRKGOV", "RUSMIL", "0311", date="2019-04-25", modality="future", confidence=0.61),
                location=Location("Vladivostok", "RUS", 43.1, 131.9), negated=False)
    n = event("d", 1, "USA", "PRK", "112", date=None, modality="negated")
    with Store.open(tmp_path / "t.duckdb") as s:
        write_results(s, [DocResult(doc("d"), events=(e, n))], batch_key="k")
        back = list(s.events(EventFilter(modality=None)))
    assert back == [e, n]
    assert [b.to_dict() for b in back] == [e.to_dict(), n.to_dict()]


def test_write_batch_merges_a_batch_key_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.duckdb") as s:
        first = write_results(s, [result("a", [("RUS", "PRK", "057")])], batch_key="part-1")
        again = write_results(s, [result("a", [("RUS", "PRK", "057")])], batch_key="part-1")
        assert (first.documents, first.events, first.already_merged) == (1, 1, False)
        assert (again.documents, again.events, again.already_merged) == (0, 0, True)
        assert s.stats()["events"] == 1


def test_write_batch_leaves_documents_already_stored_by_id_or_content(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.duckdb") as s:
        write_results(s, [result("a", [("RUS", "PRK", "057")])], batch_key="1")
        same_id = DocResult(doc("a", text="Other text."), events=(event("a", 5),))
        same_text = DocResult(doc("copy", text="The text of a."), events=(event("copy", 0),))
        fresh = result("c", [("CHN", "PRK", "042")])
        summary = write_results(s, [same_id, same_text, fresh, fresh], batch_key="2")
        assert (summary.documents, summary.events, summary.duplicates) == (1, 1, 3)
        assert s.con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall() == [("a",), ("c",)]
        assert [e.event_id for e in s.events()] == ["a-e0", "c-e0"]


def test_write_batch_records_errors_and_a_later_success_clears_them(tmp_path: Path) -> None:
    failed = DocResult(doc("x"), error="ValueError: bad parse")
    with Store.open(tmp_path / "t.duckdb") as s:
        write_results(s, [failed], [InputError("in.jsonl", "not JSON (Expecting value)", 3)], batch_key="1")
        write_results(s, [failed], [InputError("in.jsonl", "not JSON (Expecting value)", 3)], batch_key="2")
        errors = s.con.execute("SELECT kind, path, line, doc_id, message FROM errors ORDER BY kind").fetchall()
        assert errors == [
            ("coding", "corpus.jsonl", None, "x", "could not code document x: ValueError: bad parse"),
            ("input", "in.jsonl", 3, None, "not JSON (Expecting value)"),
        ]
        assert s.stats()["documents"] == 0  # a failed document is retried by the next run
        write_results(s, [result("x", [("RUS", "PRK", "057")])], batch_key="3")
        assert s.con.execute("SELECT kind FROM errors").fetchall() == [("input",)]


def test_error_record_names_the_file_and_line() -> None:
    failed = DocResult(replace(doc("x"), origin="speeches.jsonl:17"), error="ValueError: bad parse")
    assert str(ErrorRecord.of_result(failed)) == "speeches.jsonl:17: could not code document x: ValueError: bad parse"
    assert str(ErrorRecord.of_input(InputError("a.txt", "empty file"))) == "a.txt: empty file"


def test_write_batch_is_all_or_nothing(tmp_path: Path) -> None:
    broken = replace(event("b", 0), cameo=None)  # violates NOT NULL after the documents are inserted
    with Store.open(tmp_path / "t.duckdb") as s:
        with pytest.raises(StoreError, match="cannot write to"):
            write_results(s, [result("a", [("RUS", "PRK", "057")]), DocResult(doc("b"), events=(broken,))],
                        batch_key="1")
        assert s.stats()["documents"] == 0
        assert s.con.execute("SELECT count(*) FROM batches").fetchone() == (0,)


# --- reading -------------------------------------------------------------------------------------


def test_store_stats_counts_documents_events_actors_and_dates(store: Store) -> None:
    # five sentences, each its own event (no two share a dyad, root and day); both documents from one file
    assert store.stats() == {"documents": 2, "articles": 2, "sources": 1, "events": 5, "mentions": 5, "actors": 5,
                             "first_date": "2014-10-20", "last_date": "2015-02-01"}


def ids(store: Store, **kw) -> list[str]:
    return [e.event_id for e in store.events(EventFilter(**kw))]


def test_events_are_asserted_only_unless_asked(store: Store) -> None:
    assert ids(store) == ["a-e0", "a-e1", "a-e2", "b-e0"]
    assert ids(store, modality=None) == ["a-e0", "a-e1", "a-e2", "b-e0", "b-e1"]
    assert ids(store, modality=("future",)) == ["b-e1"]


def test_events_filter_by_actor_code_or_country(store: Store) -> None:
    assert ids(store, actor="PRKGOV") == ["a-e1"]
    assert ids(store, actor="PRK") == ["a-e0", "a-e1", "a-e2", "b-e0"]


def test_events_filter_by_directed_dyad(store: Store) -> None:
    assert ids(store, dyad=("RUS", "PRK")) == ["a-e0", "a-e2"]
    assert ids(store, dyad=("PRK", "RUS")) == []


def test_events_filter_by_dates_category_quad_confidence_and_limit(store: Store) -> None:
    assert ids(store, since="2014-11-01", until="2015-01-01") == ["a-e2", "b-e0"]
    assert ids(store, plover="support") == ["a-e0"]
    assert ids(store, quad=4) == ["a-e2"]
    assert ids(store, min_confidence=0.9) == []
    assert ids(store, limit=2) == ["a-e0", "a-e1"]


def test_events_filter_values_are_parameters_not_sql(store: Store) -> None:
    assert ids(store, actor="RUS' OR 1=1 --") == []
    assert ids(store, plover="'); DROP TABLE events; --") == []
    assert store.stats()["events"] == 5


def test_events_filter_refuses_an_unknown_modality(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown modality 'rumoured'"):
        ids(store, modality=("rumoured",))


@pytest.mark.issue(11)
def test_store_migrates_a_version_1_store_in_place_keeping_its_events(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    for statement in MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, current_timestamp)")
    con.close()
    # a version-1 store with one event in it, written by the writer of its time (no date_precision column)
    old = build(tmp_path / "scratch.duckdb", [result("a", [("RUS", "PRK", "057")])])
    v1 = ("mention_id", *EVENT_NAMES[1:EVENT_NAMES.index("date_precision")])
    row = old.con.execute(f"SELECT {', '.join(v1)} FROM mentions").fetchone()
    old.close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO events VALUES (" + ", ".join("?" * len(row)) + ")", list(row))
    con.close()
    with Store.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION >= 2
        [ev] = s.events(EventFilter())
        assert s.stats()["events"] == s.stats()["mentions"] == 1
        assert (ev.event_id, ev.date, ev.date_precision) == (row[0], row[2].isoformat(), None)
    # and what is written now keeps its precision
    res = result("b", [("CHN", "PRK", "042", "2015-01-01")])
    res = replace(res, events=tuple(replace(e, date_precision="month") for e in res.events))
    s = build(tmp_path / "v2.duckdb", [res])
    assert [e.date_precision for e in s.events(EventFilter())] == ["month"]
    s.close()
