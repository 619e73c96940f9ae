"""Partitions: deterministic keys, staged Parquet merged by the one writer, `batch` output, failures kept."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import fsspec
import pytest

from greatgame import partitions as batch_module
from greatgame.batch import batch
from greatgame.ingest import ingest
from greatgame.model import Document, InputError
from greatgame.partitions import code_partition, partition_documents, partition_key
from greatgame.runs import Progress
from greatgame.staging import Staging, staging_for
from greatgame.pipeline import CODER_VERSION
from greatgame.settings import Settings
from greatgame.store import Store, StoreError

ONE_PROCESS = Settings(workers=1)
GREATGAME = [sys.executable, "-m", "greatgame"]

NEWS = [
    {"id": "n1", "date": "2018-04-27", "text": "North Korea and South Korea signed a declaration on peace. "
                                              "China welcomed the agreement between the two Koreas."},
    {"id": "n2", "date": "2019-04-25", "text": "Russia hosted North Korea's leader in Vladivostok. "
                                              "The United States condemned the missile launch by North Korea."},
    {"id": "n3", "date": "2020-01-03", "text": "Iran threatened the United States after the strike in Baghdad."},
    {"id": "n4", "date": "2021-06-16", "text": "Russia and the United States agreed to hold talks in Geneva."},
    {"id": "n5", "date": "2022-02-24", "text": "Russia attacked Ukraine. Germany condemned the invasion."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


@pytest.fixture
def news(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", NEWS)


def contents(db: Path) -> dict:
    """Everything an ingest stored that does not name its run: documents, events, errors, counts."""
    with Store.open(db, read_only=True) as s:
        return {
            "stats": s.stats(),
            "documents": s.con.execute("SELECT doc_id, content_hash, date, origin, chars, words, events, "
                                       "coder_version FROM documents ORDER BY doc_id").fetchall(),
            "events": s.con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
            "mentions": s.con.execute("SELECT * FROM mentions ORDER BY mention_id").fetchall(),
            "errors": s.con.execute("SELECT kind, path, line, doc_id, message FROM errors "
                                    "ORDER BY kind, path, line, doc_id").fetchall(),
        }


def single_process(tmp_path: Path, src: Path) -> dict:
    db = tmp_path / "single.duckdb"
    with Store.open(db) as s:
        ingest(s, [str(src)], ONE_PROCESS)
    return contents(db)


def never(*args: object) -> None:
    raise AssertionError("nothing should be coded")


# --- partitions ----------------------------------------------------------------------------------


def test_partition_documents_is_deterministic_and_keyed_by_position_and_ids() -> None:
    docs = [Document(f"d{i}", f"Text number {i}.") for i in range(5)]
    bad = InputError("x.jsonl", "record is not a JSON object", 3)
    items = [docs[0], docs[1], bad, docs[2], docs[3], docs[4]]
    parts = list(partition_documents(items, 2))
    assert [(p.index, [d.id for d in p.documents], p.input_errors) for p in parts] == [
        (0, ["d0", "d1"], ()), (1, ["d2", "d3"], (bad,)), (2, ["d4"], ())]
    assert [p.key for p in partition_documents(list(items), 2)] == [p.key for p in parts]
    assert [p.key for p in parts] == [partition_key(0, ["d0", "d1"]), partition_key(1, ["d2", "d3"]),
                                      partition_key(2, ["d4"])]
    assert parts[0].key.startswith("p000000-") and len(parts[0].key) == len("p000000-") + 16
    # Keys follow the ids (not the text) and the coder's version, which decides what coding gives.
    assert partition_key(0, ["d0", "d1"]) != partition_key(0, ["d1", "d0"])
    assert partition_key(0, ["d0", "d1"]) != partition_key(0, ["d0", "d1"], coder_version="other")
    assert list(partition_documents([bad], 2))[0].input_errors == (bad,)
    with pytest.raises(ValueError, match="partition size"):
        list(partition_documents(items, 0))


def test_code_partition_loads_the_coder_once_per_process(coder) -> None:
    docs = tuple(Document(r["id"], r["text"], r["date"]) for r in NEWS[:2])
    first = code_partition(ONE_PROCESS, "k1", docs)
    second = code_partition(ONE_PROCESS, "k2", docs)
    assert not second.loaded_coder  # the pipeline stays loaded between tasks
    assert first.worker == second.worker and second.worker.endswith(f":{os.getpid()}")
    assert first.documents.equals(second.documents) and first.events.equals(second.events)


# --- ingest through partitions -------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 5])
def test_ingest_partitions_gives_the_events_of_a_single_process_run(tmp_path: Path, news: Path, size: int) -> None:
    db = tmp_path / "parts.duckdb"
    with Store.open(db) as s:
        report = ingest(s, [str(news)], Settings(workers=1, partition_size=size))
        keys = [r[0] for r in s.con.execute("SELECT batch_key FROM batches ORDER BY 1").fetchall()]
    assert contents(db) == single_process(tmp_path, news)
    assert (report.documents, report.skipped, report.errors, report.partitions) == (5, 0, 0, len(keys))
    assert keys == [p.key for p in partition_documents(
        [Document(r["id"], r["text"]) for r in NEWS], size)]
    assert not Path(staging_for(str(db))).exists()  # merged partitions leave nothing staged


def test_ingest_partitions_rerun_skips_merged_partitions(tmp_path: Path, news: Path, monkeypatch) -> None:
    db = tmp_path / "g.duckdb"
    with Store.open(db) as s:
        ingest(s, [str(news)], Settings(workers=1, partition_size=2))
    before = contents(db)
    monkeypatch.setattr(batch_module, "code_partition", never)
    seen: list[Progress] = []
    with Store.open(db) as s:
        again = ingest(s, [str(news)], Settings(workers=1, partition_size=2), on_progress=seen.append)
    assert (again.documents, again.events, again.skipped, again.partitions) == (0, 0, 5, 0)
    last = seen[-1]
    assert (last.partitions_skipped, last.partitions_total, last.partitions_text()) == (3, 3, "3/3 partitions")
    assert contents(db) == before


def test_ingest_partitions_records_a_document_that_fails(tmp_path: Path, news: Path, coder, monkeypatch) -> None:
    real = coder.events.extract

    def extract(parsed, resolved, doc, explain=False):
        if doc.id == "n2":
            raise RuntimeError("boom")
        return real(parsed, resolved, doc, explain=explain)

    monkeypatch.setattr(coder.events, "extract", extract)
    errors: list[str] = []
    db = tmp_path / "g.duckdb"
    with Store.open(db) as s:
        report = ingest(s, [str(news)], Settings(workers=1, partition_size=2),
                                   on_error=lambda e: errors.append(str(e)))
    message = "could not code document n2: RuntimeError: boom"
    assert errors == [f"{news}:2: {message}"]
    assert (report.documents, report.failed) == (4, 1)
    stored = contents(db)
    assert stored["errors"] == [("coding", str(news), 2, "n2", message)]
    assert [d[0] for d in stored["documents"]] == ["n1", "n3", "n4", "n5"]


def test_ingest_partitions_retries_a_failed_task(tmp_path: Path, news: Path, monkeypatch) -> None:
    failures: set[str] = set()

    def flaky(settings, key, docs, input_errors=()):
        if key not in failures:
            failures.add(key)
            raise OSError("worker lost")
        return code_partition(settings, key, docs, input_errors)

    monkeypatch.setattr(batch_module, "code_partition", flaky)
    db = tmp_path / "g.duckdb"
    with Store.open(db) as s:
        report = ingest(s, [str(news)], Settings(workers=1, partition_size=2))
    assert len(failures) == 3 and report.errors == 0
    assert contents(db) == single_process(tmp_path, news)


def test_ingest_partitions_records_every_document_of_a_task_that_keeps_failing(tmp_path: Path, news: Path,
                                                                              monkeypatch) -> None:
    def broken(settings, key, docs, input_errors=()):
        raise MemoryError("out of memory")

    monkeypatch.setattr(batch_module, "code_partition", broken)
    db = tmp_path / "g.duckdb"
    errors: list[str] = []
    with Store.open(db) as s:
        report = ingest(s, [str(news)], Settings(workers=1, partition_size=5),
                                   on_error=lambda e: errors.append(str(e)))
    key = partition_key(0, [r["id"] for r in NEWS])
    assert (report.documents, report.failed) == (0, 5)
    assert errors[0] == (f"{news}:1: could not code document n1: the task coding partition {key} failed: "
                         "MemoryError: out of memory")
    stored = contents(db)
    assert [(e[0], e[3]) for e in stored["errors"]] == [("coding", r["id"]) for r in NEWS]
    # Not merged under the partition's key, so a re-run codes the partition and clears the errors.
    monkeypatch.undo()
    with Store.open(db) as s:
        again = ingest(s, [str(news)], Settings(workers=1, partition_size=5))
    assert (again.documents, again.errors) == (5, 0)
    assert contents(db) == single_process(tmp_path, news)


def test_ingest_partitions_merges_a_staged_partition_without_coding_it_again(tmp_path: Path, news: Path,
                                                                           monkeypatch) -> None:
    reference = single_process(tmp_path, news)  # before coding is switched off: it codes through partitions too
    db = tmp_path / "g.duckdb"
    docs = tuple(Document(r["id"], r["text"], r["date"], origin=f"{news}:{i}") for i, r in enumerate(NEWS, 1))
    (part,) = partition_documents(docs, 5)
    Staging(staging_for(str(db))).write(code_partition(ONE_PROCESS, part.key, docs), 0)
    monkeypatch.setattr(batch_module, "code_partition", never)
    with Store.open(db) as s:
        report = ingest(s, [str(news)], Settings(workers=1, partition_size=5))
    assert report.documents == 5
    assert contents(db)["events"] == reference["events"]
    assert not Path(staging_for(str(db))).exists()


def test_ingest_lets_readers_in_between_batches(tmp_path: Path, news: Path) -> None:
    """Regression: ingest held DuckDB's write lock for its whole run, so `greatgame serve` could not read."""
    db = tmp_path / "g.duckdb"
    seen: list[int] = []

    def read(_: object) -> None:
        con = duckdb.connect(str(db), read_only=True)  # raises while a writer holds the file
        try:
            seen.append(con.execute("SELECT count(*) FROM documents").fetchall()[0][0])
        finally:
            con.close()

    with Store.open(db) as s:
        ingest(s, [str(news)], Settings(workers=1, partition_size=2), on_progress=read)
        assert s.stats()["documents"] == 5  # and the store is the caller's again afterwards
    assert seen == [2, 4, 5]


