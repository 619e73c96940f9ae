"""A pool worker killed mid-run (issue 16, point 1): the run notices, starts the pool afresh, codes the
lost work again, and ends; an ingest killed outright, or whose worker was killed, lets the next one in.

Real CLI processes and a real `kill -9` of a worker. The subprocess timeouts only guard the suite
against a hang; the behaviour under test is that each run ends on its own.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from conftest import shared_path
from greatgame.runners import RETRIES, local_runner, run_tasks
from greatgame.store import Store

GREATGAME = [sys.executable, "-m", "greatgame"]
GUARD = 600  # seconds: far beyond a run's length here, only so that a hang fails instead of blocking the suite


def reuters(tmp_path: Path, count: int) -> Path:
    """The first `count` Reuters articles: enough text (over 100,000 characters) for `code` to start a pool."""
    lines = shared_path("corpora", "reuters_politics_1987.jsonl").read_text(encoding="utf-8").splitlines()
    out = tmp_path / "reuters.jsonl"
    out.write_text("\n".join(lines[:count]) + "\n", encoding="utf-8")
    return out


def pool_workers(proc: subprocess.Popen) -> list[psutil.Process]:
    """The pool's worker processes: grandchildren of the CLI (children of the forkserver) with a loaded coder."""
    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    workers = []
    for child in children:
        try:
            if child.ppid() != proc.pid and child.memory_info().rss > 200_000_000:
                workers.append(child)
        except psutil.NoSuchProcess:
            pass
    return workers


def kill_a_worker_when(proc: subprocess.Popen, ready) -> int:
    """Once `ready()` and two loaded workers are seen, kill -9 one of them; its pid."""
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline and proc.poll() is None:
        workers = pool_workers(proc)
        if len(workers) >= 2 and ready():
            os.kill(workers[0].pid, signal.SIGKILL)
            return workers[0].pid
        time.sleep(0.2)
    raise AssertionError(f"no two loaded pool workers were seen (exit {proc.poll()})")


def test_a_task_that_kills_its_worker_every_time_is_reported_after_its_retries() -> None:
    done: list = []
    failed: list = []
    with local_runner(2) as runner:
        # os._exit ends the worker process as a kill would: the pool breaks, starts afresh, tries again.
        run_tasks(runner, os._exit, [("dies", (9,))], lambda tag, r: done.append(tag),
                  lambda tag, why: failed.append((tag, why)))
    assert (done, failed) == ([], [("dies", f"the worker process running it died (killed, or out of memory) "
                                            f"({RETRIES + 1} attempts)")])


@pytest.mark.slow
def test_code_with_a_worker_killed_mid_run_codes_every_document(tmp_path: Path) -> None:
    corpus = reuters(tmp_path, 80)
    alone = subprocess.run([*GREATGAME, "code", str(corpus), "--format", "jsonl", "--workers", "1"],
                           capture_output=True, text=True, timeout=GUARD)
    assert alone.returncode == 0, alone.stderr
    out = tmp_path / "events.jsonl"
    with out.open("w") as sink:
        proc = subprocess.Popen([*GREATGAME, "code", str(corpus), "--format", "jsonl", "--workers", "2"],
                                stdout=sink, stderr=subprocess.PIPE, text=True)
        # Mid-run: the first chunk's events are out, so the pool is working and work is left.
        killed = kill_a_worker_when(proc, lambda: out.stat().st_size > 0)
        _, err = proc.communicate(timeout=GUARD)
    assert not psutil.pid_exists(killed) or psutil.Process(killed).status() == psutil.STATUS_ZOMBIE
    assert proc.returncode == 0, err
    assert err == ""
    events = [json.loads(line) for line in out.read_text().splitlines()]
    expected = [json.loads(line) for line in alone.stdout.splitlines()]
    assert len(expected) > 50
    assert events == expected  # every document coded, in input order, as by one process


def committed(db: Path) -> int:
    """Documents committed so far, read through the store like any reader (the writer lets readers in)."""
    try:
        with Store.open(db, read_only=True, wait=5.0) as store:
            return store.stats()["documents"]
    except Exception:  # not created yet, or mid-merge: ask again
        return 0


@pytest.mark.slow
def test_ingest_with_a_worker_killed_mid_run_stores_every_document_and_lets_the_next_ingest_in(
        tmp_path: Path) -> None:
    corpus = reuters(tmp_path, 96)
    db = tmp_path / "g.duckdb"
    command = [*GREATGAME, "ingest", str(corpus), "--db", str(db), "--workers", "2", "--partition-size", "8"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    kill_a_worker_when(proc, lambda: committed(db) > 0)
    out, err = proc.communicate(timeout=GUARD)
    assert proc.returncode == 0, err
    summary = re.search(r": (\d+) documents? added \(\d+ mentions?\), (\d+) already stored, 0 errors", out)
    assert summary, out
    added, repeated = int(summary[1]), int(summary[2])
    with Store.open(db, read_only=True) as store:
        stored = store.stats()["documents"]
        coding_errors = store.one("SELECT count(*) FROM errors WHERE kind = 'coding'")[0]
    assert (stored, added + repeated, coding_errors) == (added, 96, 0)  # every document stored or a repeat
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=GUARD)
    assert rerun.returncode == 0, rerun.stderr
    assert ": 0 documents added" in rerun.stdout


@pytest.mark.slow
def test_an_ingest_killed_outright_lets_the_next_one_in(tmp_path: Path) -> None:
    corpus = reuters(tmp_path, 48)
    db = tmp_path / "g.duckdb"
    command = [*GREATGAME, "ingest", str(corpus), "--db", str(db), "--workers", "2", "--partition-size", "8"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline and proc.poll() is None and not pool_workers(proc):
        time.sleep(0.2)
    children = psutil.Process(proc.pid).children(recursive=True)
    proc.kill()  # kill -9 of the ingest itself: the kernel drops its locks
    proc.wait(timeout=GUARD)
    gone, alive = psutil.wait_procs(children, timeout=30)  # its workers notice and leave
    assert alive == []
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=GUARD)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.duckdb", "reuters.jsonl"]


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_ingest_releases_the_store(tmp_path: Path, sig: signal.Signals) -> None:
    corpus = reuters(tmp_path, 96)
    db = tmp_path / "g.duckdb"
    command = [*GREATGAME, "ingest", str(corpus), "--db", str(db), "--workers", "2", "--partition-size", "8"]
    # Ctrl-C reaches Python even when the test runner was started with SIGINT ignored (a background job).
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + GUARD
    while time.monotonic() < deadline and proc.poll() is None and len(pool_workers(proc)) < 2:
        time.sleep(0.2)
    children = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=GUARD)
    if sig == signal.SIGINT:
        assert (proc.returncode, err) == (3, "greatgame: interrupted; the partitions committed so far are kept, "
                                             "and a re-run resumes\n")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["g.duckdb", "reuters.jsonl"]  # lock files gone
    else:
        assert proc.returncode == -signal.SIGTERM  # killed outright: the kernel dropped its locks
    _, alive = psutil.wait_procs(children, timeout=30)
    assert alive == []  # no worker or forkserver left behind
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=GUARD)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.duckdb", "reuters.jsonl"]
