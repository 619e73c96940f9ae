"""A debtor's creditors are not of the debtor (issue 12): "Argentina's creditor banks", "its bank advisory
committee", "talks with creditor banks in New York" name banks of many countries; only a word of their own
("Japanese creditor banks") says whose they are."""

from __future__ import annotations

import pytest

from tests.actor_mentions import mention_rows

pytestmark = pytest.mark.issue(12)


@pytest.mark.parametrize(("text", "expected"), [
    ("Argentina's creditor banks were divided on the request.", [("Argentina's creditor banks", "---BUS")]),
    ("Brazil and its bank advisory committee agreed to extend credit lines.",
     [("Brazil", "BRA"), ("bank advisory committee", "---BUS")]),
    ("Nigeria will meet its lenders on Monday.", [("Nigeria", "NGA"), ("lenders", "---BUS")]),
    # the city of the talks does not make them its banks
    ("Funaro began talks with creditor banks in New York.", [("Funaro", "BRAELI"), ("banks", "---BUS")]),
    # a word of their own does
    ("Japanese creditor banks rejected the plan of Mexico.",
     [("Japanese creditor banks", "JPNBUS"), ("Mexico", "MEX")]),
])
def test_creditor_bodies_have_no_debtor_country(coder, text, expected):
    assert mention_rows(coder, text, "1987-05-01", "text", "code") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # banks that are not creditors keep their owner's country
    ("Brazil's banks rejected the plan.", [("Brazil's banks", "BRABUS")]),
    ("Citibank and other U.S. banks rejected the plan.", [("Citibank", "USABUS"), ("U.S. banks", "USABUS")]),
])
def test_other_banks_keep_their_country(coder, text, expected):
    assert mention_rows(coder, text, "1987-05-01", "text", "code") == expected


def test_bare_committee_with_here_links_to_the_creditor_committee(coder):
    # "the committee here" is the bank advisory committee named before; "here" does not make it another phrase
    text = ("Brazil and its bank advisory committee agreed to transmit a request. Speaking after talks with "
            "the committee here, Gros also said he did not expect to pay.")
    assert mention_rows(coder, text, "1987-05-01", "text", "code") == [
        ("Brazil", "BRA"), ("bank advisory committee", "---BUS"), ("the committee", "---BUS"), ("Gros", "BRAELI"),
        ("he", "BRAELI")]