HOLD_RELEASED = ("import sys; from greatgame.store import Store; s = Store.open(sys.argv[1]); s.disconnect(); "
                 "print('ready', flush=True); sys.stdin.readline(); s.close()")


@pytest.mark.slow  # starts another process: `make test` runs it, `make test-fast` not
def test_a_writer_between_batches_lets_readers_in_and_keeps_other_writers_out(tmp_path: Path) -> None:
    path = tmp_path / "g.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_RELEASED, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with Store.open(path, read_only=True) as s:
            assert s.stats()["documents"] == 0
        with pytest.raises(StoreError) as err:
            Store.open(path)
        assert str(err.value) == (f"{path} is in use by another process (PID {holder.pid}): DuckDB allows "
                                  "one writer, and no readers while it writes")
    finally:
        holder.communicate("\n", timeout=30)
    Store.open(path).close()  # once the writer is gone, the next one gets in
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.duckdb"]


# --- batch: Parquet only -------------------------------------------------------------------------


def parquet_rows(pattern: str) -> list[tuple]:
    return duckdb.execute("SELECT * FROM read_parquet(?) ORDER BY ALL", [pattern]).fetchall()


def test_batch_writes_partitioned_parquet_and_a_manifest_whose_counts_match(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in NEWS[:2]) + "[1, 2]\n"
                   + "".join(json.dumps(r) + "\n" for r in [*NEWS[2:], {**NEWS[0], "id": "again"}]))
    out = tmp_path / "out"
    report = batch([str(src)], str(out), Settings(workers=1, partition_size=2))
    manifest = json.loads((out / "_manifest").read_text())
    keys = [p["key"] for p in manifest["partitions"]]
    assert len(keys) == 3 and [p["index"] for p in manifest["partitions"]] == [0, 1, 2]
    for table in ("documents", "events", "errors"):
        assert sorted(f.name for f in (out / table).iterdir()) == sorted(f"{k}.parquet" for k in keys)
    counts = {t: len(parquet_rows(str(out / t / "*.parquet"))) for t in ("documents", "events", "errors")}
    totals = manifest["totals"]
    assert counts == {"documents": totals["documents"], "events": totals["events"], "errors": totals["errors"]}
    assert (totals["documents"], totals["input_errors"], totals["skipped"], totals["partitions"]) == (5, 1, 1, 3)
    assert [sum(p[t] for p in manifest["partitions"]) for t in ("documents", "events")] == [5, totals["events"]]
    assert manifest["coder_version"] == CODER_VERSION and manifest["partition_size"] == 2
    (described,) = manifest["inputs"]
    assert (described["path"], described["size"]) == (str(src), src.stat().st_size) and described["mtime"]
    assert (report.documents, report.events, report.skipped, report.input_errors) == (5, totals["events"], 1, 1)
    # The same events as the store gets, ids included, with dates as Parquet dates.
    reference = single_process(tmp_path, src)
    ids = duckdb.execute("SELECT event_id FROM read_parquet(?) ORDER BY 1", [str(out / "events" / "*.parquet")])
    assert [r[0] for r in ids.fetchall()] == [m[0] for m in reference["mentions"]]  # the store's mentions
    kinds = duckdb.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?)) "
                           "WHERE column_name = 'date'", [str(out / "events" / "*.parquet")]).fetchall()
    assert kinds == [("date", "DATE")]


