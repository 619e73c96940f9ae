"""`greatgame watch`: fetch news feeds and sitemaps, code what is new, raise alerts when relations shift."""

from __future__ import annotations

from .alerts import AlertRules, RulesError, load_rules
from .fetch import USER_AGENT, FetchOptions
from .loop import RoundReport, WatchOptions, parse_interval, run_round, watch
from .state import source_health

__all__ = ["USER_AGENT", "AlertRules", "FetchOptions", "RoundReport", "RulesError", "WatchOptions",
           "load_rules", "parse_interval", "run_round", "source_health", "watch"]
