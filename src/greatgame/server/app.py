"""The JSON API and the dashboard: thin routes over the store, the analytics and the coder.

Every request reads the store through its own read-only connection, so an ingest run may write
between requests. Values from a request reach SQL only as parameters.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..analytics import to_records
from ..documents import SUFFIXES, boilerplate_spans, document_id, parse_date, read_path
from ..model import MODALITIES, Document, InputError
from ..settings import Settings
from ..store import EVENT_COLUMNS, EventFilter, Store, StoreError, event_from_row

__all__ = ["DEFAULT_MAX_CODE_BYTES", "ApiError", "create_app"]

STATIC = Path(__file__).with_name("static")
DEFAULT_MAX_CODE_BYTES = 200_000
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
PERIODS = ("day", "week", "month", "year")
_CODE_RE = re.compile(r"^[A-Z0-9]{2,32}$")
# A store that an ingest run holds is retried briefly before the request gives up with 503.
_OPEN_RETRIES = (0.05, 0.15, 0.3, 0.5)


# --- errors: one JSON shape for every failure ------------------------------------------------------


class ApiError(Exception):
    """A failure to report as {"error": {"code", "message", "details"?}} with an HTTP status."""

    def __init__(self, status: int, code: str, message: str, details: list[dict[str, Any]] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def bad_param(name: str, message: str) -> ApiError:
    """A 400 for one query parameter, with details shaped like FastAPI's validation errors."""
    return ApiError(400, "invalid_parameter", f"{name}: {message}",
                    [{"loc": ["query", name], "msg": message, "type": "value_error"}])


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message}
    if details:
        err["details"] = details
    return {"error": err}


_HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "payload_too_large",
               415: "unsupported_media_type", 422: "invalid_request", 503: "unavailable"}


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message, exc.details), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        # Keep what is JSON and useful; FastAPI's raw errors may carry exception objects in ctx.
        details = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                   for e in exc.errors()]
        first = details[0] if details else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first["loc"] if p not in ("query", "body"))
        message = f"{where}: {first['msg']}" if where else first["msg"]
        return JSONResponse(error_body("invalid_request", message, details), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal_error(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(error_body("internal_error", f"internal error: {type(exc).__name__}"),
                            status_code=500)


# --- the store, read-only, one connection per request ---------------------------------------------


def _store(request: Request) -> Iterator[Store]:
    """A read-only store for one request; 503 if it cannot be opened (missing, or held by a writer)."""
    path = request.app.state.db_path
    for delay in (*_OPEN_RETRIES, None):
        try:
            store = Store.open(path, read_only=True)
            break
        except StoreError as exc:
            if delay is None or "in use" not in str(exc):
                raise ApiError(503, "store_unavailable", str(exc)) from None
            time.sleep(delay)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(_store)]


# --- parameters -------------------------------------------------------------------------------------


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
    from ..events.ontology import PLOVER_CATEGORIES

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
    since: Annotated[str | None, Query(description="First date, YYYY-MM-DD (inclusive)")] = None,
    until: Annotated[str | None, Query(description="Last date, YYYY-MM-DD (inclusive)")] = None,
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
LevelQuery = Annotated[str, Query(pattern="^(country|actor)$",
                                  description="Count actors by country (PRKGOV as PRK) or by actor code")]


# --- events: a page and its total ----------------------------------------------------------------

_EVENT_NAMES = ", ".join(name for name, _ in EVENT_COLUMNS)
_EVENT_ORDER = "date NULLS LAST, doc_id, sentence_start, trigger_start, event_id"


def _where(filters: list[EventFilter]) -> tuple[str, list[Any]]:
    """One WHERE clause over the filters' own clauses, OR-ed (the store writes each clause)."""
    parts: list[str] = []
    params: list[Any] = []
    for flt in filters:
        clause, ps = flt.where()
        parts.append(clause.removeprefix(" WHERE ") or "TRUE")
        params += ps
    return " WHERE " + " OR ".join(f"({p})" for p in parts), params


def events_page(store: Store, filters: list[EventFilter], limit: int, offset: int) -> tuple[int, list[Any]]:
    """The total number of matching events and one page of them, in the store's order."""
    # Store.events has neither an offset nor a count; this adds them over the store's WHERE clauses.
    where, params = _where(filters)
    total = store.con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()
    rows = store.con.execute(
        f"SELECT {_EVENT_NAMES} FROM events{where} ORDER BY {_EVENT_ORDER} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return int(total[0]) if total else 0, [event_from_row(r) for r in rows]


# --- coding pasted text -----------------------------------------------------------------------------


class _CoderBox:
    """The coder, loaded on first use; one document at a time (spaCy pipelines are not thread-safe)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lock = threading.Lock()

    def code(self, docs: list[Document]) -> list[Any]:
        from ..pipeline import get_coder

        with self.lock:
            try:
                coder = get_coder(self.settings)
            except Exception as exc:  # noqa: BLE001 - a missing model or dictionary; the rest still works
                raise ApiError(503, "coder_unavailable", f"the coder cannot be loaded: {exc}") from None
            return list(coder.code_many(docs))

    def warm(self) -> None:
        threading.Thread(target=self._warm, name="greatgame-coder-warmup", daemon=True).start()

    def _warm(self) -> None:
        try:
            self.code([Document(id="warmup", text="Russia signed a trade deal with North Korea.")])
        except ApiError:
            pass  # reported on the first real request


async def _limited_body(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it passes `limit` bytes (without reading the rest)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(int(declared), limit, "the request")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(size, limit, "the request")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(size: int, limit: int, what: str = "the text") -> ApiError:
    return ApiError(413, "payload_too_large",
                    f"{what} is too large ({size / 1000:.0f} kB or more; the limit is {limit / 1000:.0f} kB)",
                    [{"size": size, "limit": limit}])


def _pasted_document(text: Any, date: Any, limit: int) -> Document:
    if not isinstance(text, str) or not text.strip():
        raise ApiError(422, "invalid_request", "text: a non-empty text is required",
                       [{"loc": ["body", "text"], "msg": "a non-empty text is required", "type": "missing"}])
    size = len(text.encode("utf-8"))
    if size > limit:
        raise _too_large(size, limit)
    return Document(id=document_id(text), text=text, date=_body_date(date), origin="<pasted>",
                    skip=boilerplate_spans(text))


def _body_date(date: Any) -> str | None:
    """The `date` field of a /api/code body as an ISO date, or None."""
    if date is not None and not isinstance(date, str):
        raise ApiError(422, "invalid_request", "date: must be a string",
                       [{"loc": ["body", "date"], "msg": "must be a string", "type": "string_type"}])
    try:
        return parse_date(date)
    except ValueError as exc:
        raise ApiError(400, "invalid_parameter", f"date: {exc}",
                       [{"loc": ["body", "date"], "msg": str(exc), "type": "value_error"}]) from None


def _uploaded_documents(upload: UploadFile, data: bytes, date: str | None, limit: int) -> list[Document]:
    name = os.path.basename(upload.filename or "upload.txt")
    if len(data) > limit:
        raise _too_large(len(data), limit, name)
    suffix = os.path.splitext(name)[1].lower()
    suffix = suffix if suffix in SUFFIXES else ".txt"
    with tempfile.TemporaryDirectory(prefix="greatgame-upload-") as tmp:
        path = os.path.join(tmp, "upload" + suffix)
        with open(path, "wb") as f:
            f.write(data)
        items = list(read_path(path, limit))
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if isinstance(i, Document)]
    if errors and not docs:
        messages = [e.message + (f" (line {e.line})" if e.line else "") for e in errors]
        raise ApiError(400, "invalid_document", f"{name}: {messages[0]}",
                       [{"file": name, "line": e.line, "msg": e.message} for e in errors])
    return [replace(d, origin=name + d.origin[len(path):], date=d.date or date) for d in docs]


async def _code_request(request: Request, limit: int) -> list[Document]:
    """The documents a /api/code request carries: a JSON body, or a form with a file or a text."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    # Room for JSON escapes and multipart framing; the text itself is held to `limit` below.
    body = await _limited_body(request, 2 * limit + 65_536)
    if ctype == "application/json":
        try:
            data = json.loads(body or b"null")
        except ValueError as exc:
            raise ApiError(422, "invalid_request", f"the body is not JSON: {exc}") from None
        if not isinstance(data, dict):
            raise ApiError(422, "invalid_request", 'the body must be a JSON object {"text": ..., "date"?: ...}')
        return [_pasted_document(data.get("text"), data.get("date"), limit)]
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        async def replay() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        form = await Request(request.scope, replay).form(max_files=1, max_fields=8)
        date = form.get("date") or None
        upload = form.get("file")
        if isinstance(upload, UploadFile):
            data = await upload.read()
            return await run_in_threadpool(_uploaded_documents, upload, data, _body_date(date), limit)
        return [_pasted_document(form.get("text"), date, limit)]
    raise ApiError(415, "unsupported_media_type",
                   "send JSON {\"text\", \"date\"?} or a multipart form with a file (or a text) field")


# The page loads nothing from elsewhere; the policy makes that a rule the browser enforces.
_CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'")

_CODE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {
                "type": "object", "required": ["text"],
                "properties": {"text": {"type": "string"}, "date": {"type": "string", "format": "date"}}}},
            "multipart/form-data": {"schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary"}, "text": {"type": "string"},
                               "date": {"type": "string", "format": "date"}}}},
        },
    }
}


