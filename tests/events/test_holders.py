"""Issue 11, recall: the shapes of holders.py (visits by being somewhere, holders of what was acted on, talks under a
noun, nested owners, acts that came from someone, remarks, counted subjects, what was sent from one to
another).

Each test gives the finder's exact candidate set for a sentence written for the test: what must be proposed
and what must not. The classifier judges the candidates apart from these tests.
"""

from __future__ import annotations

import pytest

from finder import candidates


@pytest.mark.parametrize("text,expected", [
    # being somewhere to do something is a visit; being somewhere alone is not
    ("The European ministers are in New Zealand to review world trade.",
     {("The European ministers", "New Zealand", "journey"), ("New Zealand", "The European ministers", "hosted")}),
    ("The Polish delegation was in Moscow on Friday.", set()),
    # the place visited hosts the visitor (clausal.py; 37 of the 59 such pairs on the dev articles are gold)
    ("The Brazilian finance minister will this week visit Britain, France and Italy.",
     {("The Brazilian finance minister", p, "svo") for p in ("Britain", "France", "Italy")}
     | {(p, "The Brazilian finance minister", "hosted") for p in ("Britain", "France", "Italy")}),
])
@pytest.mark.issue(11)
def test_finder_being_somewhere_to_act_is_a_visit(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The Chilean minister will be explaining Chile's position to Peruvian President Alan Garcia.",
     {("The Chilean minister", "Peruvian President Alan Garcia", "svo"),
      ("Peruvian President Alan Garcia", "The Chilean minister", "heard")}),
    ("The German president is hosting a dinner tonight for Paz Estenssoro.",
     {("The German president", "Paz Estenssoro", "svo"), ("Paz Estenssoro", "The German president", "heard")}),
    # who is praised does not meet who praises
    ("The Chilean minister praised Peruvian President Alan Garcia.",
     {("The Chilean minister", "Peruvian President Alan Garcia", "svo")}),
])
@pytest.mark.issue(11)
def test_finder_whom_one_speaks_to_or_hosts_meets_them(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The Iranians occupied ground held by an Iraqi brigade.",
     {("The Iranians", "an Iraqi brigade", "held_by")}),
    ("Iranian gunboats attacked a tanker owned by Kuwait.", {("Iranian gunboats", "Kuwait", "held_by")}),
    ("Brazil suspended payments on debts owed to foreign banks.", {("Brazil", "banks", "held_by")}),
    # a thing with no holder named gives no pair
    ("Iranian gunboats attacked a tanker loaded with crude oil.", set()),
])
@pytest.mark.issue(11)
def test_finder_an_act_on_a_held_thing_reaches_its_holder(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("The departure of a Taiwan delegation for a series of trade talks with U.S. officials was delayed.",
     {("a Taiwan delegation", "U.S. officials", "talks_of")}),
    # a verbless wire parse: the talks set beside the officials are theirs
    ("Senior Japanese officials tomorrow open talks with American trade negotiators.",
     {("Japanese officials", "American trade negotiators", "talks_of")}),
    # talks asked for are not held: a demand stands between the delegation and the talks (the demand is
    # the delegation's remark to the officials, no talks of theirs)
    ("The Taiwan delegation's demand for talks with U.S. officials was rejected.",
     {("The Taiwan delegation", "U.S. officials", "remarks")}),
])
@pytest.mark.issue(11)
def test_finder_talks_under_a_noun_are_its_actors(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Kuwait protested against an Iranian Silkworm missile strike on a Kuwaiti tanker.",
     {("Iranian", "Kuwaiti", "nested")}),
    # who led the act
    ("Britain called for a full debate as Washington-led protests to the European Community mounted.",
     {("Washington", "the European Community", "nested")}),
    # the target a compound or two down too
    ("The attack responded to an Iranian Silkworm missile strike on the U.S.-flagged Kuwaiti tanker Sea Isle City.",
     {("Iranian", "Kuwaiti", "nested")}),
])
@pytest.mark.issue(11)
def test_finder_the_owner_of_an_act_compounds_down(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Britain had reacted optimistically at first to the letter from Japanese leader Yasuhiro Nakasone to U.K. "
     "Prime Minister Margaret Thatcher.",
     {("Britain", "Japanese leader Yasuhiro Nakasone", "pair"),
      ("Japanese leader Yasuhiro Nakasone", "U.K. Prime Minister Margaret Thatcher", "from_to")}),
    # something sent is received by the subject that answers it
    ("Britain will re-examine a letter from Japan's prime minister promising his personal help.",
     {("Britain", "Japan's prime minister", "svo"), ("Japan's prime minister", "Britain", "received")}),
    # whose the thing offered is: an offer of U.S. escorts is the U.S.'s
    ("Kuwait had earlier declined an offer of U.S. Naval escorts.",
     {("Kuwait", "U.S.", "pair"), ("U.S.", "Kuwait", "received")}),
    # where they come from is no sender: the flight is to Turkey, from nobody
    ("Refugees from Iraq fled to Turkey.", {("Refugees", "Turkey", "svo"), ("Iraq", "Turkey", "pair")}),
])
@pytest.mark.issue(11)
def test_finder_what_came_from_one_went_to_another(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    # the list names those the act came from, wherever the parse hangs it
    ("But protests had also come from other exporters to the European Community, such as Senegal, Malaysia "
     "and Norway, they added.",
     {(s, "the European Community", "came_from") for s in ("exporters", "Senegal", "Malaysia", "Norway")}),
    ("Strong protests came from Iran against the U.S. decision.", {("Iran", "the U.S.", "came_from")}),
    # an act from someone towards nobody named pairs nobody
    ("Criticism came from France and Germany.", set()),
])
@pytest.mark.issue(11)
def test_finder_an_act_that_came_from_someone(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Tehran radio said a spokesman was responding to U.S. officials' remarks about taking military action "
     "against Iran.",
     {("a spokesman", "U.S. officials", "svo"), ("U.S. officials", "a spokesman", "nominal"),
      ("U.S. officials", "Iran", "remarks")}),
    ("The curbs served to blunt Congressional criticism that the Reagan Administration was not taking action.",
     {("Congressional", "the Reagan Administration", "remarks")}),
    ("The talks would cover U.S. calls for Taiwan to open its market to American products.",
     {("U.S.", "Taiwan", "remarks")}),
])
@pytest.mark.issue(11)
def test_finder_a_remark_reaches_whom_it_is_about(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected


@pytest.mark.issue(11)
def test_finder_a_counted_agent_stands_for_what_it_counts(coder) -> None:
    text = "Iran's oilfields were attacked at dawn by a wave of Iraqi fighter bombers."
    assert candidates(coder, text) == {("Iran", "Iraqi fighter bombers", "pair"),
                                       ("Iraqi fighter bombers", "Iran", "partitive")}


@pytest.mark.issue(11)
def test_finder_whose_ships_are_targets_is_the_clause_above(coder) -> None:
    text = "Kuwait has backed Iraq in the war and its ships have increasingly been the target of Iranian attacks."
    assert candidates(coder, text) == {("Kuwait", "Iraq", "svo"), ("Iranian", "Kuwait", "undergone")}


@pytest.mark.parametrize("text,expected", [
    ("Japan yesterday, in an effort to ward off U.S. action, ordered a cutback in semiconductors production.",
     {("Japan", "U.S.", "purpose")}),
    # an effort someone else makes is not the clause subject's: no purpose pair for Japan
    ("Japan welcomed the effort by Korea to ward off U.S. action.",
     {("Japan", "Korea", "pair"), ("Japan", "U.S.", "svo")}),
])
@pytest.mark.issue(11)
def test_finder_what_one_set_out_to_do_is_the_clause_subjects(coder, text: str, expected: set) -> None:
    assert candidates(coder, text) == expected
