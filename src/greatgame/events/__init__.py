"""Events: find who did what to whom in a parse and code it in CAMEO and PLOVER."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .ontology import GOLDSTEIN_TABLE, PLOVER_CATEGORIES, cameo_table

if TYPE_CHECKING:
    from .coder import Decision, EventCoder

__all__ = ["GOLDSTEIN_TABLE", "PLOVER_CATEGORIES", "Decision", "EventCoder", "cameo_table"]


def __getattr__(name: str) -> Any:
    # the coder needs spaCy: load it on first use, so that reading the ontology (`greatgame eval`'s
    # scorer, the CLI's help) does not
    if name in ("Decision", "EventCoder"):
        from . import coder  # lazily: the coder loads spaCy

        return getattr(coder, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
