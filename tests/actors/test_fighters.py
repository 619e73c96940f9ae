"""A people named in the plural as who fights, or is fought, in a war between states is that state's armed
forces: "the Iranians had occupied ground" is IRNMIL; "the Iranians used them" stays IRN (issue 12)."""

from __future__ import annotations

import pytest

from actor_mentions import mention_rows

pytestmark = pytest.mark.issue(12)

WAR = ("Iraq said its troops had killed thousands of Iranians near Basra. Iraqi troops had surrounded the Iranians "
       "after the attack. Iraq admitted the Iranians had occupied ground held by one of its divisions. Iranian "
       "forces were thrown back. Officials said the Iranians used the boats to carry mines.")


def test_fighters_a_people_who_fights_where_its_forces_are_named_is_its_forces(coder):
    got = [r for r in mention_rows(coder, WAR, "1987-03-01", "text", "code") if "Iran" in r[0]]
    assert got == [("Iranians", "IRNMIL"), ("the Iranians", "IRNMIL"), ("the Iranians", "IRNMIL"),
                   ("Iranian forces", "IRNMIL"), ("the Iranians", "IRN")]


def test_fighters_not_a_people_whose_state_has_no_forces_in_the_story(coder):
    # no Palestinian forces named: the people killed are not an army
    text = "Israeli soldiers killed three Palestinians in Gaza on Monday."
    assert mention_rows(coder, text, "1987-03-01", "text", "code") == [
        ("Israeli soldiers", "ISRMIL"), ("Palestinians", "PSE")]


def test_fighters_the_revolutionary_guards_in_lower_case_are_iran_s_forces(coder):
    text = "Iranian Revolutionary guards attacked the oil rig."
    assert mention_rows(coder, text, "1987-03-01", "text", "code")[0] == ("Iranian Revolutionary guards", "IRNMIL")


def test_fighters_not_where_only_one_state_s_forces_are_named(coder):
    # the Marines are the only armed forces: the Americans killed are no army at war
    text = "Gunmen killed two Americans in Beirut on Monday. U.S. Marines guarded the embassy."
    got = mention_rows(coder, text, "1987-03-01", "text", "code")
    assert ("Americans", "USA") in got and ("U.S. Marines", "USAMIL") in got
