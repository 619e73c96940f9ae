"""The API's routes over stored events (actors, events, dyads, network, shifts), their parameters,
and the read-only store each request gets."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request

from .. import analytics
from ..events.ontology import PLOVER_CATEGORIES
from ..documents import parse_date
from ..model import MODALITIES
from ..store import EventFilter, Store, StoreBusy, StoreError
from .errors import ApiError, bad_param

__all__ = ["PERIODS", "StoreDep", "register_data_routes"]

PERIODS = ("day", "week", "month", "year")
_CODE_RE = re.compile(r"^[A-Z0-9]{2,32}$")
# Offsets and counts a request may give: past any store's size, and far inside DuckDB's BIGINT.
MAX_OFFSET = 1_000_000_000
# While an ingest merges a partition, a request waits this long for it (most merges take less),
# then answers 503 with Retry-After: the writer has priority (docs/concurrency.md).
_WRITER_WAIT = 1.0
_RETRY_AFTER = "1"
# A store held by a writer outside the gate (an older greatgame, say) is retried briefly too.
_OPEN_RETRIES = (0.05, 0.15, 0.3)


# --- the store, read-only, one connection per request ---------------------------------------------


def _store(request: Request) -> Iterator[Store]:
    """A read-only store for one request; 503 if it cannot be opened (missing, or held by a writer)."""
    path = request.app.state.db_path
    for delay in (*_OPEN_RETRIES, None):
        try:
            store = Store.open(path, read_only=True, wait=_WRITER_WAIT)
            break
        except StoreBusy as exc:
            raise ApiError(503, "store_busy", str(exc), headers={"Retry-After": _RETRY_AFTER}) from None
        except StoreError as exc:
            if delay is None or "in use" not in str(exc):
                retry = {"Retry-After": _RETRY_AFTER} if "in use" in str(exc) else None
                raise ApiError(503, "store_unavailable", str(exc), headers=retry) from None
            time.sleep(delay)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(_store)]


# --- parameters -------------------------------------------------------------------------------------


def _date_query(description: str) -> Any:
    """A date parameter, declared as `format: date` in the OpenAPI schema."""
    return Query(description=description, json_schema_extra={"format": "date"})


def _date(name: str, value: str | None) -> str | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise bad_param(name, str(exc)) from None


def _actor_code(name: str, value: str) -> str:
    code = value.strip().upper()
    if not _CODE_RE.match(code):
        raise bad_param(name, f"{value!r} is not an actor code (2–32 letters or digits, e.g. IRN or USAGOV)")
    return code


def _period(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    s, u = _date("since", since), _date("until", until)
    if s and u and s > u:
        raise bad_param("until", f"until ({u}) is before since ({s})")
    return s, u


def _modalities(value: str | None) -> tuple[str, ...] | None:
    if value is None or value.strip() == "":
        return ("asserted",)
    parts = [p.strip().lower() for p in value.split(",") if p.strip()]
    if "all" in parts:
        return None
    unknown = [p for p in parts if p not in MODALITIES]
    if unknown:
        raise bad_param("modality", f"unknown modality {unknown[0]!r}; expected one of "
                                    f"{', '.join(MODALITIES)} or all")
    return tuple(parts)


def _plover(value: str | None) -> str | None:
    if not value:
        return None

    label = value.strip().upper()
    if label not in PLOVER_CATEGORIES:
        raise bad_param("plover", f"unknown PLOVER category {value!r}; expected one of "
                                  + ", ".join(PLOVER_CATEGORIES))
    return label


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    parts = value.split(",")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise bad_param("dyad", f"{value!r} is not two actor codes separated by a comma, e.g. IRN,IRQ")
    return _actor_code("dyad", parts[0]), _actor_code("dyad", parts[1])


def event_filter(
    actor: Annotated[str | None, Query(description="Actor code or country code on either side, e.g. IRN")] = None,
    dyad: Annotated[str | None, Query(description="Source and target codes, 'A,B' (directed unless both=true)")] = None,
    both: Annotated[bool, Query(description="With dyad: events in both directions")] = False,
    since: Annotated[str | None, _date_query("First date, YYYY-MM-DD (inclusive)")] = None,
    until: Annotated[str | None, _date_query("Last date, YYYY-MM-DD (inclusive)")] = None,
    plover: Annotated[str | None, Query(description="PLOVER category, e.g. ASSAULT")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1–4")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="Lowest confidence")] = None,
    modality: Annotated[str | None, Query(
        description="Modalities, comma-separated, or 'all' (default: asserted)")] = None,
) -> list[EventFilter]:
    """The request's event filters; two filters (one per direction) for a dyad in both directions."""
    s, u = _period(since, until)
    pair = _dyad(dyad)
    flt = EventFilter(
        actor=_actor_code("actor", actor) if actor else None, dyad=pair, since=s, until=u,
        plover=_plover(plover), quad=quad, min_confidence=min_confidence, modality=_modalities(modality),
    )
    if pair and both and pair[0] != pair[1]:
        return [flt, replace(flt, dyad=(pair[1], pair[0]))]
    return [flt]


FilterDep = Annotated[list[EventFilter], Depends(event_filter)]
CountQuery = Annotated[str, Query(pattern="^(events|mentions)$",
                                  description="Count real-world events (mentions clustered, the default) "
                                              "or mentions (every coded sentence)")]
LevelQuery = Annotated[str, Query(pattern="^(country|actor)$",
                                  description="Count actors by country (PRKGOV as PRK) or by actor code")]


