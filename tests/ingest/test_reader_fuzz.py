"""Property-based tests of every reader and the boilerplate filter (issue 16): any bytes in, either
documents with true offsets or one clear error per bad input out, never a traceback."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from greatgame.documents import boilerplate_spans, read_path
from greatgame.model import Document, InputError

pytestmark = pytest.mark.issue(16)
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
LIMIT = 3_000

# Bytes that look like text often enough to reach past the decoder: words, line ends, JSON and CSV
# punctuation, a NUL, a UTF-8 BOM, UTF-16 BOMs, invalid UTF-8.
_PIECES = [b"Iran ", b"warned ", b"Iraq. ", b"\n", b"\r\n", b"\n\n", b'"', b",", b"{", b"}", b"[", b":", b"text",
           b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xc3", b"\xe2\x80\x9d", b"\\", b"<p>", b"</p>",
           b"Copyright 2014", b"Home | World | Sport", b"\x0b", b"\xe2\x80\xa8"]
noisy_bytes = st.one_of(st.binary(max_size=600),
                        st.lists(st.sampled_from(_PIECES), max_size=80).map(b"".join))


def jsonl_lines() -> st.SearchStrategy[bytes]:
    record = st.fixed_dictionaries({"text": st.text(max_size=200)},
                                   optional={"id": st.one_of(st.text(max_size=5), st.integers()),
                                             "date": st.sampled_from(["2014-10-21", "2014-02-30", "x", ""])})
    line = st.one_of(record.map(json.dumps), st.text(max_size=40))
    return st.lists(line, max_size=8).map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass"))


def check_items(items: list, path: str) -> None:
    """Every item is a Document with true offsets or one one-line error naming this file."""
    for item in items:
        assert isinstance(item, (Document, InputError)), item
        if isinstance(item, InputError):
            assert item.path == path and item.message and "\n" not in item.message
            assert "Traceback" not in item.message
            continue
        assert item.text.strip() and "\x00" not in item.text
        assert len(item.text.encode("utf-8", "surrogatepass")) <= LIMIT
        prev_end = 0
        for a, b in item.skip:
            assert prev_end <= a <= b <= len(item.text)
            prev_end = b


def read_bytes(data: bytes, name: str) -> tuple[list, str]:
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp, name)
        p.write_bytes(data)
        return list(read_path(str(p), LIMIT)), str(p)


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.jsonl", "a.csv", "a.txt.gz", "a.jsonl.gz"])
@FUZZ
@given(data=noisy_bytes)
def test_any_bytes_give_documents_or_errors(name: str, data: bytes) -> None:
    items, path = read_bytes(data, name)
    check_items(items, path)
    assert items, "an input gives at least one document or one error"


@pytest.mark.parametrize("name", ["a.txt.gz", "a.csv.gz"])
@FUZZ
@given(data=noisy_bytes)
def test_any_gzipped_bytes_give_documents_or_errors(name: str, data: bytes) -> None:
    items, path = read_bytes(gzip.compress(data), name)
    check_items(items, path)


@FUZZ
@given(data=noisy_bytes)
def test_a_text_file_is_its_text_exactly(data: bytes) -> None:
    items, path = read_bytes(data, "a.txt")
    docs = [i for i in items if isinstance(i, Document)]
    if docs:
        [doc] = items
        assert doc.text == (data.decode("utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff")
                            else data.decode("utf-8-sig"))


@FUZZ
@given(data=jsonl_lines())
def test_jsonl_records_keep_their_text_and_bad_lines_are_named(data: bytes) -> None:
    items, path = read_bytes(data, "a.jsonl")
    check_items(items, path)
    lines = data.decode("utf-8", "surrogatepass").split("\n")
    for item in items:
        if isinstance(item, Document):
            line = int(item.origin.rsplit(":", 1)[1])
            assert json.loads(lines[line - 1])["text"] == item.text
        elif item.line is not None:
            assert 1 <= item.line <= len(lines)


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(noisy_bytes, st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p></body></html>"
                                                                    .encode("utf-8", "surrogatepass"))))
def test_any_html_gives_a_document_or_an_error(data: bytes) -> None:
    items, path = read_bytes(data, "a.html")
    check_items(items, path)
    assert len(items) == 1


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(text=st.one_of(st.text(max_size=400),
                      st.lists(st.sampled_from([p.decode("utf-8", "replace") for p in _PIECES]), max_size=60)
                      .map("".join)))
def test_boilerplate_spans_are_ordered_lines_inside_the_text(text: str) -> None:
    spans = boilerplate_spans(text)
    prev_end = 0
    for a, b in spans:
        assert prev_end <= a < b <= len(text)
        assert text[a:b].strip() and "\n" not in text[a:b]
        prev_end = b
