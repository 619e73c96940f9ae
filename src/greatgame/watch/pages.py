"""A fetched article page to a Document: main text, title, date and publisher by trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

from ..documents import boilerplate_spans, parse_date
from ..model import Document
from .fetch import Response
from .state import Entry, canonical_url, url_doc_id

__all__ = ["HTML_TYPES", "Page", "page_document"]

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Page:
    """What came of one page: a document to ingest, or the outcome and reason it was not."""

    url: str  # canonical URL, as listed
    document: Document | None = None
    publisher: str | None = None
    outcome: str | None = None  # skipped | failed, where there is no document
    reason: str | None = None
    retry: bool = False  # a failure that a later round may try again


def _decode(res: Response) -> str:
    charset = ""
    for part in res.headers.get("content-type", "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip().strip('"')
    try:
        return res.body.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return res.body.decode("utf-8", "replace")


def page_document(entry: Entry, res: Response) -> Page:
    """The document of a fetched page, read as `greatgame ingest` reads an .html file."""
    url = canonical_url(entry.url)
    if res.error is not None:
        skipped = res.error == "forbidden by robots.txt"
        # A robots.txt that could not be read leaves the page for a later round, like a 5xx.
        again = res.transient or res.error.startswith("robots.txt could not be read")
        return Page(url, outcome="skipped" if skipped else "failed", reason=res.error, retry=again)
    if res.content_type and res.content_type not in HTML_TYPES:
        return Page(url, outcome="skipped", reason=f"not an HTML page ({res.content_type})")
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(_decode(res), url=res.final_url, with_metadata=True,
                                                include_comments=False)
        meta = extracted.as_dict() if extracted is not None else {}
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        return Page(url, outcome="failed", reason=f"cannot parse HTML: {exc}")
    text = meta.get("text") or ""
    if not text.strip():
        return Page(url, outcome="skipped", reason="no article text found in the HTML")
    try:
        page_date = parse_date(meta.get("date"))
    except ValueError:
        page_date = None
    # The listing's date is the publisher's own statement; the page's is trafilatura's reading.
    date = entry.date or page_date
    doc = Document(id=url_doc_id(url), text=text, date=date, url=url, title=meta.get("title") or entry.title,
                   origin=url, skip=boilerplate_spans(text))
    return Page(url, document=doc, publisher=meta.get("sitename") or None)
