"""Reliability of the coder's confidence: accuracy by confidence bin on a gold file.

    .venv/bin/python benchmarks/reliability.py GOLD.jsonl [--mode pairs|e2e] [--bins 0,0.3,0.5,...,1] [--json]

Codes (e2e) or classifies (pairs) the gold file as `greatgame eval` does, then bins the matched
predictions by confidence and prints, per bin, how many there are and how many carry an acceptable
PLOVER label; and the same for everything at or above the bin's lower edge, which is what a
`min_confidence` setting there would keep. Unmatched gold events have no confidence and are left out
(the pair recall line says how many there were).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from greatgame.evaluate import DEFAULT_BINS, format_reliability, read_gold, reliability


def parse_bins(text: str) -> tuple[float, ...]:
    bins = tuple(float(x) for x in text.split(","))
    if len(bins) < 2 or list(bins) != sorted(set(bins)) or bins[0] < 0 or bins[-1] > 1:
        raise argparse.ArgumentTypeError("bins must be increasing edges in [0, 1], at least two")
    return bins


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, help="a gold file (JSON lines, see gold/README.md)")
    ap.add_argument("--mode", choices=["pairs", "e2e"], default="pairs")
    ap.add_argument("--bins", type=parse_bins, default=DEFAULT_BINS, help="comma-separated bin edges")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = ap.parse_args()

    from greatgame.evaluate import evaluate
    from greatgame.pipeline import get_coder
    from greatgame.settings import Settings

    if not args.gold.exists():
        sys.exit(f"skipped: {args.gold} is not here")
    records, errors = read_gold(args.gold)
    for err in errors:
        print(f"reliability: {err}", file=sys.stderr)
    if args.mode == "pairs" and not any(e.source.spans and e.target.spans for r in records for e in r.events):
        sys.exit(f"{args.gold}: --mode pairs needs actor spans; this file gives actor codes only (use --mode e2e)")
    report = evaluate(records, get_coder(Settings(workers=1)), args.mode, gold=args.gold.name)
    bins = reliability(report.outcomes, args.bins)
    if args.json:
        print(json.dumps({"gold": report.gold, "mode": report.mode, "events": report.events,
                          "pair_recall": round(report.pair_recall, 4), "bins": [b.to_dict() for b in bins]}))
        return
    matched = sum(o.matched for o in report.outcomes)
    print(f"{report.gold}  mode {report.mode}: {report.events} gold events, {matched} with a prediction "
          f"(pair recall {report.pair_recall:.3f}); accuracy of the PLOVER label by confidence:")
    print(format_reliability(bins))


if __name__ == "__main__":
    main()