def register_data_routes(app: FastAPI) -> None:
    """Routes over stored events: actors, events, dyads, network, shifts."""

    @app.get("/api/actors", summary="Actors named in stored events, most mentioned first")
    def actors(
        store: StoreDep,
        q: Annotated[str | None, Query(max_length=100, description="Part of a code or name")] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        total, rows = store.actors_page(q, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "actors": rows}

    @app.get("/api/events", summary="Stored events matching the filters, one page at a time")
    def events(
        store: StoreDep, filters: FilterDep,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        count: CountQuery = "events",
    ) -> dict[str, Any]:
        # Events, each with its mentions (the sentences that report it) under `mentions`; or mentions.
        if count == "mentions":
            total, page = store.events_page(filters, limit, offset)
        else:
            total, page = store.cluster_page(filters, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "count": count,
                "events": [e.to_dict() for e in page]}

    @app.get("/api/dyads", summary="Per directed dyad and period: counts by quad class, Goldstein, net cooperation")
    def dyads(
        store: StoreDep,
        by: Annotated[str, Query(pattern="^(day|week|month|year)$", description="Period length")] = "month",
        since: Annotated[str | None, _date_query("First date, YYYY-MM-DD")] = None,
        until: Annotated[str | None, _date_query("Last date, YYYY-MM-DD")] = None,
        top: Annotated[int | None, Query(ge=1, le=10_000, description="Only the N dyads with most events")] = None,
        actor: Annotated[str | None, Query(description="Only dyads with this actor on either side")] = None,
        dyad: Annotated[str | None, Query(description="Only this dyad, 'A,B' (directed unless both=true)")] = None,
        both: Annotated[bool, Query(description="With dyad: both directions")] = False,
        modality: Annotated[str | None, Query(description="Modalities, comma-separated, or 'all'")] = None,
        level: LevelQuery = "country",
        count: CountQuery = "events",
    ) -> dict[str, Any]:

        s, u = _period(since, until)
        pair = _dyad(dyad)
        who = _actor_code("actor", actor) if actor else (pair[0] if pair else None)
        frame = analytics.dyad_series(store, by=by, since=s, until=u, top=top, actor=who,
                                      modality=_modalities(modality), level=level, count=count)
        if pair:
            wanted = {pair, (pair[1], pair[0])} if both else {pair}
            keep = [(a, b) in wanted for a, b in zip(frame["source"], frame["target"], strict=True)]
            frame = frame[keep]
        return {"by": by, "since": s, "until": u, "level": level, "count": count, "rows": analytics.to_records(frame)}

    @app.get("/api/network", summary="The relation network of a period: actors and net-cooperation edges")
    def network(
        store: StoreDep,
        since: Annotated[str | None, _date_query("First date, YYYY-MM-DD")] = None,
        until: Annotated[str | None, _date_query("Last date, YYYY-MM-DD")] = None,
        min_events: Annotated[int, Query(ge=1, le=MAX_OFFSET, description="Leave out edges with fewer events")] = 1,
        top: Annotated[int | None, Query(ge=1, le=10_000, description="Only the N edges with most events")] = None,
        actor: Annotated[str | None, Query(description="Only edges touching this actor")] = None,
        modality: Annotated[str | None, Query(description="Modalities, comma-separated, or 'all'")] = None,
        level: LevelQuery = "country",
        count: CountQuery = "events",
    ) -> dict[str, Any]:

        s, u = _period(since, until)
        who = _actor_code("actor", actor) if actor else None
        nodes, edges = analytics.network(store, since=s, until=u, min_events=min_events,
                                         modality=_modalities(modality), level=level, count=count)
        total = len(edges)
        if who:
            edges = edges[(edges["source"] == who) | (edges["target"] == who)]
        if top is not None:
            edges = edges.sort_values(["events", "source", "target"], ascending=[False, True, True]).head(top)
        # Prominence and centrality stay those of the whole period; only the drawing is cut down.
        shown = set(edges["source"]) | set(edges["target"])
        nodes = nodes[nodes["code"].isin(shown)]
        return {"since": s, "until": u, "level": level, "count": count, "total_edges": total,
                "nodes": analytics.to_records(nodes), "edges": analytics.to_records(edges)}

    @app.get("/api/shifts", summary="Pairs whose cooperation moved significantly, and drifts between partners")
    def shifts(
        store: StoreDep,
        by: Annotated[str, Query(pattern="^(day|week|month|year)$", description="Period length")] = "year",
        min_events: Annotated[int, Query(ge=1, le=MAX_OFFSET,
                                          description="Fewest events in a period and before it")] = 5,
        z: Annotated[float, Query(gt=0, le=10, description="Smallest |z| of the two-proportion test")] = 1.96,
        since: Annotated[str | None, _date_query("First date, YYYY-MM-DD")] = None,
        until: Annotated[str | None, _date_query("Last date, YYYY-MM-DD")] = None,
        modality: Annotated[str | None, Query(description="Modalities, comma-separated, or 'all'")] = None,
        level: LevelQuery = "country",
        count: CountQuery = "events",
    ) -> dict[str, Any]:

        s, u = _period(since, until)
        args = {"by": by, "min_events": min_events, "z": z, "since": s, "until": u,
                "modality": _modalities(modality), "level": level, "count": count}
        return {**{k: v for k, v in args.items() if k != "modality"},
                "shifts": analytics.to_records(analytics.shifts(store, **args)),
                "triangles": analytics.to_records(analytics.triangles(store, **args))}
