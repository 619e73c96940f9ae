"""What analysts read: dyad series, the relation network, prominence, and shifts in alignment.

Definitions used throughout:

- An actor is counted at the level asked for: `level="country"` (the default) uses the actor's
  ISO country code where it has one and its actor code otherwise, so "PRKGOV" and "PRKMIL" both
  count as "PRK"; `level="actor"` uses the full actor code.
- Only dyadic events count: both sides known (an actor code of no known country, such as "---GOV"
  for "the government", does not count as known), and the two sides different at the chosen
  level, so a government acting on its own opposition is not a relation between states.
- What is counted is real-world events (the store's events table: mentions clustered, docs/dedup.md),
  each dated by its event date and coded by its event code; `count="mentions"` counts every coded
  sentence instead, as before schema v4.
- Events are asserted-only by default (`modality=("asserted",)`); pass a tuple of modalities, or
  "all" / None for every modality. Events without a date are left out of time series.
- Cooperation is quad classes 1 and 2, conflict quad classes 3 and 4, and
  **net cooperation = (q1 + q2) − (q3 + q4)**, a count of events; the cooperation share of a set
  of events is (q1 + q2) / events.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .store import PERIODS, Store

__all__ = [
    "PERIODS",
    "dyad_series",
    "eigenvector_centrality",
    "network",
    "prominence",
    "shifts",
    "to_records",
    "triangles",
]

Modality = str | Sequence[str] | None


def dyad_series(store: Store, by: str = "month", since: str | None = None, until: str | None = None,
                top: int | None = None, actor: str | None = None, modality: Modality = ("asserted",),
                level: str = "country", count: str = "events") -> pd.DataFrame:
    """Per directed dyad and period: event counts by quad class, Goldstein sum and mean, net cooperation.

    `top` keeps the N dyads with the most events over the window; `actor` keeps dyads with that
    actor on either side. Rows are ordered by the dyad's total events (most first), then period.
    """
    df = store.dyad_counts(by, since, until, top, actor, modality, level, count)
    return df.astype({c: "int64" for c in ("events", "q1", "q2", "q3", "q4", "net_coop")})


def eigenvector_centrality(weights: np.ndarray, tol: float = 1e-10, max_iter: int = 1000) -> np.ndarray:
    """Eigenvector centrality of a symmetric weight matrix, unit length (power iteration on W + I)."""
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    # Adding I keeps the dominant eigenvector but stops the iteration oscillating on bipartite graphs.
    m = weights + np.eye(n)
    x = np.full(n, 1.0 / math.sqrt(n))
    for _ in range(max_iter):
        nxt = m @ x
        nxt /= np.linalg.norm(nxt)
        if np.abs(nxt - x).sum() < n * tol:
            return nxt
        x = nxt
    return x


def _edges(store: Store, since: str | None, until: str | None, modality: Modality, level: str,
           by: str | None = None, count: str = "events") -> pd.DataFrame:
    df = store.edge_counts(since, until, modality, level, by, count)
    df = df.astype({"events": "int64", "cooperation": "int64", "conflict": "int64"})
    df["net_coop"] = df["cooperation"] - df["conflict"]
    return df


def _node_stats(edges: pd.DataFrame) -> pd.DataFrame:
    """Events, prominence, degree and eigenvector centrality of every actor in a set of edges."""
    cols = ["code", "events", "prominence", "degree", "centrality"]
    if edges.empty:
        return pd.DataFrame(columns=cols)
    total = int(edges["events"].sum())
    ends = pd.concat([edges[["source", "events"]].rename(columns={"source": "code"}),
                      edges[["target", "events"]].rename(columns={"target": "code"})])
    nodes = ends.groupby("code", as_index=False)["events"].sum()
    index = {code: i for i, code in enumerate(nodes["code"])}
    w = np.zeros((len(index), len(index)))
    for s, t, n in zip(edges["source"], edges["target"], edges["events"], strict=True):
        w[index[s], index[t]] += n
        w[index[t], index[s]] += n
    nodes["prominence"] = nodes["events"] / total
    nodes["degree"] = (w > 0).sum(axis=1)
    nodes["centrality"] = eigenvector_centrality(w)
    return nodes[cols]


def network(store: Store, since: str | None = None, until: str | None = None, min_events: int = 1,
            modality: Modality = ("asserted",), level: str = "country",
            count: str = "events") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The relation network: (nodes, edges).

    Edges are directed dyads with at least `min_events` events: events, cooperation (q1+q2),
    conflict (q3+q4), net_coop and goldstein_mean. Nodes are the actors on those edges: code,
    name, country, events (events it takes part in), prominence (that count over all events on
    the edges), degree (distinct partners) and centrality (eigenvector centrality of the
    undirected graph weighted by event counts, unit length).
    """
    edges = _edges(store, since, until, modality, level, count=count)
    edges = edges[edges["events"] >= min_events].reset_index(drop=True)
    edges = edges[["source", "target", "events", "cooperation", "conflict", "net_coop", "goldstein_mean"]]
    nodes = _node_stats(edges)
    nodes = nodes.merge(store.actor_names(level), on="code", how="left")
    nodes = nodes[["code", "name", "country", "events", "prominence", "degree", "centrality"]]
    nodes = nodes.sort_values(["events", "code"], ascending=[False, True]).reset_index(drop=True)
    return nodes, edges


