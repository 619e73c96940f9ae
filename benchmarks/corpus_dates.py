"""Years and date precision of the events of the Reuters 1987 corpus: how many land in the wrong year.

Every story is from 1987, so an event dated 1986 is either history the text names or a date read
a year off ("will meet March 31" in a March story).

    .venv/bin/python benchmarks/corpus_dates.py [--min-confidence X]   # 0 keeps every event, as --all
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from common import SHARED


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-confidence", type=float, default=None)
    args = ap.parse_args()
    corpus = SHARED / "corpora" / "reuters_politics_1987.jsonl"
    if not corpus.exists():
        print(f"{corpus} is absent: this benchmark reads the shared corpus beside the repo", file=sys.stderr)
        return 0
    from greatgame.model import Document
    from greatgame.pipeline import get_coder
    from greatgame.settings import load_settings

    coder = get_coder(load_settings(workers=1, min_confidence=args.min_confidence))
    docs = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    years: Counter[str] = Counter()
    precision: Counter[str] = Counter()
    for res in coder.code_many(Document(d["id"], d["text"], d["date"]) for d in docs):
        for ev in res.events:
            years[(ev.date or "none")[:4]] += 1
            precision[str(getattr(ev, "date_precision", None))] += 1
    print(json.dumps({"events": sum(years.values()), "by_year": dict(years.most_common(8)),
                      "by_precision": dict(precision)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
