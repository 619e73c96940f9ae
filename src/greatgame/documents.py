"""Read input documents of every kind, and mark the boilerplate the coder must skip."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator

from .model import Document, InputError

__all__ = ["SUFFIXES", "boilerplate_spans", "document_id", "kind_of", "parse_bytes", "parse_date", "sniff_kind"]

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".csv")
_GZ = ".gz"


def document_id(text: str) -> str:
    """A stable id from the document's content."""
    return "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from an ISO date or datetime string; ValueError if it is not one."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, not {type(value).__name__}")
    m = _DATE_RE.match(value.strip())
    if not m:
        raise ValueError(f"date {value!r} is not ISO 8601 (YYYY-MM-DD)")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise ValueError(f"date {value!r} does not exist") from None


# --- boilerplate -------------------------------------------------------------------------------

_BOILER_PHRASES = re.compile(
    r"(©|\(c\)\s*\d{4}|copyright\b|all rights reserved|show comments|hide comments|\bcomments?\s*\(\d+\)|"
    r"sign up|subscribe|newsletter|cookie|privacy policy|terms of (use|service)|follow us|share (this|on)|"
    r"read more|click here|advertis(e|ement)|related (articles|stories|posts)|skip to (main )?content|"
    r"log ?in\b|sign in\b|all the news|most (read|popular)|you may also like|back to top|print this|"
    r"email this|contact us|about us|reprints?\b|permissions\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")
_SMALL_WORDS = {"and", "of", "the", "a", "an", "in", "on", "for", "to", "&", "|", "-", "–", "—", "·", "•", "/"}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


def _is_navigation(line: str) -> bool:
    """A short line of capitalised words without sentence punctuation: menus, bylines, tag rows."""
    words = _WORD.findall(line)
    if not words or len(words) > 14 or _SENTENCE_END.search(line):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) < 2:
        return len(words) <= 2 and len(line) < 25 and not line.rstrip().endswith(",")
    capital = sum(1 for w in content if w[0].isupper())
    return capital / len(content) >= 0.8


