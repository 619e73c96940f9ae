"""Rounds of `watch` with the real coder against a loopback server: outcomes, state, alerts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from watch_fixtures import RUS_UKR_CONFLICT, five_articles, serve_articles, shift_articles
from watch_server import FixtureServer, Route, article_html, news_sitemap, sitemap_index

from greatgame.settings import Settings
from greatgame.store import Store
from greatgame.watch import AlertRules, FetchOptions, WatchOptions, run_round
from greatgame.watch.alerts import find_alerts, remember
from greatgame.watch.state import url_doc_id

SETTINGS = Settings(workers=1)
OPTIONS = WatchOptions(FetchOptions(timeout=0.5, retries=1, backoff=0.01, host_delay=0.0))
NO_ALERTS = AlertRules(shift=False)


@pytest.fixture
def server():
    with FixtureServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        yield s


def outcomes(store: Store) -> dict[str, tuple]:
    rows = store.con.execute("SELECT url, outcome, reason, attempts FROM watch_urls").fetchall()
    return {u: (o, r, a) for u, o, r, a in rows}


def one_round(store: Store, sources: list[str], rules: AlertRules = NO_ALERTS, options: WatchOptions = OPTIONS,
              log: list[str] | None = None, settings: Settings = SETTINGS):
    out = io.StringIO()
    report = run_round(store, sources, settings, options, rules, log=(log if log is not None else []).append,
                       alert_stream=out)
    return report, [json.loads(line) for line in out.getvalue().splitlines()]


def test_round_records_what_came_of_every_page(server: FixtureServer, tmp_path: Path) -> None:
    urls = serve_articles(server, five_articles())
    extra = {"/gone.html": Route(b"gone", 404), "/broken.html": Route(b"down", 503),
             "/slow.html": Route(article_html("Slow", "2026-02-07", ["Russia sent humanitarian aid to Ukraine."]),
                                 delay=1.0),
             "/report.pdf": Route(b"%PDF-1.4", content_type="application/pdf"),
             "/private/memo.html": Route(article_html("Memo", "2026-02-07", ["Russia signed a deal."])),
             "/moved.html": Route(status=301, location=server.url("/news/0.html"))}
    server.routes.update(extra)
    feed = server.routes["/feed.xml"]
    from watch_server import rss
    feed.body = rss([(u, "t", "2026-02-02") for u in urls] + [(server.url(p), "t", "2026-02-01") for p in extra])
    with Store.open(tmp_path / "w.duckdb") as store:
        report, _ = one_round(store, [server.url("/feed.xml")])
        got = outcomes(store)
        docs = store.con.execute("SELECT doc_id, url, date FROM documents ORDER BY url").fetchall()
    assert {u: got[u][0] for u in urls} == {u: "ingested" for u in urls}
    assert {p: got[server.url(p)][:2] for p in extra} == {
        "/gone.html": ("failed", "HTTP 404"),
        "/broken.html": ("failed", "HTTP 503"),
        "/slow.html": ("failed", "timed out after 0.5 s"),
        "/report.pdf": ("skipped", "not an HTML page (application/pdf)"),
        "/private/memo.html": ("skipped", "forbidden by robots.txt"),
        # a redirect to a page already ingested under its own URL: the same text, a duplicate
        "/moved.html": ("duplicate", "the same text is stored under another document"),
    }
    assert docs == [(url_doc_id(u), u, __import__("datetime").date(2026, 2, 2)) for u in sorted(urls)]
    assert (report.ingested, report.failed, report.skipped, report.duplicates) == (5, 3, 2, 1)
    assert server.requests("/private/memo.html") == [] and len(server.requests("/gone.html")) == 1


def test_second_round_asks_conditionally_and_retries_only_passing_failures(server: FixtureServer,
                                                                           tmp_path: Path) -> None:
    urls = serve_articles(server, five_articles())
    server.routes["/broken.html"] = Route(b"down", 503)
    server.routes["/gone.html"] = Route(b"gone", 404)
    from watch_server import rss
    server.routes["/feed.xml"].body = rss([(u, "t", "2026-02-02") for u in urls] + [
        (server.url("/broken.html"), "t", "2026-02-01"), (server.url("/gone.html"), "t", "2026-02-01")])
    with Store.open(tmp_path / "w.duckdb") as store:
        one_round(store, [server.url("/feed.xml")])
        server.clear()
        report, _ = one_round(store, [server.url("/feed.xml")])
        got = outcomes(store)
    feed_req = server.requests("/feed.xml")
    assert [(r.headers.get("if-none-match"), r.headers.get("if-modified-since")) for r in feed_req] == [
        ('"feed-v1"', "Mon, 02 Feb 2026 08:00:00 GMT")]
    pages = sorted({r.path for r in server.requests()} - {"/feed.xml", "/robots.txt"})
    assert pages == ["/broken.html"]  # tried again (a 5xx passes); the 404 and the five articles are not
    assert (report.not_modified, report.fetched, report.ingested) == (1, 1, 0)
    assert got[server.url("/broken.html")] == ("failed", "HTTP 503", 2)
    assert got[server.url("/gone.html")][0] == "failed" and got[server.url("/gone.html")][2] >= 1000


def test_round_bounds_the_pages_of_a_thousand_item_feed(server: FixtureServer, tmp_path: Path) -> None:
    from watch_server import rss
    items = []
    for i in range(1000):
        path = f"/bulk/{i}.html"
        server.routes[path] = Route(article_html(f"Item {i}", "2026-02-02", [f"Bulletin number {i} of the day."]))
        items.append((server.url(path), f"Item {i}", "2026-02-02"))
    server.routes["/bulk.xml"] = Route(rss(items), content_type="application/rss+xml", etag='"bulk"')
    bounded = WatchOptions(OPTIONS.fetch, max_new=10)
    with Store.open(tmp_path / "w.duckdb") as store:
        first, _ = one_round(store, [server.url("/bulk.xml")], options=bounded)
        second, _ = one_round(store, [server.url("/bulk.xml")], options=bounded)
        counts = dict(store.con.execute("SELECT outcome, count(*) FROM watch_urls GROUP BY ALL").fetchall())
    assert (first.new_urls, first.fetched, second.new_urls, second.not_modified, second.fetched) == (1000, 10, 0, 1, 10)
    assert counts["pending"] == 980 and sum(counts.values()) == 1000
    fetched = [r.path for r in server.requests() if r.path.startswith("/bulk/")]
    assert len(fetched) == len(set(fetched)) == 20


def test_round_reads_a_sitemap_index_and_reports_a_malformed_feed(server: FixtureServer, tmp_path: Path) -> None:
    arts = five_articles()[:2]
    for path, _, page in arts:
        server.routes[path] = Route(page)
    items = [(server.url(p), "t", d) for p, d, _ in arts]
    server.routes["/news-sitemap.xml"] = Route(news_sitemap(items), content_type="application/xml")
    server.routes["/sitemap.xml"] = Route(sitemap_index([server.url("/news-sitemap.xml")]),
                                          content_type="application/xml")
    server.routes["/bad.xml"] = Route(b"<rss><channel><item><title>oops", content_type="application/rss+xml")
    log: list[str] = []
    with Store.open(tmp_path / "w.duckdb") as store:
        report, _ = one_round(store, [server.url("/bad.xml"), server.url("/sitemap.xml")], log=log)
        kinds = dict(store.con.execute("SELECT url, coalesce(kind, last_error) FROM watch_sources").fetchall())
    assert report.ingested == 2 and report.source_errors == 1
    assert kinds[server.url("/sitemap.xml")] == "sitemapindex"
    assert kinds[server.url("/news-sitemap.xml")] == "sitemap"
    assert kinds[server.url("/bad.xml")].startswith("malformed feed (")
    assert [line for line in log if "bad.xml" in line] == [f"{server.url('/bad.xml')}: {kinds[server.url('/bad.xml')]}"]


@pytest.mark.parametrize("batch", [64, 4])
def test_planted_shift_raises_one_alert_with_its_events_and_none_for_a_steady_dyad(
        server: FixtureServer, tmp_path: Path, batch: int) -> None:
    # With batches of 4, pages go newest first: March's conflict is stored before January's cooperation,
    # and the shift shows only when January's documents, arriving last, give March its baseline.
    serve_articles(server, shift_articles())
    rules = AlertRules(by="month", min_events=5)
    with Store.open(tmp_path / "w.duckdb") as store:
        report, raised = one_round(store, [server.url("/feed.xml")], rules, settings=Settings(workers=1,
                                                                                              partition_size=batch))
        batches = store.con.execute("SELECT count(*) FROM batches").fetchall()[0][0]
        stored = store.con.execute("SELECT count(*) FROM watch_alerts WHERE delivered").fetchall()[0][0]
    assert batches == -(-12 // batch)
    assert report.ingested == 12 and report.alerts == 1 and stored == 1
    [alert] = raised
    assert (alert["kind"], alert["dyad"], alert["period"], alert["direction"]) == ("shift", ["RUS", "UKR"],
                                                                                   "2026-03", "cooler")
    assert alert["z"] <= -1.96 and alert["coop_share"] == 0.0 and alert["past_coop_share"] == 1.0
    assert sorted(e["sentence"] for e in alert["events"]) == sorted(RUS_UKR_CONFLICT)
    assert {e["quad"] for e in alert["events"]} == {4}
    assert all(e["event_id"] and e["url"].startswith(server.url("/news/")) for e in alert["events"])


def test_conflict_alert_for_a_watched_actor_is_posted_once(server: FixtureServer, tmp_path: Path) -> None:
    serve_articles(server, five_articles())
    server.routes["/hook"] = Route(b"ok", content_type="text/plain")
    rules = AlertRules(shift=False, actors=("UKR",), webhook=server.url("/hook"))
    db = tmp_path / "w.duckdb"
    with Store.open(db) as store:
        _, raised = one_round(store, [server.url("/feed.xml")], rules)
    posted = [json.loads(r.body) for r in server.requests("/hook", method="POST")]
    assert [a["kind"] for a in raised] == ["conflict", "conflict"]
    assert posted == raised
    # The sentence as the coder saw it (a page's headline may run into its first sentence).
    sentences = sorted(a["events"][0]["sentence"] for a in raised)
    assert [s.rsplit("\n", 1)[-1] for s in sentences] == [
        "Russia fired missiles at Ukrainian power stations.",
        "Russian troops shelled Ukrainian positions near Kharkiv."]
    assert all(a["actors"] == ["UKR"] and a["events"][0]["quad"] == 4 for a in raised)
    with Store.open(db) as store:  # a restart: the same documents raise nothing again
        ids = [r[0] for r in store.con.execute("SELECT doc_id FROM documents").fetchall()]
        assert remember(store, find_alerts(store, rules, ids)) == 0
        _, again = one_round(store, [server.url("/feed.xml")], rules)
    assert again == [] and len(server.requests("/hook", method="POST")) == 2
