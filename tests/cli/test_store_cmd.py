"""The store's commands: exact outputs, and one-line errors with the right exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from store_records import build, result
from typer.testing import CliRunner

from greatgame.cli import app
from greatgame.cli.common import EVENT_CSV_COLUMNS, EXIT_FATAL, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, flatten
from greatgame.store import SCHEMA_VERSION, EventFilter, Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "s.duckdb"
    build(path, [
        result("a", [("RUS", "PRK", "057"), ("PRKGOV", "CHN", "112"), ("RUS", "PRK", "190", "2014-11-02")]),
        result("b", [("CHN", "PRK", "042", "2015-01-01"), ("USA", "RUS", "173", "2015-02-01", "future")]),
    ]).close()
    return str(path)


def run(*args: str):
    return runner.invoke(app, list(args))


def stored(db: str, flt: EventFilter) -> list[dict]:
    with Store.open(db, read_only=True) as s:
        return [e.to_dict() for e in s.events(flt)]


# --- stats ---------------------------------------------------------------------------------------


def test_stats_json_is_exactly_the_counts(db: str) -> None:
    res = run("stats", "--db", db, "--format", "json")
    assert res.exit_code == EXIT_OK
    assert res.stdout == ('{"documents": 2, "articles": 2, "sources": 1, "events": 5, "mentions": 5, "actors": 5, '
                          '"first_date": "2014-10-20", "last_date": "2015-02-01"}\n')


def test_stats_table(db: str) -> None:
    res = run("stats", "--db", db)
    assert res.stdout == ("documents   2\narticles    2\nsources     1\nevents      5\nmentions    5\n"
                          "actors      5\nfirst_date  2014-10-20\nlast_date   2015-02-01\n")


def test_stats_of_an_empty_store(tmp_path: Path) -> None:
    Store.open(tmp_path / "e.duckdb").close()
    res = run("stats", "--db", str(tmp_path / "e.duckdb"), "-f", "json")
    assert json.loads(res.stdout) == {"documents": 0, "articles": 0, "sources": 0, "events": 0, "mentions": 0,
                                      "actors": 0, "first_date": None, "last_date": None}


# --- events --------------------------------------------------------------------------------------


def test_events_jsonl_are_the_event_records_asserted_by_default(db: str) -> None:
    res = run("events", "--db", db, "--format", "jsonl")
    assert res.exit_code == EXIT_OK
    assert [json.loads(line) for line in res.stdout.splitlines()] == stored(db, EventFilter())
    assert len(res.stdout.splitlines()) == 4


def test_events_filters(db: str) -> None:
    def event_ids(*args: str) -> list[str]:
        res = run("events", "--db", db, "-f", "jsonl", *args)
        assert res.exit_code == EXIT_OK, res.stderr
        return [json.loads(line)["event_id"] for line in res.stdout.splitlines()]

    assert event_ids("--actor", "PRKGOV") == ["a-e1"]
    assert event_ids("--dyad", "RUS,PRK") == ["a-e0", "a-e2"]
    assert event_ids("--since", "2014-11-01", "--until", "2015-01-01") == ["a-e2", "b-e0"]
    assert event_ids("--plover", "SUPPORT") == ["a-e0"]
    assert event_ids("--quad", "4") == ["a-e2"]
    assert event_ids("--min-confidence", "0.9") == []
    assert event_ids("--modality", "all") == ["a-e0", "a-e1", "a-e2", "b-e0", "b-e1"]
    assert event_ids("--modality", "future") == ["b-e1"]
    assert event_ids("--limit", "1") == ["a-e0"]


def test_events_json_and_csv(db: str) -> None:
    as_json = run("events", "--db", db, "-f", "json")
    assert json.loads(as_json.stdout) == stored(db, EventFilter())
    as_csv = run("events", "--db", db, "-f", "csv", "--limit", "1")
    header, first = as_csv.stdout.splitlines()
    assert header.split(",") == EVENT_CSV_COLUMNS
    assert set(flatten(stored(db, EventFilter())[0])) - {"location"} <= set(EVENT_CSV_COLUMNS)
    assert first.startswith("a-e0,a,2014-10-20,,Russia,0,6,RUS,RUS,,Russia,")


def test_events_table_has_one_line_an_event(db: str) -> None:
    res = run("events", "--db", db)
    assert res.exit_code == EXIT_OK
    assert len(res.stdout.splitlines()) == 4


@pytest.mark.parametrize(("args", "message"), [
    (("--since", "2014-13-01"), "greatgame: --since: date '2014-13-01' does not exist\n"),
    (("--until", "yesterday"), "greatgame: --until: date 'yesterday' is not ISO 8601 (YYYY-MM-DD)\n"),
    (("--dyad", "RUS"), "greatgame: --dyad: expected two actor codes as SOURCE,TARGET, not 'RUS'\n"),
    (("--modality", "rumoured"), ("greatgame: --modality: unknown modality 'rumoured'; expected one of asserted, "
                                  "negated, future, hypothetical, reported or all\n")),
])
def test_events_bad_arguments_are_usage_errors(db: str, args: tuple[str, ...], message: str) -> None:
    res = run("events", "--db", db, *args)
    assert (res.exit_code, res.stdout, res.stderr) == (EXIT_USAGE, "", message)


# --- dyads and shifts ----------------------------------------------------------------------------


DYADS_CSV = """source,target,period,events,q1,q2,q3,q4,goldstein_sum,goldstein_mean,net_coop
RUS,PRK,2014,2,1,0,0,1,-6.0,-3.0,0
CHN,PRK,2015,1,1,0,0,0,3.0,3.0,1
PRK,CHN,2014,1,0,0,1,0,-2.0,-2.0,-1
"""

DYADS_TABLE = """source  target  period  events  q1  q2  q3  q4  goldstein_sum  goldstein_mean  net_coop
RUS     PRK     2014         2   1   0   0   1          -6.00           -3.00         0
CHN     PRK     2015         1   1   0   0   0           3.00            3.00         1
PRK     CHN     2014         1   0   0   1   0          -2.00           -2.00        -1
"""


def test_dyads_csv_and_table(db: str) -> None:
    assert run("dyads", "--db", db, "--by", "year", "--format", "csv").stdout == DYADS_CSV
    assert run("dyads", "--db", db, "--by", "year").stdout == DYADS_TABLE


def test_dyads_json_is_a_list_of_rows(db: str) -> None:
    res = run("dyads", "--db", db, "--by", "month", "--top", "1", "-f", "json")
    assert json.loads(res.stdout) == [
        {"source": "RUS", "target": "PRK", "period": "2014-10", "events": 1, "q1": 1, "q2": 0, "q3": 0, "q4": 0,
         "goldstein_sum": 3.0, "goldstein_mean": 3.0, "net_coop": 1},
        {"source": "RUS", "target": "PRK", "period": "2014-11", "events": 1, "q1": 0, "q2": 0, "q3": 0, "q4": 1,
         "goldstein_sum": -9.0, "goldstein_mean": -9.0, "net_coop": -1},
    ]


def test_dyads_since_until(db: str) -> None:
    res = run("dyads", "--db", db, "--since", "2015-01-01", "-f", "csv")
    assert res.stdout.splitlines()[1:] == ["CHN,PRK,2015-01,1,1,0,0,0,3.0,3.0,1"]


def test_shifts_and_triangles(tmp_path: Path) -> None:
    path = tmp_path / "d.duckdb"
    batches = []
    for year in (2015, 2016, 2017, 2018):
        china, russia = (10, 2) if year < 2018 else (2, 10)
        events = ([("PRK", "CHN", "057")] * china + [("CHN", "PRK", "112")] * (10 - china)
                  + [("RUS", "PRK", "042")] * russia + [("PRK", "RUS", "173")] * (10 - russia))
        batches.append([result(f"s{year}", events, date=f"{year}-09-20")])
    build(path, *batches).close()
    # each year's repeated sentences are a few real-world events: the z-test needs the mentions here
    assert json.loads(run("shifts", "--db", str(path), "-f", "json").stdout) == []
    shifted = json.loads(run("shifts", "--db", str(path), "-f", "json", "--count", "mentions").stdout)
    assert [(r["a"], r["b"], r["period"], r["direction"]) for r in shifted] == [
        ("CHN", "PRK", "2018", "cooler"), ("PRK", "RUS", "2018", "warmer")]
    tri = run("shifts", "--db", str(path), "--triangles", "-f", "csv", "--count", "mentions").stdout.splitlines()
    assert tri[0] == "period,actor,away_from,towards,change_away,change_towards,z_away,z_towards"
    assert tri[1].startswith("2018,PRK,CHN,RUS,-0.8")


# --- export --------------------------------------------------------------------------------------


def test_export_command_writes_the_file_and_says_so(db: str, tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    res = run("export", "--db", db, "--format", "parquet", "--out", str(out))
    assert (res.exit_code, res.stdout) == (EXIT_OK, f"wrote 5 events to {out}\n")
    assert duckdb.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchall() == [(5,)]
    plover = run("export", "--db", db, "--format", "plover", "--out", str(tmp_path / "p.jsonl"))
    assert plover.stdout == f"wrote 5 events to {tmp_path / 'p.jsonl'}\n"


def test_export_to_a_missing_directory_is_fatal(db: str, tmp_path: Path) -> None:
    res = run("export", "--db", db, "--format", "csv", "--out", str(tmp_path / "no" / "e.csv"))
    message = f"greatgame: cannot write {tmp_path / 'no' / 'e.csv'}: no such directory {tmp_path / 'no'}\n"
    assert (res.exit_code, res.stderr) == (EXIT_FATAL, message)


# --- a store that cannot be used -----------------------------------------------------------------


@pytest.mark.parametrize("command", [["stats"], ["events"], ["dyads"], ["shifts"],
                                     ["export", "-f", "csv", "--out", "x.csv"], ["ingest", "nothing.txt"]])
def test_a_file_that_is_not_duckdb_is_fatal_and_left_alone(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes\n")
    res = run(*command, "--db", str(path))
    assert (res.exit_code, res.stdout, res.stderr) == (EXIT_FATAL, "", f"greatgame: {path} is not a DuckDB database\n")
    assert path.read_text() == "my notes\n"


def test_a_missing_store_is_fatal(tmp_path: Path) -> None:
    res = run("stats", "--db", str(tmp_path / "none.duckdb"))
    assert (res.exit_code, res.stderr) == (
        EXIT_FATAL, f"greatgame: no database at {tmp_path / 'none.duckdb'}; run `greatgame ingest` first\n")
    assert not (tmp_path / "none.duckdb").exists()


def test_a_newer_schema_is_fatal(db: str) -> None:
    con = duckdb.connect(db)
    con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [SCHEMA_VERSION + 1])
    con.close()
    for command in (["stats"], ["ingest", "nothing.txt"]):
        res = run(*command, "--db", db)
        assert res.exit_code == EXIT_FATAL
        assert res.stderr == (f"greatgame: {db} has schema version {SCHEMA_VERSION + 1}, newer than this greatgame "
                              f"understands ({SCHEMA_VERSION}); upgrade greatgame to read it\n")


@pytest.mark.slow  # starts another process: `make test` runs it, `make test-fast` not
def test_a_store_locked_by_another_writer_is_fatal(db: str, tmp_path: Path) -> None:
    hold = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", hold, db], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for command in (["stats"], ["ingest", str(tmp_path / "x.txt")]):
            res = run(*command, "--db", db)
            assert (res.exit_code, res.stdout) == (EXIT_FATAL, "")
            assert res.stderr == (f"greatgame: {db} is in use by another process (PID {holder.pid}): DuckDB allows "
                                  "one writer, and no readers while it writes\n")
    finally:
        holder.kill()
        holder.wait()


# --- ingest (the real coder) ---------------------------------------------------------------------


def test_ingest_twice_leaves_the_counts_unchanged(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text("Russia signed a trade agreement with North Korea on Monday.\n")
    (tmp_path / "in" / "two.txt").write_text("China condemned the missile test by North Korea.\n")
    db = str(tmp_path / "g.duckdb")
    first = run("ingest", str(tmp_path / "in"), "--db", db, "--workers", "1")
    assert first.exit_code == EXIT_OK, first.stderr
    stats = json.loads(run("stats", "--db", db, "-f", "json").stdout)
    noun = "mention" if stats["mentions"] == 1 else "mentions"
    assert first.stdout == f"{db}: 2 documents added ({stats['mentions']} {noun}), 0 already stored, 0 errors\n"
    again = run("ingest", str(tmp_path / "in"), "--db", db, "--workers", "1")
    assert again.exit_code == EXIT_OK
    assert again.stdout == f"{db}: 0 documents added (0 mentions), 2 already stored, 0 errors\n"
    assert json.loads(run("stats", "--db", db, "-f", "json").stdout) == stats


def test_ingest_reports_each_bad_input_on_one_line_and_exits_partial(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text('{"id": "n1", "text": "Japan praised South Korea.", "date": "2020-01-05"}\n'
                   "{not json\n"
                   '{"id": "n3", "date": "2020-01-06"}\n')
    db = str(tmp_path / "g.duckdb")
    res = run("ingest", str(src), str(tmp_path / "missing.txt"), "--db", db, "-w", "1")
    assert res.exit_code == EXIT_PARTIAL
    assert res.stderr.splitlines() == [
        f"greatgame: {src}:2: not JSON (Expecting property name enclosed in double quotes)",
        f"greatgame: {src}:3: record has no text",
        f"greatgame: {tmp_path / 'missing.txt'}: no such file or directory",
    ]
    with Store.open(db, read_only=True) as s:
        mentions = s.stats()["mentions"]
        noun = "mention" if mentions == 1 else "mentions"
        assert res.stdout == f"{db}: 1 document added ({mentions} {noun}), 0 already stored, 3 errors\n"
        assert s.con.execute("SELECT path, line, message FROM errors ORDER BY path, line").fetchall() == [
            (str(tmp_path / "missing.txt"), None, "no such file or directory"),
            (str(src), 2, "not JSON (Expecting property name enclosed in double quotes)"),
            (str(src), 3, "record has no text"),
        ]


def test_ingest_with_nothing_readable_is_fatal(tmp_path: Path) -> None:
    res = run("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "g.duckdb"), "-w", "1")
    assert res.exit_code == EXIT_FATAL
    assert res.stdout == f"{tmp_path / 'g.duckdb'}: 0 documents added (0 mentions), 0 already stored, 1 error\n"