def _hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width (wire copy): most of its lines come close to the longest."""
    lengths = [len(ln) for ln in lines if ln]
    if len(lengths) < 8:
        return False
    width = sorted(lengths)[int(0.9 * (len(lengths) - 1))]
    return width <= 100 and sum(n >= 0.75 * width for n in lengths) >= 0.6 * len(lengths)


def _isolated(lines: list[tuple[int, int, str]], i: int) -> bool:
    """A line closing its block (a sign-off such as REUTER), not one that a sentence runs on from."""
    return i + 1 >= len(lines) or not lines[i + 1][2]


def boilerplate_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of lines that are page furniture rather than article prose."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        lines.append((pos, pos + len(raw.rstrip("\r\n")), raw.strip()))
        pos += len(raw)
    n = len(lines)
    candidate = [bool(ln) and _is_navigation(ln) for _, _, ln in lines]
    # A title-case line whose sentence goes on in the next line is wrapped prose, not a menu.
    chain = [False] * n
    for i in range(n - 1, -1, -1):
        if not candidate[i]:
            continue
        nxt = lines[i + 1][2] if i + 1 < n else ""
        if nxt[:1].islower():
            continue
        chain[i] = not (nxt and candidate[i + 1]) or chain[i + 1]
    wrapped = _hard_wrapped([ln for _, _, ln in lines])
    spans: list[tuple[int, int]] = []
    prev_open = False  # the previous line ended mid-sentence (hard-wrapped prose)
    for i, (start, end, line) in enumerate(lines):
        if not line:
            prev_open = False
            continue
        if wrapped and not _isolated(lines, i):
            # newswire wrapped at a fixed width: a short title-case line inside a paragraph ("U.K.
            # Chancellor of the Exchequer Nigel") starts a sentence; only a line standing apart is furniture
            prev_open = not _SENTENCE_END.search(line)
            continue
        furniture = len(line) < 160 and bool(_BOILER_PHRASES.search(line)) and len(_WORD.findall(line)) <= 20
        if furniture or (not prev_open and chain[i]):
            spans.append((start, end))
            prev_open = False
            continue
        prev_open = not _SENTENCE_END.search(line)
    return tuple(spans)


# --- readers -----------------------------------------------------------------------------------


def _decode(data: bytes, path: str) -> str | InputError:
    if not data.strip():
        return InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        return InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(path, f"not valid UTF-8 (byte {exc.start})")


def _text_document(text: str, origin: str, **meta: str | None) -> Document:
    return Document(id=document_id(text), text=text, origin=origin, skip=boilerplate_spans(text), **meta)


def _from_html(data: str, path: str) -> Document | InputError:
    import trafilatura  # heavy (lxml, its language data): loaded only for HTML input

    try:
        extracted = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
        result = extracted.as_dict() if extracted is not None else None
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return InputError(path, f"cannot parse HTML: {exc}")
    text = (result or {}).get("text") or ""
    if not text.strip():
        return InputError(path, "no article text found in the HTML")
    try:
        date = parse_date(result.get("date"))
    except ValueError:
        date = None
    return _text_document(text, path, date=date, url=result.get("url"), title=result.get("title"))


def _record_document(rec: object, path: str, line: int | None) -> Document | InputError:
    if not isinstance(rec, dict):
        return InputError(path, "record is not a JSON object", line)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(path, "record has no text", line)
    try:
        date = parse_date(rec.get("date"))
    except ValueError as exc:
        return InputError(path, str(exc), line)
    doc_id = rec.get("id")
    doc_id = str(doc_id) if doc_id not in (None, "") else document_id(text)
    origin = f"{path}:{line}" if line else path
    url, title = rec.get("url"), rec.get("title")
    source = rec.get("source") or rec.get("publisher")
    return Document(
        id=doc_id, text=text, date=date, origin=origin,
        url=str(url) if url else None, title=str(title) if title else None,
        skip=boilerplate_spans(text), source=(str(source).strip() or None) if source else None,
    )


def _from_jsonl(data: str, path: str) -> Iterator[Document | InputError]:
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"not JSON ({exc.msg})", n)
            continue
        yield _record_document(rec, path, n)


def _from_csv(data: str, path: str) -> Iterator[Document | InputError]:
    reader = csv.DictReader(io.StringIO(data))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield InputError(path, "CSV has no 'text' column")
        return
    for rec in reader:
        yield _record_document(rec, path, reader.line_num)


def _kind(name: str) -> str:
    low = name.lower()
    low = low.removesuffix(_GZ)
    return os.path.splitext(low)[1]


def _parse(data: bytes, name: str, kind: str, limit: int) -> Iterator[Document | InputError]:
    text = _decode(data, name)
    if isinstance(text, InputError):
        yield text
        return
    if kind in (".jsonl", ".ndjson"):
        items: Iterable[Document | InputError] = _from_jsonl(text, name)
    elif kind == ".csv":
        items = _from_csv(text, name)
    elif kind in (".html", ".htm"):
        items = [_from_html(text, name)]
    else:
        items = [_text_document(text, name)]
    for item in items:
        if isinstance(item, Document) and len(item.text.encode("utf-8")) > limit:
            where = item.origin or name
            yield InputError(where, f"document too large ({len(item.text) / 1e6:.1f} MB; the limit is "
                                    f"{limit / 1e6:.0f} MB)")
        else:
            yield item


def sniff_kind(data: bytes) -> str:
    """The kind of unnamed input (standard input): JSON lines, HTML, or text."""
    head = data.lstrip()[:1]
    if head == b"{":
        return ".jsonl"
    if head == b"<":
        return ".html"
    return ".txt"


def kind_of(name: str) -> str:
    """The kind of input a file name says (its suffix, under any .gz): '.jsonl', '.html', …"""
    return _kind(name)


def parse_bytes(data: bytes, name: str, limit: int = 10_000_000,
                kind: str | None = None) -> Iterator[Document | InputError]:
    """Documents (and errors) from the bytes of one input named `name` (gzipped if it ends .gz).

    `kind` overrides what the name says. Errors and origins name `name`, the input as the user gave it."""
    if name.endswith(_GZ):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield InputError(name, f"cannot read: {exc}")
            return
    kind = kind or _kind(name)
    if kind not in SUFFIXES:
        yield InputError(name, f"unknown kind of file {kind or '(no extension)'!r}; expected one of "
                               + ", ".join(SUFFIXES))
        return
    yield from _parse(data, name, kind, limit)
