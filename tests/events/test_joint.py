"""Issue 11, recall: raised subjects and coordinated subjects of a meeting (events/joint.py).

The finder tests give the exact candidate set of a sentence written for the test (what must be proposed
and what must not); the classifier that judges the candidates is retrained apart from them.
"""

from __future__ import annotations

import pytest

from finder import candidates


@pytest.mark.parametrize("text,expected", [
    # the passive's subject meets: coordinated, they meet each other
    ("The Chilean foreign minister and the Peruvian foreign minister are scheduled to meet in Lima on Friday.",
     {("The Chilean foreign minister", "the Peruvian foreign minister", "raised"),
      ("the Peruvian foreign minister", "The Chilean foreign minister", "raised")}),
    # those invited are who would meet; the inviter is the passive's agent
    ("The Kenyan president and the Ugandan president were invited by Tanzania to meet in Arusha.",
     {("Tanzania", "The Kenyan president", "passive"), ("Tanzania", "the Ugandan president", "passive"),
      ("The Kenyan president", "the Ugandan president", "raised"),
      ("the Ugandan president", "The Kenyan president", "raised")}),
    # a passive with no infinitive raises nothing
    ("The Chilean foreign minister was received in Lima on Friday.", set()),
])
@pytest.mark.issue(11)
def test_finder_a_subject_raised_from_a_passive_acts_in_the_infinitive(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # they meet each other, whatever they discuss
    ("The Kenyan foreign minister and the Ugandan foreign minister discussed new sanctions against Sudan.",
     {("The Kenyan foreign minister", "Sudan", "svo"), ("the Ugandan foreign minister", "Sudan", "svo"),
      ("The Kenyan foreign minister", "the Ugandan foreign minister", "joint"),
      ("the Ugandan foreign minister", "The Kenyan foreign minister", "joint")}),
    # a meeting that names its other side: they meet that side together, not each other
    ("The Kenyan president and the Ugandan president held talks with Sudan on Friday.",
     {("The Kenyan president", "Sudan", "svo"), ("the Ugandan president", "Sudan", "svo")}),
    ("Kenya and Uganda met Tanzanian officials in Nairobi.",
     {("Kenya", "Tanzanian officials", "svo"), ("Uganda", "Tanzanian officials", "svo")}),
    # not a meeting: no pair between the subjects
    ("The Kenyan foreign minister and the Ugandan foreign minister condemned new sanctions against Sudan.",
     {("The Kenyan foreign minister", "Sudan", "svo"), ("the Ugandan foreign minister", "Sudan", "svo")}),
])
@pytest.mark.issue(11)
def test_finder_coordinated_subjects_of_a_meeting_meet_each_other(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # people listed by the states they come from stand for each state: a listed meeting is every pair
    ("Delegates from Kenya, Uganda and Tanzania met in Arusha on Friday.",
     {(a, b, "coordination") for a in ("Kenya", "Uganda", "Tanzania") for b in ("Kenya", "Uganda", "Tanzania")
      if a != b}),
    # the meeting names who took part; the city it met in is no party
    ("The meeting in Nairobi involved envoys from Kenya, Uganda and Tanzania.",
     {(a, b, "listed") for a in ("Kenya", "Uganda", "Tanzania") for b in ("Kenya", "Uganda", "Tanzania")
      if a != b}),
    # the listed states act on the verb's target each
    ("The foreign ministers of Kenya and Uganda condemned Sudan.",
     {("ministers of Kenya", "Sudan", "svo"), ("Uganda", "Sudan", "svo")}),
    # one country's people, however many: no list
    ("The ministers of Kenya met in Nairobi.", set()),
])
@pytest.mark.issue(11)
def test_finder_people_listed_by_their_states_stand_for_each(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected
