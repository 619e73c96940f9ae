"""Turn annotators' drafts into stand-off exhaustive gold: offsets, a text hash, no article text.

An annotator writes one JSON object a line per article, quoting the text instead of counting
characters:

    {"id": "reuters-107", "annotator": "A1", "events": [
      {"sentence_start": "Iran announced tonight that its major",   # first words of the sentence, verbatim
       "sentence_end": "against the Baghdad government.",            # last words, verbatim
       "source": {"text": "Iran", "code": "IRN"},                    # "occurrence": 2 picks the 2nd in the sentence
       "target": {"text": "Iraq", "code": "IRQ"},
       "plover": ["ASSAULT"], "cameo": "190", "modality": "asserted", "required": true,
       "note": "a few words of the annotator's own"}]}

Quotes match the text with any run of whitespace standing for any other (the corpus wraps lines).
`check` reports every problem (file:line: id: event n: what) and exits 1 if there is one; `build`
writes the gold records: `{"id", "sha256", "date", "split", "exhaustive": true, "annotator",
"events": [{"source": {"spans", "code"}, "target": {...}, "plover", "cameo", "modality",
"required", "sentence": [start, end], "note"}]}`.

    python scripts/gold/anchor.py check DRAFT.jsonl --texts CORPUS.jsonl
    python scripts/gold/anchor.py build DRAFT.jsonl... --texts CORPUS.jsonl --splits selection.tsv > gold.jsonl
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from pathlib import Path

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "reported", "future", "hypothetical", "negated"}
CODE_RX = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def loose(quote: str) -> re.Pattern[str]:
    """A pattern for a quote in which any whitespace run matches any whitespace run."""
    parts = [re.escape(p) for p in quote.split()]
    return re.compile(r"\s+".join(parts))


def find_sentence(text: str, start_q: str, end_q: str) -> tuple[int, int] | str:
    starts = [m.start() for m in loose(start_q).finditer(text)]
    if not starts:
        return f"sentence_start not found: {start_q!r}"
    for s in starts:
        m = loose(end_q).search(text, s)
        if m and m.end() - s < 2000:
            return s, m.end()
    return f"sentence_end not found after sentence_start: {end_q!r}"


def find_actor(text: str, sent: tuple[int, int], actor: dict) -> tuple[int, int] | str:
    q = str(actor.get("text") or "").strip()
    if not q:
        return "actor without text"
    hits = [m for m in loose(q).finditer(text, sent[0], sent[1])]
    # a quote must not start or end inside a word
    hits = [m for m in hits if (m.start() == 0 or not text[m.start() - 1].isalnum() or not q[0].isalnum())
            and (m.end() == len(text) or not text[m.end()].isalnum() or not q[-1].isalnum())]
    n = int(actor.get("occurrence") or 1)
    if len(hits) < n:
        return f"actor text {q!r} not found in its sentence" + (f" (occurrence {n})" if n > 1 else "")
    m = hits[n - 1]
    return m.start(), m.end()


def anchor_event(text: str, ev: dict, cameo_plover: dict[str, str]) -> tuple[dict | None, list[str]]:
    problems: list[str] = []
    sent = find_sentence(text, str(ev.get("sentence_start", "")), str(ev.get("sentence_end", "")))
    if isinstance(sent, str):
        return None, [sent]
    out: dict = {}
    for side in ("source", "target"):
        actor = ev.get(side) or {}
        span = find_actor(text, sent, actor)
        code = str(actor.get("code") or "")
        if isinstance(span, str):
            problems.append(f"{side}: {span}")
        if not CODE_RX.match(code):
            problems.append(f"{side}: bad code {code!r}")
        if not isinstance(span, str):
            out[side] = {"spans": [list(span)], "code": code}
    plover = ev.get("plover")
    if isinstance(plover, str):
        plover = [plover]
    if not plover or not all(p in PLOVER for p in plover) or len(plover) > 2:
        problems.append(f"plover must be one or two of the 16 categories, got {plover!r}")
    modality = ev.get("modality")
    if modality not in MODALITIES:
        problems.append(f"bad modality {modality!r}")
    required = ev.get("required")
    if not isinstance(required, bool):
        problems.append("required must be true or false")
    elif modality in ("asserted", "reported") and not required:
        problems.append(f"{modality} events are required")
    elif modality in ("hypothetical", "negated") and required:
        problems.append(f"{modality} events are not required")
    cameo = str(ev.get("cameo") or "")
    if cameo:
        if cameo not in cameo_plover:
            problems.append(f"unknown CAMEO code {cameo!r}")
        elif plover and cameo_plover[cameo] and cameo_plover[cameo] not in plover:
            problems.append(f"CAMEO {cameo} is {cameo_plover[cameo]} in cameo.tsv, not {plover}")
    if problems:
        return None, problems
    out.update({"plover": plover, "cameo": cameo or None, "modality": modality, "required": required,
                "sentence": list(sent), "note": str(ev.get("note") or "")})
    return out, []


def load_cameo(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as fh:
        return {row["code"]: row["plover"] for row in csv.DictReader(fh, delimiter="\t")}


def load_texts(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {d["id"]: d for d in map(json.loads, filter(str.strip, fh))}


def process(drafts: list[str], texts: dict[str, dict], cameo_plover: dict[str, str],
            splits: dict[str, str]) -> tuple[list[dict], list[str]]:
    records, problems = [], []
    for draft in drafts:
        with open(draft, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{draft}:{lineno}"
                try:
                    art = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(f"{where}: not JSON: {exc}")
                    continue
                doc = texts.get(art.get("id"))
                if doc is None:
                    problems.append(f"{where}: unknown document id {art.get('id')!r}")
                    continue
                events = []
                for n, ev in enumerate(art.get("events", []), 1):
                    rec, probs = anchor_event(doc["text"], ev, cameo_plover)
                    problems += [f"{where}: {art['id']}: event {n}: {p}" for p in probs]
                    if rec:
                        events.append(rec)
                records.append({"id": doc["id"], "sha256": text_sha256(doc["text"]), "date": doc.get("date"),
                                "split": splits.get(doc["id"]), "exhaustive": True,
                                "annotator": art.get("annotator"), "events": events})
    return records, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("check", "build"))
    ap.add_argument("drafts", nargs="+")
    ap.add_argument("--texts", required=True, help="the corpus (JSON lines with id and text)")
    ap.add_argument("--cameo", default=str(Path(__file__).resolve().parents[2] / "src/greatgame/events/data/cameo.tsv"))
    ap.add_argument("--splits", help="selection.tsv from select_articles.py (id, split)")
    args = ap.parse_args(argv)
    splits = {}
    if args.splits:
        with open(args.splits, encoding="utf-8") as fh:
            splits = {r["id"]: r["split"] for r in csv.DictReader(fh, delimiter="\t")}
    records, problems = process(args.drafts, load_texts(args.texts), load_cameo(Path(args.cameo)), splits)
    for p in problems:
        print(p, file=sys.stderr)
    if args.command == "build":
        for r in sorted(records, key=lambda r: int(re.sub(r"\D", "", r["id"]) or 0)):
            print(json.dumps(r, ensure_ascii=False))
    else:
        n = sum(len(r["events"]) for r in records)
        print(f"{len(records)} articles, {n} events anchored, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
