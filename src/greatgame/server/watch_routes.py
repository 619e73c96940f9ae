"""The API of `greatgame watch`: the sources it polls (with their health) and the alerts it raised."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..watch.state import source_health
from .routes_data import StoreDep

__all__ = ["router"]

router = APIRouter()


@router.get("/api/sources", summary="Watched feeds and sitemaps: their last check and what their pages came to")
def sources(store: StoreDep) -> dict[str, Any]:
    rows = source_health(store)
    return {"total": len(rows), "sources": rows}


@router.get("/api/alerts", summary="Alerts raised by `greatgame watch`, newest first")
def alerts(
    store: StoreDep,
    kind: Annotated[str | None, Query(pattern="^(shift|conflict)$", description="Only alerts of this kind")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    total, bodies = store.alerts_page(kind, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "alerts": bodies}
