"""Where the coder loses on the PLV sentence gold: the breakdown of its cross-validated figures.

Reads the out-of-fold output that `training/train_classifier.py --cv 5 --plv-oof FILE` writes (each PLV
record coded by a model that never saw it) and prints, for the pairs mode (the gold pair given) and the
end-to-end mode (the coder finds everything) at each threshold:

- per-category precision, recall and F1 (PLOVER, CONCEDE and RETREAT as YIELD, as `greatgame.evaluate`);
- the most frequent confusions (gold -> predicted);
- end to end, what became of each gold event: right; wrong category (and whether the pair also had an
  event of the right category, lost to a more confident one); only the reverse direction found; or
  missed, for the first reason that holds: an actor not recognised, recognised without a code, no
  candidate pair, the classifier said NONE, or the event was kept under the threshold;
- what the extra events (those matching no gold event) are: another category of the gold pair, the gold
  pair reversed, one gold actor with another party, or neither gold actor.

    .venv/bin/python training/train_classifier.py --cv 5 --plv-oof /tmp/plv_oof.jsonl
    .venv/bin/python benchmarks/plv_breakdown.py /tmp/plv_oof.jsonl [--gold ../shared/gold/plv_train.jsonl]
        [--thresholds 0.0 0.5] [--examples 5]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace

from common import SHARED, need

# What the classifier's four most likely categories must show for a candidate to be an event (coder.py)
EVENT_MIN_PROB = 0.5


def _side(d: dict) -> SimpleNamespace:
    return SimpleNamespace(start=d["start"], end=d["end"], code=d.get("code"), country=None, sector=None)


def _covers(gold_actor, d: dict) -> bool:
    from greatgame.evaluate import actor_matches

    return actor_matches(gold_actor, _side(d))


def _label(plover: str | None, cameo: str | None) -> str:
    from greatgame.evaluate import predicted_label

    return predicted_label(cameo, plover, "plover")


def _miss_reason(gold, row: dict, t: float) -> str:
    """Why no event of the gold pair was kept at threshold t (the first reason that holds)."""
    for side, name in ((gold.source, "source"), (gold.target, "target")):
        ms = [m for m in row["mentions"] if _covers(side, m)]
        if not ms:
            return f"{name} not recognised"
        if all(m["code"] is None for m in ms):
            return f"{name} recognised without a code"
    cands = [c for c in row["candidates"] if _covers(gold.source, c["source"]) and _covers(gold.target, c["target"])]
    if not cands:
        rev = any(_covers(gold.source, c["target"]) and _covers(gold.target, c["source"]) for c in row["candidates"])
        return "no candidate (only the reverse pair)" if rev else "no candidate pair"
    under = [e for e in row["events"] if _covers(gold.source, e["source"]) and _covers(gold.target, e["target"])]
    if under:
        return f"kept under the threshold {t:.1f}"
    if all(c["source"]["code"] is None or c["target"]["code"] is None for c in cands):
        return "candidate with a party of no code (no event)"
    if all(dict(c["probs"]).get("NONE", 0.0) > 1 - EVENT_MIN_PROB for c in cands):
        return "classifier said NONE"
    if any("MED" in (c["source"]["code"] or "") + (c["target"]["code"] or "") for c in cands):
        return "dropped after classification: a media party"
    return "dropped after classification (modality, one event per act)"


def _per_category(rows: list[tuple[tuple[str, ...], str]]) -> tuple[float, dict[str, tuple[float, float, float, int]]]:
    """Macro-F1 and per-category figures of (acceptable labels, predicted) rows, as greatgame.evaluate."""
    scored = [(p if p in g else g[0], p) for g, p in rows]
    labels = sorted({g for g, _ in scored})
    pred_as = Counter(p for _, p in scored)
    out = {}
    for lab in labels:
        tp = sum(1 for g, p in scored if g == lab and p == lab)
        sup = sum(1 for g, _ in scored if g == lab)
        prec = tp / pred_as[lab] if pred_as[lab] else 0.0
        rec = tp / sup if sup else 0.0
        out[lab] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0, sup)
    return sum(v[2] for v in out.values()) / len(out) if out else 0.0, out


def _print_categories(title: str, rows: list[tuple[tuple[str, ...], str]], top: int = 12) -> None:
    macro, per = _per_category(rows)
    acc = sum(p in g for g, p in rows) / len(rows) if rows else 0.0
    print(f"\n{title}: macro-F1 {macro:.3f}, accuracy {acc:.3f}, {len(rows)} gold events")
    print(f"  {'category':<10} {'prec':>6} {'rec':>6} {'F1':>6} {'support':>8}")
    for lab, (p, r, f, n) in sorted(per.items(), key=lambda kv: kv[1][2]):
        print(f"  {lab:<10} {p:6.3f} {r:6.3f} {f:6.3f} {n:8d}")
    conf = Counter((g[0], p) for g, p in rows if p not in g)
    print("  most frequent confusions (gold -> predicted): "
          + ", ".join(f"{g}->{p} {n}" for (g, p), n in conf.most_common(top)))


def _e2e(records, rows: dict[str, dict], t: float, examples: int) -> None:
    from greatgame.evaluate import gold_labels

    outcome: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    label_rows = []
    predicted = 0
    for rec in records:
        row = rows.get(rec.id)
        if row is None:
            continue
        kept = [e for e in row["events"] if e["confidence"] >= t]
        predicted += len(kept)
        used: set[int] = set()
        for g in rec.events:
            want = gold_labels(g, "plover")
            same = [i for i, e in enumerate(kept) if _covers(g.source, e["source"]) and _covers(g.target, e["target"])]
            rev = [i for i, e in enumerate(kept) if _covers(g.source, e["target"]) and _covers(g.target, e["source"])]
            used |= set(same) | set(rev)
            if same:
                best = max(same, key=lambda i: kept[i]["confidence"])
                pred = _label(kept[best]["plover"], kept[best]["cameo"])
                if pred in want:
                    what = "right"
                elif any(_label(kept[i]["plover"], kept[i]["cameo"]) in want for i in same):
                    what = "wrong category (the right one also kept, less confident)"
                elif any(_label(e["plover"], e["cameo"]) in want for e in row["events"]
                         if _covers(g.source, e["source"]) and _covers(g.target, e["target"])):
                    what = "wrong category (the right one under the threshold)"
                else:
                    what = "wrong category"
            else:
                pred = "NONE"
                what = ("missed: only the reverse direction kept" if rev
                        else "missed: " + _miss_reason(g, row, t))
            outcome[what] += 1
            label_rows.append((want, pred))
            if len(shown[what]) < examples and what != "right":
                shown[what].append(f"{rec.id} gold {'/'.join(want)} {g.source.text!r} -> {g.target.text!r}, "
                                   f"coded {pred}: {rec.text[:160]!r}")
        for i, e in enumerate(kept):
            if i in used:
                continue
            src = any(_covers(g.source, e["source"]) or _covers(g.target, e["source"]) for g in rec.events)
            tgt = any(_covers(g.source, e["target"]) or _covers(g.target, e["target"]) for g in rec.events)
            kind = ("one gold actor with another party" if src != tgt
                    else "both gold actors, other roles" if src else "neither gold actor")
            extra[kind + f" ({e.get('construction')})"] += 1
    n = len(label_rows)
    _print_categories(f"e2e at confidence >= {t:.1f} ({predicted / n:.2f} predicted events per gold event)",
                      label_rows)
    print("  what became of the gold events:")
    for what, c in outcome.most_common():
        print(f"    {c:5d}  {c / n:6.1%}  {what}")
    print(f"  extra events (matching no gold pair either way): {sum(extra.values())}")
    for what, c in extra.most_common(12):
        print(f"    {c:5d}  {what}")
    for what, lines in shown.items():
        print(f"  examples: {what}")
        for ln in lines:
            print(f"    {ln}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("oof", type=Path, help="the file train_classifier.py --plv-oof wrote")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "plv_train.jsonl")
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.0, 0.5])
    ap.add_argument("--examples", type=int, default=5)
    args = ap.parse_args()
    from greatgame.evaluate import gold_labels, read_gold

    records, errors = read_gold(need(args.gold))
    if errors:
        print(f"{len(errors)} gold lines could not be read", file=sys.stderr)
    rows = {r["id"]: r for r in map(json.loads, need(args.oof).read_text(encoding="utf-8").splitlines())}
    records = [r for r in records if r.id in rows]
    pair_rows = []
    for rec in records:
        got = {p["event"]: p for p in rows[rec.id]["pairs"]}
        for i, g in enumerate(rec.events):
            p = got.get(i)
            pair_rows.append((gold_labels(g, "plover"), _label(p["plover"], p["cameo"]) if p else "NONE"))
    _print_categories("pairs mode (the gold pair given)", pair_rows)
    for t in args.thresholds:
        _e2e(records, rows, t, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
