"""Agreement between two independent annotations of the same articles (stand-off exhaustive gold).

Events of annotation B are matched one to one to events of annotation A of the same article by the
rule `greatgame eval --mode full` uses for actors (span overlap, or the same sentence and the same
country). Pair F1 is 2·matched / (|A| + |B|); category agreement is the share of matched pairs whose
PLOVER categories share one; labelled F1 counts a match only where they do. Figures are given over all
events and over the events both annotators marked required.

    python scripts/gold/agreement.py tests/gold/articles.jsonl tests/gold/articles_second.jsonl \
        --texts ../shared/corpora/reuters_politics_1987.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys

from greatgame.evaluate import overlaps
from greatgame.exhaustive import ExhaustiveEvent, read_corpus, read_exhaustive


def _side(a, b, same_sentence: bool) -> bool:
    if any(overlaps(x, y) for x in a.spans for y in b.spans):
        return True
    return same_sentence and a.key is not None and a.key == b.key


def same_pair(a: ExhaustiveEvent, b: ExhaustiveEvent) -> bool:
    same = overlaps(a.sentence, b.sentence)
    return _side(a.source, b.source, same) and _side(a.target, b.target, same)


def pair_up(a: list[ExhaustiveEvent], b: list[ExhaustiveEvent], labelled: bool) -> list[tuple[int, int]]:
    """One-to-one matches, preferring pairs whose categories agree."""
    taken: set[int] = set()
    out = []
    for i, ea in enumerate(a):
        cands = [j for j, eb in enumerate(b) if j not in taken and same_pair(ea, eb)
                 and (not labelled or set(ea.plover) & set(eb.plover))]
        if not cands:
            continue
        j = max(cands, key=lambda j: (bool(set(ea.plover) & set(b[j].plover)), -j))
        taken.add(j)
        out.append((i, j))
    return out


def agreement(first: dict[str, list[ExhaustiveEvent]], second: dict[str, list[ExhaustiveEvent]],
              required_only: bool = False) -> dict[str, float | int]:
    na = nb = pairs = agree = labelled = 0
    for rid in sorted(set(first) & set(second)):
        a, b = first[rid], second[rid]
        if required_only:
            a, b = [e for e in a if e.required], [e for e in b if e.required]
        na, nb = na + len(a), nb + len(b)
        m = pair_up(a, b, labelled=False)
        pairs += len(m)
        agree += sum(bool(set(a[i].plover) & set(b[j].plover)) for i, j in m)
        labelled += len(pair_up(a, b, labelled=True))
    return {"articles": len(set(first) & set(second)), "events_a": na, "events_b": nb, "matched_pairs": pairs,
            "pair_f1": round(2 * pairs / (na + nb), 3) if na + nb else 0.0,
            "category_agreement": round(agree / pairs, 3) if pairs else 0.0,
            "labelled_f1": round(2 * labelled / (na + nb), 3) if na + nb else 0.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first")
    ap.add_argument("second")
    ap.add_argument("--texts", required=True)
    args = ap.parse_args(argv)
    texts, _ = read_corpus(args.texts)
    loaded = []
    for path in (args.first, args.second):
        records, errors = read_exhaustive(path, texts, args.texts)
        for e in errors:
            print(e, file=sys.stderr)
        loaded.append({r.id: list(r.events) for r in records})
    first, second = loaded
    print(json.dumps({"all_events": agreement(first, second),
                      "required_events": agreement(first, second, required_only=True)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
