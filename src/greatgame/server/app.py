"""The JSON API and the dashboard: thin routes over the store, the analytics and the coder.

This module builds the app and codes pasted text; errors.py gives every failure one JSON shape,
routes_data.py holds the routes over stored events.

Every request reads the store through its own read-only connection, so an ingest run may write
between requests. Values from a request reach SQL only as parameters.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from .. import pipeline
from ..events.ontology import PLOVER_CATEGORIES
from ..documents import boilerplate_spans, document_id, parse_date
from ..inputs import read_sources
from ..model import MODALITIES, Document, InputError
from ..settings import Settings
from .errors import ApiError, install_error_handlers
from .routes_data import PERIODS, StoreDep, register_data_routes
from .watch_routes import router as watch_router
from .security import Guard, JsonTooDeep, document_errors, loads_bounded

__all__ = ["DEFAULT_MAX_CODE_BYTES", "ApiError", "create_app"]

STATIC = Path(__file__).with_name("static")
DEFAULT_MAX_CODE_BYTES = 200_000
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


# --- coding pasted text -----------------------------------------------------------------------------


class _CoderBox:
    """The coder, loaded on first use; one document at a time (spaCy pipelines are not thread-safe)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lock = threading.Lock()

    def code(self, docs: list[Document]) -> list[Any]:
        with self.lock:
            try:
                coder = pipeline.get_coder(self.settings)
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


def _uploaded_documents(upload: UploadFile, data: bytes, date: str | None,
                        limit: int) -> tuple[list[Document], list[dict[str, Any]]]:
    """The documents of an uploaded file, and its bad lines as {"file", "line", "msg"} (never dropped)."""
    name = os.path.basename(upload.filename or "upload.txt")
    if len(data) > limit:
        raise _too_large(len(data), limit, name)
    items = list(read_sources([(name, data)], limit))
    errors = [{"file": name, "line": i.line, "msg": i.message} for i in items if isinstance(i, InputError)]
    docs = [i for i in items if isinstance(i, Document)]
    if errors and not docs:
        first = errors[0]["msg"] + (f" (line {errors[0]['line']})" if errors[0]["line"] else "")
        raise ApiError(400, "invalid_document", f"{name}: {first}", errors)
    return [replace(d, date=d.date or date) for d in docs], errors


async def _code_request(request: Request, limit: int) -> tuple[list[Document], list[dict[str, Any]]]:
    """The documents a /api/code request carries: a JSON body, or a form with a file or a text."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    # Room for JSON escapes and multipart framing; the text itself is held to `limit` below.
    body = await _limited_body(request, 2 * limit + 65_536)
    if ctype == "application/json":
        try:
            data = loads_bounded(body or b"null")
        except JsonTooDeep as exc:
            raise ApiError(400, "json_too_deep", str(exc)) from None
        except ValueError as exc:
            raise ApiError(422, "invalid_request", f"the body is not JSON: {exc}") from None
        if not isinstance(data, dict):
            raise ApiError(422, "invalid_request", 'the body must be a JSON object {"text": ..., "date"?: ...}')
        return [_pasted_document(data.get("text"), data.get("date"), limit)], []
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        async def replay() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        form = await Request(request.scope, replay).form(max_files=1, max_fields=8)
        date = form.get("date") or None
        upload = form.get("file")
        if isinstance(upload, UploadFile):
            data = await upload.read()
            return await run_in_threadpool(_uploaded_documents, upload, data, _body_date(date), limit)
        return [_pasted_document(form.get("text"), date, limit)], []
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
               max_code_bytes: int = DEFAULT_MAX_CODE_BYTES, warm_coder: bool = False,
               allow_hosts: Iterable[str] = ()) -> FastAPI:
    """The API and dashboard over the store at `db_path`, read through read-only connections.

    Only requests naming a loopback host, or one of `allow_hosts` (and the settings'), are served.
    """
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
    install_error_handlers(app)
    app.add_middleware(Guard, allowed_hosts=(*settings.allow_hosts, *allow_hosts))
    document_errors(app)
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

        return {"version": app.version, "plover": list(PLOVER_CATEGORIES),
                "quads": {str(k): v for k, v in QUADS.items()}, "modalities": list(MODALITIES),
                "periods": list(PERIODS), "max_code_bytes": max_code_bytes}

    @app.get("/api/stats", summary="Counts of documents, events and actors, and the date range")
    def stats(store: StoreDep) -> dict[str, Any]:
        return store.stats()

    register_data_routes(app)
    app.include_router(watch_router)

    @app.post("/api/code", summary="Code a pasted text or an uploaded file without storing it",
              openapi_extra=_CODE_BODY)
    async def code(request: Request) -> dict[str, Any]:
        docs, input_errors = await _code_request(request, max_code_bytes)
        results = await run_in_threadpool(coder.code, docs)
        return {
            "documents": [{"id": r.doc.id, "title": r.doc.title, "date": r.doc.date, "chars": len(r.doc.text),
                           "events": len(r.events), "error": r.error} for r in results],
            "events": [e.to_dict() for r in results for e in r.events],
            "errors": input_errors,
            "coder": pipeline.CODER_VERSION,
        }

    return app
