"""How de-duplication behaves on the Reuters 1987 corpus: near-duplicate articles, and mentions
clustered into events, with samples to check by reading.

First code the corpus (a few minutes on 2 cores):

    python -m greatgame code ../shared/corpora/reuters_politics_1987.jsonl --format jsonl > /tmp/dedup_events.jsonl
    python benchmarks/dedup_report.py /tmp/dedup_events.jsonl [--corpus PATH] [--window 1] [--level code]
        [--sample 30] [--seed 13] [--multi-article] [--largest N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import textwrap
from collections import Counter
from pathlib import Path

from common import SHARED

from greatgame.dedup.cluster import EventMention, actor_key, cluster_mentions
from greatgame.dedup.fingerprint import ArticleIndex, jaccard, normalise, same_article
from greatgame.dedup.sources import document_source
from greatgame.inputs import read_inputs
from greatgame.model import ActorRef, Document

DEFAULT_CORPUS = SHARED / "corpora" / "reuters_politics_1987.jsonl"


def _ref(d: dict) -> ActorRef:
    return ActorRef(d["text"], d["start"], d["end"], d.get("code"), d.get("country"), d.get("sector"), d.get("name"))


def mention_of(rec: dict, publisher: str, article_id: str, level: str) -> EventMention:
    """An EventMention from one line of `greatgame code --format jsonl`."""
    precision = rec.get("date_precision") or ("day" if rec.get("date") else None)
    return EventMention(
        rec["event_id"], rec["doc_id"], actor_key(_ref(rec["source"]), level), actor_key(_ref(rec["target"]), level),
        rec["cameo"], rec["cameo_root"], rec.get("date"), precision, rec["modality"], rec["confidence"],
        rec["sentence"]["text"], publisher, article_id, rec.get("plover"), rec.get("quad", 0),
        rec.get("goldstein", 0.0),
    )


def articles_section(docs: list[Document], index: ArticleIndex, rng: random.Random, sample: int) -> None:
    sigs = dict(index.signatures())
    ids = sorted(sigs)
    pairs = [(a, b) for a, b in itertools.combinations(ids, 2) if same_article(sigs[a], sigs[b])]
    # Candidates from the bands, as the index finds them, against every pair compared by brute force.
    groups = index.articles()
    multi = {k: v for k, v in groups.items() if len(v) > 1}
    print(f"documents {len(docs)}  articles {len(groups)}  article groups with >1 document {len(multi)}")
    print(f"pairs flagged same-article (all {len(ids) * (len(ids) - 1) // 2} pairs compared): {len(pairs)}")
    in_index = sum(len(v) * (len(v) - 1) // 2 for v in multi.values())
    print(f"pairs in the index's article groups (found through the bands): {in_index}")
    scored = sorted((jaccard(sigs[a], sigs[b]), a, b) for a, b in itertools.combinations(ids, 2))
    flagged = [p for p in scored if p[0] >= index.threshold]
    print("flagged pairs with the lowest estimated Jaccard:")
    for j, a, b in flagged[:8]:
        print(f"  {j:.3f}  {a}  {b}")
    print("pairs just below the threshold (near misses):")
    for j, a, b in reversed([p for p in scored if p[0] < index.threshold][-8:]):
        print(f"  {j:.3f}  {a}  {b}")
    text = {d.id: d.text for d in docs}
    for a, b in rng.sample(pairs, min(sample, len(pairs))):
        print(f"\n--- {a} / {b}  Jaccard {jaccard(sigs[a], sigs[b]):.3f}")
        for d in (a, b):
            print(textwrap.indent(textwrap.shorten(" ".join(normalise(text[d])), 400), f"  {d}: "))


def events_section(path: Path, docs: dict[str, Document], index: ArticleIndex, args: argparse.Namespace,
                   rng: random.Random) -> None:
    mentions = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                doc = docs[rec["doc_id"]]
                mentions.append(mention_of(rec, document_source(doc), index.article_id(doc.id), args.level))
    events = cluster_mentions(mentions, window_days=args.window)
    by_id = {m.mention_id: m for m in mentions}
    sizes = Counter(e.num_mentions for e in events)
    multi = [e for e in events if e.num_mentions > 1]
    print(f"\nwindow {args.window} day(s), actor level {args.level}")
    per = len(mentions) / max(len(events), 1)
    print(f"mentions {len(mentions)}  events {len(events)}  mentions per event {per:.3f}")
    print(f"events with >1 mention {len(multi)}  mentions in them {sum(e.num_mentions for e in multi)}  "
          f"sizes {dict(sorted(sizes.items()))}")
    print(f"events with >1 article {sum(e.num_articles > 1 for e in events)}")
    pool = [e for e in multi if e.num_articles > 1] if args.multi_article else multi
    picked = rng.sample(pool, min(args.sample, len(pool)))
    picked += sorted(multi, key=lambda e: (-e.num_mentions, e.event_id))[:args.largest]
    for n, e in enumerate(picked, 1):
        print(f"\n=== [{n}] {e.event_id}  {e.source_actor} -> {e.target_actor}  root {e.cameo_root} ({e.cameo})  "
              f"{e.date} ({e.date_precision})  mentions {e.num_mentions} articles {e.num_articles}")
        for mid in e.mention_ids:
            m = by_id[mid]
            sent = " ".join(m.sentence.split())
            print(f"  - {m.doc_id} {m.date} {m.date_precision} {m.cameo} {m.modality} {m.confidence:.2f}: "
                  f"{textwrap.shorten(sent, 300)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("events", type=Path, help="the corpus coded with --format jsonl")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--window", type=int, default=1)
    ap.add_argument("--level", choices=("code", "country"), default="code")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--article-sample", type=int, default=10)
    ap.add_argument("--multi-article", action="store_true", help="sample events reported by >1 article only")
    ap.add_argument("--largest", type=int, default=0, help="also print the N largest events")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus} is absent: this report reads the shared corpus beside the repo", file=sys.stderr)
        return 0
    docs = [d for d in read_inputs([str(args.corpus)]) if isinstance(d, Document)]
    index = ArticleIndex()
    for d in docs:
        index.add(d.id, d.text)
    articles_section(docs, index, random.Random(args.seed), args.article_sample)
    events_section(args.events, {d.id: d for d in docs}, index, args, random.Random(args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
