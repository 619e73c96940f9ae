"""How much of a half of the articles gold the event finder can reach, whatever the classifier says.

For each required gold event of tests/gold/articles.jsonl: does some candidate pair of its sentence (the
finder's own, with the pairs left for the classifier, and the reverse of a meeting or accord that the
coder adds) match it as a pair by the `--mode full` rules? Prints that share (the finder's ceiling on
pair recall), the misses with both actors recognised but no candidate, and per construction how many
candidates there are and how many match a gold event.

    .venv/bin/python benchmarks/finder_ceiling.py [--split dev] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from common import article_records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--misses", action="store_true", help="list the misses whose actors were both recognised")
    args = ap.parse_args()
    records = article_records(args.split)
    if records is None:
        return 0
    from greatgame.events.extract import mutual
    from greatgame.exhaustive import Prediction, actor_key, match
    from greatgame.model import Document
    from greatgame.nlp import parse_candidates
    from greatgame.pipeline import get_coder
    from greatgame.settings import Settings

    coder = get_coder(Settings(workers=1))
    required = reached = unrecognised = 0
    made: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    rows: list[str] = []
    for rec in records:
        doc = Document(rec.id, rec.text, rec.date)
        parsed = parse_candidates(coder.nlp, coder.actors, doc, coder.settings)
        resolved = coder.actors.resolve(parsed, doc)
        covered: set[int] = set()
        for ps, cand in coder.events.candidates(parsed, resolved, with_fallback=True):
            sides = [(cand.source.mention, cand.target.mention)]
            if cand.construction != "coordination" and (mutual(cand.frame) or "with" in cand.frame.preps):
                sides.append((cand.target.mention, cand.source.mention))
            for s, t in sides:
                if s.code is None or t.code is None:
                    continue  # the coder drops a party nobody can name
                made[cand.construction] += 1
                p = Prediction(rec.id, 0, (s.start, s.end, actor_key(s.code, s.country)),
                               (t.start, t.end, actor_key(t.code, t.country)), None, 1.0, "asserted",
                               (ps.offset, ps.offset + len(ps.doc.text)))
                j = match([p], rec.events, labelled=False)[0]
                if j is not None:
                    covered.add(j)
                    matched[cand.construction] += 1
        for j, g in enumerate(rec.events):
            if not g.required:
                continue
            required += 1
            if j in covered:
                reached += 1
                continue
            if not all(any(m.mention.start < b and a < m.mention.end for m in resolved.mentions for a, b in side.spans)
                       for side in (g.source, g.target)):
                unrecognised += 1
                continue
            (a, b), (c, d) = g.source.spans[0], g.target.spans[0]
            rows.append(f"  {rec.id} {g.source.code}[{' '.join(rec.text[a:b].split())}] → "
                        f"{g.target.code}[{' '.join(rec.text[c:d].split())}] {g.plover[0]}: "
                        + " ".join(rec.text[g.sentence[0]:g.sentence[1]].split())[:160])
    print(f"{args.split}: {reached} of {required} required gold events reached by a candidate pair "
          f"({reached / max(required, 1):.3f}); {unrecognised} with an actor not recognised; "
          f"{len(rows)} with both recognised but no candidate")
    print("  construction   candidates  matching a gold event")
    for name in sorted(made):
        print(f"  {name:14s} {made[name]:10d}  {matched[name]:6d}")
    if args.misses:
        print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
