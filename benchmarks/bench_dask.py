"""Throughput of the partitioned ingest on a local Dask cluster of 1 and 2 workers, and memory per worker.

    .venv/bin/python benchmarks/bench_dask.py [--limit N] [--workers 1 2] [--partition-size N] [--corpus FILE]

For each worker count: start a Dask LocalCluster (one single-thread process a worker), load the
coder on every worker (timed apart: that is start-up, paid once per worker process), then ingest
the corpus into a fresh DuckDB file through `ingest` (coding on the workers, Parquet
staging, merging by this process) and time it. Reports documents/s and words/s of the ingest, the
speed-up over one worker, the CPU time the workers used (what to size a cluster by on a shared
machine, where each worker gets less than a core), and the peak resident memory of each worker
process (its own high-water mark, read on the worker) and of the largest process under this one.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from common import UNGDC, MemorySampler, load_jsonl, need, words
from distributed import get_task_stream

from greatgame.ingest import ingest
from greatgame.runners import open_runner
from greatgame.settings import Settings
from greatgame.store import Store


def corpus_file(src: Path, tmp: Path, limit: int | None) -> tuple[Path, int, int]:
    rows = load_jsonl(need(src), limit)
    path = tmp / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path, len(rows), words([r["text"] for r in rows])


def _load_coder(settings: Settings) -> float:
    """Runs on a worker: load the coder (once per process) and say how long it took."""
    from greatgame.pipeline import get_coder

    t0 = time.perf_counter()
    get_coder(settings)
    return time.perf_counter() - t0


def _cpu_seconds() -> float:
    """Runs on a worker: CPU time the process has used (user and system)."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def _peak_rss_mb() -> float:
    """Runs on a worker: the process's own peak resident memory."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(corpus: Path, docs: int, n_words: int, workers: int, size: int, tmp: Path) -> dict:
    settings = Settings()
    sampler = MemorySampler(interval=0.25)
    sampler.start()
    t_start = time.perf_counter()
    try:
        with open_runner("local", workers) as runner:
            client = runner.client
            loads = client.run(_load_coder, settings)
            cpu0 = client.run(_cpu_seconds)
            here0 = _cpu_seconds()
            t0 = time.perf_counter()
            with get_task_stream(client) as stream, Store.open(tmp / f"bench-{workers}.duckdb") as store:
                report = ingest(store, [str(corpus)], replace(settings, partition_size=size), runner=runner)
            secs = time.perf_counter() - t0
            # Time the workers spent inside tasks: near 100 % means they never waited for work.
            in_tasks = sum(s["stop"] - s["start"] for task in stream.data for s in task["startstops"]
                           if s["action"] == "compute")
            here = _cpu_seconds() - here0
            cpu = [t - cpu0[w] for w, t in client.run(_cpu_seconds).items()]
            peaks = client.run(_peak_rss_mb)
    finally:
        sampler.stop()
    if report.documents + report.skipped != docs or report.errors:  # skipped: repeated in the corpus
        sys.exit(f"the ingest stored {report.documents} of {docs} documents with {report.errors} errors")
    return {
        "workers": workers, "documents": docs, "words": n_words, "events": report.events, "partition_size": size,
        "seconds": round(secs, 2), "docs_per_s": round(docs / secs, 3), "words_per_s": round(n_words / secs),
        "coder_load_s": round(max(loads.values()), 1),
        # On a shared machine the workers get less than a core each; CPU time per document does not
        # depend on that, so it is what to size a cluster by.
        "worker_cpu_s": [round(c, 1) for c in cpu], "cpu_per_worker": round(sum(cpu) / (workers * secs), 2),
        "docs_per_cpu_s": round(docs / sum(cpu), 3), "words_per_cpu_s": round(n_words / sum(cpu)),
        # This process reads the input, merges into DuckDB and hosts the local scheduler.
        "client_cpu_s": round(here, 1),
        "in_tasks_per_worker": round(in_tasks / (workers * secs), 2),
        "wall_with_startup_s": round(time.perf_counter() - t_start, 1),
        "peak_rss_mb_per_worker": sorted(round(v) for v in peaks.values()),
        "peak_rss_mb_largest_process": round(sampler.peak_worker / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=UNGDC, help="a JSONL(.gz) corpus (default: the UNGDC speeches)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--partition-size", type=int, default=8,
                    help="documents per partition; small enough to give every worker many partitions")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        corpus, docs, n_words = corpus_file(args.corpus, tmp, args.limit)
        for n in args.workers:
            res = run(corpus, docs, n_words, n, args.partition_size, tmp)
            print(json.dumps(res), flush=True)
            results.append(res)
    base = results[0]
    print(f"\ncorpus: {args.corpus.name}, {docs} documents, {n_words:,} words, partitions of {args.partition_size}")
    for res in results:
        speedup = res["docs_per_s"] / base["docs_per_s"]
        print(f"{res['workers']} worker{'s' if res['workers'] > 1 else ' '}  {res['seconds']:>7.1f} s  "
              f"{res['docs_per_s']:>6.2f} docs/s  {res['words_per_s']:>7,} words/s  x{speedup:.2f}  "
              f"peak RSS per worker {res['peak_rss_mb_per_worker']} MB  (coder load {res['coder_load_s']} s)")
        print(f"           each worker in a task {res['in_tasks_per_worker']:.0%} of the time and on a CPU "
              f"{res['cpu_per_worker']:.0%}; per CPU-second of a worker: {res['docs_per_cpu_s']:.2f} docs, "
              f"{res['words_per_cpu_s']:,} words")


if __name__ == "__main__":
    main()
