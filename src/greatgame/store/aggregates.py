"""The store's aggregate queries behind analytics.py: dyadic events counted by dyad, pair and period.

analytics.py defines the measures and does the arithmetic; the SQL that counts is here. An actor
is counted at a level: "country" (its country code where it has one, else its actor code) or "actor".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pandas as pd

from .filters import modality_values

__all__ = ["COUNTS", "PERIODS", "actor_names", "dyad_counts", "edge_counts", "pair_counts"]

# What a count counts: real-world events (the events table, each dated and coded as its event) or
# mentions (every coded sentence, the view before schema v4).
COUNTS = ("events", "mentions")

# Period labels: a day and a week (its Monday) as YYYY-MM-DD, a month as YYYY-MM, a year as YYYY.
PERIODS = {
    "day": "strftime(date, '%Y-%m-%d')",
    "week": "strftime(date_trunc('week', date), '%Y-%m-%d')",
    "month": "strftime(date, '%Y-%m')",
    "year": "strftime(date, '%Y')",
}
_LEVELS = {
    "country": ("coalesce(source_country, source_code)", "coalesce(target_country, target_code)"),
    "actor": ("source_code", "target_code"),
}

Modality = str | Sequence[str] | None


def _period(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; expected one of {', '.join(PERIODS)}")
    return PERIODS[by]


def _dyadic(level: str, since: str | None, until: str | None, modality: Modality,
            dated: bool, count: str = "events") -> tuple[str, list[Any]]:
    """A subquery of dyadic events with `src`, `tgt`, date, quad and goldstein, and its parameters."""
    if level not in _LEVELS:
        raise ValueError(f"unknown level {level!r}; expected country or actor")
    if count not in COUNTS:
        raise ValueError(f"unknown count {count!r}; expected events or mentions")
    src, tgt = _LEVELS[level]
    # "---GOV" and the like are agents of no known country ("the government"): not a party to a dyad.
    clauses = [f"{src} IS NOT NULL", f"{tgt} IS NOT NULL", f"{src} <> {tgt}",
               f"NOT starts_with({src}, '---')", f"NOT starts_with({tgt}, '---')"]
    params: list[Any] = []
    if dated:
        clauses.append("date IS NOT NULL")
    if since:
        clauses.append("date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        clauses.append("date <= CAST(? AS DATE)")
        params.append(until)
    mods = modality_values(modality)
    if mods is not None:
        clauses.append("list_contains(?::VARCHAR[], modality)")
        params.append(mods)
    sql = f"SELECT {src} AS src, {tgt} AS tgt, date, quad, goldstein FROM {count} WHERE " + " AND ".join(clauses)
    return sql, params


def dyad_counts(con: duckdb.DuckDBPyConnection, by: str, since: str | None, until: str | None, top: int | None,
                actor: str | None, modality: Modality, level: str, count: str = "events") -> pd.DataFrame:
    """Per directed dyad and period: events, q1-q4, Goldstein sum and mean, net cooperation; the
    dyads with most events first (`top`: only the first N), then by period."""
    period = _period(by)
    base, params = _dyadic(level, since, until, modality, dated=True, count=count)
    keep = ""
    if actor:
        keep = "WHERE source = ? OR target = ?"
        params += [actor, actor]
    limit = ""
    if top is not None:
        limit = "QUALIFY dense_rank() OVER (ORDER BY total DESC, source, target) <= ?"
    sql = f"""
        WITH e AS ({base}),
        s AS (
            SELECT src AS source, tgt AS target, {period} AS period, count(*) AS events,
                   count(*) FILTER (quad = 1) AS q1, count(*) FILTER (quad = 2) AS q2,
                   count(*) FILTER (quad = 3) AS q3, count(*) FILTER (quad = 4) AS q4,
                   sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean
            FROM e GROUP BY ALL),
        t AS (SELECT *, sum(events) OVER (PARTITION BY source, target) AS total FROM s {keep})
        SELECT source, target, period, events, q1, q2, q3, q4, goldstein_sum, goldstein_mean,
               (q1 + q2) - (q3 + q4) AS net_coop
        FROM t {limit}
        ORDER BY total DESC, source, target, period"""
    if top is not None:
        params.append(top)
    return con.execute(sql, params).df()


def edge_counts(con: duckdb.DuckDBPyConnection, since: str | None, until: str | None, modality: Modality,
                level: str, by: str | None = None, count: str = "events") -> pd.DataFrame:
    """Per directed dyad (and period, if `by`): events, cooperation, conflict and mean Goldstein."""
    period = _period(by) if by is not None else None
    base, params = _dyadic(level, since, until, modality, dated=period is not None, count=count)
    per = f"{period} AS period, " if period else ""
    sql = f"""
        WITH e AS ({base})
        SELECT {per}src AS source, tgt AS target, count(*) AS events,
               count(*) FILTER (quad IN (1, 2)) AS cooperation,
               count(*) FILTER (quad IN (3, 4)) AS conflict,
               avg(goldstein) AS goldstein_mean
        FROM e GROUP BY ALL ORDER BY ALL"""
    return con.execute(sql, params).df()


def actor_names(con: duckdb.DuckDBPyConnection, level: str) -> pd.DataFrame:
    """Each actor's most frequent name and country, keyed by its code at the level."""
    key_s, key_t = _LEVELS[level]
    sql = f"""
        SELECT code, mode(name) AS name, mode(country) AS country FROM (
            SELECT {key_s} AS code, source_name AS name, source_country AS country FROM mentions
            UNION ALL SELECT {key_t}, target_name, target_country FROM mentions)
        WHERE code IS NOT NULL GROUP BY code"""
    return con.execute(sql).df()


def pair_counts(con: duckdb.DuckDBPyConnection, by: str, since: str | None, until: str | None,
                modality: Modality, level: str, count: str = "events") -> pd.DataFrame:
    """Per undirected pair (a < b) and period: events, cooperation and conflict, in pair and period order."""
    period = _period(by)
    base, params = _dyadic(level, since, until, modality, dated=True, count=count)
    sql = f"""
        WITH e AS ({base})
        SELECT least(src, tgt) AS a, greatest(src, tgt) AS b, {period} AS period, count(*) AS events,
               count(*) FILTER (quad IN (1, 2)) AS coop, count(*) FILTER (quad IN (3, 4)) AS conflict
        FROM e GROUP BY ALL ORDER BY a, b, period"""
    return con.execute(sql, params).df()
