"""Analytics over a store of known events: dyad series, network, prominence, shifts, triangles."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from store_records import build, result

from greatgame import analytics
from greatgame.analytics import to_records
from greatgame.store import Store


@pytest.fixture
def store(tmp_path: Path):
    s = build(tmp_path / "a.duckdb", [
        result("a", [("RUS", "PRK", "057"), ("PRKGOV", "CHN", "112"), ("RUS", "PRK", "190", "2014-11-02"),
                     ("RUSGOV", "RUSOPP", "173")]),
        result("b", [("CHN", "PRK", "042", "2015-01-01"), ("USA", "RUS", "173", "2015-02-01", "future"),
                     ("---GOV", "RUS", "057", "2015-03-01")]),
    ])
    yield s
    s.close()


def row(source, target, period, q, goldstein):
    q1, q2, q3, q4 = q
    return {"source": source, "target": target, "period": period, "events": sum(q), "q1": q1, "q2": q2,
            "q3": q3, "q4": q4, "goldstein_sum": goldstein * sum(q), "goldstein_mean": goldstein,
            "net_coop": q1 + q2 - q3 - q4}


def test_dyad_series_by_month_counts_quads_goldstein_and_net_cooperation(store: Store) -> None:
    assert to_records(analytics.dyad_series(store, by="month")) == [
        row("RUS", "PRK", "2014-10", (1, 0, 0, 0), 3.0),
        row("RUS", "PRK", "2014-11", (0, 0, 0, 1), -9.0),
        row("CHN", "PRK", "2015-01", (1, 0, 0, 0), 3.0),
        row("PRK", "CHN", "2014-10", (0, 0, 1, 0), -2.0),
    ]


def test_dyad_series_labels_days_weeks_and_years(store: Store) -> None:
    periods = {by: list(analytics.dyad_series(store, by=by)["period"]) for by in analytics.PERIODS}
    assert periods == {
        "day": ["2014-10-20", "2014-11-02", "2015-01-01", "2014-10-20"],
        "week": ["2014-10-20", "2014-10-27", "2014-12-29", "2014-10-20"],
        "month": ["2014-10", "2014-11", "2015-01", "2014-10"],
        "year": ["2014", "2015", "2014"],
    }


def test_dyad_series_year_sums_within_the_period(store: Store) -> None:
    first = to_records(analytics.dyad_series(store, by="year"))[0]
    assert first == {"source": "RUS", "target": "PRK", "period": "2014", "events": 2, "q1": 1, "q2": 0, "q3": 0,
                     "q4": 1, "goldstein_sum": -6.0, "goldstein_mean": -3.0, "net_coop": 0}


def test_dyad_series_filters_by_window_top_and_actor(store: Store) -> None:
    def dyads(**kw):
        return [(r["source"], r["target"], r["period"]) for r in to_records(analytics.dyad_series(store, **kw))]

    assert dyads(since="2014-11-01", until="2014-12-31") == [("RUS", "PRK", "2014-11")]
    assert dyads(top=1) == [("RUS", "PRK", "2014-10"), ("RUS", "PRK", "2014-11")]
    assert dyads(actor="CHN") == [("CHN", "PRK", "2015-01"), ("PRK", "CHN", "2014-10")]


def test_dyad_series_counts_asserted_events_unless_asked(store: Store) -> None:
    def pairs(**kw):
        return sorted({(r["source"], r["target"]) for r in to_records(analytics.dyad_series(store, **kw))})

    assert ("USA", "RUS") not in pairs()
    assert ("USA", "RUS") in pairs(modality="all")
    assert pairs(modality=("future",)) == [("USA", "RUS")]


def test_dyad_series_leaves_out_unknown_actors_and_self_dyads_unless_by_actor(store: Store) -> None:
    def pairs(level):
        return sorted({(r["source"], r["target"]) for r in to_records(analytics.dyad_series(store, level=level))})

    assert pairs("country") == [("CHN", "PRK"), ("PRK", "CHN"), ("RUS", "PRK")]
    assert pairs("actor") == [("CHN", "PRK"), ("PRKGOV", "CHN"), ("RUS", "PRK"), ("RUSGOV", "RUSOPP")]


def test_dyad_series_refuses_an_unknown_period(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown period 'decade'"):
        analytics.dyad_series(store, by="decade")


def test_eigenvector_centrality_of_a_path_and_a_star() -> None:
    path = np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=float)
    assert analytics.eigenvector_centrality(path) == pytest.approx([0.5, math.sqrt(0.5), 0.5])
    star = np.array([[0, 2, 1], [2, 0, 0], [1, 0, 0]], dtype=float)
    assert analytics.eigenvector_centrality(star) == pytest.approx(np.array([math.sqrt(5), 2, 1]) / math.sqrt(10))
    assert list(analytics.eigenvector_centrality(np.zeros((0, 0)))) == []


def test_network_nodes_and_edges(store: Store) -> None:
    nodes, edges = analytics.network(store)
    assert to_records(edges) == [
        {"source": "CHN", "target": "PRK", "events": 1, "cooperation": 1, "conflict": 0, "net_coop": 1,
         "goldstein_mean": 3.0},
        {"source": "PRK", "target": "CHN", "events": 1, "cooperation": 0, "conflict": 1, "net_coop": -1,
         "goldstein_mean": -2.0},
        {"source": "RUS", "target": "PRK", "events": 2, "cooperation": 1, "conflict": 1, "net_coop": 0,
         "goldstein_mean": -3.0},
    ]
    got = to_records(nodes)
    assert [(n["code"], n["name"], n["country"], n["events"], n["degree"]) for n in got] == [
        ("PRK", "North Korea", "PRK", 4, 2), ("CHN", "China", "CHN", 2, 1), ("RUS", "Russia", "RUS", 2, 1),
    ]
    assert [n["prominence"] for n in got] == [1.0, 0.5, 0.5]
    assert [n["centrality"] for n in got] == pytest.approx([math.sqrt(0.5), 0.5, 0.5])


def test_network_drops_edges_below_min_events(store: Store) -> None:
    nodes, edges = analytics.network(store, min_events=2)
    assert list(zip(edges["source"], edges["target"], strict=True)) == [("RUS", "PRK")]
    assert list(nodes["code"]) == ["PRK", "RUS"]
    assert list(nodes["prominence"]) == [1.0, 1.0]


def test_network_of_an_empty_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.duckdb") as s:
        nodes, edges = analytics.network(s)
    assert (len(nodes), len(edges)) == (0, 0)
    assert list(nodes.columns) == ["code", "name", "country", "events", "prominence", "degree", "centrality"]


def test_prominence_per_year_is_share_of_events_and_centrality(store: Store) -> None:
    got = to_records(analytics.prominence(store, by="year"))
    assert [(r["period"], r["code"], r["events"], r["degree"]) for r in got] == [
        ("2014", "PRK", 3, 2), ("2014", "RUS", 2, 1), ("2014", "CHN", 1, 1),
        ("2015", "CHN", 1, 1), ("2015", "PRK", 1, 1),
    ]
    assert [r["share"] for r in got] == pytest.approx([1.0, 2 / 3, 1 / 3, 1.0, 1.0])
    root10 = math.sqrt(10)
    assert [r["centrality"] for r in got] == pytest.approx(
        [math.sqrt(5) / root10, 2 / root10, 1 / root10, math.sqrt(0.5), math.sqrt(0.5)])


# --- shifts --------------------------------------------------------------------------------------


def drift_store(path: Path) -> Store:
    """North Korea close to China and cool to Russia for three years, then the other way round."""
    batches = []
    for year in (2015, 2016, 2017, 2018):
        date = f"{year}-09-20"
        china_coop = 10 if year < 2018 else 2
        russia_coop = 2 if year < 2018 else 10
        events = ([("PRK", "CHN", "057")] * china_coop + [("CHN", "PRK", "112")] * (10 - china_coop)
                  + [("RUS", "PRK", "042")] * russia_coop + [("PRK", "RUS", "173")] * (10 - russia_coop))
        batches.append([result(f"speech-{year}", events, date=date)])
    return build(path, *batches)


def z_test(p: float, n: int, p0: float, n0: int) -> float:
    pooled = (p * n + p0 * n0) / (n + n0)
    return (p - p0) / math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / n0))


def test_shifts_finds_pairs_that_moved_against_their_own_past(tmp_path: Path) -> None:
    with drift_store(tmp_path / "d.duckdb") as s:
        # The same sentence repeated in one speech is one real-world event: count the mentions here.
        got = to_records(analytics.shifts(s, by="year", min_events=5, count="mentions"))
        assert analytics.shifts(s, by="year", min_events=5).empty  # as events: 2 a year, too few to test
    assert [(r["a"], r["b"], r["period"], r["direction"]) for r in got] == [
        ("CHN", "PRK", "2018", "cooler"), ("PRK", "RUS", "2018", "warmer"),
    ]
    china, russia = got
    assert {k: china[k] for k in ("events", "net_coop", "coop_share", "past_events", "past_coop_share")} == {
        "events": 10, "net_coop": -6, "coop_share": 0.2, "past_events": 30, "past_coop_share": 1.0}
    assert china["change"] == pytest.approx(-0.8)
    assert china["z"] == pytest.approx(z_test(0.2, 10, 1.0, 30))
    assert russia["z"] == pytest.approx(z_test(1.0, 10, 0.2, 30))
    assert china["p_value"] == pytest.approx(math.erfc(abs(china["z"]) / math.sqrt(2)))


def test_shifts_needs_enough_events_now_and_before(tmp_path: Path) -> None:
    with drift_store(tmp_path / "d.duckdb") as s:
        assert analytics.shifts(s, by="year", min_events=11, count="mentions").empty
        assert len(analytics.shifts(s, by="year", min_events=5, z=6.0, count="mentions")) == 0


def test_triangles_name_the_state_that_drifts_from_one_partner_towards_another(tmp_path: Path) -> None:
    with drift_store(tmp_path / "d.duckdb") as s:
        got = to_records(analytics.triangles(s, by="year", min_events=5, count="mentions"))
    assert [(r["period"], r["actor"], r["away_from"], r["towards"]) for r in got] == [("2018", "PRK", "CHN", "RUS")]
    assert got[0]["z_away"] == pytest.approx(z_test(0.2, 10, 1.0, 30))
    assert got[0]["z_towards"] == pytest.approx(z_test(1.0, 10, 0.2, 30))


def test_shifts_and_triangles_of_an_empty_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.duckdb") as s:
        assert analytics.shifts(s).empty and analytics.triangles(s).empty
