"""Validate the project's synthetic event sentences and build training/synthetic.jsonl.

Reads every training/synthetic/<category>.jsonl (one PLOVER category per file, plus
none.jsonl), resolves the source and target strings to character spans, checks each
CAMEO code against the packaged cameo.tsv and its PLOVER column, and writes one record
per sentence. Any bad line is reported and nothing is written; the exit status is 1.

Standard library only, so it runs before the project is installed.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SYNTHETIC_DIR = HERE / "synthetic"
DEFAULT_TABLE = HERE / ".." / "src" / "greatgame" / "events" / "data" / "cameo.tsv"
DEFAULT_OUT = HERE / "synthetic.jsonl"

PLOVER_CATEGORIES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
NONE_STEM = "none"
NONE_CODE = "none"
MODALITIES = ("asserted", "negated", "future", "hypothetical", "reported")
REQUIRED_KEYS = ("text", "source", "target", "cameo", "plover", "modality")
OPTIONAL_KEYS = ("source_occurrence", "target_occurrence")


def load_cameo_table(path: Path) -> dict[str, str | None]:
    """Map each CAMEO code to its PLOVER category (None where the table leaves it blank)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {row["code"].strip(): (row["plover"] or "").strip() or None for row in rows}


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of needle in text."""
    starts, i = [], text.find(needle)
    while i != -1:
        starts.append(i)
        i = text.find(needle, i + 1)
    return starts


def _on_word_boundary(text: str, start: int, end: int) -> bool:
    # A span must not cut a word: "Iran" inside "Iranian" is not an actor mention.
    before_ok = start == 0 or not (text[start - 1].isalnum() and text[start].isalnum())
    after_ok = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
    return before_ok and after_ok


def resolve_span(record: dict, role: str, errors: list[str]) -> dict | None:
    """Find the character span of record[role], honouring <role>_occurrence."""
    text, needle = record["text"], record[role]
    starts = occurrences(text, needle)
    occ_key = f"{role}_occurrence"
    occ = record.get(occ_key)
    if not starts:
        errors.append(f"{role} {needle!r} is not a substring of the text")
        return None
    if occ is None:
        if len(starts) > 1:
            errors.append(f"{role} {needle!r} occurs {len(starts)} times; add {occ_key}")
            return None
        occ = 0
    elif not isinstance(occ, int) or isinstance(occ, bool) or occ < 0:
        errors.append(f"{occ_key} must be a non-negative integer")
        return None
    elif occ >= len(starts):
        errors.append(f"{occ_key}={occ} but {needle!r} occurs only {len(starts)} time(s)")
        return None
    start = starts[occ]
    end = start + len(needle)
    if not _on_word_boundary(text, start, end):
        errors.append(f"{role} {needle!r} at {start} cuts a word")
        return None
    return {"start": start, "end": end, "text": needle}


def check_record(record: object, stem: str, table: dict[str, str | None]) -> tuple[dict | None, list[str]]:
    """Validate one authored record; return (output fields, errors)."""
    errors: list[str] = []
    if not isinstance(record, dict):
        return None, ["line is not a JSON object"]
    missing = [k for k in REQUIRED_KEYS if k not in record]
    unknown = [k for k in record if k not in REQUIRED_KEYS + OPTIONAL_KEYS]
    if missing:
        errors.append(f"missing keys: {', '.join(missing)}")
    if unknown:
        errors.append(f"unknown keys: {', '.join(unknown)}")
    if missing:
        return None, errors
    bad_types = [
        k
        for k in ("text", "source", "target", "cameo")
        if not isinstance(record[k], str) or not record[k].strip()
    ]
    if bad_types:
        errors.extend(f"{k} must be a non-empty string" for k in bad_types)
        return None, errors
    text = record["text"]
    if text != text.strip() or "\n" in text:
        errors.append("text has surrounding whitespace or a newline")

    code, plover = record["cameo"], record["plover"]
    if code == NONE_CODE:
        expected = None
        if stem != NONE_STEM:
            errors.append(f"cameo 'none' is only allowed in {NONE_STEM}.jsonl")
    elif code not in table:
        errors.append(f"cameo code {code!r} is not in cameo.tsv")
        expected = plover
    else:
        expected = table[code]
    if plover != expected:
        errors.append(f"plover {plover!r} does not match cameo {code} -> {expected!r}")
    file_category = None if stem == NONE_STEM else stem.upper()
    if plover != file_category:
        errors.append(f"plover {plover!r} does not belong in {stem}.jsonl")
    if record["modality"] not in MODALITIES:
        errors.append(f"modality {record['modality']!r} not one of {', '.join(MODALITIES)}")

    source = resolve_span(record, "source", errors)
    target = resolve_span(record, "target", errors)
    if source and target and source["start"] < target["end"] and target["start"] < source["end"]:
        errors.append("source and target spans overlap")
    if errors:
        return None, errors
    return {
        "text": text,
        "source": source,
        "target": target,
        "cameo": code,
        "plover": plover,
        "modality": record["modality"],
    }, []


def build(synthetic_dir: Path, table_path: Path) -> tuple[list[dict], list[str]]:
    """Read every category file; return (output records, error messages)."""
    table = load_cameo_table(table_path)
    allowed_stems = {c.lower() for c in PLOVER_CATEGORIES} | {NONE_STEM}
    records: list[dict] = []
    errors: list[str] = []
    seen_texts: dict[str, str] = {}
    files = sorted(synthetic_dir.glob("*.jsonl"))
    if not files:
        errors.append(f"{synthetic_dir}: no *.jsonl files")
    for path in files:
        stem = path.stem
        if stem not in allowed_stems:
            errors.append(f"{path.name}: not a PLOVER category file")
            continue
        n = 0
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: invalid JSON ({exc.msg})")
                continue
            out, problems = check_record(raw, stem, table)
            errors.extend(f"{where}: {p}" for p in problems)
            if out is None:
                continue
            if out["text"] in seen_texts:
                errors.append(f"{where}: duplicate text (first at {seen_texts[out['text']]})")
                continue
            seen_texts[out["text"]] = where
            n += 1
            records.append({"id": f"syn-{stem}-{n}", **out})
    return records, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic-dir", type=Path, default=DEFAULT_SYNTHETIC_DIR)
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="validate only; write nothing")
    args = parser.parse_args(argv)

    records, errors = build(args.synthetic_dir, args.table)
    if errors:
        for message in errors:
            print(message, file=sys.stderr)
        print(f"{len(errors)} problem(s); nothing written", file=sys.stderr)
        return 1
    counts = Counter(r["plover"] or "none" for r in records)
    modalities = Counter(r["modality"] for r in records)
    if not args.check:
        with args.out.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    for category in (*PLOVER_CATEGORIES, "none"):
        print(f"{category:<10} {counts.get(category, 0)}")
    print(f"{'total':<10} {len(records)}")
    print("modality   " + ", ".join(f"{m} {modalities.get(m, 0)}" for m in MODALITIES))
    if not args.check:
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
