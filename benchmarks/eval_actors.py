"""Score actor recognition against gold files: share of gold actors found, with the right country, sector.

    .venv/bin/python benchmarks/eval_actors.py [GOLD.jsonl ...]   (default: ../shared/gold/*.jsonl)

A gold actor with spans (plv_train) is found when a mention overlaps one of its spans; one with a CAMEO
code (petr2_gsr) when a mention of the sentence has that code's country (or, for codes of no country
such as ---REB, that sector). Right country: the found mention's country equals the gold code's first
three letters (spans-only gold has no code, so only "found" is reported). Right sector: the gold
code's sector (letters 4-6, where given) equals the mention's sector.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from common import SHARED

from greatgame.model import Document
from greatgame.pipeline import get_coder
from greatgame.settings import Settings


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(path: Path) -> dict:
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
                if sector:
                    n_sector += 1
                    right_sector += any(m.sector == sector for m in hit)
    out = {"gold": path.name, "actors": n, "found": round(found / n, 3) if n else None}
    if n_coded:
        out["right_country"] = round(right_country / n_coded, 3)
    if n_sector:
        out["right_sector"] = round(right_sector / n_sector, 3)
    return out


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((SHARED / "gold").glob("*.jsonl"))
    if not paths or not all(p.exists() for p in paths):
        sys.exit(f"skipped: gold files not found ({SHARED / 'gold'} is absent)")
    for p in paths:
        print(json.dumps(score(p)))


if __name__ == "__main__":
    main()
