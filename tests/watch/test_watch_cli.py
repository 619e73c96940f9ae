"""`greatgame watch` and `greatgame sources` as real processes against a loopback server, kill -9 included."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli
from crash_checks import kill_after_commit, whole_documents
from watch_fixtures import article, five_articles, serve_articles
from watch_server import FixtureServer, Route

from greatgame.store import Store
from greatgame.watch.state import url_doc_id

pytestmark = pytest.mark.slow  # real watch and serve processes: the full suite runs them

FAST = ["--host-delay", "0", "--timeout", "5", "--workers", "1"]


@pytest.fixture
def server():
    with FixtureServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
        yield s


def test_watch_once_ingests_five_then_asks_only_for_the_feed(server: FixtureServer, tmp_path: Path) -> None:
    urls = serve_articles(server, five_articles())
    db = str(tmp_path / "w.duckdb")
    first = run_cli("watch", server.url("/feed.xml"), "--db", db, "--once", *FAST)
    assert first.returncode == 0, first.stderr
    assert re.fullmatch(r"greatgame: round: 1 sources \(0 unchanged, 0 failing\), 5 new pages listed, 5 fetched: "
                        r"5 ingested \(\d+ events\), 0 duplicates, 0 skipped, 0 failed; 0 alerts\n", first.stderr)
    with Store.open(db, read_only=True) as s:
        assert sorted(r[0] for r in s.con.execute("SELECT doc_id FROM documents").fetchall()) == sorted(
            url_doc_id(u) for u in urls)
    server.clear()
    second = run_cli("watch", server.url("/feed.xml"), "--db", db, "--once", *FAST)
    assert second.returncode == 0, second.stderr
    assert [r.path for r in server.requests()] == ["/robots.txt", "/feed.xml"]
    [feed] = server.requests("/feed.xml")
    assert (feed.headers["if-none-match"], feed.headers["if-modified-since"]) == (
        '"feed-v1"', "Mon, 02 Feb 2026 08:00:00 GMT")
    assert "1 sources (1 unchanged, 0 failing), 0 new pages listed, 0 fetched" in second.stderr
    table = run_cli("sources", "--db", db)
    assert table.returncode == 0
    header, row = table.stdout.splitlines()
    assert header.split() == ["url", "kind", "health", "last_status", "last_checked", "urls", "ingested",
                              "duplicate", "skipped", "failed", "pending", "last_error"]
    cells = row.split()
    assert (cells[0], cells[1], cells[2], cells[3], cells[5:11]) == (
        server.url("/feed.xml"), "feed", "ok", "304", ["5", "5", "0", "0", "0", "0"])


def test_watch_reports_bad_input_in_one_line(server: FixtureServer, tmp_path: Path) -> None:
    listing = tmp_path / "sources.txt"
    listing.write_text("# feeds\nftp://old.test/feed\n")
    rules = tmp_path / "rules.toml"
    rules.write_text("[shift]\nwindow = 3\n")
    db = str(tmp_path / "w.duckdb")
    res = run_cli("watch", str(listing), "--db", db, "--once")
    assert (res.returncode, res.stderr) == (2, f"greatgame: {listing}:2: not an http(s) URL: 'ftp://old.test/feed'\n"
                                                "greatgame: no sources to watch\n")
    res = run_cli("watch", server.url("/feed.xml"), "--db", db, "--alert", str(rules))
    assert (res.returncode, res.stderr) == (2, f"greatgame: {rules}: unknown key 'window' in [shift]\n")
    res = run_cli("watch", server.url("/feed.xml"), "--db", db, "--every", "soon")
    assert (res.returncode, res.stderr) == (2, "greatgame: --every: 'soon' is not an interval such as 90s, 15m or 1h\n")


def test_watch_and_serve_share_the_store(server: FixtureServer, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from greatgame.server import create_app

    serve_articles(server, five_articles())
    db = tmp_path / "w.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "greatgame", "watch", server.url("/feed.xml"), "--db", str(db),
                             "--every", "2s", *FAST], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    seen = None
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            resp = client.get("/api/sources")
            if resp.status_code == 200 and resp.json()["sources"] and resp.json()["sources"][0]["checks"] >= 2:
                seen = resp.json()["sources"][0]
                break
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGTERM)  # the loop stops between rounds
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert seen is not None and (seen["ingested"], seen["health"], seen["last_status"]) == (5, "ok", 304)
    assert err.count("greatgame: round:") >= 2


@pytest.mark.slow
def test_watch_killed_mid_run_loses_and_repeats_nothing(server: FixtureServer, tmp_path: Path) -> None:
    n = 12
    arts = [article(i, f"Strike {i}", f"2026-02-{i + 1:02d}", f"Russia fired missiles at Ukrainian power "
                    f"stations near the {['northern', 'southern', 'eastern', 'western'][i % 4]} border, "
                    f"officials in district {i} said.") for i in range(n)]
    urls = serve_articles(server, arts)
    for path, _, _ in arts:
        server.routes[path].delay = 0.3  # pages arrive steadily, so the kill lands between commits
    db, alerts = tmp_path / "w.duckdb", tmp_path / "alerts.jsonl"
    config = tmp_path / "small.toml"
    config.write_text("partition_size = 2\n")
    cmd = [sys.executable, "-m", "greatgame", "watch", server.url("/feed.xml"), "--db", str(db), "--once",
           "--config", str(config), "--watch-actor", "UKR", "--alerts-out", str(alerts), "--no-shift", *FAST]
    kill_after_commit(cmd, db, 0, "watch")
    before = whole_documents(db)
    assert 0 < before < n
    with Store.open(db, read_only=True) as s:
        kept = {r[0] for r in s.con.execute("SELECT url FROM documents").fetchall()}
    server.clear()
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert whole_documents(db) == n
    refetched = {server.url(r.path) for r in server.requests() if r.path.startswith("/news/")}
    assert refetched == set(urls) - kept  # no page whose document was stored is fetched again
    assert len(server.requests()) == len({r.path for r in server.requests()})  # and none twice
    with Store.open(db, read_only=True) as s:
        outcomes = s.con.execute("SELECT outcome, count(*) FROM watch_urls GROUP BY ALL").fetchall()
        conflicts = s.con.execute("SELECT event_id FROM events WHERE quad = 4").fetchall()
        stored = s.con.execute("SELECT alert_id FROM watch_alerts WHERE delivered").fetchall()
    assert outcomes == [("ingested", n)]
    lines = [json.loads(line)["alert_id"] for line in alerts.read_text().splitlines()]
    # Alerts of documents stored before the kill are raised after it; none is written twice.
    assert sorted(lines) == sorted(r[0] for r in stored) == sorted(f"conflict:{e[0]}" for e in conflicts)
    assert len(conflicts) >= n - 2


@pytest.mark.slow
def test_watch_codes_a_round_on_a_local_dask_cluster(server: FixtureServer, tmp_path: Path) -> None:
    urls = serve_articles(server, five_articles())
    db = tmp_path / "w.duckdb"
    res = run_cli("watch", server.url("/feed.xml"), "--db", str(db), "--once", "--scheduler", "local",
                  "--workers", "2", "--host-delay", "0")
    assert res.returncode == 0, res.stderr
    assert res.stderr.startswith("greatgame: coding on the Dask scheduler at tcp://127.0.0.1:")
    with Store.open(db, read_only=True) as s:
        stored = {r[0]: r[1] for r in s.con.execute("SELECT doc_id, url FROM documents").fetchall()}
    assert stored == {url_doc_id(u): u for u in urls}
    assert not Path(f"{db}.watch").exists()  # the round's staging file went with the round
