"""Actors named in forms the recogniser used to miss (issue 12): two states joined by a slash after an
abbreviation ("a U.S./Soviet summit") and the adjective of a body standing for it ("congressional
opposition" is Congress's)."""

from __future__ import annotations

import pytest

from actor_mentions import mention_rows

pytestmark = pytest.mark.issue(12)


def resolved(coder, text: str, date: str | None = "1987-03-02") -> list[tuple]:
    """(text, code) of every mention, in order."""
    return mention_rows(coder, text, date, "text", "code")


def test_unrecognised_forms_a_slash_after_an_abbreviation_joins_two_states(coder):
    assert resolved(coder, "Asked whether wheat would come up at a U.S./Soviet summit, Lyng said no.") == [
        ("U.S.", "USA"),
        ("Soviet", "SUN"),
        ("Lyng", "USAGOV"),
    ]


def test_unrecognised_forms_states_joined_by_a_slash_modifying_a_thing_are_both_parties(coder):
    # "U.S." modifies "Soviet" in the parse: one phrase, which was the United States' only
    assert resolved(coder, "When asked if a subsidy would be offered at a U.S./Soviet summit, Lyng said no.") == [
        ("U.S.", "USA"), ("Soviet", "SUN"), ("Lyng", "USAGOV")]


def test_unrecognised_forms_western_democracies_are_no_one_state(coder):
    # a group of states is not the story's country
    assert resolved(coder, "Reagan will discuss security with the western democracies in Venice.") == [
        ("Reagan", "USAGOV"), ("the western democracies", "---GOV")]


def test_unrecognised_forms_the_congressional_adjective_is_congress(coder):
    assert resolved(coder, "The President urged fair treatment of Chile despite congressional opposition.") \
        == [("The President", "---GOV"), ("Chile", "CHL"), ("congressional opposition", "USALEG")]
    assert resolved(coder, "Senator Byrd dropped his bill, ending congressional moves against the loan.") == [
        ("Senator Byrd", "---LEG"), ("congressional", "USALEG")]
    # the longer names keep their own entries
    assert resolved(coder, "Congressional leaders met Reagan.") == [
        ("Congressional leaders", "USALEG"), ("Reagan", "USAGOV")]


def test_unrecognised_forms_other_adjectives_stay_modifiers(coder):
    # only the adjectives listed as bodies' stand for them: "presidential" names no one body
    assert resolved(coder, "Presidential aides met Japanese officials.") == [("Japanese officials", "JPNGOV")]


def test_unrecognised_forms_a_pope_is_the_holy_see_s_church(coder):
    # "Pope John Paul II" was the story's country's clergy (the title alone said only REL)
    assert resolved(coder, "Pope John Paul II met President Reagan in Miami, the White House said.", "1987-09-10") \
        == [("Pope John Paul II", "VATREL"), ("President Reagan", "USAGOV"), ("the White House", "USAGOV")]


def test_unrecognised_forms_premiers_and_latin_countries_are_governments(coder):
    assert ("premiers", "---GOV") in resolved(
        coder, "After five hours of meetings with the 10 premiers, Mulroney said talks would go on.")
    assert resolved(coder, "The U.S. plan was strongly opposed by Latin countries.") == [
        ("U.S.", "USA"), ("Latin countries", "---GOV")]
    # other groups of states named by what they are, not by a region, stay unrecognised (test_context.py)
    assert resolved(coder, "The U.S. plan was strongly opposed by developed countries.") == [("U.S.", "USA")]


@pytest.mark.parametrize("text,expected", [
    # the speaker named after the quote, in the same sentence
    ('"We are ready to help Japan," Weinberger said.',
     [("We", "USAGOV"), ("Japan", "JPN"), ("Weinberger", "USAGOV")]),
    # ... or in the sentence that closes a quote going on over two
    ('"We have had three years in which the Soviets failed to honour the accord. We would love to keep '
     'trading with them," Lyng said.',
     [("We", "USAGOV"), ("the Soviets", "SUN"), ("We", "USAGOV"), ("Lyng", "USAGOV")]),
    # ... or the one the sentence before the quote says spoke
    ('Lyng said the grain accord would be discussed. "We have had three bad years with the Soviets."',
     [("Lyng", "USAGOV"), ("We", "USAGOV"), ("the Soviets", "SUN")]),
    # a "we" outside any quote is the writer's
    ("We said the plan was good for Japan.", [("Japan", "JPN")]),
])
def test_unrecognised_forms_a_quoted_we_is_its_speaker(coder, text, expected):
    assert resolved(coder, text) == expected


def test_unrecognised_forms_a_surname_the_tagger_takes_for_a_verb_is_still_the_person(coder):
    text = ("Reagan had talks with Kenyan President Daniel Arap Moi, who appealed for aid. An official said that "
            "Reagan stressed to Moi the importance of human rights.")
    assert resolved(coder, text) == [("Reagan", "USAGOV"), ("Kenyan President Daniel Arap Moi", "KENGOV"),
                                     ("An official", "---GOV"), ("Reagan", "USAGOV"), ("Moi", "KENGOV")]
