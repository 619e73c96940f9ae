"""The HTTP API and the dashboard over a greatgame store."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
