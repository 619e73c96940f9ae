"""Issue 11, recall: coordinated participles sharing one agent, and the other side of a visit
(events/clausal.py).

The finder tests give the exact candidate set of a sentence written for the test (what must be proposed
and what must not); the classifier that judges the candidates is retrained apart from them.
"""

from __future__ import annotations

import pytest

from finder import candidates


@pytest.mark.parametrize("text,expected", [
    # the agent hangs on the last participle; the passive subject undergoes them all
    ("Iraq was attacked and bombed by Iran.",
     {("Iran", "Iraq", "passive"), ("Iraq", "Iran", "pair")}),
    ("The Chadian army was supported, trained and armed by France.",
     {("France", "The Chadian army", "passive")}),
    # participles describing a noun: the noun undergoes them
    ("The Contra rebels, trained and armed by the United States, attacked a Nicaraguan army post.",
     {("The Contra rebels", "army", "svo"), ("the United States", "The Contra rebels", "participle")}),
    # no agent, no pair
    ("The Chadian army was trained and armed in France.", set()),
])
@pytest.mark.issue(11)
def test_finder_coordinated_participles_share_the_agent_of_the_last(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the place visited hosts the visitor
    ("Reagan visited Canada on Monday.",
     {("Reagan", "Canada", "svo"), ("Canada", "Reagan", "hosted")}),
    ("The Kenyan president will visit Britain and France next week.",
     {("The Kenyan president", "Britain", "svo"), ("The Kenyan president", "France", "svo"),
      ("Britain", "The Kenyan president", "hosted"), ("France", "The Kenyan president", "hosted")}),
    # travel for talks is a visit; travel alone is not
    ("Shultz will go to Moscow next month for talks on arms control.",
     {("Shultz", "Moscow", "svo"), ("Moscow", "Shultz", "hosted")}),
    ("Shultz went to Moscow on Monday.", {("Shultz", "Moscow", "svo")}),
    # a visitor received: it visits whoever receives it
    ("Rafsanjani told a visiting Nicaraguan delegation that the war would go on.",
     {("Rafsanjani", "Nicaraguan delegation", "svo"), ("Nicaraguan delegation", "Rafsanjani", "hosted")}),
    # not a visit: nobody hosts
    ("Reagan criticised Canada on Monday.", {("Reagan", "Canada", "svo")}),
])
@pytest.mark.issue(11)
def test_finder_the_place_visited_hosts_the_visitor(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the host and each party of the talks it holds, both ways; the parties meet each other too. The parse
    # takes "hosted" here for an adjective of "talks"
    ("Meanwhile, Turkey hosted talks between Russia and Ukraine in Istanbul.",
     {("Turkey", "Russia", "hosted"), ("Russia", "Turkey", "hosted"), ("Turkey", "Ukraine", "hosted"),
      ("Ukraine", "Turkey", "hosted"), ("Russia", "Ukraine", "nominal"), ("Ukraine", "Russia", "nominal")}),
    # and here for a verb: the host's side is its object's
    ("Meanwhile, Kenya hosted talks between Uganda and Tanzania in Nairobi.",
     {("Kenya", "Uganda", "svo"), ("Uganda", "Kenya", "hosted"), ("Kenya", "Tanzania", "svo"),
      ("Tanzania", "Kenya", "hosted"), ("Uganda", "Tanzania", "nominal"), ("Tanzania", "Uganda", "nominal")}),
    # hosting no talks: the guest only
    ("Kenya hosted a dinner for the Ugandan president.",
     {("Kenya", "the Ugandan president", "svo"), ("the Ugandan president", "Kenya", "heard")}),
])
@pytest.mark.issue(11)
def test_finder_the_host_of_talks_meets_each_party(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected
