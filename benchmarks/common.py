"""Shared by the benchmark scripts: where the corpora are, and how to measure a run."""

from __future__ import annotations

import gzip
import json
import os
import resource
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UNGDC = SHARED / "corpora" / "ungdc_300.jsonl.gz"
REUTERS = SHARED / "corpora" / "reuters_politics_1987.jsonl"
ARTICLES = ROOT / "tests" / "gold" / "articles.jsonl"


def need(path: Path) -> Path:
    """The path, or exit with a message where ../shared is absent (as on a user's machine)."""
    if not path.exists():
        sys.exit(f"skipped: {path} is not here (the benchmark reads the shared corpora beside the repo)")
    return path


def article_records(split: str) -> list | None:
    """The records of one half of the articles gold, their texts joined from the Reuters corpus; None,
    with a message, where ../shared is absent."""
    if not REUTERS.exists():
        print(f"{REUTERS} is absent: this benchmark reads the shared corpus beside the repo", file=sys.stderr)
        return None
    from greatgame.exhaustive import read_corpus, read_exhaustive  # lazily: the scripts' --help stays light

    texts, _ = read_corpus(REUTERS)
    records, _ = read_exhaustive(ARTICLES, texts, str(REUTERS))
    return [r for r in records if r.split == split]


def read_ids(path: Path | None) -> set[str] | None:
    """The article ids a file lists, one a line at its start (a TSV such as select_articles.py prints; a
    header line is ignored, as no article has its id); None for no file; exit with a message where it is
    missing."""
    if path is None:
        return None
    if not path.exists():
        sys.exit(f"{path}: no such file")
    return {ln.split("\t")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()}


def load_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def peak_rss_mb(sampler: MemorySampler | None = None) -> dict[str, float]:
    """Peak resident memory of this process, and of its workers where a sampler watched them, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"peak_rss_mb_main": round(own, 1)}
    if sampler is not None:
        out["peak_rss_mb_largest_worker"] = round(sampler.peak_worker / 1024, 1)
        out["peak_rss_mb_all_processes"] = round(sampler.peak_total / 1024, 1)
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    out, frontier = [], [root]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        out += kids
        frontier += kids
    return out


class MemorySampler(threading.Thread):
    """Samples the resident memory of this process and all its descendants (pool or Dask workers)."""

    def __init__(self, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_worker = 0
        self.peak_total = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._stop_event.is_set():
            kids = _descendants(me)
            sizes = [_rss_kb(p) for p in kids]
            self.peak_worker = max([self.peak_worker, *sizes])
            self.peak_total = max(self.peak_total, _rss_kb(me) + sum(sizes))
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()
