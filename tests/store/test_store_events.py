"""The store's events (schema v4): mentions clustered at merge, near-duplicate documents as one article,
the same events for any order of partitions, and a v3 store migrated in place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb

from greatgame.ingest import write_results
from greatgame.pipeline import DocResult
from greatgame.store import SCHEMA_VERSION, Store
from greatgame.store.schema import EVENT_NAMES, MIGRATIONS
from store_records import build, doc, event, result

STORY = ("MOSCOW, Oct 20 (Reuters) - Russia's foreign minister met North Korea's envoy on Monday to discuss "
         "the nuclear talks, the ministry said, adding that both sides agreed to meet again in the spring "
         "and that the talks would continue at the level of deputies before any summit was arranged. "
         "The envoy also carried a letter from his leader to the Russian president, officials said, and "
         "Moscow renewed its offer of aid for the railway that links the two countries across the river. "
         "Washington said it was watching the talks closely and warned against any transfer of weapons. ")


def _events(store: Store) -> list[tuple]:
    return store.con.execute("SELECT * EXCLUDE (cluster_key) FROM events ORDER BY event_id").fetchall()


def _mentions(store: Store) -> list[tuple]:
    return store.con.execute("SELECT mention_id, event_id FROM mentions ORDER BY mention_id").fetchall()


def test_two_partitions_in_either_order_give_the_same_events(tmp_path: Path) -> None:
    p1 = [result("a", [("RUS", "PRK", "057"), ("RUS", "PRK", "042", "2014-10-21")]),
          result("b", [("RUS", "PRK", "050"), ("CHN", "USA", "190", None)])]
    p2 = [result("c", [("RUS", "PRK", "057"), ("RUS", "PRK", "042", "2014-10-22")]),
          result("d", [("CHN", "USA", "195", "2014-10-20")])]
    one = build(tmp_path / "1.duckdb", p1, p2)
    two = build(tmp_path / "2.duckdb", p2, p1)
    try:
        assert _events(one) == _events(two)
        assert _mentions(one) == _mentions(two)
        # RUS->PRK 05 on the 20th is one event of three mentions in three documents
        (n, arts) = one.one("SELECT num_mentions, num_articles FROM events WHERE cameo_root = '05' "
                            "AND date = DATE '2014-10-20'")
        assert (n, arts) == (3, 3)
        # RUS->PRK 04 on the 21st and 22nd: two; CHN->USA 19: the undated sentence joins the dated one
        assert one.stats()["events"] == 4 and one.stats()["mentions"] == 7
    finally:
        one.close()
        two.close()


def _story(doc_id: str, text: str, source: str, events: list[tuple]) -> DocResult:
    evs = tuple(event(doc_id, n, s, t, c) for n, (s, t, c) in enumerate(events))
    return DocResult(replace(doc(doc_id, text=text), source=source), events=evs)


def test_a_syndicated_copy_adds_sources_not_articles_or_events(tmp_path: Path) -> None:
    body = STORY
    spec = [("RUS", "PRK", "042"), ("PRK", "RUS", "042"), ("RUS", "USA", "111")]
    s = build(tmp_path / "s.duckdb", [_story("orig", body, "Reuters", spec)])
    try:
        before = s.stats()
        events_before = s.con.execute("SELECT event_id, num_sources, num_articles FROM events "
                                      "ORDER BY event_id").fetchall()
        copy = body.replace("MOSCOW, Oct 20 (Reuters) - ", "PYONGYANG (AP) -- ")
        write_results(s, [_story("copy", copy + "\nBy Jane Smith", "AP", spec)], batch_key="later")
        after = s.stats()
        assert (after["documents"], after["articles"], after["sources"]) == (2, 1, 2)
        assert (after["events"], after["mentions"]) == (before["events"], 2 * before["mentions"])
        assert s.one("SELECT article_id FROM documents WHERE doc_id = 'copy'") == ("copy",)  # smallest id
        got = s.con.execute("SELECT event_id, num_sources, num_articles FROM events ORDER BY event_id").fetchall()
        assert len(got) == len(events_before)
        assert [(g[1], g[2]) for g in got] == [(2 * e[1], e[2]) for e in events_before] == [(2, 1)] * 3
        # "copy" < "orig": the copy's mention is now each event's anchor, so the ids moved; the old ones resolve
        aliases = dict(s.con.execute("SELECT old_event_id, event_id FROM event_aliases").fetchall())
        assert sorted(aliases) == [e[0] for e in events_before]
        assert sorted(aliases.values()) == [g[0] for g in got]
        # another story on the same day (not a copy) is a second article of the same events
        write_results(s, [_story("other", "Quite another text about the meeting of the two ministers. " * 5,
                                 "Tass", spec)], batch_key="third")
        assert s.con.execute("SELECT DISTINCT num_articles, num_sources FROM events").fetchall() == [(2, 3)]
    finally:
        s.close()


def test_a_version_3_store_migrates_its_events_into_mentions_and_events(tmp_path: Path) -> None:
    path = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(path))
    for version in (1, 2, 3):
        for statement in MIGRATIONS[version]:
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (?, current_timestamp)", [version])
    for d, url in (("a", "https://www.Reuters.com/x"), ("b", None)):
        con.execute("INSERT INTO documents VALUES (?, ?, DATE '2014-10-20', ?, NULL, 'feed.jsonl:3', 10, 2, 2, "
                    "'v', 'g', 'k', current_timestamp)", [d, "h" + d, url])
    old = [event("a", 0, "RUS", "PRK", "057"), event("a", 1, "RUS", "PRK", "190"),
           event("b", 0, "RUS", "PRK", "050"), event("b", 1, "RUS", "PRK", "057", date="2014-11-02")]
    with build(tmp_path / "scratch.duckdb", [DocResult(doc("a"), events=tuple(old[:2])),
                                             DocResult(doc("b"), events=tuple(old[2:]))]) as scratch:
        v3 = ("mention_id", *EVENT_NAMES[1:EVENT_NAMES.index("date_precision") + 1])
        rows = scratch.con.execute(f"SELECT {', '.join(v3)} FROM mentions ORDER BY mention_id").fetchall()
    con.executemany("INSERT INTO events VALUES (" + ", ".join("?" * len(rows[0])) + ")", [list(r) for r in rows])
    con.close()
    with Store.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION == 5
        assert s.stats()["mentions"] == 4 and s.stats()["events"] == 3  # the two 05s of the 20th are one
        assert [m for m, _ in _mentions(s)] == ["a-e0", "a-e1", "b-e0", "b-e1"]  # ids kept
        assert s.con.execute("SELECT doc_id, source, article_id FROM documents ORDER BY doc_id").fetchall() == [
            ("a", "reuters.com", "a"), ("b", "feed.jsonl", "b")]
        assert s.one("SELECT num_mentions, num_sources, num_articles FROM events WHERE cameo_root = '05' "
                     "AND date = DATE '2014-10-20'") == (2, 2, 2)
        assert s.one("SELECT count(*) FROM mentions WHERE event_id IS NULL") == (0,)


def test_the_window_and_actor_level_of_the_settings_are_used_at_merge(tmp_path: Path) -> None:
    batch = [result("a", [("RUSGOV", "PRK", "057", "2014-10-20")]),
             result("b", [("RUSMIL", "PRK", "050", "2014-10-21")])]
    counts = {}
    for dedup in ((1, "code"), (2, "code"), (2, "country")):
        with Store.open(tmp_path / f"{dedup[0]}{dedup[1]}.duckdb") as s:
            write_results(s, batch, batch_key="k", dedup=dedup)
            counts[dedup] = s.stats()["events"]
    # a day apart and two actor codes of one country: one event only with a window of 2 at country level
    assert counts == {(1, "code"): 2, (2, "code"): 2, (2, "country"): 1}
