"""What makes the API safe to run on a laptop while its user browses the web.

- A Host allow-list (loopback names by default): a page on another site that rebinds its DNS name
  to 127.0.0.1 sends its own name as Host, so it is refused and cannot read the store.
- No state-changing or costly request from another origin: a POST whose Origin, Referer or
  Sec-Fetch-Site says another site sent it is refused (a form on any web page can POST to loopback
  without asking; a client such as curl sends none of these headers and is served).
- Security headers on every response.
- JSON bodies of bounded depth, so a deeply nested body is a clean 400, not a RecursionError.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse

__all__ = ["LOOPBACK_HOSTS", "MAX_JSON_DEPTH", "Guard", "JsonTooDeep", "document_errors", "host_name",
           "loads_bounded"]

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
MAX_JSON_DEPTH = 32
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# A response without a policy of its own (JSON, static files) may load nothing and be framed nowhere.
_DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'"
_HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def host_name(value: str) -> str | None:
    """The name in a Host header ("localhost:8000" -> "localhost", "[::1]:80" -> "::1"); None if malformed."""
    value = value.strip().lower()
    if value.startswith("["):
        name, sep, rest = value[1:].partition("]")
        if not sep or (rest and not re.fullmatch(r":\d{1,5}", rest)):
            return None
        return name or None
    name, _, port = value.partition(":")
    if port and not port.isdigit():
        return None
    return name if re.fullmatch(r"[a-z0-9._-]+", name or "") else None


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def _cross_site(headers: Headers) -> str | None:
    """Why a browser sent this request from another origin, or None if it did not (or no browser sent it)."""
    site = headers.get("sec-fetch-site")
    if site in ("cross-site", "same-site"):
        return f"the browser says the request came from another site (Sec-Fetch-Site: {site})"
    host = headers.get("host", "").strip().lower()
    origin = headers.get("origin")
    if origin is not None:
        if urlsplit(origin.strip()).netloc.lower() != host:
            return f"the request came from {origin[:100]!r}, not from this server"
        return None
    referer = headers.get("referer")
    if referer is not None and urlsplit(referer.strip()).netloc.lower() != host:
        return "the request came from a page of another origin (Referer)"
    return None


class Guard:
    """ASGI middleware: the Host allow-list, same-origin unsafe methods, and security headers."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = ()) -> None:
        self.app = app
        names = {h.strip().lower().strip("[]") for h in (*LOOPBACK_HOSTS, *allowed_hosts) if h.strip()}
        self.any_host = "*" in names
        self.allowed = frozenset(names - {"*"})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
                headers.setdefault("content-security-policy", _DEFAULT_CSP)
            await send(message)

        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope, headers: Headers) -> JSONResponse | None:
        name = host_name(headers.get("host", ""))
        if not self.any_host and name not in self.allowed:
            shown = (name or headers.get("host", ""))[:100]
            return _error(400, "host_not_allowed",
                          f"host {shown!r} is not served (allowed: {', '.join(sorted(self.allowed))}); "
                          f"start the server with --allow-host {shown or 'NAME'} to serve it")
        if scope["method"] not in SAFE_METHODS and (why := _cross_site(headers)):
            return _error(403, "cross_origin", f"refused: {why}")
        return None


# --- JSON of bounded depth ---------------------------------------------------------------------------

_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


class JsonTooDeep(ValueError):
    """A JSON text nested deeper than the limit."""


def loads_bounded(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """json.loads, after checking that no array or object is nested deeper than `max_depth`."""
    depth = 0
    # Brackets inside strings do not nest; the strings are blanked before counting.
    for m in _JSON_BRACKET.finditer(_JSON_STRING.sub(b'""', body)):
        depth += 1 if m[0] in (b"[", b"{") else -1
        if depth > max_depth:
            raise JsonTooDeep(f"the JSON body is nested more than {max_depth} levels deep")
    return json.loads(body)


# --- every error status in the OpenAPI schema ------------------------------------------------------

_ERROR_SCHEMA = {
    "type": "object", "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                       "details": {"type": "array", "items": {"type": "object"}}}}},
}
_WHY = {400: "A parameter out of its range, or a Host that is not served",
        403: "A request from another origin", 413: "The body is over the size limit",
        415: "A body of a kind the endpoint does not take", 422: "A request that does not match the schema",
        503: "The store (or the coder) cannot be used now"}


def _format_into_string(schema: dict[str, Any]) -> None:
    """Move a `format` (e.g. date) of an optional parameter onto its string branch, where validators see it."""
    fmt = schema.get("format")
    if fmt and "anyOf" in schema:
        del schema["format"]
        for branch in schema["anyOf"]:
            if branch.get("type") == "string":
                branch["format"] = fmt


def document_errors(app: FastAPI) -> None:
    """Add every error status each operation can answer, with the one error shape, to the OpenAPI schema."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = base()
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = _ERROR_SCHEMA
        ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for methods in schema.get("paths", {}).values():
            for method, op in methods.items():
                for param in op.get("parameters", []):
                    _format_into_string(param["schema"])
                statuses = [400, 422, 503] + ([403, 413, 415] if method.upper() not in SAFE_METHODS else [])
                for status in statuses:
                    op.setdefault("responses", {})[str(status)] = {"description": _WHY[status], "content": ref}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