# --- the application --------------------------------------------------------------------------------


def create_app(db_path: str | os.PathLike[str], settings: Settings | None = None, *,
               max_code_bytes: int = DEFAULT_MAX_CODE_BYTES, warm_coder: bool = False) -> FastAPI:
    """The API and dashboard over the store at `db_path`, read through read-only connections."""
    from .. import pipeline

    settings = settings or Settings()
    app = FastAPI(
        title="greatgame", version=pipeline.CODER_VERSION.removeprefix("greatgame-"),
        description="Political event data from news: who did what to whom, coded in CAMEO and PLOVER.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; /openapi.json is the API
    )
    app.state.db_path = os.fspath(db_path)
    app.state.max_code_bytes = max_code_bytes
    coder = _CoderBox(settings)
    if warm_coder:
        coder.warm()
    _install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": _CSP})

    @app.get("/api/health", summary="Whether the server runs and the store can be read")
    def health(store: StoreDep) -> dict[str, Any]:
        return {"status": "ok", "version": app.version, "db": store.path,
                "schema_version": store.schema_version()}

    @app.get("/api/meta", summary="Categories, quad classes, modalities and limits the API accepts")
    def meta() -> dict[str, Any]:
        from ..events.ontology import PLOVER_CATEGORIES

        return {"version": app.version, "plover": list(PLOVER_CATEGORIES),
                "quads": {str(k): v for k, v in QUADS.items()}, "modalities": list(MODALITIES),
                "periods": list(PERIODS), "max_code_bytes": max_code_bytes}

    @app.get("/api/stats", summary="Counts of documents, events and actors, and the date range")
    def stats(store: StoreDep) -> dict[str, Any]:
        return store.stats()

    _register_data_routes(app)
    from .watch_routes import router as watch_router
    app.include_router(watch_router)

    @app.post("/api/code", summary="Code a pasted text or an uploaded file without storing it",
              openapi_extra=_CODE_BODY)
    async def code(request: Request) -> dict[str, Any]:
        docs = await _code_request(request, max_code_bytes)
        results = await run_in_threadpool(coder.code, docs)
        return {
            "documents": [{"id": r.doc.id, "title": r.doc.title, "date": r.doc.date, "chars": len(r.doc.text),
                           "events": len(r.events), "error": r.error} for r in results],
            "events": [e.to_dict() for r in results for e in r.events],
            "coder": pipeline.CODER_VERSION,
        }

    return app


