"""Issue 16, bounded input and the small failures of point 7, each through a real process and real files."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import greatgame

from greatgame.documents import read_path
from greatgame.model import Document, InputError

pytestmark = [pytest.mark.issue(16), pytest.mark.slow]  # real processes or a live server: the full suite runs them
# The subprocesses run the code this test imported (the checkout under test).
SRC = str(Path(greatgame.__file__).resolve().parents[1])
NEWS = "Russia signed a trade deal with North Korea on Monday."


def greatgame(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "greatgame", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": SRC}, timeout=600)


def test_a_gzip_bomb_stops_at_the_limit_while_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    member = gzip.compress(b"Russia warned Ukraine. " * 40_000, compresslevel=9)  # 920 kB inflated
    bomb.write_bytes(member * 200)  # 184 MB inflated
    [err] = list(read_path(str(bomb), limit=1_000_000))
    assert err == InputError(str(bomb), "document too large (over 1 MB; the limit is 1 MB)")


def test_a_long_jsonl_line_is_refused_without_losing_its_neighbours(tmp_path: Path) -> None:
    p = tmp_path / "news.jsonl.gz"
    lines = [json.dumps({"id": "a", "text": NEWS}), json.dumps({"id": "big", "text": "x " * 600_000}),
             json.dumps({"id": "b", "text": NEWS + " Again."})]
    p.write_bytes(gzip.compress("\n".join(lines).encode()))
    a, err, b = read_path(str(p), limit=1_000_000)
    assert (a.id, b.id) == ("a", "b")
    assert str(err) == f"{p}:2: document too large (1.2 MB; the limit is 1 MB)"


def test_csv_rows_are_read_line_by_line_under_the_limit(tmp_path: Path) -> None:
    p = tmp_path / "news.csv"
    p.write_text(f'id,text\na,"{NEWS}"\nbig,"{"x " * 600_000}"\nb,"{NEWS}"\n', encoding="utf-8")
    items = list(read_path(str(p), limit=1_000_000))
    assert items[0].id == "a"
    assert items[1:] == [InputError(str(p), "document too large (1.2 MB; the limit is 1 MB)", 3)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_files_with_a_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # Python's utf-16 codec writes its own BOM
    (tmp_path / "a.txt").write_bytes((bom + NEWS).encode(encoding))
    (tmp_path / "b.jsonl").write_bytes((bom + json.dumps({"id": "j", "text": NEWS}) + "\n").encode(encoding))
    res = greatgame("code", str(tmp_path), "--format", "jsonl", "--workers", "1")
    assert res.returncode == 0, res.stderr
    events = [json.loads(line) for line in res.stdout.splitlines()]
    # one document each, a deal both sides signed: two events each
    assert sorted(e["source"]["code"] + ">" + e["target"]["code"] for e in events) == [
        "PRK>RUS", "PRK>RUS", "RUS>PRK", "RUS>PRK"]
    assert all(e["sentence"]["text"] == NEWS for e in events)


def test_nul_bytes_anywhere_make_a_file_binary(tmp_path: Path) -> None:
    late = tmp_path / "late.txt"
    late.write_bytes((NEWS + "\n").encode() * 200 + b"Iran\x00warned Iraq.\n")  # the NUL is past 8 KB
    early = tmp_path / "early.txt"
    early.write_bytes(b"Iran\x00warned Iraq.\n" + (NEWS + "\n").encode() * 200)
    lines = tmp_path / "lines.jsonl"
    lines.write_text(json.dumps({"id": "ok", "text": NEWS}) + "\n" + json.dumps({"id": "nul", "text": "a\x00b"})
                     + "\n", encoding="utf-8")
    assert list(read_path(str(late))) == [InputError(str(late), "binary file, not text")]
    assert list(read_path(str(early))) == [InputError(str(early), "binary file, not text")]
    ok, err = read_path(str(lines))
    assert isinstance(ok, Document) and ok.id == "ok"
    assert err == InputError(str(lines), "record text has a NUL character (binary data, not text)", 2)


def test_looping_and_dangling_symlinks_are_input_errors(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(NEWS, encoding="utf-8")
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "gone.txt").symlink_to(corpus / "missing.txt")
    res = greatgame("code", str(corpus), "--format", "jsonl", "--workers", "1")
    assert res.returncode == 1  # done, but some input was skipped
    assert res.stderr.splitlines() == [
        f"greatgame: {corpus / 'gone.txt'}: dangling symbolic link (to {str(corpus / 'missing.txt')!r})",
        f"greatgame: {corpus / 'loop.txt'}: symbolic link loop",
    ]
    assert len(res.stdout.splitlines()) == 2  # a.txt's deal, signed by both sides


def test_a_coding_error_is_stored_once(tmp_path: Path) -> None:
    # A spaCy model that is not installed: the coder cannot load, so the document cannot be coded.
    (tmp_path / "cfg.json").write_text('{"spacy_model": "no_such_spacy_model"}', encoding="utf-8")
    (tmp_path / "a.txt").write_text(NEWS, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    res = greatgame("ingest", "a.txt", "--db", str(db), "--config", "cfg.json", "--batch-size", "5",
                    "--workers", "1", cwd=tmp_path)
    assert "could not code document" in res.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT kind, path FROM errors").fetchall()
    assert rows == [("coding", "a.txt")]


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("partition_size", 0, "'partition_size' must be 1 or more, not 0"),
    ("batch_size", 0, "'partition_size' must be 1 or more, not 0"),
    ("parse_batch_size", 0, "'parse_batch_size' must be 1 or more, not 0"),
    ("max_document_bytes", -5, "'max_document_bytes' must be 1 or more, not -5"),
    ("min_confidence", 1.5, "'min_confidence' must be between 0 and 1, not 1.5"),
])
def test_a_setting_out_of_range_is_one_line_naming_the_file_and_key(tmp_path: Path, key: str, value: object,
                                                                     expected: str) -> None:
    (tmp_path / "cfg.toml").write_text(f"{key} = {value}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(NEWS, encoding="utf-8")
    res = greatgame("ingest", "a.txt", "--db", "t.duckdb", "--config", "cfg.toml", cwd=tmp_path)
    assert (res.returncode, res.stderr) == (2, f"greatgame: cfg.toml: setting {expected}\n")
    assert not (tmp_path / "t.duckdb").exists()


def descendants(pid: int) -> set[int]:
    """The processes under `pid`, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_orphaned_workers_exit_without_tracebacks(tmp_path: Path) -> None:
    import time

    many = tmp_path / "many.jsonl"
    with many.open("w", encoding="utf-8") as f:
        for i in range(300):
            f.write(json.dumps({"id": f"d{i}", "text": (NEWS + " ") * 30 + f"Item {i}."}) + "\n")
    stderr = tmp_path / "stderr.txt"
    with stderr.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "greatgame", "code", str(many), "--workers", "2", "--format",
                                 "jsonl"], stdout=subprocess.PIPE, stderr=err, text=True,
                                env={**os.environ, "PYTHONPATH": SRC})
    try:
        assert proc.stdout is not None and proc.stdout.readline()  # results are flowing: workers are busy
        workers = descendants(proc.pid)
        assert len(workers) >= 2
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 120
    while any(alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not [p for p in workers if alive(p)], "orphaned workers are still running"
    text = stderr.read_text()
    assert "Traceback" not in text and "BrokenPipeError" not in text
