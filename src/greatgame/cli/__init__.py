"""The greatgame command line: thin commands over the library."""

from __future__ import annotations

import importlib

from .app import app

# Each module registers its commands on `app`; a module missing from a partial install is skipped.
_COMMAND_MODULES = ("code_cmd", "actors_cmd", "eval_cmd", "demo_cmd", "store_cmd", "serve_cmd", "batch_cmd",
                    "watch_cmd")

for _name in _COMMAND_MODULES:
    try:
        importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{_name}":
            raise


def main() -> None:
    """Entry point of the `greatgame` command."""
    app()


__all__ = ["app", "main"]
