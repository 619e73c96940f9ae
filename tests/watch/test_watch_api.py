"""/api/sources and /api/alerts over a store that `watch` wrote (state written through its own functions)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from greatgame.server import create_app
from greatgame.store import Store
from greatgame.watch.alerts import Alert, remember
from greatgame.watch.state import Entry, Outcome, add_pending, record_outcomes, save_source

FEED = "http://news.test/feed.xml"
BROKEN = "http://other.test/rss"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    db = tmp_path / "w.duckdb"
    with Store.open(db) as s:
        save_source(s, FEED, kind="feed", parent=None, status=200, error=None, etag='"e1"', items=3, new=3)
        add_pending(s, FEED, [Entry(f"http://news.test/{i}.html", f"T{i}", "2026-02-0" + str(i + 1))
                              for i in range(3)])
        record_outcomes(s, [Outcome("http://news.test/0.html", "ingested", None, "url-0", "News Test"),
                            Outcome("http://news.test/1.html", "failed", "HTTP 404", final=True)])
        save_source(s, BROKEN, kind=None, parent=None, status=None, error="timed out after 20 s")
        remember(s, [Alert("conflict:e1", "conflict", ("RUS", "UKR"), ()),
                     Alert("shift:RUS:UKR:month:2026-03:cooler", "shift", ("RUS", "UKR"), ())])
    return TestClient(create_app(db), base_url="http://127.0.0.1")


def test_api_sources_gives_each_sources_health(client: TestClient) -> None:
    body = client.get("/api/sources").json()
    assert body["total"] == 2
    by_url = {s["url"]: s for s in body["sources"]}
    feed, broken = by_url[FEED], by_url[BROKEN]
    assert {k: feed[k] for k in ("kind", "health", "last_status", "urls", "ingested", "failed", "pending",
                                 "checks", "failures")} == {
        "kind": "feed", "health": "ok", "last_status": 200, "urls": 3, "ingested": 1, "failed": 1, "pending": 1,
        "checks": 1, "failures": 0}
    assert (broken["health"], broken["last_error"], broken["urls"], broken["failures"]) == (
        "failing", "timed out after 20 s", 0, 1)


def test_api_alerts_lists_alerts_and_filters_by_kind(client: TestClient) -> None:
    body = client.get("/api/alerts").json()
    assert body["total"] == 2 and {a["alert_id"] for a in body["alerts"]} == {
        "conflict:e1", "shift:RUS:UKR:month:2026-03:cooler"}
    assert all(a["raised_at"].endswith("Z") for a in body["alerts"])
    shift = client.get("/api/alerts", params={"kind": "shift"}).json()
    assert [a["alert_id"] for a in shift["alerts"]] == ["shift:RUS:UKR:month:2026-03:cooler"]
    bad = client.get("/api/alerts", params={"kind": "rumour"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"


def test_dashboard_loads_the_watch_module(client: TestClient) -> None:
    app = client.get("/static/app.js").text
    assert 'import "./js/watch.js";' in app  # the page's entry module loads the watch panel
    script = client.get("/static/js/watch.js")
    assert script.status_code == 200 and "api/sources" in script.text and "api/alerts" in script.text
