"""A polite fetcher on httpx: robots.txt, a per-host pace and cap, conditional requests, bounded retries.

Retries (with exponential backoff) are for 5xx answers and network errors, never for 4xx. Bodies
are streamed and dropped once they pass the size limit. Redirects are followed up to a limit.
robots.txt follows RFC 9309: a 4xx robots.txt allows everything, an unreachable or 5xx one forbids
the host for this round.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from .. import __version__

__all__ = ["PROJECT_URL", "USER_AGENT", "FetchOptions", "Fetcher", "Response"]

PROJECT_URL = "https://pypi.org/project/greatgame/"
USER_AGENT = f"greatgame/{__version__} (+{PROJECT_URL})"
_ROBOTS_TOKEN = "greatgame"


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how patiently to fetch."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds for connecting, and between bytes read
    max_bytes: int = 5_000_000
    retries: int = 2  # further tries after the first, for 5xx and network errors
    backoff: float = 1.0  # seconds before the first retry; doubled for each further one
    host_delay: float = 1.0  # seconds between the starts of two requests to one host
    host_concurrency: int = 2
    concurrency: int = 8
    max_redirects: int = 5
    robots: bool = True


@dataclass(frozen=True)
class Response:
    """What came of one GET: a status and body, or an error saying why not."""

    url: str
    final_url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None
    transient: bool = False  # a failure that may pass (a 5xx, a network error, a time-out)

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class _TooLarge(Exception):
    pass


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Fetcher:
    """One round's fetching: an httpx client, the robots.txt read so far, and each host's pace."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self.client = httpx.Client(
            follow_redirects=True, max_redirects=self.options.max_redirects,
            timeout=httpx.Timeout(self.options.timeout), headers={"User-Agent": self.options.user_agent},
        )
        self._lock = threading.Lock()
        self._next_start: dict[str, float] = {}
        self._host_slots: dict[str, threading.Semaphore] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- politeness ------------------------------------------------------------------------------

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self.options.host_delay
        if start > now:
            time.sleep(start - now)

    def _slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            return self._host_slots.setdefault(host, threading.Semaphore(self.options.host_concurrency))

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets greatgame fetch `url` (read once per host and round)."""
        if not self.options.robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        return rules is not None and rules.can_fetch(_ROBOTS_TOKEN, url)

    def _refusal(self, url: str) -> str:
        parts = urlsplit(url)
        if self._robots.get(f"{parts.scheme}://{parts.netloc}") is None:
            return "robots.txt could not be read (the host is left alone until the next round)"
        return "forbidden by robots.txt"

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        res = self._get(origin + "/robots.txt", {}, retries=1)
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        if res.status is not None and 400 <= res.status < 500:
            rules.parse([])  # no robots.txt: everything is allowed
        elif res.ok:
            rules.parse(res.body.decode("utf-8", "replace").splitlines())
        else:
            return None  # unreachable or a server error: forbid the host until the next round
        return rules

    # --- fetching --------------------------------------------------------------------------------

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET `url` (conditionally, given validators), or a Response whose error says why it was not."""
        if urlsplit(url).scheme not in ("http", "https"):
            return Response(url, url, error="bad URL: only http and https are fetched")
        if not self.allowed(url):
            return Response(url, url, error=self._refusal(url))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, retries=self.options.retries)

    def get_many(self, urls: Iterable[str]) -> Iterator[Response]:
        """GET every URL, several at once within the caps; responses come back in the order asked."""
        with ThreadPoolExecutor(max_workers=self.options.concurrency, thread_name_prefix="greatgame-fetch") as pool:
            yield from pool.map(self.get, urls)

    def _get(self, url: str, headers: dict[str, str], retries: int) -> Response:
        host = urlsplit(url).netloc.lower()
        attempt = 0
        while True:
            with self._slot(host):
                self._wait_turn(host)
                res = self._once(url, headers)
            if not res.transient or attempt >= retries:
                return res
            time.sleep(self.options.backoff * 2 ** attempt)
            attempt += 1

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        """One request; its `transient` says whether a failure is worth another try."""
        limit = self.options.max_bytes
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise _TooLarge
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _TooLarge
                    chunks.append(chunk)
                res = Response(url, str(r.url), r.status_code, dict(r.headers), b"".join(chunks))
        except _TooLarge:
            return Response(url, url, error=f"larger than the limit of {limit / 1e6:g} MB")
        except httpx.TooManyRedirects:
            return Response(url, url, error=f"more than {self.options.max_redirects} redirects")
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            return Response(url, url, error=f"bad URL: {exc}")
        except httpx.TimeoutException:
            return Response(url, url, error=f"timed out after {self.options.timeout:g} s", transient=True)
        except httpx.TransportError as exc:
            return Response(url, url, error=f"network error: {_first_line(exc)}", transient=True)
        except httpx.HTTPError as exc:  # a body that cannot be decoded, and the like: the server's fault
            return Response(url, url, error=f"bad response: {_first_line(exc)}")
        if res.status is not None and res.status >= 500:
            return Response(url, res.final_url, res.status, res.headers, error=f"HTTP {res.status}",
                            transient=True)
        if res.status is not None and 400 <= res.status < 500:
            return Response(url, res.final_url, res.status, res.headers, error=f"HTTP {res.status}")
        return res