def prominence(store: Store, by: str = "year", since: str | None = None, until: str | None = None,
               modality: Modality = ("asserted",), level: str = "country", count: str = "events") -> pd.DataFrame:
    """Each actor's prominence per period: events, share of the period's events, degree, centrality."""
    edges = _edges(store, since, until, modality, level, by, count)
    frames = []
    for period, group in edges.groupby("period", sort=True):
        stats = _node_stats(group)
        stats.insert(0, "period", period)
        frames.append(stats)
    cols = ["period", "code", "events", "share", "degree", "centrality"]
    if not frames:
        return pd.DataFrame(columns=cols)
    df = pd.concat(frames, ignore_index=True).rename(columns={"prominence": "share"})
    return df.sort_values(["period", "events", "code"], ascending=[True, False, True])[cols].reset_index(drop=True)


def shifts(store: Store, by: str = "year", min_events: int = 5, z: float = 1.96,
           since: str | None = None, until: str | None = None, modality: Modality = ("asserted",),
           level: str = "country", count: str = "events") -> pd.DataFrame:
    """Pairs whose cooperation moved significantly against their own past, one row per such period.

    Pairs are undirected (`a` < `b`; events either way count). For each period with at least
    `min_events` events, and at least `min_events` in all earlier periods together, the test is a
    two-proportion z-test of the cooperation share (q1+q2)/events in the period against the pooled
    share of every earlier period: z = (p − p₀) / √(p̄(1 − p̄)(1/n + 1/n₀)), p̄ the share of both
    together. Rows with |z| ≥ `z` are kept; `direction` is "warmer" (more cooperative) or
    "cooler"; `p_value` is two-sided.
    """
    df = store.pair_counts(by, since, until, modality, level, count)
    cols = ["a", "b", "period", "events", "net_coop", "coop_share", "past_events", "past_coop_share",
            "change", "z", "p_value", "direction"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    g = df.groupby(["a", "b"], sort=False)
    df["past_events"] = g["events"].cumsum() - df["events"]
    df["past_coop"] = g["coop"].cumsum() - df["coop"]
    df = df[(df["events"] >= min_events) & (df["past_events"] >= min_events)].copy()
    df["net_coop"] = df["coop"] - df["conflict"]
    df["coop_share"] = df["coop"] / df["events"]
    df["past_coop_share"] = df["past_coop"] / df["past_events"]
    df["change"] = df["coop_share"] - df["past_coop_share"]
    pooled = (df["coop"] + df["past_coop"]) / (df["events"] + df["past_events"])
    se = np.sqrt(pooled * (1 - pooled) * (1 / df["events"] + 1 / df["past_events"]))
    # A zero standard error means every event on both sides was of one kind: no change at all.
    df["z"] = np.where(se > 0, df["change"] / se.where(se > 0, 1.0), 0.0)
    df["p_value"] = [math.erfc(abs(v) / math.sqrt(2)) for v in df["z"]]
    df["direction"] = np.where(df["change"] > 0, "warmer", "cooler")
    df = df[df["z"].abs() >= z]
    df = df.astype({"events": "int64", "net_coop": "int64", "past_events": "int64"})
    return df.sort_values(["period", "a", "b"])[cols].reset_index(drop=True)


def triangles(store: Store, by: str = "year", min_events: int = 5, z: float = 1.96,
              since: str | None = None, until: str | None = None, modality: Modality = ("asserted",),
              level: str = "country", count: str = "events") -> pd.DataFrame:
    """A third state gaining what another loses: in one period, `actor`'s relation with `away_from`
    shifts significantly cooler while its relation with `towards` shifts significantly warmer
    (each by the test in `shifts`). "North Korea drifts from China towards Russia" is the row
    actor=PRK, away_from=CHN, towards=RUS.
    """
    moved = shifts(store, by, min_events, z, since, until, modality, level, count)
    cols = ["period", "actor", "away_from", "towards", "change_away", "change_towards", "z_away", "z_towards"]
    if moved.empty:
        return pd.DataFrame(columns=cols)
    # Each pair seen from both of its ends.
    sides = pd.concat([
        moved.rename(columns={"a": "actor", "b": "partner"}),
        moved.rename(columns={"b": "actor", "a": "partner"}),
    ], ignore_index=True)
    cooler = sides[sides["direction"] == "cooler"]
    warmer = sides[sides["direction"] == "warmer"]
    pairs = cooler.merge(warmer, on=["period", "actor"], suffixes=("_away", "_towards"))
    out = pd.DataFrame({
        "period": pairs["period"], "actor": pairs["actor"],
        "away_from": pairs["partner_away"], "towards": pairs["partner_towards"],
        "change_away": pairs["change_away"], "change_towards": pairs["change_towards"],
        "z_away": pairs["z_away"], "z_towards": pairs["z_towards"],
    })
    return out.sort_values(["period", "actor", "away_from", "towards"]).reset_index(drop=True)


def to_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts of plain Python values (for JSON), NaN as None."""
    rows = []
    for rec in df.to_dict("records"):
        row = {}
        for k, v in rec.items():
            if isinstance(v, np.generic):
                v = v.item()
            if isinstance(v, float) and math.isnan(v):
                v = None
            row[str(k)] = v
        rows.append(row)
    return rows
