"""Check the GDELT and ICEWS exports of a store, and that no exported location comes from inside a name.

    PYTHONPATH=src .venv/bin/python -m greatgame ingest ../shared/corpora/reuters_politics_1987.jsonl --db /tmp/r.duckdb
    PYTHONPATH=src .venv/bin/python benchmarks/check_exports.py --db /tmp/r.duckdb [--out-dir DIR] [--show N]

Exports the store's events (every modality) in both layouts and checks:

- GDELT: every line has 61 tab-separated fields; GLOBALEVENTID is an integer; SQLDATE is a real date
  written YYYYMMDD (an event without a date is counted apart); EventCode, EventBaseCode and
  EventRootCode are codes of events/data/cameo.tsv; QuadClass is 1-4; DATEADDED is 14 digits.
- ICEWS: the header is its 20 named columns and every row has 20 fields.
- Locations: each located event's sentence (the stored sentence text) is parsed again with the coder's
  spaCy pipeline; a location whose name occurs in the sentence only inside ORG or PERSON entity spans
  is a name taken for a place ("inside"); one with some occurrences inside such a span and some outside
  is counted as "partly"; one inside a longer FAC, PRODUCT, EVENT, LAW or WORK_OF_ART name is counted
  for information ("inside_other_name"). The sentence is parsed alone, as the coder's sentence documents are, so the
  entity spans are those the coder saw up to the parser's sensitivity to context.

Prints one JSON object; exits 1 if any line fails a check or any location is inside a name.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path

OTHER_KINDS = ("FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART")


def check_gdelt(path: Path, codes: set[str]) -> dict[str, int]:
    from greatgame.export import GDELT_COLUMNS

    col = {c: i for i, c in enumerate(GDELT_COLUMNS)}
    n = bad_fields = bad_id = bad_date = undated = bad_code = bad_quad = bad_added = 0
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            n += 1
            f = line.rstrip("\n").split("\t")
            if len(f) != 61:
                bad_fields += 1
                continue
            bad_id += not f[col["GLOBALEVENTID"]].isdigit()
            sqldate = f[col["SQLDATE"]]
            if not sqldate:
                undated += 1
            else:
                try:
                    datetime.strptime(sqldate, "%Y%m%d")
                    bad_date += len(sqldate) != 8
                except ValueError:
                    bad_date += 1
            bad_code += any(f[col[c]] not in codes for c in ("EventCode", "EventBaseCode", "EventRootCode"))
            bad_quad += f[col["QuadClass"]] not in ("1", "2", "3", "4")
            bad_added += not re.fullmatch(r"\d{14}", f[col["DATEADDED"]])
    return {"lines": n, "not_61_fields": bad_fields, "bad_id": bad_id, "bad_sqldate": bad_date,
            "undated": undated, "unknown_cameo": bad_code, "bad_quad": bad_quad, "bad_dateadded": bad_added}


def check_icews(path: Path) -> dict[str, int | bool]:
    from greatgame.export import ICEWS_COLUMNS

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {"header_ok": tuple(rows[0]) == ICEWS_COLUMNS if rows else False, "rows": len(rows) - 1,
            "not_20_fields": sum(len(r) != 20 for r in rows[1:])}


def check_locations(store, show: int) -> dict[str, object]:
    from greatgame.nlp import load_pipeline
    from greatgame.store import EventFilter

    nlp = load_pipeline()
    located = [e for e in store.events(EventFilter(modality=None)) if e.location is not None]
    inside, partly, other, examples = 0, 0, 0, []
    texts = [e.sentence.text for e in located]
    for e, doc in zip(located, nlp.pipe(texts, batch_size=64), strict=True):
        names = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in ("ORG", "PERSON")]
        others = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in OTHER_KINDS]
        hits = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(e.location.name) + r"(?!\w)",
                                                          e.sentence.text)]
        within = [h for h in hits if any(s <= h[0] and h[1] <= t for s, t in names)]
        # for information: wholly inside a longer name of another kind ("the Gulf war", "Geneva Convention")
        other += bool(hits) and all(any(s <= h[0] and h[1] <= t and (s, t) != h for s, t in others) for h in hits)
        if hits and len(within) == len(hits):
            inside += 1
            if len(examples) < show:
                examples.append({"event_id": e.event_id, "location": e.location.name,
                                 "sentence": " ".join(e.sentence.text.split())[:200]})
        elif within:
            partly += 1
    return {"located_events": len(located), "inside_org_or_person": inside, "partly_inside": partly,
            "inside_other_name": other, "examples": examples}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="A greatgame store.")
    ap.add_argument("--out-dir", help="Where to write the exports (default: a temporary directory).")
    ap.add_argument("--show", type=int, default=10, help="Locations inside a name to list.")
    args = ap.parse_args()

    from greatgame.events.ontology import cameo_table
    from greatgame.export import export
    from greatgame.store import Store, StoreError

    try:
        store = Store.open(args.db, read_only=True)
    except StoreError as exc:
        print(f"check_exports: {exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp, store:
        out = Path(args.out_dir or tmp)
        gdelt, icews = out / "events.gdelt.tsv", out / "events.icews.tsv"
        export(store, "gdelt", gdelt)
        export(store, "icews", icews)
        report = {"db": args.db, "gdelt": check_gdelt(gdelt, set(cameo_table())), "icews": check_icews(icews),
                  "locations": check_locations(store, args.show)}
    print(json.dumps(report, indent=2, ensure_ascii=False))
    g, i, loc = report["gdelt"], report["icews"], report["locations"]
    checks = ("not_61_fields", "bad_id", "bad_sqldate", "unknown_cameo", "bad_quad", "bad_dateadded")
    failed = (any(g[k] for k in checks)
              or not i["header_ok"] or i["not_20_fields"] or loc["inside_org_or_person"])
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
