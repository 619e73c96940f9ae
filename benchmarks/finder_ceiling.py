"""How much of a half of the articles gold the event finder can reach, whatever the classifier says.

For each required gold event of tests/gold/articles.jsonl: does some candidate pair of its sentence (the
finder's own, with the pairs left for the classifier, and the reverse of a meeting or accord that the
coder adds) match it as a pair by the `--mode full` rules? Prints that share (the finder's ceiling on
pair recall), the misses with both actors recognised but no candidate, and per construction how many
candidates there are and how many match a gold event.

    .venv/bin/python benchmarks/finder_ceiling.py [--split dev] [--misses] [--unproposed]

With --unproposed it also tallies every ordered pair of recognised actors (coded, not places) of a
sentence that no candidate pairs either way, by the shape of the dependency path between their heads
(does it cross a clause of its own; does it pass an act the lexicon codes; how many edges), with how
many of them are a required gold event no candidate reached: what a generic fallback over such pairs
would add, and how many of its pairs would be events at all.
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
    ap.add_argument("--unproposed", action="store_true", help="tally the pairs no candidate proposes, by path shape")
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
    shapes: Counter[tuple] = Counter()
    shape_gold: dict[tuple, set] = {}
    for rec in records:
        doc = Document(rec.id, rec.text, rec.date)
        parsed = parse_candidates(coder.nlp, coder.actors, doc, coder.settings)
        resolved = coder.actors.resolve(parsed, doc)
        covered: set[int] = set()
        paired: set[tuple[int, int, int]] = set()
        for ps, cand in coder.events.candidates(parsed, resolved, with_fallback=True):
            paired |= {(cand.sentence, cand.source.mention.start, cand.target.mention.start),
                       (cand.sentence, cand.target.mention.start, cand.source.mention.start)}
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
        if args.unproposed:
            for key, j in _unproposed(coder, rec, parsed, resolved, paired, Prediction, actor_key, match):
                shapes[key] += 1
                if j is not None and j not in covered and rec.events[j].required:
                    shape_gold.setdefault(key, set()).add((rec.id, j))
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
    if args.unproposed:
        print("\n  unproposed pairs: crosses a clause, passes an act, edges   pairs  unreached gold events")
        for key in sorted(shapes):
            gold = len(shape_gold.get(key, ()))
            print(f"  {str(key[0]):6s} {str(key[1]):6s} {key[2]:>4s}  {shapes[key]:22d}  {gold:6d}")
        n, g = sum(shapes.values()), len(set().union(*shape_gold.values())) if shape_gold else 0
        print(f"  all: {n} pairs, {g} unreached gold events ({g / max(n, 1):.3f} a pair)")
    return 0


# Dependencies that open a clause of its own.
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "xcomp", "conj", "pcomp"}


def _unproposed(coder, rec, parsed, resolved, paired, Prediction, actor_key, match):
    """(shape, gold index or None) of every ordered pair of actors of a sentence that no candidate pairs."""
    from greatgame.events.coder import _by_sentence

    by_sentence = _by_sentence(resolved.mentions)
    for si, ps in enumerate(parsed.sentences):
        ms = [m for m in by_sentence.get(si, []) if m.source != "pair" and m.mention.code and not m.is_location]
        for a in ms:
            for b in ms:
                if a is b or (si, a.mention.start, b.mention.start) in paired:
                    continue
                up_a, up_b = _up(ps.doc[a.head]), _up(ps.doc[b.head])
                on_b = {t.i: k for k, t in enumerate(up_b)}
                k = next((k for k, t in enumerate(up_a) if t.i in on_b), None)
                if k is None:
                    continue
                path = up_a[:k] + up_b[:on_b[up_a[k].i]]
                clause = any(t.dep_ in _CLAUSE_DEPS and t.pos_ in ("VERB", "AUX") for t in path)
                act = any(_names_act(coder.events, t) for t in path[1:] + [up_a[k]]
                          if not (a.start <= t.i < a.end or b.start <= t.i < b.end))
                edges = len(path)
                s, t = a.mention, b.mention
                p = Prediction(rec.id, 0, (s.start, s.end, actor_key(s.code, s.country)),
                               (t.start, t.end, actor_key(t.code, t.country)), None, 1.0, "asserted",
                               (ps.offset, ps.offset + len(ps.doc.text)))
                yield (clause, act, str(edges) if edges < 7 else "7+"), match([p], rec.events, labelled=False)[0]


def _names_act(events, tok) -> bool:
    """Whether a token names an act the lexicon codes: a verb it lists, or an event noun."""
    if tok.pos_ == "VERB":
        return events.lexicon.verb(tok.lemma_.lower(), "", [], []) is not None
    return tok.pos_ == "NOUN" and events._event_noun(tok.lemma_.lower())


def _up(tok):
    """The token and its heads up to the root."""
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


if __name__ == "__main__":
    sys.exit(main())