def test_batch_rerun_keeps_the_partitions_already_written(tmp_path: Path, news: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    first = batch([str(news)], str(out), Settings(workers=1, partition_size=2))
    monkeypatch.setattr(batch_module, "code_partition", never)
    again = batch([str(news)], str(out), Settings(workers=1, partition_size=2))
    assert (again.reused, again.partitions, again.documents, again.events) == (3, 3, 5, first.events)


def test_batch_reads_and_writes_fsspec_urls(tmp_path: Path, news: Path) -> None:
    fs = fsspec.filesystem("memory")
    fs.pipe_file("/gg-in/news.jsonl", news.read_bytes() + b"not json\n")
    errors: list[str] = []
    report = batch(["memory://gg-in"], "memory://gg-out", Settings(workers=1, partition_size=3),
                   on_error=lambda e: errors.append(str(e)))
    assert errors == ["memory:///gg-in/news.jsonl:6: not JSON (Expecting value)"]
    manifest = json.loads(fs.cat_file("/gg-out/_manifest"))
    assert manifest["inputs"][0]["path"] == "memory:///gg-in/news.jsonl"
    assert (report.partitions, report.documents) == (2, 5)
    assert sorted(fs.ls("/gg-out/events", detail=False)) == sorted(
        f"/gg-out/events/{p['key']}.parquet" for p in manifest["partitions"])
    fs.rm("/gg-in", recursive=True)
    fs.rm("/gg-out", recursive=True)


# --- the command line ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(*args: str, timeout: int = 300, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*GREATGAME, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", **env})


@pytest.mark.slow  # several processes or whole gold files: `make test` runs it, `make test-fast` not
def test_cli_bad_scheduler_address_is_one_line_and_exit_3(tmp_path: Path, news: Path) -> None:
    db = tmp_path / "g.duckdb"
    address = f"tcp://127.0.0.1:{free_port()}"
    done = run("ingest", str(news), "--db", str(db), "--scheduler", address,
               DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="2s")
    assert done.returncode == 3
    assert done.stderr.startswith(f"greatgame: cannot reach the Dask scheduler at {address}: ")
    assert done.stderr.count("\n") == 1 and done.stdout == ""
    assert not db.exists()  # nothing done, nothing created
    done = run("batch", str(news), "--out", str(tmp_path / "out"), "--scheduler", "127.0.0.1")
    assert (done.returncode, done.stderr) == (3, "greatgame: '127.0.0.1' is not a scheduler address: expected "
                                                 "local or tcp://HOST:PORT\n")


@pytest.mark.slow  # two CLI processes: `make test` runs it, `make test-fast` not
def test_cli_url_without_its_filesystem_is_one_line_and_exit_3(tmp_path: Path, news: Path) -> None:
    pytest.importorskip("fsspec")
    if importlib.util.find_spec("s3fs") is not None:
        pytest.skip("s3fs is installed here: s3:// URLs work")
    for command in (["batch", str(news), "--out", "s3://bucket/events"],
                    ["ingest", "s3://bucket/news.jsonl", "--db", str(tmp_path / "g.duckdb"), "--partition-size", "2"]):
        done = run(*command)
        assert (done.returncode, done.stdout) == (3, "")
        url = command[3] if command[0] == "batch" else command[1]
        assert done.stderr == (f"greatgame: {url}: no filesystem for s3:// is installed; install it with: "
                               "pip install 'greatgame[s3]'\n")
    assert list(tmp_path.iterdir()) == [news]


@pytest.mark.slow  # several processes or whole gold files: `make test` runs it, `make test-fast` not
def test_cli_two_local_workers_and_a_local_cluster_give_the_events_of_one_process(tmp_path: Path,
                                                                                news: Path) -> None:
    reference = single_process(tmp_path, news)
    pool = run("ingest", str(news), "--db", str(tmp_path / "pool.duckdb"), "--workers", "2",
               "--partition-size", "1")
    n = len(reference["mentions"])
    assert (pool.returncode, pool.stdout) == (0, f"{tmp_path / 'pool.duckdb'}: 5 documents added "
                                                 f"({n} mentions), 0 already stored, 0 errors\n")
    assert contents(tmp_path / "pool.duckdb") == reference
    cluster = run("batch", str(news), "--out", str(tmp_path / "out"), "--scheduler", "local", "--workers", "2",
                  "--partition-size", "2")
    assert cluster.returncode == 0, cluster.stderr
    assert cluster.stdout == (f"{tmp_path / 'out'}: 5 documents ({n} events) in "
                              "3 partitions, 0 repeated, 0 errors\n")
    assert cluster.stderr.startswith("greatgame: coding on the Dask scheduler at tcp://127.0.0.1:")
    events = parquet_rows(str(tmp_path / "out" / "events" / "*.parquet"))
    assert sorted(e[0] for e in events) == [m[0] for m in reference["mentions"]]
