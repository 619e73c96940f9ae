"""Score actor recognition against gold files: share of gold actors found, with the right country, sector.

    .venv/bin/python benchmarks/eval_actors.py [GOLD.jsonl ...]   (default: ../shared/gold/*.jsonl)
    .venv/bin/python benchmarks/eval_actors.py --articles tests/gold/articles.jsonl \
        --texts ../shared/corpora/reuters_politics_1987.jsonl --split dev [--show] [--ids IDS.tsv]

Sentence gold. A gold actor with spans (plv_train) is found when a mention overlaps one of its spans;
one with a CAMEO code (petr2_gsr) when a mention of the sentence has that code's country (or, for codes
of no country such as ---REB, that sector). Right country: the found mention's country equals the gold
code's first three letters (spans-only gold has no code, so only "found" is reported). Right sector: the
gold code's sector (letters 4-6, where given) equals the mention's sector, or the mention has the gold
code exactly (in IGOEUREEC or PSEREBHMSGOV letters 4-6 name a body, not a sector).

Articles gold (`--articles`, stand-off, joined to `--texts`). Every source and target of every gold
event of the split counts once per event side. Its mention is the recognised mention that overlaps the
gold span most, the shorter on a tie (none: "no_mention"); of mentions of one span ("the two countries"), the
one with the gold country. Right country: the mention's country is the gold code's first
three letters, or for a gold code of no country (`---…`) the mention has none, or for an international
body (`IGO…`, `NGO…`) the mention is one too (no country, a code of the same three letters; tables name
some bodies differently: IGOBUSWBK, IGOUNODEVWBK). Right code: the mention's code is the gold code
exactly. `--show` lists every actor without the right country (for sentence gold: every coded actor not found).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from common import SHARED, read_ids

from greatgame.model import Document, Mention
from greatgame.pipeline import get_coder
from greatgame.settings import Settings


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(path: Path, show: bool = False) -> dict:
    coder = get_coder(Settings(workers=1))
    n = found = n_coded = right_country = n_sector = right_sector = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        res = coder.code(Document(id=r["id"], text=r["text"], date=(r.get("date") or None) and r["date"][:10]))
        mentions = list(res.mentions)
        for ev in r["events"]:
            for actor in (ev["source"], ev["target"]):
                n += 1
                code = actor.get("code")
                if "spans" in actor:
                    hit = [m for m in mentions if any(_overlaps((m.start, m.end), tuple(s)) for s in actor["spans"])]
                    found += bool(hit)
                    continue
                if not code:
                    continue
                country = None if code.startswith("---") else code[:3]
                sector = code[3:6] or None
                if country and not country.startswith("IGO"):
                    hit = [m for m in mentions if m.country == country]
                else:
                    hit = [m for m in mentions if m.code and m.code.startswith(code[:6])] if country else \
                        [m for m in mentions if m.country is None and m.sector == sector]
                found += bool(hit)
                n_coded += 1
                right_country += bool(hit)
                if show and not hit:
                    got = " ".join(f"{m.text!r}={m.code}" for m in mentions) or "-"
                    print(f"{r['id']}\t{code}\t{r['text']!r}\t{got}", file=sys.stderr)
                if sector:
                    n_sector += 1
                    # the gold code exactly counts too: in IGOEUREEC or PSEREBHMSGOV letters 4-6 name a body
                    right_sector += any(m.sector == sector or m.code == code for m in hit)
    out = {"gold": path.name, "actors": n, "found": round(found / n, 3) if n else None}
    if n_coded:
        out["right_country"] = round(right_country / n_coded, 3)
    if n_sector:
        out["right_sector"] = round(right_sector / n_sector, 3)
    return out


# --- articles gold -------------------------------------------------------------------------------

def country_right(gold_code: str, m: Mention) -> bool:
    """Whether a mention has the gold actor's country (or body, or none where the gold names none)."""
    if gold_code.startswith("---"):
        return m.country is None
    if gold_code.startswith(("IGO", "NGO")):  # no country, an international body (which one: right_code)
        return m.country is None and bool(m.code) and m.code[:3] == gold_code[:3]
    return m.country == gold_code[:3]


def best_mention(spans: list[tuple[int, int]], mentions: list[Mention], gold_code: str = "") -> Mention | None:
    """The mention overlapping the gold spans most; on a tie the shorter, then the earlier one. Mentions of
    the very same span ("the two countries" as two states) are one place holding several actors: among
    them, the one with the gold code's country, if any, is the one the gold side means."""
    def overlap(m: Mention) -> int:
        return max(min(m.end, b) - max(m.start, a) for a, b in spans)

    hits = [m for m in mentions if overlap(m) > 0]
    if not hits:
        return None
    best = max(hits, key=lambda m: (overlap(m), m.start - m.end))
    same = [m for m in hits if (m.start, m.end) == (best.start, best.end)]
    return next((m for m in same if gold_code and country_right(gold_code, m)), best)


def score_articles(gold: Path, texts: Path, split: str | None, show: bool = False,
                   ids: set[str] | None = None) -> dict:
    from greatgame.exhaustive import read_corpus, read_exhaustive

    corpus, _ = read_corpus(texts)
    records, errors = read_exhaustive(gold, corpus, str(texts))
    if errors:
        sys.exit("\n".join(str(e) for e in errors))
    coder = get_coder(Settings(workers=1))
    n = no_mention = country = code = 0
    for rec in records:
        if split and rec.split != split or ids is not None and rec.id not in ids:
            continue
        res = coder.code(Document(id=rec.id, text=rec.text, date=rec.date))
        mentions = list(res.mentions)
        for ev in rec.events:
            for side in (ev.source, ev.target):
                n += 1
                m = best_mention(list(side.spans), mentions, side.code)
                if m is None:
                    no_mention += 1
                else:
                    country += country_right(side.code, m)
                    code += m.code == side.code
                if show and (m is None or not country_right(side.code, m)):
                    a, b = side.spans[0]
                    got = "-" if m is None else f"{m.text!r} {m.code} {m.country}"
                    print(f"{rec.id}\t{rec.text[a:b]!r}\t{side.code}\t{got}", file=sys.stderr)
    return {"gold": gold.name, "split": split or "all", "actors": n, "no_mention": no_mention,
            "right_country": round(country / n, 3) if n else None, "right_code": round(code / n, 3) if n else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, help="sentence gold files (default: ../shared/gold/*.jsonl)")
    ap.add_argument("--articles", type=Path, help="exhaustive articles gold (stand-off)")
    ap.add_argument("--texts", type=Path, help="the corpus the articles gold refers to")
    ap.add_argument("--split", default=None, help="only records of this split (dev or test)")
    ap.add_argument("--show", action="store_true", help="list actors without the right country on stderr")
    ap.add_argument("--ids", type=Path, help="only these articles: a file whose lines start with an article id "
                    "(a TSV such as annot/selection2.tsv; a header line is ignored)")
    args = ap.parse_args()
    if args.articles:
        if not args.texts or not args.texts.exists() or not args.articles.exists():
            sys.exit("skipped: --articles needs the gold file and its --texts corpus")
        print(json.dumps(score_articles(args.articles, args.texts, args.split, args.show, read_ids(args.ids))))
        return
    paths = args.gold or sorted((SHARED / "gold").glob("*.jsonl"))
    if not paths or not all(p.exists() for p in paths):
        sys.exit(f"skipped: gold files not found ({SHARED / 'gold'} is absent)")
    for p in paths:
        print(json.dumps(score(p, args.show)))


if __name__ == "__main__":
    main()
