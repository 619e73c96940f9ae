"""Why the coder misses gold events of whole articles: no mention, no candidate pair, or classified NONE.

For each required gold event of a half of tests/gold/articles.jsonl that the coder does not find as a
pair: is each actor recognised at all (a mention overlapping its span), does the event finder propose
the pair (a candidate in its sentence), and if so what the classifier said. Counts, then examples.

    .venv/bin/python benchmarks/miss_reasons.py [--split dev] [--examples 20] [--ids IDS.tsv]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from common import article_records, read_ids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--examples", type=int, default=20)
    ap.add_argument("--ids", type=Path, help="only these articles: a file whose lines start with an article id "
                    "(a TSV such as scripts/gold/select_articles.py prints)")
    args = ap.parse_args()
    records = article_records(args.split)
    if records is None:
        return 0
    ids = read_ids(args.ids)
    records = [r for r in records if ids is None or r.id in ids]
    from greatgame.exhaustive import Prediction, actor_key, match
    from greatgame.model import Document
    from greatgame.nlp import parse_candidates
    from greatgame.pipeline import get_coder
    from greatgame.settings import Settings

    coder = get_coder(Settings(workers=1))
    reasons: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for rec in records:
        doc = Document(rec.id, rec.text, rec.date)
        parsed = parse_candidates(coder.nlp, coder.actors, doc, coder.settings)
        resolved = coder.actors.resolve(parsed, doc)
        found = {j for j in range(len(rec.events))}
        events = coder.events.extract(parsed, resolved, doc)
        preds = [Prediction.of(rec.id, i, ev) for i, ev in enumerate(events)]
        hit = {j for j in match(preds, rec.events, labelled=False).values() if j is not None}
        cands = []
        for ps, cand in coder.events.candidates(parsed, resolved):
            s, t = cand.source.mention, cand.target.mention
            cands.append(Prediction(rec.id, 0, (s.start, s.end, actor_key(s.code, s.country)),
                                    (t.start, t.end, actor_key(t.code, t.country)), None, 1.0, "asserted",
                                    (ps.offset, ps.offset + len(ps.doc.text))))
        proposed = {j for p in cands for j in [match([p], rec.events, labelled=False)[0]] if j is not None}
        for j in sorted(found - hit):
            g = rec.events[j]
            if not g.required:
                continue
            side_found = []
            for side in (g.source, g.target):
                side_found.append(any(m.mention.start < b and a < m.mention.end
                                      for m in resolved.mentions for a, b in side.spans))
            if not all(side_found):
                why = "no mention: " + " and ".join(n for n, ok in zip(("source", "target"), side_found, strict=True)
                                                    if not ok)
            elif j not in proposed:
                why = "both recognised, no candidate pair"
            else:
                why = "candidate classified NONE or dropped"
            reasons[why] += 1
            (a, b), (c, d) = g.source.spans[0], g.target.spans[0]
            examples.setdefault(why, []).append(
                f"  {rec.id} {g.source.code}[{rec.text[a:b]}] → {g.target.code}[{rec.text[c:d]}] {g.plover[0]}: "
                + " ".join(rec.text[g.sentence[0]:g.sentence[1]].split())[:160])
    total = sum(reasons.values())
    print(f"{total} required gold events of the {args.split} half not found as a pair")
    for why, n in reasons.most_common():
        print(f"{n:5d}  {why}")
    for why, rows in examples.items():
        print(f"\n{why}:")
        print("\n".join(rows[: args.examples]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
