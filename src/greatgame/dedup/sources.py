"""The source (publisher) of a document: named by the input, else the URL's host, else the file."""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from ..model import Document

__all__ = ["UNKNOWN_SOURCE", "document_source", "source_of", "url_host"]

# A document with no source, no URL and no origin (built in code) still counts as one source.
UNKNOWN_SOURCE = "unknown"

# "path:12" is a JSONL/CSV record's origin: the file is the part before the line number.
_LINE_SUFFIX = re.compile(r":\d+$")
# What a host name can be made of (IDN hosts arrive as Unicode letters); anything else is not a URL.
_HOST = re.compile(r"^[\w.:-]+$")


def url_host(url: str | None) -> str | None:
    """The host of a URL, lower-case, without `www.` or a port; None if the URL has no host."""
    if not url or not url.strip():
        return None
    url = url.strip()
    if "://" not in url:
        url = "//" + url  # "example.com/a" is a host and a path, not a relative path
    try:
        host = urlsplit(url).hostname
    except ValueError:  # an unbalanced IPv6 bracket and the like
        return None
    if not host or not _HOST.match(host):
        return None
    host = host.lower().rstrip(".")
    return host.removeprefix("www.") or None


def _origin_name(origin: str) -> str | None:
    """The file name an origin points at: `corpus/a.jsonl:3` -> `a.jsonl`; `<stdin>` stays as it is."""
    origin = origin.strip()
    if not origin:
        return None
    if origin.startswith("<"):
        return origin
    return PurePath(_LINE_SUFFIX.sub("", origin)).name or origin


def source_of(source: str | None, url: str | None, origin: str | None) -> str:
    """The publisher given, else the URL's host, else the file's name, else `unknown`."""
    if source and source.strip():
        return source.strip()
    return url_host(url) or (_origin_name(origin) if origin else None) or UNKNOWN_SOURCE


def document_source(doc: Document) -> str:
    """Who published `doc`: its `source` if given, else its URL's host, else its file's name."""
    return source_of(doc.source, doc.url, doc.origin)
