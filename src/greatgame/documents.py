"""Read input documents of every kind, and mark the boilerplate the coder must skip."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from .model import Document, InputError
from .reading import (TooLarge, decode_text, is_utf16, limited_lines, open_input, read_limited, symlink_problem,
                      too_large)

__all__ = ["SUFFIXES", "boilerplate_spans", "document_id", "kind_of", "parse_bytes", "parse_date", "read_path",
           "read_stream", "sniff_kind"]

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


# "WASHINGTON, March 2 - ", "MOSCOW (Reuters) - ", "LONDON (AP) -- ": a place in capitals, maybe a date or a
# country after a comma, maybe an agency, then a spaced dash ("U.S.-Canadian ties" is no dateline).
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,40}?)\s*(?:,[^\n-]{0,30})?\s*(?:\([^)]{1,30}\))?"
                       r"\s*(?:(?:--?|[\u2013\u2014])\s|:\s)")
# "Lucknow: The state government ...", "Cebu City--Police ...": a place in title case before a colon or a
# dash (not "Iran-allied group").
_DATELINE_TITLE = re.compile(r"^\s*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\s*(?:,[^\n:-]{0,30})?\s*(?:\([^)]{1,30}\))?"
                             r"\s*(?::\s|--|\s[-\u2013\u2014]\s)")
# A byline line over the dateline ("By Staff Writers", "By Jane Doe and John Roe").
_BYLINE = re.compile(r"^\s*By [^\n]{1,60}\n")


def dateline(text: str, title_case: bool = True) -> tuple[str, int] | None:
    """The place a text's dateline names, title-cased, and where the story after it starts (under a byline,
    if any): ("Geneva", 26) for "GENEVA (Reuters) - Russia and ...". None where the text opens with none;
    `title_case=False` takes only a place in capitals ("Iran - Iraq talks" is no dateline)."""
    skip = 0
    if b := _BYLINE.match(text):
        skip = b.end()
    head = text[skip:skip + 120]
    m = _DATELINE.match(head) or (_DATELINE_TITLE.match(head) if title_case else None)
    if not m:
        return None
    return m.group(1).strip().title(), skip + m.end()


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

_LINE_KINDS = (".jsonl", ".ndjson", ".csv")


def _decode(data: bytes, path: str) -> str | InputError:
    text, why = decode_text(data)
    if text is None:
        return InputError(path, why)
    if not text.strip():
        return InputError(path, "empty file")
    return text


def _text_document(text: str, origin: str, **meta: str | None) -> Document:
    return Document(id=document_id(text), text=text, origin=origin, skip=boilerplate_spans(text), **meta)


def _from_html(data: str, path: str) -> Document | InputError:
    import trafilatura  # lazily: heavy (lxml, its language data), loaded only for HTML input

    try:
        extracted = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
        result = extracted.as_dict() if extracted is not None else None
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        first = str(exc).splitlines()[:1]
        return InputError(path, f"cannot parse HTML: {first[0] if first else type(exc).__name__}")
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
    if "\x00" in text:
        return InputError(path, "record text has a NUL character (binary data, not text)", line)
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


def _peekable(stream: BinaryIO) -> Any:
    """The stream, able to show its first bytes without consuming them."""
    return stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]


def _text_lines(stream: BinaryIO, path: str, limit: int) -> Iterator[tuple[int, str] | InputError]:
    """(number, text) of each line, read line by line; a bad or over-long line is an error naming it."""
    stream = _peekable(stream)
    head = stream.peek(2)[:2]
    source: IO[Any] = io.TextIOWrapper(stream, encoding="utf-16", newline="") if is_utf16(head) else stream
    for n, line in limited_lines(source, limit):
        if isinstance(line, int):
            yield InputError(path, too_large(limit, line), n)
            continue
        if isinstance(line, bytes):
            if n == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if b"\x00" in line:
                yield InputError(path, "binary data, not text (a NUL byte)", n)
                continue
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(path, f"not valid UTF-8 (byte {exc.start} of the line)", n)
                continue
        yield n, line


def _from_jsonl(lines: Iterable[tuple[int, str] | InputError], path: str) -> Iterator[Document | InputError]:
    for item in lines:
        if isinstance(item, InputError):
            yield item
            continue
        n, line = item
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"not JSON ({exc.msg})", n)
            continue
        except RecursionError:
            yield InputError(path, "not JSON (nested too deeply)", n)
            continue
        yield _record_document(rec, path, n)


class _StopCsv(Exception):
    """A CSV line that cannot be read: the records after it cannot be found reliably."""


def _from_csv(lines: Iterable[tuple[int, str] | InputError], path: str, limit: int) -> Iterator[Document | InputError]:
    stopped: list[InputError] = []

    def texts() -> Iterator[str]:
        for item in lines:
            if isinstance(item, InputError):
                stopped.append(item)
                raise _StopCsv
            yield item[1]

    # A text field may be as long as a document (the csv module's own default is 128 kB).
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    reader = csv.DictReader(texts())
    try:
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield InputError(path, "CSV has no 'text' column")
            return
        for rec in reader:
            yield _record_document(rec, path, reader.line_num)
    except _StopCsv:
        yield from stopped
    except csv.Error as exc:
        yield InputError(path, f"not CSV ({exc})", reader.line_num)


def _kind(name: str) -> str:
    low = name.lower()
    low = low.removesuffix(_GZ)
    return os.path.splitext(low)[1]


def _read_stream(stream: BinaryIO, name: str, kind: str, limit: int) -> Iterator[Document | InputError]:
    """Documents from an open input; nothing larger than `limit` (a document or a line) is held."""
    if kind in _LINE_KINDS:
        lines = _text_lines(stream, name, limit)
        items = _from_csv(lines, name, limit) if kind == ".csv" else _from_jsonl(lines, name)
        seen = False
        for item in items:
            seen = True
            yield _within(item, name, limit)
        if not seen:
            yield InputError(name, "empty file")
        return
    try:
        data = read_limited(stream, limit)
    except TooLarge:
        yield InputError(name, too_large(limit))
        return
    text = _decode(data, name)
    if isinstance(text, InputError):
        yield text
        return
    doc = _from_html(text, name) if kind in (".html", ".htm") else _text_document(text, name)
    yield _within(doc, name, limit)


def _within(item: Document | InputError, name: str, limit: int) -> Document | InputError:
    if isinstance(item, Document) and len(item.text.encode("utf-8")) > limit:
        return InputError(item.origin or name, too_large(limit, len(item.text)))
    return item


def read_stream(stream: BinaryIO, name: str, limit: int = 10_000_000) -> Iterator[Document | InputError]:
    """Documents (and errors) from an open byte stream named `name` (its suffix gives its kind)."""
    kind = _kind(name)
    if kind not in SUFFIXES:
        yield InputError(name, f"unknown kind of file {kind or '(no extension)'!r}; expected one of "
                               + ", ".join(SUFFIXES))
        return
    stream = _peekable(stream)
    if name.lower().endswith(_GZ):
        stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    yield from _guarded(_read_stream(stream, name, kind, limit), name)


def _guarded(items: Iterator[Document | InputError], name: str) -> Iterator[Document | InputError]:
    """The items, and a failure of the file underneath (a truncated gzip, a read error) as one error."""
    try:
        yield from items
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        if isinstance(exc, UnicodeDecodeError):
            yield InputError(name, f"not valid {exc.encoding.upper()} (byte {exc.start})")
        else:
            yield InputError(name, f"cannot read: {getattr(exc, 'strerror', None) or exc}")


def sniff_kind(head: bytes) -> str:
    """The kind of unnamed input (standard input) from its first bytes: JSON lines, HTML, or text."""
    head = head.lstrip()[:1]
    if head == b"{":
        return ".jsonl"
    if head == b"<":
        return ".html"
    return ".txt"


def _read_file(path: str, kind: str, limit: int) -> Iterator[Document | InputError]:
    try:
        size = os.stat(path).st_size
        if size > limit and not path.lower().endswith(_GZ) and kind not in _LINE_KINDS:
            yield InputError(path, f"file too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)")
            return
        stream = open_input(path)
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from _guarded(_read_stream(stream, path, kind, limit), path)


def _read_dir(p: Path, limit: int) -> Iterator[Document | InputError]:
    for sub in sorted(p.rglob("*")):
        if sub.name.startswith("."):
            continue
        if sub.is_symlink() and (why := symlink_problem(str(sub))):
            yield InputError(str(sub), why)
        elif sub.is_file() and _kind(sub.name) in SUFFIXES:
            yield from read_path(str(sub), limit)


def read_path(path: str, limit: int = 10_000_000) -> Iterator[Document | InputError]:
    """Documents (and errors) from one path: a file, a directory (recursively), or '-' for stdin."""
    if path == "-":
        stdin = _peekable(sys.stdin.buffer)
        head = stdin.peek(1024)
        yield from _guarded(_read_stream(stdin, "<stdin>", sniff_kind(head), limit), "<stdin>")
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_dir(p, limit)
        return
    if not p.exists():
        why = symlink_problem(path) if p.is_symlink() else None
        yield InputError(path, why or "no such file or directory")
        return
    kind = _kind(p.name)
    if kind not in SUFFIXES:
        yield InputError(path, f"unknown kind of file {kind or '(no extension)'!r}; expected one of "
                               + ", ".join(SUFFIXES))
        return
    yield from _read_file(path, kind, limit)


def kind_of(name: str) -> str:
    """The kind of input a file name says (its suffix, under any .gz): '.jsonl', '.html', …"""
    return _kind(name)


def parse_bytes(data: bytes, name: str, limit: int = 10_000_000,
                kind: str | None = None) -> Iterator[Document | InputError]:
    """Documents (and errors) from the bytes of one input named `name` (gzipped if it ends .gz), under
    the same limits as a file: `kind` overrides what the name says; errors and origins name `name`."""
    kind = kind or _kind(name)
    if kind not in SUFFIXES:
        yield InputError(name, f"unknown kind of file {kind or '(no extension)'!r}; expected one of "
                               + ", ".join(SUFFIXES))
        return
    stream: BinaryIO = io.BytesIO(data)
    if name.lower().endswith(_GZ):
        stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    yield from _guarded(_read_stream(stream, name, kind, limit), name)
