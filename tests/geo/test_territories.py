"""A place is coded with the state it belonged to on the document's date (territories.tsv): Leningrad in 1987
is the Soviet Union's, in 1995 Russia's (issue 12)."""

from __future__ import annotations

import pytest

from greatgame.geo import country_on
from greatgame.model import Document
from tests.actor_mentions import mention_rows

pytestmark = pytest.mark.issue(12)


def test_country_on_a_day():
    assert country_on("RUS", "1987-05-01") == "SUN"
    assert country_on("RUS", "1991-12-26") == "SUN"  # the last day of the Union
    assert country_on("RUS", "1991-12-27") == "RUS"
    assert country_on("LTU", "1991-09-05") == "SUN"
    assert country_on("LTU", "1991-09-06") == "LTU"
    # one state, two unions in turn
    assert (country_on("SRB", "1999-03-24"), country_on("SRB", "2004-01-01"), country_on("SRB", "2007-01-01")) == (
        "YUG", "SCG", "SRB")
    assert country_on("CZE", "1968-08-21T00:00:00") == "CSK"
    # no date: today's; a state never part of another: itself
    assert country_on("RUS", None) == "RUS"
    assert country_on("FRA", "1987-05-01") == "FRA"
    assert country_on(None, "1987-05-01") is None


@pytest.mark.parametrize(("date", "expected"), [
    ("1987-05-01", [("Police", "SUNCOP"), ("protesters", "SUNOPP")]),
    ("1995-05-01", [("Police", "RUSCOP"), ("protesters", "RUSOPP")]),
    (None, [("Police", "RUSCOP"), ("protesters", "RUSOPP")]),
])
def test_bodies_placed_in_a_city_take_the_state_of_the_day(coder, date, expected):
    text = "Police arrested protesters in Leningrad on Monday."
    assert mention_rows(coder, text, date, "text", "code") == expected
    res = coder.code(Document(id="t", text=text, date=date))
    assert [(e.source.code, e.target.code, e.location.name, e.location.country) for e in res.events] == [
        (expected[0][1], expected[1][1], "Leningrad", expected[0][1][:3])]


def test_country_on_a_division_of_a_day():
    # Saxony (GeoNames' DEU.13) was East Germany's until reunification on 1990-10-03; Bavaria never was
    assert country_on("DEU", "1987-05-01", "DEU.13") == "DDR"
    assert country_on("DEU", "1990-10-02", "DEU.13") == "DDR"
    assert country_on("DEU", "1990-10-03", "DEU.13") == "DEU"
    assert country_on("DEU", "1987-05-01", "DEU.02") == "DEU"
    assert country_on("DEU", None, "DEU.13") == "DEU"


@pytest.mark.parametrize(("date", "expected"), [
    ("1987-05-01", [("Police", "DDRCOP"), ("Workers", "DDRLAB"), ("Police", "DEUCOP")]),
    ("1995-05-01", [("Police", "DEUCOP"), ("Workers", "DEULAB"), ("Police", "DEUCOP")]),
])
def test_bodies_placed_in_an_east_german_city_are_east_germany_s_before_1990(coder, date, expected):
    text = "Police in Leipzig detained a priest. Workers in Dresden went on strike. Police in Munich arrested a man."
    got = mention_rows(coder, text, date, "text", "code")
    assert [r for r in got if r[0] in ("Police", "Workers")] == expected
