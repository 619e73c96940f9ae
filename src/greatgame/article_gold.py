"""Whole-article gold (`greatgame eval --mode full`): reading exhaustive gold files and the corpus.

A record is ``{"id", "text" | "sha256", "date", "exhaustive": true, "split"?, "events": [...]}``; a record
without its text (stand-off gold over a corpus that may not be redistributed) is joined to the corpus
by id, and its ``sha256`` must be that of the corpus text. How the records are scored is in
`greatgame.exhaustive`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .events.ontology import PLOVER_CATEGORIES
from .model import MODALITIES, InputError

__all__ = ["ExhaustiveEvent", "ExhaustiveRecord", "GoldSide", "actor_key", "read_corpus", "read_exhaustive",
           "text_sha256"]

_NO_COUNTRY = ("---",)
_BODIES = ("IGO", "NGO")


def text_sha256(text: str) -> str:
    """The hash that ties a stand-off gold record to its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def actor_key(code: str | None, country: str | None = None) -> str | None:
    """What 'the same country' compares: a country code, a whole IGO/NGO code, or None."""
    if country:
        return country
    if not code or code.startswith(_NO_COUNTRY):
        return None
    return code if code.startswith(_BODIES) else code[:3]


@dataclass(frozen=True)
class GoldSide:
    spans: tuple[tuple[int, int], ...]
    code: str

    @property
    def key(self) -> str | None:
        return actor_key(self.code)


@dataclass(frozen=True)
class ExhaustiveEvent:
    """One gold event of a whole article."""

    source: GoldSide
    target: GoldSide
    plover: tuple[str, ...]
    cameo: str | None
    modality: str
    required: bool
    sentence: tuple[int, int]
    note: str = ""


@dataclass(frozen=True)
class ExhaustiveRecord:
    """One article with every event marked."""

    id: str
    text: str
    date: str | None
    events: tuple[ExhaustiveEvent, ...]
    split: str | None = None
    line: int = 0


class _Bad(ValueError):
    pass


def _spans(raw: Any, text: str, side: str) -> GoldSide:
    if not isinstance(raw, dict) or not isinstance(raw.get("code"), str):
        raise _Bad(f"{side} must be an object with spans and a code")
    spans = raw.get("spans")
    if not isinstance(spans, list) or not spans:
        raise _Bad(f"{side}.spans must be a non-empty list of [start, end]")
    out = []
    for sp in spans:
        if not (isinstance(sp, list) and len(sp) == 2 and all(type(x) is int for x in sp)
                and 0 <= sp[0] < sp[1] <= len(text)):
            raise _Bad(f"{side} span {sp!r} is not [start, end] inside the text")
        out.append((sp[0], sp[1]))
    return GoldSide(tuple(out), raw["code"])


def _gold_event(raw: Any, text: str, n: int) -> ExhaustiveEvent:
    if not isinstance(raw, dict):
        raise _Bad(f"event {n} is not an object")
    plover = raw.get("plover")
    plover = [plover] if isinstance(plover, str) else plover
    if not isinstance(plover, list) or not plover or any(p not in PLOVER_CATEGORIES for p in plover):
        raise _Bad(f"event {n}: plover {raw.get('plover')!r} is not a list of PLOVER categories")
    if raw.get("modality") not in MODALITIES:
        raise _Bad(f"event {n}: modality {raw.get('modality')!r} is not one of {', '.join(MODALITIES)}")
    if not isinstance(raw.get("required"), bool):
        raise _Bad(f"event {n}: required must be true or false")
    sent = raw.get("sentence")
    if not (isinstance(sent, list) and len(sent) == 2 and all(type(x) is int for x in sent)
            and 0 <= sent[0] < sent[1] <= len(text)):
        raise _Bad(f"event {n}: sentence {sent!r} is not [start, end] inside the text")
    try:
        src, tgt = _spans(raw.get("source"), text, "source"), _spans(raw.get("target"), text, "target")
    except _Bad as exc:
        raise _Bad(f"event {n}: {exc}") from None
    return ExhaustiveEvent(src, tgt, tuple(plover), raw.get("cameo"), raw["modality"], raw["required"],
                           (sent[0], sent[1]), str(raw.get("note") or ""))


def read_corpus(path: str | Path) -> tuple[dict[str, dict[str, Any]], list[InputError]]:
    """The documents of a JSON-lines corpus (plain or gzipped) by id, and an error for each bad line."""
    opener = gzip.open if str(path).endswith(".gz") else open
    docs: dict[str, dict[str, Any]] = {}
    errors: list[InputError] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(InputError(str(path), f"not JSON: {exc.msg}", n))
                continue
            if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or "id" not in raw:
                errors.append(InputError(str(path), "a line needs an id and a text", n))
                continue
            docs[str(raw["id"])] = raw
    return docs, errors


def _record(raw: Any, n: int, texts: dict[str, dict[str, Any]] | None, where: str) -> ExhaustiveRecord:
    if not isinstance(raw, dict) or "id" not in raw:
        raise _Bad("a record must be an object with an id")
    rid = str(raw["id"])
    if raw.get("exhaustive") is not True:
        raise _Bad(f"{rid}: not exhaustive gold (\"exhaustive\": true); score sentence gold with --mode e2e")
    text = raw.get("text")
    if not isinstance(text, str):
        if texts is None:
            raise _Bad(f"{rid}: the record has no text; give the corpus with --texts")
        doc = texts.get(rid)
        if doc is None:
            raise _Bad(f"{rid}: document id not found in {where}")
        text = doc["text"]
    digest = raw.get("sha256")
    if digest is not None and digest != text_sha256(text):
        raise _Bad(f"{rid}: the text's SHA-256 does not match the gold's (another version of the document?)")
    events = raw.get("events")
    if not isinstance(events, list):
        raise _Bad(f"{rid}: events must be a list")
    try:
        evs = tuple(_gold_event(e, text, i) for i, e in enumerate(events, 1))
    except _Bad as exc:
        raise _Bad(f"{rid}: {exc}") from None
    return ExhaustiveRecord(rid, text, raw.get("date"), evs, raw.get("split"), n)


def read_exhaustive(path: str | Path, texts: dict[str, dict[str, Any]] | None = None,
                    texts_name: str = "the corpus") -> tuple[list[ExhaustiveRecord], list[InputError]]:
    """The records of an exhaustive gold file, joined to `texts` where they are stand-off."""
    records: list[ExhaustiveRecord] = []
    errors: list[InputError] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(_record(json.loads(line), n, texts, texts_name))
            except json.JSONDecodeError as exc:
                errors.append(InputError(str(path), f"not JSON: {exc.msg}", n))
            except _Bad as exc:
                errors.append(InputError(str(path), str(exc), n))
    return records, errors
