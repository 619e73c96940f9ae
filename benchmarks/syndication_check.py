"""Issue 13's aim: the same articles ingested again as syndicated copies leave the event count unchanged
and double the sources of the events found in them.

    PYTHONPATH=src .venv/bin/python benchmarks/syndication_check.py [--corpus FILE] [--limit 100]

Ingests the first N articles of the corpus (default the Reuters 1987 stories) into a fresh store,
then the same articles as syndicated copies: new ids, another publisher (`source`), a dateline
(`NICOSIA, <date> (AP) - `) and a byline put in front, and the wire's sign-off cut. Prints the
store's counts after each ingest and, for the events the copies' mentions joined, their sources
before and after. Both ingests run as real `greatgame ingest` subprocesses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
from common import SHARED, load_jsonl, need

GREATGAME = [sys.executable, "-m", "greatgame"]
REUTERS = SHARED / "corpora" / "reuters_politics_1987.jsonl"
SIGNOFF = re.compile(r"\s*\bREUTER\b\s*$", re.IGNORECASE)


def copy_of(row: dict, dated: bool = True) -> dict:
    """A syndicated copy: new id, another publisher, a dateline and byline in front, no sign-off.

    A dated dateline (`NICOSIA, Mar 01 (AP) - `) is read by the coder as part of the first sentence,
    so it can date that sentence's events to the dateline's day where the story said "last week"."""
    when = dt.date.fromisoformat(row["date"]).strftime("%b %d") if row.get("date") else "Monday"
    line = f"NICOSIA, {when} (AP) - " if dated else "NICOSIA (AP) - "
    text = "By Staff Correspondent\n" + line + SIGNOFF.sub("", row["text"])
    return {**row, "id": row["id"] + "-ap", "source": "AP", "text": text}


def ingest(db: Path, path: Path) -> None:
    done = subprocess.run([*GREATGAME, "ingest", str(path), "--db", str(db)], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr.strip()}")


def counts(db: Path) -> dict:
    done = subprocess.run([*GREATGAME, "stats", "--db", str(db), "--format", "json"], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REUTERS)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--dateline", choices=("dated", "undated"), default="dated",
                    help="the copies' dateline with the story's date (default) or without one")
    ap.add_argument("--keep", type=Path, default=None, help="keep the store and the two inputs in this folder")
    args = ap.parse_args()
    rows = load_jsonl(need(args.corpus), args.limit)
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = args.keep or Path(tmp_dir)
        tmp.mkdir(parents=True, exist_ok=True)
        originals, copies, db = tmp / "originals.jsonl", tmp / "copies.jsonl", tmp / "s.duckdb"
        originals.write_text("".join(json.dumps({**r, "source": "Reuters"}) + "\n" for r in rows))
        copies.write_text("".join(json.dumps(copy_of(r, args.dateline == "dated")) + "\n" for r in rows))
        ingest(db, originals)
        before = counts(db)
        con = duckdb.connect(str(db), read_only=True)
        # each original mention -> the sources and articles of its event
        was = {m: (n, a) for m, n, a in con.execute("""SELECT m.mention_id, e.num_sources, e.num_articles
            FROM mentions m JOIN events e USING (event_id)""").fetchall()}
        con.close()
        ingest(db, copies)
        after = counts(db)
        con = duckdb.connect(str(db), read_only=True)
        # the events the copies' mentions joined, with their sources now
        joined = con.execute("""SELECT DISTINCT e.event_id, e.num_sources, e.num_articles FROM events e
            JOIN mentions m ON m.event_id = e.event_id WHERE m.doc_id LIKE '%-ap'""").fetchall()
        anchors = con.execute("""SELECT e.event_id, list(m.mention_id) FROM events e
            JOIN mentions m ON m.event_id = e.event_id GROUP BY e.event_id""").fetchall()
        con.close()
    previous = {eid: max((was[m] for m in ms if m in was), default=(0, 0)) for eid, ms in anchors}
    doubled = sum(1 for eid, n, _ in joined if previous[eid][0] and n == 2 * previous[eid][0])
    same_articles = sum(1 for eid, _, a in joined if a == previous[eid][1])
    print(json.dumps({"articles_ingested": len(rows), "dateline": args.dateline, "before": before,
                      "after_copies": after}))
    print(json.dumps({
        "events_before": before["events"], "events_after": after["events"],
        "events_unchanged": before["events"] == after["events"],
        "events_joined_by_copies": len(joined), "their_sources_doubled": doubled,
        "their_articles_unchanged": same_articles,
        "articles": [before["articles"], after["articles"]], "sources": [before["sources"], after["sources"]],
    }))


if __name__ == "__main__":
    main()
