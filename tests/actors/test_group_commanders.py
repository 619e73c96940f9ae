"""A commander of an armed group that is no state's ("a Boko Haram commander") is the group's, a rebel, not a
military of the group's country: so the army of that country arresting him is an event between two parties,
not one actor acting on itself."""

from __future__ import annotations

from greatgame.model import Document
from tests.actor_mentions import mention_rows


def test_rebel_group_commander_keeps_the_group_sector(coder):
    text = "The Nigerian army arrested a top Boko Haram commander on Monday."
    assert mention_rows(coder, text, "2016-05-12", "text", "code", "sector") == [
        ("The Nigerian army", "NGAMIL", "MIL"), ("Boko Haram commander", "NGAREBBKH", "REB")]
    res = coder.code(Document(id="t", text=text, date="2016-05-12"))
    assert {(e.source.code, e.target.code, e.plover) for e in res.events} == {("NGAMIL", "NGAREBBKH", "COERCE")}


def test_state_army_commander_stays_military(coder):
    text = "A Nigerian army commander met the governor of Borno on Monday."
    rows = mention_rows(coder, text, "2016-05-12", "text", "code")
    assert rows[0] == ("A Nigerian army commander", "NGAMIL")
