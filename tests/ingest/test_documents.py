"""Readers for each input kind, the boilerplate filter, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest
from conftest import shared_path

from greatgame.documents import boilerplate_spans, document_id, parse_date
from greatgame.inputs import read_inputs
from greatgame.model import Document, InputError

ARTICLE = ("Russia signed a package of trade deals with North Korea on Tuesday.\n"
           "China criticised the agreement.\n")


def _all(path) -> list:
    return list(read_inputs([str(path)]))


def test_txt_reader_keeps_text_exactly_and_ids_it_by_content(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    [doc] = _all(p)
    assert doc == Document(id=document_id(ARTICLE), text=ARTICLE, origin=str(p), skip=())
    assert _all(p)[0].id == doc.id  # stable


def test_jsonl_reader_reads_fields_and_ignores_others(tmp_path):
    p = tmp_path / "docs.jsonl"
    rows = [{"id": "a1", "text": ARTICLE, "date": "2014-10-21", "url": "http://x/1", "title": "T", "extra": 5},
            {"text": "Iran warned Iraq."}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    a, b = _all(p)
    assert (a.id, a.text, a.date, a.url, a.title, a.origin) == ("a1", ARTICLE, "2014-10-21", "http://x/1", "T",
                                                               f"{p}:1")
    assert b.id == document_id("Iran warned Iraq.") and b.date is None


def test_gzipped_jsonl_is_read(tmp_path):
    p = tmp_path / "docs.jsonl.gz"
    p.write_bytes(gzip.compress(json.dumps({"id": "z", "text": ARTICLE}).encode()))
    assert [d.id for d in _all(p)] == ["z"]


def test_csv_reader_needs_a_text_column(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text('id,text,date\nc1,"Iran warned Iraq.",1987-03-01\n', encoding="utf-8")
    [doc] = _all(good)
    assert (doc.id, doc.text, doc.date) == ("c1", "Iran warned Iraq.", "1987-03-01")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,x\n", encoding="utf-8")
    assert _all(bad) == [InputError(str(bad), "CSV has no 'text' column")]


HTML = """<html><head><title>Moscow courts Pyongyang</title>
<meta property="article:published_time" content="2014-10-21"></head><body>
<nav><a href="/">Home</a> <a href="/about">About Us</a> <a href="/masthead">Masthead</a></nav>
<article><h1>Moscow courts Pyongyang</h1>
<p>Russia signed a package of trade deals with North Korea on Tuesday, offering to write off most of the debt
that Pyongyang owes from the Soviet era, officials in Moscow said.</p>
<p>China, long North Korea's main patron, criticised the agreement and warned against interference on the
Korean peninsula, according to the foreign ministry in Beijing.</p></article>
<footer>© 2014 The Example Times. All rights reserved. Privacy policy.</footer></body></html>"""


def test_html_reader_extracts_main_text_title_and_date(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    [doc] = _all(p)
    assert "Russia signed a package of trade deals" in doc.text
    assert "Masthead" not in doc.text and "All rights reserved" not in doc.text
    assert doc.title == "Moscow courts Pyongyang"
    assert doc.date == "2014-10-21"


def test_html_reader_on_a_real_saved_page_finds_its_article_body():
    base = shared_path("corpora", "article-extraction-benchmark")
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    key = sorted(truth)[0]
    page = base / "html" / f"{key}.html.gz"
    [doc] = list(read_inputs([str(page)]))
    body_words = set(truth[key]["articleBody"].split())
    got = set(doc.text.split())
    assert len(body_words & got) / len(body_words) > 0.8


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Iran warned Iraq.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("Iraq warned Iran.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert [d.text for d in _all(tmp_path)] == ["Iraq warned Iran.", "Iran warned Iraq."]


def test_stdin_is_read_as_text_or_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Iran warned Iraq.")))
    [doc] = list(read_inputs(["-"]))
    assert doc.text == "Iran warned Iraq."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"id": "s", "text": "Iran warned Iraq."}\n')))
    [doc] = list(read_inputs(["-"]))
    assert doc.id == "s"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file, not text"),
        ("latin1.txt", "Réunion".encode("latin-1"), "not valid UTF-8 (byte 1)"),
        ("page.pdf", b"%PDF-1.4", "unknown kind of file '.pdf'; expected one of .txt, .text, .md, .html, .htm, "
                                  ".jsonl, .ndjson, .csv"),
    ],
)
def test_bad_files_give_one_error_naming_the_file(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    assert _all(p) == [InputError(str(p), message)]


def test_missing_path_is_an_error_and_the_rest_is_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Iran warned Iraq.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(good)]))
    assert items[0] == InputError(str(tmp_path / "nope.txt"), "no such file or directory")
    assert isinstance(items[1], Document)


def test_bad_jsonl_lines_are_named_by_line_and_the_rest_is_read(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"id": "ok1", "text": "Iran warned Iraq."}\n'
                 "not json\n"
                 '{"id": "nt"}\n'
                 '[1, 2]\n'
                 '{"id": "bd", "text": "x", "date": "2014-02-30"}\n'
                 '{"id": "ok2", "text": "Iraq warned Iran."}\n', encoding="utf-8")
    items = _all(p)
    assert [i.id for i in items if isinstance(i, Document)] == ["ok1", "ok2"]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert errors == [
        f"{p}:2: not JSON (Expecting value)",
        f"{p}:3: record has no text",
        f"{p}:4: record is not a JSON object",
        f"{p}:5: date '2014-02-30' does not exist",
    ]


def test_a_50_mb_document_is_refused_with_its_size(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(b"Russia warned Ukraine. " * (50_000_000 // 23 + 1))
    [err] = _all(p)
    assert isinstance(err, InputError) and err.path == str(p)
    assert err.message == "file too large (50.0 MB; the limit is 10 MB)"


@pytest.mark.slow  # writes and reads 50 MB: `make test` runs it, `make test-fast` not
def test_a_50_mb_jsonl_record_is_refused_and_its_neighbours_read(tmp_path):
    p = tmp_path / "big.jsonl"
    with p.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "small", "text": "Iran warned Iraq."}) + "\n")
        f.write(json.dumps({"id": "huge", "text": "x " * 25_000_001}) + "\n")
    small, err = _all(p)
    assert small.id == "small"
    assert str(err) == f"{p}:2: document too large (50.0 MB; the limit is 10 MB)"


@pytest.mark.parametrize("value,expected", [("2014-10-21", "2014-10-21"), ("2014-10-21T08:00:00Z", "2014-10-21"),
                                            (None, None), ("", None)])
def test_parse_date_accepts_iso_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["21/10/2014", "yesterday", "2014-13-01"])
def test_parse_date_refuses_the_rest(value):
    with pytest.raises(ValueError):
        parse_date(value)


SCRAPED = """About Us Masthead Submissions Advertise
John Smith, Jane Doe and Ahmed Karimi
Russia signed a package of trade deals with North Korea on Tuesday.
China criticised the agreement, the foreign ministry said.
Share this article
© 2016 The Example Review. All rights reserved.
show comments
"""


def test_boilerplate_marks_navigation_bylines_and_footers_only():
    spans = boilerplate_spans(SCRAPED)
    skipped = [SCRAPED[a:b] for a, b in spans]
    assert skipped == ["About Us Masthead Submissions Advertise", "John Smith, Jane Doe and Ahmed Karimi",
                       "Share this article", "© 2016 The Example Review. All rights reserved.", "show comments"]


def test_boilerplate_leaves_hard_wrapped_prose_alone():
    wrapped = ("Iran announced tonight that its major\noffensive against Iraq in the Gulf war had ended after "
               "dealing\nsavage blows against the Baghdad government.\n    The Iranian News Agency IRNA\n"
               "Chief Executive Officer Said Today\nthat the talks would go on.\n")
    assert boilerplate_spans(wrapped) == ()


WIRE = """British officials said on Tuesday that the government would press
ahead with its review of trade with Japan before the summit talks.
U.K. Chancellor of the Exchequer Nigel
Lawson has told Brazil's Finance Minister Dilson Funaro that the
negotiations on Brazil's debt must be conducted with the banks.
    The spokesman said the talks this morning had been friendly and
that both sides had agreed to meet again in London next month
after the International Monetary Fund meeting in Washington.
 REUTER
"""


@pytest.mark.issue(11)
def test_boilerplate_keeps_title_case_lines_of_wrapped_wire_copy() -> None:
    from greatgame.documents import boilerplate_spans

    # the wrapped line that starts a sentence is prose; the sign-off standing at the end is not
    assert [WIRE[s:e] for s, e in boilerplate_spans(WIRE)] == [" REUTER"]
