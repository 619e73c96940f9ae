"""Which events to read: a filter object that writes its own WHERE clause, with parameters only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import MODALITIES

__all__ = ["EventFilter", "modality_values", "where_any"]


def modality_values(modality: str | Sequence[str] | None) -> list[str] | None:
    """Modalities as a list, or None for all; 'all' and None both mean all."""
    if modality is None or modality == "all":
        return None
    values = [modality] if isinstance(modality, str) else list(modality)
    if "all" in values:
        return None
    unknown = [m for m in values if m not in MODALITIES]
    if unknown:
        raise ValueError(f"unknown modality {unknown[0]!r}; expected one of {', '.join(MODALITIES)} or all")
    return values


@dataclass(frozen=True)
class EventFilter:
    """Which events to read: every field optional; `modality` None means every modality."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    since: str | None = None
    until: str | None = None
    plover: str | None = None
    quad: int | None = None
    min_confidence: float | None = None
    modality: tuple[str, ...] | None = ("asserted",)
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (fixed text, '?' placeholders) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        side = "({p}_code = ? OR {p}_country = ?)"
        if self.actor:
            clauses.append("(" + side.format(p="source") + " OR " + side.format(p="target") + ")")
            params += [self.actor] * 4
        if self.dyad:
            clauses.append(side.format(p="source") + " AND " + side.format(p="target"))
            params += [self.dyad[0], self.dyad[0], self.dyad[1], self.dyad[1]]
        if self.since:
            clauses.append("date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append("date <= CAST(? AS DATE)")
            params.append(self.until)
        if self.plover:
            clauses.append("plover = ?")
            params.append(self.plover.upper())
        if self.quad is not None:
            clauses.append("quad = ?")
            params.append(self.quad)
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(self.min_confidence)
        mods = modality_values(self.modality)
        if mods is not None:
            clauses.append("list_contains(?::VARCHAR[], modality)")
            params.append(mods)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def where_any(filters: Sequence[EventFilter]) -> tuple[str, list[Any]]:
    """One WHERE clause matching an event that any of the filters matches (none: every event)."""
    if not filters:
        return "", []
    parts: list[str] = []
    params: list[Any] = []
    for flt in filters:
        clause, ps = flt.where()
        parts.append(clause.removeprefix(" WHERE ") or "TRUE")
        params += ps
    return " WHERE " + " OR ".join(f"({p})" for p in parts), params
