"""One round of `watch` over a loopback feed of N invented articles, then a second (unchanged) round.

    .venv/bin/python benchmarks/bench_watch.py [--articles N] [--workers N]

The pages come from a local server with no pacing (--host-delay 0), so the figures are the cost of
fetching, extracting, coding and storing, not of politeness. Reports one JSON line per round.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from watch_fixtures import DEU_FRA_COOP, RUS_UKR_CONFLICT, article, serve_articles
from watch_server import FixtureServer, Route

from greatgame.pipeline import get_coder
from greatgame.settings import Settings
from greatgame.store import Store
from greatgame.watch import AlertRules, FetchOptions, WatchOptions, run_round


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    settings = Settings(workers=args.workers)
    get_coder(settings)  # the model loads once per process, before the clock starts
    options = WatchOptions(FetchOptions(host_delay=0.0, host_concurrency=8), max_new=args.articles)
    arts = [article(i, f"Report {i}", f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", RUS_UKR_CONFLICT[i % 6],
                    DEU_FRA_COOP[(i // 6) % 6], f"Report number {i} was filed from district {i}.")
            for i in range(args.articles)]
    with FixtureServer() as server, tempfile.TemporaryDirectory() as tmp:
        server.routes["/robots.txt"] = Route(b"", content_type="text/plain")
        serve_articles(server, arts)
        with Store.open(Path(tmp) / "bench.duckdb") as store:
            for name in ("first", "second"):
                t0 = time.perf_counter()
                report = run_round(store, [server.url("/feed.xml")], settings, options,
                                   AlertRules(actors=("UKR",), out=str(Path(tmp) / "alerts.jsonl")), log=lambda _: None)
                seconds = time.perf_counter() - t0
                print(json.dumps({"round": name, "articles": args.articles, "workers": args.workers,
                                  "seconds": round(seconds, 2), "pages_per_s": round(report.fetched / seconds, 1),
                                  **{k: v for k, v in report.to_dict().items() if k != "seconds"}}))


if __name__ == "__main__":
    main()
