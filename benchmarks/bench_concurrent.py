"""An ingest beside `greatgame serve` and its readers: does the writer keep its speed, do readers get answers?

    .venv/bin/python benchmarks/bench_concurrent.py [--corpus FILE] [--limit 200] [--clients 8] [--pause 0.05]
                                                   [--partition-size 64] [--json]

Runs real processes, as a user would: first `greatgame ingest` of the first `--limit` documents of the
corpus into a fresh store, alone; then the same into another fresh store while `greatgame serve` runs
on it and `--clients` threads poll /api/stats and /api/events (each waits `--pause` seconds between
requests). Prints both ingest times, the CPU time the server used (on a machine of few cores
it is taken from the writer), each ingest's peak memory, the readers' p50/p95 latency, the
share of 503 answers, and whether the counts the readers saw only grew up to every stored document.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
from common import SHARED, need

GREATGAME = [sys.executable, "-m", "greatgame"]
REUTERS = SHARED / "corpora" / "reuters_politics_1987.jsonl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_ingest(corpus: Path, db: Path, partition_size: int) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run `greatgame ingest`; its wall-clock seconds, peak resident memory (MB, sampled) and result."""
    start = time.perf_counter()
    proc = subprocess.Popen([*GREATGAME, "ingest", str(corpus), "--db", str(db), "--partition-size",
                             str(partition_size)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    watched = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            peak = max(peak, watched.memory_info().rss / 1e6)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    out, err = proc.communicate()
    return time.perf_counter() - start, peak, subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


class Readers:
    """`clients` threads polling /api/stats and /api/events until stopped; every answer recorded."""

    def __init__(self, base: str, clients: int, pause: float) -> None:
        self.base, self.pause = base, pause
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.answers: list[tuple[str, int, float]] = []  # path, status, seconds
        self.counts: list[tuple[float, int]] = []  # (when, documents) from each /api/stats answered
        self.threads = [threading.Thread(target=self._poll, args=(i,), daemon=True) for i in range(clients)]

    def _get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=60) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def _poll(self, i: int) -> None:
        paths = ["/api/stats", "/api/events?limit=20"]
        n = i
        while not self.stop.is_set():
            path = paths[n % 2]
            n += 1
            start = time.perf_counter()
            status, body = self._get(path)
            took = time.perf_counter() - start
            with self.lock:
                self.answers.append((path, status, took))
                if status == 200 and path == "/api/stats":
                    self.counts.append((time.monotonic(), json.loads(body)["documents"]))
            time.sleep(self.pause)

    def __enter__(self) -> Readers:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=120)


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([*GREATGAME, "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/api/health", timeout=5) as r:
                if r.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("greatgame serve did not answer within 120 s")


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REUTERS)
    ap.add_argument("--limit", type=int, default=200, help="the first N documents of the corpus")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--pause", type=float, default=0.05, help="seconds each client waits between requests")
    ap.add_argument("--partition-size", type=int, default=64)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    lines = need(args.corpus).read_text(encoding="utf-8").splitlines()[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "slice.jsonl"
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        alone_s, alone_mb, alone = timed_ingest(corpus, Path(tmp) / "alone.duckdb", args.partition_size)
        if alone.returncode != 0:
            sys.exit(f"ingest alone failed ({alone.returncode}): {alone.stderr.strip()}")
        db = Path(tmp) / "shared.duckdb"
        subprocess.run([sys.executable, "-c", "import sys; from greatgame.store import Store; "
                        "Store.open(sys.argv[1]).close()", str(db)], check=True)  # an empty store to serve
        server, base = serve(db)
        try:
            with Readers(base, args.clients, args.pause) as readers:
                time.sleep(2.0)  # readers at full pace before the writer starts
                beside_s, beside_mb, beside = timed_ingest(corpus, db, args.partition_size)
                time.sleep(2.0)  # and after it: they must see its last partition
            cpu = psutil.Process(server.pid).cpu_times()
            server_cpu = cpu.user + cpu.system  # on a machine of few cores, the readers' cost to the writer
        finally:
            server.terminate()
            server.wait(timeout=60)
    answers = readers.answers
    ok = [s for _, st, s in answers if st == 200]
    busy = sum(1 for _, st, _ in answers if st == 503)
    counts = [c for _, c in sorted(readers.counts)]
    result = {
        "corpus": f"{args.corpus.name}, first {len(lines)} lines", "partition_size": args.partition_size,
        "clients": args.clients, "pause_s": args.pause,
        "ingest_alone_s": round(alone_s, 1), "ingest_beside_readers_s": round(beside_s, 1),
        "slowdown": round(beside_s / alone_s, 2),
        "ingest_exit_beside_readers": beside.returncode, "ingest_summary": beside.stdout.strip(),
        "ingest_error": beside.stderr.strip().splitlines()[-1] if beside.returncode else None,
        "peak_rss_mb_ingest_alone": round(alone_mb), "peak_rss_mb_ingest_beside": round(beside_mb),
        "server_cpu_s": round(server_cpu, 1),
        "requests": len(answers), "share_503": round(busy / len(answers), 4) if answers else None,
        "other_errors": sum(1 for _, st, _ in answers if st not in (200, 503)),
        "p50_ms": round(1000 * percentile(ok, 50)) if ok else None,
        "p95_ms": round(1000 * percentile(ok, 95)) if ok else None,
        "p95_ms_all_answers": round(1000 * percentile([s for *_, s in answers], 95)) if answers else None,
        "documents_seen_first_last": [counts[0], counts[-1]] if counts else None,
        "counts_only_grew": all(a <= b for a, b in zip(counts, counts[1:], strict=False)),
        "distinct_counts_seen": len(set(counts)),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")


if __name__ == "__main__":
    main()
