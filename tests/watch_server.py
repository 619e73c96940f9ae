"""A loopback HTTP server for the watch tests: fixture feeds and article pages, and a log of requests.

Routes are set per test. The server answers conditional requests (ETag / Last-Modified) with 304,
can be slow, redirect, fail with any status, and records every request it gets (path and headers)
and every POST body (a webhook).
"""

from __future__ import annotations

import html
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    location: str | None = None  # a redirect's target
    headers: dict[str, str] | None = None  # any others


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


class FixtureServer:
    """A threaded HTTP server on 127.0.0.1 at a free port; use as a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def _serve(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                req = Request(method, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with server._lock:
                    server.log.append(req)
                    route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    route = Route(b"not found", 404, "text/plain")
                if route.delay:
                    time.sleep(route.delay)
                status, payload, headers = route.status, route.body, {"Content-Type": route.content_type}
                if route.location:
                    headers["Location"] = route.location
                headers.update(route.headers or {})
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                if status == 200 and ((route.etag and req.headers.get("if-none-match") == route.etag) or (
                        route.last_modified and req.headers.get("if-modified-since") == route.last_modified)):
                    status, payload = 304, b""
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a time-out test)

            def do_GET(self) -> None:  # noqa: N802
                self._serve("GET")

            def do_POST(self) -> None:  # noqa: N802
                self._serve("POST")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FixtureServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests(self, path: str | None = None, method: str = "GET") -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.method == method and (path is None or r.path == path)]

    def clear(self) -> None:
        with self._lock:
            self.log.clear()


# --- fixture documents ---------------------------------------------------------------------------


def article_html(title: str, date: str, paragraphs: list[str], site: str = "Loopback News") -> bytes:
    """A news article page with the usual furniture around its text."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article><h1>{html.escape(title)}</h1>{body}</article>
<footer>Copyright 2026 {site}. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>""".encode()


def _rfc822(date: str) -> str:
    return format_datetime(datetime.fromisoformat(date).replace(hour=8, tzinfo=UTC))


def rss(items: list[tuple[str, str, str]], title: str = "Loopback News") -> bytes:
    """An RSS 2.0 feed of (url, title, ISO date) items."""
    entries = "".join(f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link>"
                      f"<guid>{html.escape(u)}</guid><pubDate>{_rfc822(d)}</pubDate></item>"
                      for u, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>World news</description>{entries}</channel></rss>").encode()


def atom(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(f'<entry><title>{html.escape(t)}</title><link href="{html.escape(u)}"/><id>{html.escape(u)}</id>'
                      f"<updated>{d}T08:00:00Z</updated></entry>" for u, t, d in items)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Loopback Atom</title><id>urn:loopback</id><updated>2026-01-01T00:00:00Z</updated>{entries}</feed>"
            ).encode()


def news_sitemap(items: list[tuple[str, str, str]]) -> bytes:
    urls = "".join(f"<url><loc>{html.escape(u)}</loc><news:news><news:publication><news:name>Loopback</news:name>"
                   f"<news:language>en</news:language></news:publication><news:publication_date>{d}"
                   f"</news:publication_date><news:title>{html.escape(t)}</news:title></news:news></url>"
                   for u, t, d in items)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


def sitemap_index(urls: list[str]) -> bytes:
    body = "".join(f"<sitemap><loc>{html.escape(u)}</loc></sitemap>" for u in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>').encode()
