"""A place name an event makes a party is listed among the mentions (issue 12): "attended a summit in the United
Kingdom" is an act towards the United Kingdom, so it is an actor there; "met Britain in France" leaves France
the place where they met, no actor."""

from __future__ import annotations

import pytest

from greatgame.actors.resolved import Resolved, ResolvedMention, party_places
from greatgame.model import Document, Mention
from tests.actor_mentions import mention_rows

pytestmark = pytest.mark.issue(12)


def _mention(start: int, end: int, code: str) -> Mention:
    return Mention("t", start, end, "x" * (end - start), code, code[:3], code[3:] or None, None, "state")


def test_party_places_adds_only_places_that_are_parties_in_text_order():
    user = (_mention(0, 5, "USAGOV"), _mention(30, 36, "RUSGOV"))
    kuwait, geneva = _mention(20, 26, "KWT"), _mention(40, 46, "CHE")
    resolved = Resolved((ResolvedMention(user[0], 0, 0, 1, 0), ResolvedMention(kuwait, 0, 4, 5, 4, is_location=True),
                         ResolvedMention(user[1], 0, 6, 7, 6), ResolvedMention(geneva, 0, 8, 9, 8, is_location=True)),
                        ((),))
    assert party_places(user, resolved, {(0, 5), (20, 26)}) == (user[0], kuwait, user[1])
    assert party_places(user, resolved, {(0, 5), (30, 36)}) == user  # no place is a party: as they were


def test_place_an_event_acts_towards_is_a_mention_and_a_venue_is_not(coder):
    text = ("Nigerian President Muhammadu Buhari attended a summit in the United Kingdom on Thursday. "
            "Japan met Britain in France.")
    got = mention_rows(coder, text, "2016-05-12", "text", "code")
    assert got == [("Nigerian President Muhammadu Buhari", "NGAGOV"), ("the United Kingdom", "GBR"),
                   ("Japan", "JPN"), ("Britain", "GBR")]
    res = coder.code(Document(id="t", text=text, date="2016-05-12"))
    # ... because an event acts towards the United Kingdom, and none towards France
    assert {(e.source.text, e.target.text) for e in res.events} == {
        ("Nigerian President Muhammadu Buhari", "the United Kingdom"), ("Japan", "Britain"), ("Britain", "Japan")}
