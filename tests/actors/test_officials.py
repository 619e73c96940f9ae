"""Office holders of the 1980s economic news and officials of international bodies (issue 12)."""

from __future__ import annotations

import pytest

from greatgame.model import Document

pytestmark = pytest.mark.issue(12)


def resolved(coder, text: str, date: str | None = "1987-03-04") -> list[tuple]:
    """(text, code) of every mention, in order."""
    res = coder.code(Document(id="t", text=text, date=date))
    assert res.error is None
    return [(m.text, m.code) for m in res.mentions]


def test_officials_an_international_official_speaks_for_the_body_not_the_story_country(coder):
    text = ("Brazil's finance minister flew to Washington. He met Michel Camdessus, who said Brazil must "
            "talk to its banks. Camdessus added that Brazil had time.")
    got = resolved(coder, text)
    assert ("Michel Camdessus", "IGOBUSIMF") in got
    assert ("Camdessus", "IGOBUSIMF") in got
    assert not any(code == "BRAGOV" and "Camdessus" in t for t, code in got)


def test_officials_after_the_term_the_official_is_no_longer_the_body(coder):
    got = resolved(coder, "Michel Camdessus visited Brazil.", date="2005-06-01")
    assert all(code != "IGOBUSIMF" for _, code in got), got


def test_officials_an_official_of_the_european_community_is_not_the_country_beside_him(coder):
    text = "Chancellor Helmut Kohl wrote to Jacques Delors about the West German farm plan."
    assert ("Jacques Delors", "IGOEUREEC") in resolved(coder, text)


def test_officials_a_minister_without_a_national_word_is_found_with_his_surname_and_pronoun(coder):
    text = ("Paul Channon, secretary for trade and industry, said Congress should drop the textile bill. "
            "Channon spoke after talks in Washington with U.S. officials. "
            "He said the U.S. trade deficit was a problem for everyone.")
    got = resolved(coder, text)
    assert [c for t, c in got if t in ("Paul Channon", "Channon", "He")] == ["GBRGOV", "GBRGOV", "GBRGOV"], got


def test_officials_a_central_bank_governor_after_a_long_title(coder):
    text = "Funaro met Governor of the Bank of England Robin Leigh-Pemberton in London."
    assert any(t.endswith("Robin Leigh-Pemberton") and c == "GBRGOV" for t, c in resolved(coder, text))


def test_officials_the_community_stands_for_the_community_the_story_named(coder):
    text = ("Belgium warned the European Community could act. Its minister said if the bill passed, the "
            "community would retaliate. Japan said the business community and the international community "
            "would object.")
    got = resolved(coder, text)
    assert ("the \ncommunity".replace(" \n", " "), "IGOEUREEC") in got
    assert not any("business" in t or "international community" in t for t, c in got if c == "IGOEUREEC"), got


def test_officials_the_community_with_no_community_named_is_no_actor(coder):
    got = resolved(coder, "Police said the community would hold a vigil in Lagos.")
    assert all("community" not in t for t, _ in got), got


def test_officials_the_fund_after_the_imf_is_the_imf(coder):
    got = resolved(coder, "Argentina asked the IMF for time. Its officials said the fund would agree.")
    assert ("the fund", "IGOBUSIMF") in got, got


@pytest.mark.parametrize("date,expected", [
    ("1987-03-01", [("EC ministers", "IGOEUREECGOV"), ("Japan", "JPN"), ("the EC", "IGOEUREEC")]),
    # after 1993 "EC" alone is as often an election commission: not the European Union
    ("2019-04-01", [("EC ministers", "---GOV"), ("Japan", "JPN")]),
])
def test_officials_ec_alone_is_the_european_community_in_its_day(coder, date, expected):
    assert resolved(coder, "EC ministers criticised Japan, which had asked the EC for time.", date) == expected


def test_officials_a_state_and_a_body_joined_by_a_hyphen_are_two_parties(coder):
    got = resolved(coder, "Channon called for greater EC-U.S. cooperation and closer U.S.-EC ties.")
    assert got[1:] == [("EC", "IGOEUREEC"), ("U.S.", "USA"), ("U.S.", "USA"), ("EC", "IGOEUREEC")], got


def test_officials_a_possessive_typed_with_a_double_quote_still_names_the_body(coder):
    text = 'They said the EC"s paymasters, Britain and France, would oppose the plan. He said "so" twice.'
    assert resolved(coder, text)[:3] == [("EC", "IGOEUREEC"), ("Britain", "GBR"), ("France", "FRA")]
