"""`greatgame ingest` on a real Dask cluster (a scheduler and two workers on loopback), one worker killed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import shared_path

from greatgame.ingest import ingest
from greatgame.settings import Settings
from greatgame.store import Store

DASK = Path(sys.executable).parent / "dask"
GREATGAME = [sys.executable, "-m", "greatgame"]
DOCUMENTS = 40
PARTITION_SIZE = 4


@dataclass
class Cluster:
    address: str
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(proc: subprocess.Popen) -> None:
    """End a process and everything it started (its own session), politely then not."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
    try:  # the group may outlive its leader (a nanny's worker process)
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the Dask scheduler exited at start-up"
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"the Dask scheduler did not listen on port {port} within {timeout} s")


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    """A Dask scheduler and two single-thread workers on 127.0.0.1, started with the `dask` command."""
    assert DASK.exists(), f"{DASK} is missing: dask[distributed] is a dependency of greatgame"
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    started: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> subprocess.Popen:
        with open(logs / f"{name}.log", "wb") as log:
            proc = subprocess.Popen([str(DASK), *args], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        started.append(proc)
        return proc

    try:
        scheduler = start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
        wait_for_port(port, scheduler)
        workers = [start(f"worker-{i}", "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                         "--host", "127.0.0.1", "--local-directory", str(tmp_path / f"worker-{i}"),
                         "--death-timeout", "60") for i in range(2)]
        from distributed import Client

        with Client(address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=90)
        yield Cluster(address, scheduler, workers)
    finally:
        for proc in reversed(started):
            stop(proc)


def worker_states(client) -> dict[str, tuple[int, int, int]]:
    """Each worker's (pid, tasks it has finished, tasks it is running), asked of the workers themselves."""

    def state(dask_worker) -> tuple[int, int, int]:
        return os.getpid(), dask_worker.state.executed_count, len(dask_worker.state.executing)

    return client.run(state)


def busy_worker(address: str, proc: subprocess.Popen, deadline: float) -> tuple[int, int]:
    """Wait until the cluster has coded a partition and a worker is coding another; that worker's pid
    and how many partitions were coded by then. A read of the store cannot tell this: between two
    merges the ingest may hold the file, and the reader sees nothing until it is all done."""
    from distributed import Client

    with Client(address, timeout=30, set_as_default=False) as client:
        while proc.poll() is None and time.monotonic() < deadline:
            states = worker_states(client)
            done = sum(finished for _, finished, _ in states.values())
            running = [pid for pid, _, executing in states.values() if executing]
            if done >= 1 and running:
                return running[0], done
            time.sleep(0.05)
    raise AssertionError("the ingest finished, or ran past its deadline, before a worker could be killed")


def stored(db: Path) -> dict:
    with Store.open(db, read_only=True) as s:
        return {
            "stats": s.stats(),
            "documents": s.con.execute("SELECT doc_id, content_hash, events FROM documents ORDER BY 1").fetchall(),
            "events": s.con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
            "mentions": s.con.execute("SELECT * FROM mentions ORDER BY mention_id").fetchall(),
            "errors": s.con.execute("SELECT count(*) FROM errors").fetchall()[0][0],
        }


@pytest.mark.slow  # several processes or whole gold files: `make test` runs it, `make test-fast` not
def test_ingest_on_a_cluster_survives_a_killed_worker_with_the_events_of_one_process(tmp_path: Path,
                                                                                     cluster: Cluster) -> None:
    source = shared_path("corpora", "reuters_politics_1987.jsonl")
    corpus = tmp_path / "reuters.jsonl"
    with open(source, encoding="utf-8") as fh:
        corpus.write_text("".join(line for _, line in zip(range(DOCUMENTS), fh, strict=False)))

    single = tmp_path / "single.duckdb"
    with Store.open(single) as s:
        ingest(s, [str(corpus)], Settings(workers=1))
    expected = stored(single)

    db = tmp_path / "cluster.duckdb"
    with open(tmp_path / "ingest.err", "w+") as err:
        proc = subprocess.Popen([*GREATGAME, "ingest", str(corpus), "--db", str(db), "--scheduler", cluster.address,
                                 "--partition-size", str(PARTITION_SIZE)],
                                stdout=subprocess.PIPE, stderr=err, text=True, start_new_session=True)
        try:
            pid, coded = busy_worker(cluster.address, proc, time.monotonic() + 240)
            assert 1 <= coded < DOCUMENTS // PARTITION_SIZE
            victim = next(i for i, nanny in enumerate(cluster.workers) if os.getpgid(pid) == nanny.pid)
            os.killpg(cluster.workers[victim].pid, signal.SIGKILL)  # kill -9 the worker and its nanny
            out, _ = proc.communicate(timeout=300)
        finally:
            stop(proc)
        err.seek(0)
        messages = err.read()
    assert proc.returncode == 0, messages
    assert messages.startswith(f"greatgame: coding on the Dask scheduler at {cluster.address}, 2 workers")
    mentions = expected["stats"]["mentions"]
    assert out == f"{db}: {DOCUMENTS} documents added ({mentions} mentions), 0 already stored, 0 errors\n"
    assert cluster.workers[victim].wait(timeout=10) == -signal.SIGKILL and cluster.workers[1 - victim].poll() is None
    got = stored(db)
    assert got["stats"] == expected["stats"] and got["stats"]["documents"] == DOCUMENTS
    assert [e[0] for e in got["events"]] == [e[0] for e in expected["events"]]  # the same event ids
    assert got == expected  # and every field of every event
    with Store.open(db, read_only=True) as s:
        keys = [r[0] for r in s.con.execute("SELECT batch_key FROM batches ORDER BY 1").fetchall()]
    assert len(keys) == DOCUMENTS // PARTITION_SIZE and all(k.startswith("p0000") for k in keys)
