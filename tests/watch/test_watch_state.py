"""The watch tables: added to an existing store by its own migration, and what the state functions keep."""

from __future__ import annotations

from pathlib import Path

import duckdb

from greatgame.store import MIGRATIONS, Store
from greatgame.watch.state import Entry, Outcome, add_pending, due_urls, get_source, record_outcomes, save_source

# The migration that added the watch tables (not the newest one: later migrations come after it).
WATCH_MIGRATION = next(v for v, sql in sorted(MIGRATIONS.items()) if any("watch_sources" in s for s in sql))


def test_store_migration_adds_the_watch_tables_to_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for version in range(1, WATCH_MIGRATION):
        for statement in MIGRATIONS[version]:
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
    con.execute("INSERT INTO documents VALUES ('d1', 'h', NULL, NULL, NULL, 'x', 1, 1, 0, 'v', 'g', 'b', "
                "current_timestamp)")
    con.close()
    with duckdb.connect(str(path)) as con:
        before = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert not {"watch_sources", "watch_urls", "watch_alerts"} & before
    with Store.open(path) as s:
        tables = {r[0] for r in s.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"watch_sources", "watch_urls", "watch_alerts"} <= tables
        assert s.stats()["documents"] == 1


def test_source_validators_survive_a_not_modified_check(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as s:
        save_source(s, "http://a.test/rss", kind="feed", parent=None, status=200, error=None, etag='"1"',
                    last_modified="Mon, 05 Jan 2026 08:00:00 GMT", items=2, new=2)
        save_source(s, "http://a.test/rss", kind=None, parent=None, status=304, error=None)
        save_source(s, "http://a.test/rss", kind=None, parent=None, status=None, error="timed out after 20 s")
        state = get_source(s, "http://a.test/rss")
        row = s.con.execute("SELECT kind, last_status, last_error, checks, failures, last_items "
                            "FROM watch_sources").fetchall()
    assert (state.etag, state.last_modified) == ('"1"', "Mon, 05 Jan 2026 08:00:00 GMT")
    assert row == [("feed", None, "timed out after 20 s", 3, 1, 2)]


def test_pending_urls_are_added_once_and_taken_newest_first(tmp_path: Path) -> None:
    entries = [Entry("http://a.test/1?utm_source=rss", "one", "2026-01-01"),
               Entry("http://a.test/2", "two", "2026-01-03"), Entry("http://a.test/3", "three", None)]
    with Store.open(tmp_path / "s.duckdb") as s:
        assert add_pending(s, "src", entries) == 3
        assert add_pending(s, "src", [*entries, Entry("http://A.test/1", "again", None)]) == 0
        record_outcomes(s, [Outcome("http://a.test/2", "ingested", None, "url-2", "A")])
        due = due_urls(s, "src", limit=10, max_attempts=3)
    assert [e.url for e in due] == ["http://a.test/1", "http://a.test/3"]
