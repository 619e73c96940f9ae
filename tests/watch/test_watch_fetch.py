"""The watch fetcher and listing parser against a loopback server: no coder, no network beyond 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from watch_server import FixtureServer, Route, atom, news_sitemap, rss, sitemap_index

from greatgame.watch.feeds import ListingError, parse_listing, read_source_file
from greatgame.watch.fetch import USER_AGENT, Fetcher, FetchOptions
from greatgame.watch.state import Entry, canonical_url, url_doc_id

FAST = FetchOptions(timeout=1.0, retries=2, backoff=0.01, host_delay=0.0)


@pytest.fixture
def server():
    with FixtureServer() as s:
        s.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        yield s


def test_fetch_sends_user_agent_and_honours_etag(server: FixtureServer) -> None:
    server.routes["/feed.xml"] = Route(b"<rss/>", etag='"v1"', content_type="application/rss+xml")
    with Fetcher(FAST) as f:
        first = f.get(server.url("/feed.xml"))
        again = f.get(server.url("/feed.xml"), etag=first.headers["etag"])
    assert (first.status, first.body, again.status, again.body) == (200, b"<rss/>", 304, b"")
    feed_requests = server.requests("/feed.xml")
    assert [r.headers.get("if-none-match") for r in feed_requests] == [None, '"v1"']
    assert {r.headers["user-agent"] for r in server.log} == {USER_AGENT}
    assert USER_AGENT.startswith("greatgame/0.1.0 (+http")


def test_fetch_honours_last_modified(server: FixtureServer) -> None:
    stamp = "Mon, 05 Jan 2026 08:00:00 GMT"
    server.routes["/feed.xml"] = Route(b"<rss/>", last_modified=stamp)
    with Fetcher(FAST) as f:
        res = f.get(server.url("/feed.xml"), last_modified=stamp)
    assert res.not_modified and server.requests("/feed.xml")[0].headers["if-modified-since"] == stamp


def test_fetch_retries_5xx_but_not_4xx(server: FixtureServer) -> None:
    server.routes["/broken"] = Route(b"oops", 500)
    server.routes["/gone"] = Route(b"no", 404)
    with Fetcher(FAST) as f:
        broken, gone = f.get(server.url("/broken")), f.get(server.url("/gone"))
    assert (broken.status, broken.error, gone.status, gone.error) == (500, "HTTP 500", 404, "HTTP 404")
    assert (len(server.requests("/broken")), len(server.requests("/gone"))) == (3, 1)


def test_fetch_times_out_a_slow_server_and_retries(server: FixtureServer) -> None:
    server.routes["/slow"] = Route(b"late", delay=1.0)
    with Fetcher(FetchOptions(timeout=0.2, retries=1, backoff=0.01, host_delay=0.0)) as f:
        res = f.get(server.url("/slow"))
    assert res.error == "timed out after 0.2 s" and res.status is None
    assert len(server.requests("/slow")) == 2


def test_fetch_follows_redirects_up_to_the_limit(server: FixtureServer) -> None:
    for i in range(7):
        server.routes[f"/r{i}"] = Route(status=301, location=server.url(f"/r{i + 1}"))
    server.routes["/r7"] = Route(b"arrived")
    with Fetcher(FAST) as f:
        near, far = f.get(server.url("/r3")), f.get(server.url("/r0"))
    assert (near.status, near.body, near.final_url) == (200, b"arrived", server.url("/r7"))
    assert far.error == "more than 5 redirects"


def test_fetch_stops_reading_a_body_over_the_size_limit(server: FixtureServer) -> None:
    server.routes["/big"] = Route(b"x" * 50_000)
    with Fetcher(FetchOptions(max_bytes=10_000, host_delay=0.0)) as f:
        res = f.get(server.url("/big"))
    assert res.error == "larger than the limit of 0.01 MB" and res.body == b""


def test_fetch_obeys_robots_txt(server: FixtureServer) -> None:
    server.routes["/private/a.html"] = Route(b"secret")
    server.routes["/public/a.html"] = Route(b"open")
    with Fetcher(FAST) as f:
        hidden, shown = f.get(server.url("/private/a.html")), f.get(server.url("/public/a.html"))
    assert hidden.error == "forbidden by robots.txt" and shown.body == b"open"
    assert server.requests("/private/a.html") == [] and len(server.requests("/robots.txt")) == 1


def test_fetch_paces_requests_to_one_host(server: FixtureServer) -> None:
    import time

    server.routes["/p"] = Route(b"ok")
    with Fetcher(FetchOptions(host_delay=0.2, host_concurrency=1)) as f:
        start = time.monotonic()
        results = list(f.get_many([server.url("/p")] * 4))
        elapsed = time.monotonic() - start
    assert [r.body for r in results] == [b"ok"] * 4
    assert elapsed >= 0.6  # robots.txt, then four pages, each at least 0.2 s after the one before


def test_parse_listing_reads_rss_atom_and_news_sitemaps() -> None:
    items = [("http://x.test/a", "A", "2026-01-05"), ("http://x.test/b", "B", "2026-01-06")]
    expected = tuple(Entry(u, t, d) for u, t, d in items)
    assert parse_listing(rss(items), "http://x.test/rss").entries == expected
    assert parse_listing(atom(items), "http://x.test/atom").entries == expected
    sitemap = parse_listing(news_sitemap(items), "http://x.test/sitemap.xml")
    assert (sitemap.kind, sitemap.entries) == ("sitemap", expected)
    index = parse_listing(sitemap_index(["http://x.test/s1.xml"]), "http://x.test/index.xml")
    assert (index.kind, index.sitemaps) == ("sitemapindex", ("http://x.test/s1.xml",))


def test_parse_listing_rejects_malformed_xml_with_one_line() -> None:
    with pytest.raises(ListingError, match=r"^malformed feed \(.+\)$"):
        parse_listing(b"<rss><channel><item><title>broken", "http://x.test/rss")
    with pytest.raises(ListingError, match=r"^malformed sitemap XML"):
        parse_listing(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x', "http://x.test/s")
    with pytest.raises(ListingError, match="neither"):
        parse_listing(b"just some text", "http://x.test/t")


def test_parse_listing_reads_a_feed_of_a_thousand_items() -> None:
    items = [(f"http://x.test/a{i}", f"Item {i}", "2026-01-05") for i in range(1000)]
    listing = parse_listing(rss(items), "http://x.test/rss")
    assert [e.url for e in listing.entries] == [u for u, _, _ in items]


def test_read_source_file_names_each_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "sources.txt"
    path.write_text("# my feeds\nhttp://a.test/rss  # the A feed\n\nnot a url\nhttps://b.test/sitemap.xml\n")
    urls, errors = read_source_file(str(path))
    assert urls == ["http://a.test/rss", "https://b.test/sitemap.xml"]
    assert [str(e) for e in errors] == [f"{path}:4: not an http(s) URL: 'not a url'"]


def test_canonical_url_drops_fragment_and_tracking() -> None:
    assert canonical_url("HTTP://News.Test:80/a?utm_source=x&id=3#top") == "http://news.test/a?id=3"
    assert url_doc_id("http://news.test/a?id=3&utm_medium=rss") == url_doc_id("http://NEWS.test/a?id=3")


def test_fetch_follows_rfc9309_when_robots_txt_is_missing_or_failing() -> None:
    with FixtureServer() as missing, FixtureServer() as failing:
        missing.routes["/a.html"] = failing.routes["/a.html"] = Route(b"page")
        failing.routes["/robots.txt"] = Route(b"down", 503)
        with Fetcher(FAST) as f:
            allowed, refused = f.get(missing.url("/a.html")), f.get(failing.url("/a.html"))
    assert allowed.body == b"page"  # no robots.txt (404): everything is allowed
    assert refused.error == "robots.txt could not be read (the host is left alone until the next round)"
    assert failing.requests("/a.html") == [] and len(failing.requests("/robots.txt")) == 2  # tried, retried once


def test_fetch_reports_a_body_that_cannot_be_decoded_and_a_bad_url(server: FixtureServer) -> None:
    server.routes["/garbled"] = Route(b"not gzip at all", headers={"Content-Encoding": "gzip"})
    with Fetcher(FAST) as f:
        garbled, bad = f.get(server.url("/garbled")), f.get("ftp://127.0.0.1/feed.xml")
    assert garbled.error.startswith("bad response: ") and len(server.requests("/garbled")) == 1
    assert bad.error.startswith("bad URL: ")
