"""Issue 11, recall: the shapes of nominal.py (an act noun's target a compound or more down, whoever answers
the act, an owner counted by a partitive noun).

Each finder test gives the candidate set for a sentence written for the test: what must be proposed and
what must not. The classifier judges the candidates apart from these tests.
"""

from __future__ import annotations

import pytest

from finder import candidates


@pytest.mark.parametrize("text,expected", [
    # a state is a party to what is done to the ship under its flag, however many compounds down
    ("Washington condemned an Iranian missile attack on the American-flagged Kuwaiti tanker Sea Isle City.",
     {("Iranian", "Kuwaiti", "nominal"), ("Washington", "Iranian", "svo")}),
    # a target the object names itself is the nominal pattern's, found once
    ("Kuwait protested against an Iraqi air raid on the Kuwaiti tanker Al Funtas.",
     {("Iraqi", "Kuwaiti tanker Al Funtas", "nominal"), ("Kuwait", "Iraqi", "svo")}),
])
@pytest.mark.issue(11)
def test_finder_act_reaches_a_target_compounds_down(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # whoever avenges an act, or threatens vengeance after it, was its target
    ("Iran vowed to avenge the U.S. raids on its oil platforms.",
     {("Iran", "the U.S.", "chain"), ("the U.S.", "Iran", "nominal")}),
    ("Tehran threatened vengeance after the American raids.", {("American", "Tehran", "nominal")}),
    # a statement after the raids answers nothing
    ("Tehran issued a statement after the American raids.", set()),
])
@pytest.mark.issue(11)
def test_finder_who_answers_an_act_was_its_target(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.issue(11)
def test_finder_demands_by_a_group_are_the_group_members(coder) -> None:
    assert candidates(coder, "Egyptian officials rejected demands by a group of Libyan diplomats.") == {
        ("Egyptian officials", "Libyan diplomats", "pair"), ("Libyan diplomats", "Egyptian officials", "nominal")}
