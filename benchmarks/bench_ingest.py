"""Throughput of `greatgame ingest` beside `greatgame code` on the same corpus (the issue: within 10%).

    .venv/bin/python benchmarks/bench_ingest.py [--corpus FILE] [--limit N] [--workers N] [--repeat N]

Both commands run as real subprocesses on the same file with the same workers, start to finish
(reading, model loading, coding, and writing JSONL to /dev/null or committing to a fresh DuckDB
file), so the difference is what storing costs. With --repeat, each command's fastest run counts.
Prints one JSON line a run and a summary with documents/s and words/s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import UNGDC, load_jsonl, need, words

GREATGAME = [sys.executable, "-m", "greatgame"]


def corpus_file(src: Path, tmp: Path, limit: int | None) -> tuple[Path, int, int]:
    """The corpus (its first `limit` documents when asked), with its document and word counts."""
    rows = load_jsonl(need(src), limit)
    path = src
    if limit:
        path = tmp / "corpus.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in rows)
    return path, len(rows), words([r["text"] for r in rows])


def timed(name: str, cmd: list[str], docs: int, n_words: int) -> dict:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL if name == "code" else subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    secs = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        sys.exit(f"{name} failed ({done.returncode}): {done.stderr.strip()}")
    return {"run": name, "documents": docs, "words": n_words, "seconds": round(secs, 2),
            "docs_per_s": round(docs / secs, 2), "words_per_s": round(n_words / secs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=UNGDC, help="a JSONL file (.gz or not); default the UN speeches")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each command; the fastest counts")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        corpus, docs, n_words = corpus_file(args.corpus, tmp, args.limit)
        best: dict[str, dict] = {}
        for i in range(args.repeat):
            db = tmp / f"bench-{i}.duckdb"
            runs = {
                "code": [*GREATGAME, "code", str(corpus), "--format", "jsonl", "--workers", str(args.workers)],
                "ingest": [*GREATGAME, "ingest", str(corpus), "--db", str(db), "--workers", str(args.workers)],
            }
            for name, cmd in runs.items():
                res = timed(name, cmd, docs, n_words)
                print(json.dumps(res), flush=True)
                if name not in best or res["seconds"] < best[name]["seconds"]:
                    best[name] = res
    code, ingest = best["code"], best["ingest"]
    print(f"\ncorpus: {corpus.name}, {docs} documents, {n_words:,} words; {args.workers} workers")
    for res in (code, ingest):
        print(f"greatgame {res['run']:<6}  {res['seconds']:>7.1f} s  {res['docs_per_s']:>6.2f} docs/s  "
              f"{res['words_per_s']:>8,} words/s")
    ratio = ingest["words_per_s"] / code["words_per_s"]
    verdict = "within" if ratio >= 0.9 else "NOT within"
    print(f"ingest runs at {ratio:.1%} of code's throughput: {verdict} 10%")


if __name__ == "__main__":
    main()
