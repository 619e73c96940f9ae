"""What every command shares: settings from flags, error lines, exit codes, output writers."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, NoReturn

import typer

from ..settings import Settings, SettingsError, load_settings

# Exit codes: 0 all done; 1 done, but some input was skipped or failed; 2 bad usage; 3 nothing done.
EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3


def error_line(message: str) -> None:
    """One line on stderr, prefixed so it is clear which program speaks."""
    typer.echo(f"greatgame: {message}", err=True)


def fail(message: str, code: int = EXIT_FATAL) -> NoReturn:
    """Print one error line and stop with the given exit code."""
    error_line(message)
    raise typer.Exit(code)


MinConfidence = Annotated[float | None, typer.Option(
    "--min-confidence", min=0.0, max=1.0,
    help="Keep events at or above this confidence (default 0.5: more likely right than wrong).")]
KeepAll = Annotated[bool, typer.Option("--all", help="Keep every event the coder finds, whatever its confidence.")]


def threshold(min_confidence: float | None, keep_all: bool) -> dict[str, Any]:
    """The settings overrides of --min-confidence and --all."""
    return {"min_confidence": 0.0 if keep_all else min_confidence}


def build_settings(config: str | None = None, **flags: Any) -> Settings:
    """Settings from defaults, the user's file and the flags; a bad file stops the command."""
    try:
        return load_settings(config, **flags)
    except SettingsError as exc:
        fail(str(exc), EXIT_USAGE)


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: Any = None) -> None:
    out = out or sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts to one level with dotted-free underscore names, for CSV."""
    flat: dict[str, Any] = {}
    for k, v in row.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            flat.update(flatten(v, key + "_"))
        else:
            flat[key] = v
    return flat


def write_csv(rows: Iterable[Mapping[str, Any]], out: Any = None, fieldnames: list[str] | None = None) -> None:
    out = out or sys.stdout
    rows = [flatten(r) for r in rows]
    names = fieldnames or (list(rows[0]) if rows else [])
    w = csv.DictWriter(out, fieldnames=names, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)


_SIDE = ("text", "start", "end", "code", "country", "sector", "name", "linked_to", "country_from", "office_from")
# The columns of an event record as CSV: fixed, so the header never depends on which record comes first
# (an actor's provenance fields and the location are in some records only; empty where a record has none).
EVENT_CSV_COLUMNS = [
    "event_id", "doc_id", "date", "date_precision",
    *(f"{side}_{f}" for side in ("source", "target") for f in _SIDE),
    "cameo", "cameo_root", "plover", "quad", "goldstein", "negated", "modality", "confidence",
    "trigger_text", "trigger_start", "trigger_end", "sentence_text", "sentence_start", "sentence_end",
    "location_name", "location_country", "location_lat", "location_lon",
]


def write_event_csv(records: Iterable[Mapping[str, Any]]) -> None:
    """Event records (`Event.to_dict()`) as CSV with EVENT_CSV_COLUMNS; `linked_to` as START-END."""
    rows = []
    for r in records:
        flat = flatten(r)
        for side in ("source", "target"):
            linked = flat.get(f"{side}_linked_to")
            if linked is not None:
                flat[f"{side}_linked_to"] = f"{linked[0]}-{linked[1]}"
        rows.append(flat)
    write_csv(rows, fieldnames=EVENT_CSV_COLUMNS)

