"""The `code`, `actors` and `demo` commands in a subprocess: exact output, exit status, one-line errors.

Each starts the real CLI (spaCy's pipeline and a pool of workers), several seconds apiece: `slow`.
"""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow


def test_code_cli_jsonl_and_exit_status_when_something_is_skipped(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russia signed a trade deal with North Korea.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "Iran attacked Iraq."}\nnot json\n', encoding="utf-8")
    out = cli("code", str(good), str(bad), str(tmp_path / "missing.txt"), "--format", "jsonl", "--workers", "1")
    assert out.returncode == 1
    assert out.stderr.splitlines() == [f"greatgame: {bad}:2: not JSON (Expecting value)",
                                       f"greatgame: {tmp_path / 'missing.txt'}: no such file or directory"]
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    # a deal signed with North Korea is signed by both
    assert [(r["source"]["code"], r["target"]["code"]) for r in rows] == [("RUS", "PRK"), ("PRK", "RUS"),
                                                                          ("IRN", "IRQ")]
    assert "Traceback" not in out.stderr


def test_code_cli_table_and_explain(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Russia signed a trade deal with North Korea.", encoding="utf-8")
    out = cli("code", str(p), "--explain")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert "RUS → PRK" in lines[0] and "057" in lines[0]
    assert any(line.strip().startswith("how: lexicon+model via svo, rule `sign") for line in lines)


def test_actors_cli_jsonl_has_the_contract_fields(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Japanese troops crossed into China.", encoding="utf-8")
    out = cli("actors", str(p), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert list(rows[0]) == ["doc_id", "start", "end", "text", "code", "country", "sector", "name", "kind"]
    assert rows[0]["code"] == "JPNMIL" and rows[0]["kind"] == "agent"


def test_code_cli_reads_stdin_and_two_workers_give_the_same_events(cli, tmp_path):
    docs = [{"id": f"d{i}", "text": t} for i, t in enumerate([
        "Russia signed a trade deal with North Korea.", "Iran attacked Iraq.", "France criticised Italy.",
        "China protested to Japan.", "Egypt hosted talks between Israel and Hamas."])]
    data = "".join(json.dumps(d) + "\n" for d in docs)
    one = cli("code", "-", "--format", "jsonl", "--workers", "1", input=data)
    two = cli("code", "-", "--format", "jsonl", "--workers", "2", input=data)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and one.stdout


def test_demo_runs_and_summarises(cli):
    out = cli("demo")
    assert out.returncode == 0, out.stderr
    assert "RUS → PRK" in out.stdout and "What to run next" in out.stdout


def test_actors_cli_says_when_an_undated_leader_took_the_latest_office(cli, tmp_path):
    p = tmp_path / "a.txt"  # a .txt file has no date
    p.write_text("Yeltsin criticized China.", encoding="utf-8")
    q = tmp_path / "b.jsonl"
    q.write_text('{"id": "b", "text": "Yeltsin criticized China.", "date": "2016-05-01"}\n', encoding="utf-8")
    out = cli("actors", str(p), str(q), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    yeltsin = [(r["code"], r.get("office_from")) for r in rows if r["text"] == "Yeltsin"]
    assert yeltsin == [("RUSGOV", "latest"), ("RUSELI", None)]
