"""The publisher of a document: given, else the URL's host, else the file (issue 13)."""

import json

import pytest

from greatgame.dedup.sources import UNKNOWN_SOURCE, document_source, url_host
from greatgame.inputs import read_inputs
from greatgame.model import Document


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.Reuters.com/world/europe/story-1", "reuters.com"),
    ("http://news.bbc.co.uk:8080/a?b=c", "news.bbc.co.uk"),
    ("apnews.com/article/x", "apnews.com"),
    ("HTTPS://WWW.TASS.RU.", "tass.ru"),
    ("", None),
    ("   ", None),
    (None, None),
    ("https://[::1", None),
    ("/relative/path/only", None),
])
def test_url_host_lowercase_without_www_or_port(url, host):
    assert url_host(url) == host


def test_document_source_prefers_the_given_source():
    doc = Document("d", "text", url="https://www.reuters.com/x", origin="feeds/a.jsonl:3", source=" AP ")
    assert document_source(doc) == "AP"


def test_document_source_falls_back_to_url_host_then_file_name():
    assert document_source(Document("d", "t", url="https://www.reuters.com/x", origin="a.jsonl:3")) == "reuters.com"
    assert document_source(Document("d", "t", origin="feeds/2024/a.jsonl:3")) == "a.jsonl"
    assert document_source(Document("d", "t", origin="/data/page.html")) == "page.html"
    assert document_source(Document("d", "t", origin="<stdin>")) == "<stdin>"
    assert document_source(Document("d", "t", url="not a url at all", origin="x.txt")) == "x.txt"
    assert document_source(Document("d", "t")) == UNKNOWN_SOURCE


def test_jsonl_reads_source_and_publisher(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a", "text": "Russia signed a deal.", "source": "Reuters"},
        {"id": "b", "text": "Russia signed a deal.", "publisher": "Interfax"},
        {"id": "c", "text": "Russia signed a deal.", "url": "https://www.tass.ru/1"},
        {"id": "d", "text": "Russia signed a deal.", "source": "  "},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    docs = list(read_inputs([str(path)]))
    assert [d.source for d in docs] == ["Reuters", "Interfax", None, None]
    assert [document_source(d) for d in docs] == ["Reuters", "Interfax", "tass.ru", "feed.jsonl"]


def test_csv_reads_publisher(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text("id,text,publisher\na,Russia signed a deal.,AFP\n", encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert doc.source == "AFP"
