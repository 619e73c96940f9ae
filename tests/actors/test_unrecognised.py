"""Actors the recogniser used to miss (issues 11 and 12): abbreviated titles ("Rep.", "Sen."), a minister's
deputies ("Under Secretary"), family names with a lowercase particle ("de Vreese"), the EC's Commission named
by its seat, and "they" standing for the plural subject just before."""

from __future__ import annotations

import pytest

from actor_mentions import mention_rows

pytestmark = [pytest.mark.issue(11), pytest.mark.issue(12)]


def resolved(coder, text: str, date: str | None = "1987-03-02") -> list[tuple]:
    """(text, code, linked_to) of every mention, in order."""
    return mention_rows(coder, text, date, "text", "code", "linked_to")


def test_unrecognised_an_abbreviated_title_is_part_of_the_named_person(coder):
    # the tokenizer keeps "Rep." whole but splits the table's "rep.": the title was never matched
    text = "The bill's sponsor, Rep. Walter Brandt, said Japan must open its markets. Sen. Ruth Okafor backed it."
    assert resolved(coder, text) == [
        ("Rep. Walter Brandt", "---LEG", None),
        ("Japan", "JPN", None),
        ("Sen. Ruth Okafor", "---LEG", None),
    ]


def test_unrecognised_an_under_secretary_is_the_government_not_a_legislator(coder):
    text = "Asked if Japan would retaliate, Deputy Under Secretary of Commerce Alan Pryce replied it would be foolish."
    assert resolved(coder, text) == [
        ("Japan", "JPN", None),
        ("Deputy Under Secretary of Commerce Alan Pryce", "---GOV", None),  # "deputy" alone is a legislator
    ]
    assert resolved(coder, "Japanese officials met the Under Secretary for Economic Affairs.") == [
        ("Japanese officials", "JPNGOV", None),
        ("the Under Secretary", "---GOV", None),
    ]


def test_unrecognised_a_titled_person_is_not_of_the_country_he_visits(coder):
    text = ("A U.S. Senate team met Gulf leaders. Sen. Alan Pryce, in Kuwait on a tour of the Gulf, said U.S. "
            "officials would meet Kuwaiti officials. The senators will fly on to Washington.")
    assert resolved(coder, text) == [
        ("U.S. Senate", "USALEG", None),
        ("leaders", "---GOV", None),
        ("Sen. Alan Pryce", "---LEG", None),  # a story of two countries: neither, and not Kuwait for "in Kuwait"
        ("U.S. officials", "USAGOV", None),
        ("Kuwaiti officials", "KWTGOV", None),
        ("The senators", "---LEG", None),
        ("Washington", "USAGOV", None),
    ]


def test_unrecognised_a_family_name_with_a_lowercase_particle_links_to_the_full_name(coder):
    text = ("Belgium's Farm Minister Paul de Vreese chaired the talks. On Tuesday de Vreese met French officials. "
            "De Vreese said Vreeland and the ministers had agreed.")
    assert resolved(coder, text) == [
        ("Belgium's Farm Minister", "BELGOV", None),
        ("Paul de Vreese", "BELGOV", None),
        ("de Vreese", "BELGOV", (24, 38)),
        ("French officials", "FRAGOV", None),
        ("De Vreese", "BELGOV", (24, 38)),
        ("the ministers", "---GOV", None),  # "Vreeland" is no form of his name
    ]


def test_unrecognised_the_commission_named_by_its_seat_is_the_community(coder):
    text = ("The Brussels Commission rejected the French proposal. "
            "The Brussels Executive Commission said Italy must act.")
    assert resolved(coder, text) == [
        ("The Brussels Commission", "IGOEUREEC", None),
        ("French", "FRA", None),
        ("The Brussels Executive Commission", "IGOEUREEC", None),
        ("Italy", "ITA", None),
    ]


FUNARO_AND_GROS = ("Brazil's Finance Minister Dilson Funaro and central bank president Francisco Gros visited "
                   "Washington.")


def test_unrecognised_they_stands_for_the_plural_subject_just_before(coder):
    text = FUNARO_AND_GROS + " This week they sought support in Britain."
    assert resolved(coder, text) == [
        ("Brazil's Finance Minister Dilson Funaro", "BRAGOV", None),
        ("central bank president Francisco Gros", "BRAGOV", None),
        ("Washington", "USAGOV", None),
        ("they", "BRAGOV", (0, 39)),
    ]


@pytest.mark.parametrize("text", [
    # one person is no "they"
    "Brazil's Finance Minister Dilson Funaro visited Washington. This week they sought support in Britain.",
    # a copula's "they" is seldom an actor doing something
    FUNARO_AND_GROS + " They are in Britain now.",
    # a sentence between: "they" may be anything it names
    FUNARO_AND_GROS + " Coffee prices rose in London. This week they sought support in Britain.",
])
def test_unrecognised_they_links_to_nothing_else(coder, text):
    assert not any(m[0].lower() == "they" for m in resolved(coder, text))


def test_unrecognised_governors_are_a_government_body_of_the_story(coder):
    text = "Brazilian governors urged President Jose Sarney to dismiss his finance minister. Sarney met the governors."
    assert resolved(coder, text) == [
        ("Brazilian governors", "BRAGOV", None),
        ("President Jose Sarney", "BRAGOV", None),
        ("finance minister", "BRAGOV", None),
        ("Sarney", "BRAGOV", (26, 47)),
        ("the governors", "BRAGOV", (0, 19)),
    ]


def test_unrecognised_makers_of_an_industry_are_its_businesses(coder):
    text = ("Leading Japanese semiconductor makers will cut output, and U.S. chip makers welcomed the move. "
            "British steelmakers and policy makers said nothing.")
    assert resolved(coder, text) == [
        ("Japanese semiconductor makers", "JPNBUS", None),
        ("U.S. chip makers", "USABUS", None),
        ("British steelmakers", "GBRBUS", None),  # (policy makers are no business: no row for bare "makers")
    ]
