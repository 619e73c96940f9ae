"""Companies named with their legal form (issue 12): a business of the state whose law has that form."""

from __future__ import annotations

from collections import Counter

import pytest

from greatgame.actors.companies import form_country, short_name
from greatgame.actors.dictionary import load_dictionary
from greatgame.model import Document

pytestmark = pytest.mark.issue(12)


def resolved(coder, text: str) -> list[tuple]:
    res = coder.code(Document(id="t", text=text, date="1987-03-02"))
    assert res.error is None
    return [(m.text, m.code, m.kind) for m in res.mentions]


def test_company_form_names_the_states_whose_law_has_it():
    d = load_dictionary()
    assert d.company_form("Fiat S.p.A.") == ("ITA",)
    assert d.company_form("Imperial Chemical Industries PLC")[0] == "GBR"
    assert d.company_form("Volvo") == ()
    assert d.company_form("AG") == ()  # a form alone names no company


def test_company_form_country_is_the_one_the_story_names():
    forms = ("DEU", "CHE", "AUT")
    assert form_country(forms, Counter({"CHE": 2, "USA": 5})) == "CHE"
    assert form_country(forms, Counter({"USA": 5})) == "DEU"


def test_company_short_name_drops_the_form():
    d = load_dictionary()
    assert short_name("Olivetti S.p.A.", d) == "Olivetti"
    assert short_name("Hoechst AG", d) == "Hoechst"
    assert short_name("Hoechst", d) is None
    # ... and the words that only say it is a company ("Group"), not those of its name ("Bank")
    assert short_name("Rover Group Plc", d) == "Rover"
    assert short_name("Barclays Bank Plc", d) == "Barclays Bank"


def test_company_with_a_form_is_a_business_of_its_country(coder):
    got = resolved(coder, "Iran awarded a contract to Barclays Bank Plc on Monday.")
    assert ("Barclays Bank Plc", "GBRBUS", "group") in got, got


def test_company_of_a_form_several_states_share_takes_the_one_the_story_names(coder):
    text = "Switzerland's government said it would not stop Nestle AG from selling to Iran."
    got = resolved(coder, text)
    assert [g for g in got if g[0].endswith("Nestle AG")][0][1] == "CHEBUS", got


def test_company_later_named_without_its_form_links_to_it(coder):
    text = ("The United States criticised Siemens AG over its bid for the contract. "
            "France asked Siemens to submit a new offer.")
    got = resolved(coder, text)
    assert ("Siemens", "DEUBUS", "group") in got, got


def test_company_later_named_without_group_links_to_it(coder):
    text = ("The British government approved aid to Rover Group Plc. Rover and the government said the merger "
            "would save jobs in Leeds.")
    assert resolved(coder, text) == [("The British government", "GBRGOV", "agent"),
                                     ("Rover Group Plc", "GBRBUS", "group"), ("Rover", "GBRBUS", "group"),
                                     ("the government", "GBRGOV", "agent")]


def test_company_without_a_form_stays_uncoded(coder):
    # "Co" and "Corp" are forms of many states' law: they say nothing of the country (an invented company:
    # Morgan Guaranty Trust Co, which stood here before, is a bank the tables know)
    got = resolved(coder, "Brazil met Harbour Guaranty Trust Co in New York.")
    assert all(g[1] is None for g in got if "Harbour" in g[0]), got


def test_company_banks_named_without_a_legal_form_are_their_country_s(coder):
    # igos.tsv: well-known banks whose names give no legal form; their officers are the bank's (BUS), not a
    # government's, though "president" alone would say GOV
    text = ("Brazil's negotiator met Citibank executive William Rhodes and representatives from Morgan Guaranty "
            "Trust Co on Monday. William Mulholland, president of the Bank of Montreal, said Chase Manhattan would "
            "lend.")
    assert resolved(coder, text) == [
        ("Brazil's negotiator", "BRAGOV", "person"), ("Citibank executive William Rhodes", "USABUS", "person"),
        ("Morgan Guaranty Trust Co", "USABUS", "group"), ("William Mulholland", "CANBUS", "person"),
        ("president of the Bank of Montreal", "CANBUS", "person"), ("the Bank of Montreal", "CANBUS", "group"),
        ("Chase Manhattan", "USABUS", "group")]


def test_company_forms_sa_and_ltd():
    d = load_dictionary()
    assert d.company_form("Pechiney S.A.")[0] == "FRA" and "ESP" in d.company_form("Pechiney SA")
    assert d.company_form("Imec Ltd.")[0] == "GBR" and "JPN" in d.company_form("Toray Industries Ltd")
    assert d.company_form("Security Pacific Corp") == ()  # "Corp": every state's, a form of none


@pytest.mark.parametrize(("text", "expected"), [
    ("PARIS, March 2 - Pechiney SA said it would buy a stake in a Soviet plant.", ("Pechiney SA", "FRABUS", "group")),
    ("Toray Industries Ltd said Japan would buy more. Japanese officials said Japan agreed. Japan welcomed it.",
     ("Toray Industries Ltd", "JPNBUS", "group")),
])
def test_company_named_sa_or_ltd_is_a_business_of_the_state_the_story_names(coder, text, expected):
    assert expected in resolved(coder, text)
