"""The Typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="greatgame",
    help="Political event data from news: who did what to whom, coded in CAMEO and PLOVER.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
