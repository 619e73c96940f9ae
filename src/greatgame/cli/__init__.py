"""The greatgame command line: thin commands over the library."""

from __future__ import annotations

# Each module registers its commands on `app` when imported, in this order in the help.
from . import code_cmd, eval_cmd, demo_cmd, store_cmd, serve_cmd, batch_cmd, watch_cmd  # noqa: F401
from .app import app


def main() -> None:
    """Entry point of the `greatgame` command."""
    app()


__all__ = ["app", "main"]