def _register_data_routes(app: FastAPI) -> None:
    """Routes over stored events: actors, events, dyads, network, shifts."""

    @app.get("/api/actors", summary="Actors named in stored events, most mentioned first")
    def actors(
        store: StoreDep,
        q: Annotated[str | None, Query(max_length=100, description="Part of a code or name")] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 100,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        # The store has no actors query; this reads its `actors` view, with parameters only.
        where, params = "", []
        if q:
            like = "%" + re.sub(r"([%_\\])", r"\\\1", q.strip()) + "%"
            where = " WHERE code ILIKE ? ESCAPE '\\' OR name ILIKE ? ESCAPE '\\'"
            params = [like, like]
        total = store.con.execute(f"SELECT count(*) FROM actors{where}", params).fetchone()
        frame = store.query(f"SELECT code, name, country, sector, mentions AS events FROM actors{where} "
                            "ORDER BY mentions DESC, code LIMIT ? OFFSET ?", [*params, limit, offset])
        return {"total": int(total[0]) if total else 0, "limit": limit, "offset": offset,
                "actors": to_records(frame)}

    @app.get("/api/events", summary="Stored events matching the filters, one page at a time")
    def events(
        store: StoreDep, filters: FilterDep,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        total, page = events_page(store, filters, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "events": [e.to_dict() for e in page]}

    @app.get("/api/dyads", summary="Per directed dyad and period: counts by quad class, Goldstein, net cooperation")
    def dyads(
        store: StoreDep,
        by: Annotated[str, Query(pattern="^(day|week|month|year)$", description="Period length")] = "month",
        since: Annotated[str | None, Query(description="First date, YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(description="Last date, YYYY-MM-DD")] = None,
        top: Annotated[int | None, Query(ge=1, le=10_000, description="Only the N dyads with most events")] = None,
        actor: Annotated[str | None, Query(description="Only dyads with this actor on either side")] = None,
        dyad: Annotated[str | None, Query(description="Only this dyad, 'A,B' (directed unless both=true)")] = None,
        both: Annotated[bool, Query(description="With dyad: both directions")] = False,
        modality: Annotated[str | None, Query(description="Modalities, comma-separated, or 'all'")] = None,
        level: LevelQuery = "country",
    ) -> dict[str, Any]:
        from .. import analytics

        s, u = _period(since, until)
        pair = _dyad(dyad)
        who = _actor_code("actor", actor) if actor else (pair[0] if pair else None)
        frame = analytics.dyad_series(store, by=by, since=s, until=u, top=top, actor=who,
                                      modality=_modalities(modality), level=level)
        if pair:
            wanted = {pair, (pair[1], pair[0])} if both else {pair}
            keep = [(a, b) in wanted for a, b in zip(frame["source"], frame["target"], strict=True)]
            frame = frame[keep]
        return {"by": by, "since": s, "until": u, "level": level, "rows": analytics.to_records(frame)}

    @app.get("/api/network", summary="The relation network of a period: actors and net-cooperation edges")
    def network(
        store: StoreDep,
        since: Annotated[str | None, Query(description="First date, YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(description="Last date, YYYY-MM-DD")] = None,
        min_events: Annotated[int, Query(ge=1, description="Leave out edges with fewer events")] = 1,
        top: Annotated[int | None, Query(ge=1, le=10_000, description="Only the N edges with most events")] = None,
        actor: Annotated[str | None, Query(description="Only edges touching this actor")] = None,
        modality: Annotated[str | None, Query(description="Modalities, comma-separated, or 'all'")] = None,
        level: LevelQuery = "country",
    ) -> dict[str, Any]:
        from .. import analytics

        s, u = _period(since, until)
        who = _actor_code("actor", actor) if actor else None
        nodes, edges = analytics.network(store, since=s, until=u, min_events=min_events,
                                         modality=_modalities(modality), level=level)
        total = len(edges)
        if who:
            edges = edges[(edges["source"] == who) | (edges["target"] == who)]
        if top is not None:
            edges = edges.sort_values(["events", "source", "target"], ascending=[False, True, True]).head(top)
        # Prominence and centrality stay those of the whole period; only the drawing is cut down.
        shown = set(edges["source"]) | set(edges["target"])
        nodes = nodes[nodes["code"].isin(shown)]
        return {"since": s, "until": u, "level": level, "total_edges": total,
                "nodes": analytics.to_records(nodes), "edges": analytics.to_records(edges)}

    @app.get("/api/shifts", summary="Pairs whose cooperation moved significantly, and drifts between partners")
    def shifts(
        store: StoreDep,
        by: Annotated[str, Query(pattern="^(day|week|month|year)$", description="Period length")] = "year",
        min_events: Annotated[int, Query(ge=1, description="Fewest events in a period and before it")] = 5,
        z: Annotated[float, Query(gt=0, le=10, description="Smallest |z| of the two-proportion test")] = 1.96,
        since: Annotated[str | None, Query(description="First date, YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(description="Last date, YYYY-MM-DD")] = None,
        modality: Annotated[str | None, Query(description="Modalities, comma-separated, or 'all'")] = None,
        level: LevelQuery = "country",
    ) -> dict[str, Any]:
        from .. import analytics

        s, u = _period(since, until)
        args = {"by": by, "min_events": min_events, "z": z, "since": s, "until": u,
                "modality": _modalities(modality), "level": level}
        return {**{k: v for k, v in args.items() if k != "modality"},
                "shifts": analytics.to_records(analytics.shifts(store, **args)),
                "triangles": analytics.to_records(analytics.triangles(store, **args))}
