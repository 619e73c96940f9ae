"""Sentence gold (`greatgame eval --mode e2e|pairs`): reading gold files and pair requests.

A gold file holds one record a line: ``{"id", "text", "date", "events": [{"source", "target", "plover"
| "cameo", "quad"?}]}``; each actor has ``spans`` (character ranges in the text) or a CAMEO ``code``.
How the records are scored is in `greatgame.evaluate`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .events.ontology import PLOVER_CATEGORIES, cameo_table
from .model import InputError

__all__ = ["GoldActor", "GoldEvent", "GoldRecord", "PairRequest", "read_gold", "read_pair_requests"]


@dataclass(frozen=True)
class GoldActor:
    """A gold event's source or target: marked by character spans, or by a CAMEO actor code."""

    text: str | None
    spans: tuple[tuple[int, int], ...] = ()
    code: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One agreed event: who did what to whom, as acceptable PLOVER labels or a CAMEO code."""

    source: GoldActor
    target: GoldActor
    plover: tuple[str, ...] = ()
    cameo: str | None = None
    quad: int | None = None


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence (or short text) and its events."""

    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]


class _Bad(ValueError):
    """A gold or pair line that cannot be used; the message says why."""


def _actor(raw: Any, text: str, side: str) -> GoldActor:
    if not isinstance(raw, dict):
        raise _Bad(f"{side} must be an object")
    spans = raw.get("spans") or []
    if not isinstance(spans, list):
        raise _Bad(f"{side}.spans must be a list of [start, end]")
    out: list[tuple[int, int]] = []
    for sp in spans:
        if not (isinstance(sp, list) and len(sp) == 2 and all(type(x) is int for x in sp)
                and 0 <= sp[0] < sp[1] <= len(text)):
            raise _Bad(f"{side} span {sp!r} is not [start, end] inside the text")
        out.append((sp[0], sp[1]))
    code = raw.get("code")
    if code is not None and not isinstance(code, str):
        raise _Bad(f"{side}.code must be a string")
    if not out and not code:
        raise _Bad(f"{side} has neither spans nor a code")
    return GoldActor(raw.get("text"), tuple(out), code or None)


def _event(raw: Any, text: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise _Bad("an event must be an object")
    plover = raw.get("plover") or []
    plover = [plover] if isinstance(plover, str) else plover
    known = set(PLOVER_CATEGORIES) | {"YIELD"}
    if not isinstance(plover, list) or any(p not in known for p in plover):
        raise _Bad(f"plover {raw.get('plover')!r} is not a list of PLOVER categories")
    cameo = raw.get("cameo")
    if cameo is not None and cameo not in cameo_table():
        raise _Bad(f"cameo {cameo!r} is not a CAMEO code")
    if not plover and cameo is None:
        raise _Bad("an event needs plover or cameo")
    quad = raw.get("quad")
    if quad is not None and quad not in (1, 2, 3, 4):
        raise _Bad(f"quad {quad!r} is not 1-4")
    return GoldEvent(_actor(raw.get("source"), text, "source"), _actor(raw.get("target"), text, "target"),
                     tuple(plover), cameo, quad)


def _record(line: str, n: int) -> GoldRecord:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not JSON: {exc.msg}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise _Bad("a record must be an object with a text")
    events = raw.get("events", [])
    if not isinstance(events, list):
        raise _Bad("events must be a list")
    rid = str(raw.get("id") or f"line-{n}")
    return GoldRecord(rid, raw["text"], _iso_date(raw.get("date")), tuple(_event(e, raw["text"]) for e in events))


def _iso_date(value: Any) -> str | None:
    # A gold file's date only anchors relative dates; one that is not ISO (petr2 has "121108") is dropped
    # rather than handed to the coder, since dates are not what is scored.
    try:
        return value if isinstance(value, str) and date.fromisoformat(value).isoformat() == value else None
    except ValueError:
        return None


def read_gold(path: str | Path) -> tuple[list[GoldRecord], list[InputError]]:
    """The records of a gold file, and an error for each line that could not be read."""
    records: list[GoldRecord] = []
    errors: list[InputError] = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                records.append(_record(line, n))
            except _Bad as exc:
                errors.append(InputError(str(path), str(exc), n))
    return records, errors


@dataclass(frozen=True)
class PairRequest:
    """One line of `greatgame classify` input: two spans of a text."""

    id: Any
    text: str
    source: tuple[int, int]
    target: tuple[int, int]
    line: int = 0


def _offsets(raw: Any, text: str, side: str) -> tuple[int, int]:
    if not isinstance(raw, dict):
        raise _Bad(f"{side} must be an object with start and end")
    s, e = raw.get("start"), raw.get("end")
    if type(s) is not int or type(e) is not int or not 0 <= s < e <= len(text):
        raise _Bad(f"{side} start/end {s!r}/{e!r} are not offsets inside the text")
    return s, e


def read_pair_requests(lines: Iterable[str], path: str) -> Iterator[PairRequest | InputError]:
    """Pair requests from JSON lines; a line that cannot be used gives an InputError in its place."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _Bad(f"not JSON: {exc.msg}") from None
            if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
                raise _Bad("a line must be an object with a text")
            if "id" not in raw:
                raise _Bad("a line needs an id")
            yield PairRequest(raw["id"], raw["text"], _offsets(raw.get("source"), raw["text"], "source"),
                              _offsets(raw.get("target"), raw["text"], "target"), n)
        except _Bad as exc:
            yield InputError(path, str(exc), n)
