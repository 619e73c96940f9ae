"""The dashboard's watch panel in headless Chromium: sources with their health, recent alerts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures_server import CHROMIUM_ARGS, chromium_path, in_ci, running_server, write_fixture_store

from greatgame.store import Store
from greatgame.watch.alerts import Alert, AlertEvent, remember
from greatgame.watch.state import Entry, Outcome, add_pending, record_outcomes, save_source

pytestmark = pytest.mark.browser

ALERT = Alert(
    "shift:RUS:UKR:month:2026-03:cooler", "shift", ("RUS", "UKR"),
    (AlertEvent("e1", "url-1", "2026-03-02", ("RUSMIL", "UKR"), "194", 4, "ASSAULT",
                "Russian troops shelled Ukrainian positions near Kharkiv.", "http://news.test/1.html"),),
    (("by", "month"), ("period", "2026-03"), ("direction", "cooler"), ("coop_share", 0.0),
     ("past_coop_share", 1.0), ("z", -3.464)))


@pytest.fixture
def page(tmp_path: Path) -> Iterator[object]:
    path = chromium_path()
    if path is None:
        if in_ci():
            pytest.fail("Debian's chromium is not installed (/usr/bin/chromium)")
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    db = tmp_path / "w.duckdb"
    write_fixture_store(db)
    with Store.open(db) as s:
        save_source(s, "http://news.test/feed.xml", kind="feed", parent=None, status=200, error=None, items=2, new=2)
        add_pending(s, "http://news.test/feed.xml", [Entry("http://news.test/1.html"), Entry("http://news.test/2.html")])
        record_outcomes(s, [Outcome("http://news.test/1.html", "ingested", None, "url-1", "News Test")])
        save_source(s, "http://down.test/rss", kind=None, parent=None, status=503, error="HTTP 503")
        remember(s, [ALERT])
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with running_server(db) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        pg = browser.new_page()
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        pg.goto(url + "/")
        yield pg
        browser.close()
    assert errors == []


def test_watch_panel_shows_sources_and_alerts(page) -> None:
    page.wait_for_selector("#watch-alerts table")
    alert_row = page.locator("#watch-alerts tbody tr").first.inner_text()
    assert "RUS–UKR turned cooler in 2026-03 (month): cooperation share 0% against 100% before, z = -3.464" in alert_row
    assert "Russian troops shelled Ukrainian positions near Kharkiv." in alert_row
    rows = [r.split("\t") for r in page.locator("#watch-sources tbody tr").all_inner_texts()]
    assert [(r[0], r[1], r[3], r[4], r[5]) for r in rows] == [
        ("http://down.test/rss", "failing", "503", "0", "0"), ("http://news.test/feed.xml", "ok", "200", "1", "1")]
    assert page.locator("#watch-status").inner_text() == "2 sources · 1 alerts"
