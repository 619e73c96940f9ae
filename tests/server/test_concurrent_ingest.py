"""An ingest beside `greatgame serve` and 8 polling clients (issue 16, point 2), all real processes:
the ingest finishes with every document stored, and the readers get mostly answers, counts that grow,
and only brief 503s that say when to come back."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import shared_path
from fixtures_server import free_port
from greatgame.store import Store

GREATGAME = [sys.executable, "-m", "greatgame"]
GUARD = 600  # seconds: only so that a hang fails instead of blocking the suite


def get(url: str) -> tuple[int, dict, dict]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, dict(r.headers), json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), json.loads(exc.read())


@pytest.mark.slow
def test_an_ingest_beside_serve_and_eight_readers_stores_everything_and_readers_are_answered(
        tmp_path: Path) -> None:
    lines = shared_path("corpora", "reuters_politics_1987.jsonl").read_text(encoding="utf-8").splitlines()[:64]
    corpus = tmp_path / "reuters.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "g.duckdb"
    Store.open(db).close()
    port = free_port()
    server = subprocess.Popen([*GREATGAME, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    answers: list[tuple[int, dict, dict, float]] = []
    stop = threading.Event()

    def poll(i: int) -> None:
        paths = ["/api/stats", "/api/events?limit=20"]
        while not stop.is_set():
            status, headers, body = get(base + paths[i % 2])
            answers.append((status, headers, body if i % 2 == 0 else {}, time.monotonic()))
            i += 1
            time.sleep(0.05)

    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if get(base + "/api/health")[0] == 200:
                    break
            except OSError:
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        readers = [threading.Thread(target=poll, args=(i,), daemon=True) for i in range(8)]
        for t in readers:
            t.start()
        ingest = subprocess.run([*GREATGAME, "ingest", str(corpus), "--db", str(db), "--partition-size", "8"],
                                capture_output=True, text=True, timeout=GUARD)
        time.sleep(1.5)  # the readers see the last partition too
        stop.set()
        for t in readers:
            t.join(timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert ingest.returncode == 0, ingest.stderr
    summary = re.search(r": (\d+) documents? added \(\d+ mentions?\), (\d+) already stored, 0 errors", ingest.stdout)
    assert summary, ingest.stdout
    added, repeated = int(summary[1]), int(summary[2])
    assert added + repeated == 64
    with Store.open(db, read_only=True) as store:
        assert store.stats()["documents"] == added

    statuses = [a[0] for a in answers]
    assert set(statuses) <= {200, 503}
    assert statuses.count(200) >= 0.5 * len(statuses), f"{statuses.count(503)} of {len(statuses)} were 503"
    assert all(h.get("retry-after") == "1" for s, h, _, _ in answers if s == 503)
    counts = [body["documents"] for s, _, body, _ in answers if s == 200 and "documents" in body]
    assert len(set(counts)) >= 3  # readers saw the partitions arrive one after another
    assert counts[-1] == added and max(counts) == added
