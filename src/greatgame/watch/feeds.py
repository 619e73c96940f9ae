"""What a source lists: RSS and Atom feeds (feedparser), sitemaps, news sitemaps and sitemap indexes.

Also the file a user may give instead of URLs: one source a line, `#` comments.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..model import InputError
from .state import Entry

__all__ = ["Listing", "ListingError", "is_url", "parse_listing", "read_source_file"]


class ListingError(ValueError):
    """A body that is neither a feed nor a sitemap; the message is one line."""


@dataclass(frozen=True)
class Listing:
    """What one source lists: pages, or (for a sitemap index) further sitemaps."""

    kind: str  # feed | sitemap | sitemapindex
    entries: tuple[Entry, ...] = ()
    sitemaps: tuple[str, ...] = field(default=())


def is_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _iso(value: object) -> str | None:
    """YYYY-MM-DD from a W3C datetime or a feedparser time tuple; None if there is none."""
    if value is None:
        return None
    if isinstance(value, tuple) or hasattr(value, "tm_year"):
        try:
            return dt.date(value[0], value[1], value[2]).isoformat()  # type: ignore[index]
        except (ValueError, TypeError, IndexError):
            return None
    text = str(value).strip()[:10]
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sitemap(root: ET.Element, base: str) -> Listing:
    if _local(root.tag) == "sitemapindex":
        locs = [el.text.strip() for el in root.iter() if _local(el.tag) == "loc" and el.text and el.text.strip()]
        return Listing("sitemapindex", sitemaps=tuple(urljoin(base, u) for u in locs))
    entries = []
    for url_el in root:
        if _local(url_el.tag) != "url":
            continue
        loc = date = title = None
        for el in url_el.iter():
            name = _local(el.tag)
            text = (el.text or "").strip() or None
            if name == "loc" and loc is None:
                loc = text
            elif name == "publication_date":  # news sitemaps: the article's own date
                date = _iso(text) or date
            elif name == "lastmod" and date is None:
                date = _iso(text)
            elif name == "title":
                title = text
        if loc:
            entries.append(Entry(urljoin(base, loc), title, date))
    return Listing("sitemap", tuple(entries))


def parse_listing(body: bytes, url: str, content_type: str = "") -> Listing:
    """The pages (or sitemaps) a fetched source lists; ListingError if it is neither feed nor sitemap."""
    head = body.lstrip()[:2048].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        try:
            # The standard library's expat refuses external entities and caps entity expansion.
            return _sitemap(ET.fromstring(body), url)
        except ET.ParseError as exc:
            raise ListingError(f"malformed sitemap XML ({exc})") from None
    if not head.lstrip(b"\xef\xbb\xbf").startswith(b"<") or head.startswith((b"<!doctype html", b"<html")):
        raise ListingError("neither an RSS or Atom feed nor a sitemap")
    import feedparser  # lazily: only an RSS or Atom feed needs it

    parsed = feedparser.parse(body, response_headers={"content-location": url,
                                                      "content-type": content_type or "application/xml"})
    entries = []
    for item in parsed.entries:
        link = item.get("link") or next((ln.get("href") for ln in item.get("links", []) if ln.get("href")), None)
        if not link:
            continue
        date = _iso(item.get("published_parsed") or item.get("updated_parsed"))
        entries.append(Entry(urljoin(url, link), item.get("title") or None, date))
    # feedparser reads what it can of broken XML; a feed is refused only when nothing usable came of it.
    if not entries:
        if parsed.bozo:
            reason = str(parsed.get("bozo_exception", "not XML")).splitlines()[0]
            raise ListingError(f"malformed feed ({reason})")
        if not parsed.version:
            raise ListingError("neither an RSS or Atom feed nor a sitemap")
    return Listing("feed", tuple(entries))


def read_source_file(path: str) -> tuple[list[str], list[InputError]]:
    """The source URLs a file lists (one a line, # comments), and an error for each line that is not one."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return [], [InputError(path, f"cannot read: {reason}")]
    urls: list[str] = []
    errors: list[InputError] = []
    for n, raw in enumerate(lines, 1):
        # A comment is a line starting with #, or # after a space (a URL may hold a # fragment).
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            urls.append(line)
        else:
            errors.append(InputError(path, f"not an http(s) URL: {line!r}", n))
    return urls, errors
