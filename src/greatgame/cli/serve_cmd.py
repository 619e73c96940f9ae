"""`greatgame serve`: the JSON API and the dashboard over a store, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .common import EXIT_USAGE, build_settings, error_line, fail


@app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="The DuckDB store to serve (opened read-only).")] = "greatgame.duckdb",
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; loopback unless you mean it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    max_code_kb: Annotated[int, typer.Option("--max-code-kb", min=1,
                                             help="Largest text the paste box codes, in kB.")] = 200,
    config: Annotated[str | None, typer.Option("--config", help="A TOML or JSON settings file.")] = None,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Also answer requests for this host name (repeatable; loopback names always; "
                             "'*' for any). Other Host headers are refused, against DNS rebinding.")] = None,
) -> None:
    """Serve the JSON API and the dashboard (http://HOST:PORT/) over a store."""
    import uvicorn  # lazily, as the server: FastAPI and uvicorn load only to serve

    from ..server import create_app  # lazily: FastAPI and uvicorn load only to serve
    from ..store import Store, StoreBusy, StoreError  # lazily: DuckDB loads only for a store

    if not Path(db).is_file():
        fail(f"no database at {db}; run `greatgame ingest PATH --db {db}` first", EXIT_USAGE)
    try:  # a store that cannot be read at all stops here, with its reason, not on the first request
        Store.open(db, read_only=True).close()
    except StoreError as exc:
        if not isinstance(exc, StoreBusy) and "in use" not in str(exc):
            fail(str(exc), EXIT_USAGE)
        error_line(f"{exc}; the dashboard will answer once the writer is done")
    settings = build_settings(config)
    if host not in ("127.0.0.1", "localhost", "::1"):
        error_line(f"listening on {host}: anyone who can reach it can read the store")
    typer.echo(f"greatgame: serving {db} at http://{'[' + host + ']' if ':' in host else host}:{port}/", err=True)
    server_app = create_app(db, settings, max_code_bytes=max_code_kb * 1000, warm_coder=True,
                            allow_hosts=_hosts(host, allow_host or []))
    uvicorn.run(server_app, host=host, port=port, log_level="warning")


def _hosts(host: str, allowed: list[str]) -> list[str]:
    """The Host names to answer: the given ones, and the listening address itself unless it is a wildcard."""
    return allowed if host in ("0.0.0.0", "::", "") else [*allowed, host]
