"""Forces a state moves are its own (issue 12): "Iraq deployed troops in Kuwait" names Iraqi troops, not
Kuwait's; the place they go to, and the story's country, do not say whose they are."""

from __future__ import annotations

import pytest

from tests.actor_mentions import mention_rows

pytestmark = pytest.mark.issue(12)


@pytest.mark.parametrize(("text", "expected"), [
    ("Iraq deployed troops in Kuwait on Monday.", [("Iraq", "IRQ"), ("troops", "IRQMIL")]),
    ("The Pentagon has sent warships to the Gulf.", [("The Pentagon", "USAMIL"), ("warships", "USAMIL")]),
    # the subject of the verb the moving hangs off, and the one accused of it
    ("Iran decided to send troops to Lebanon.", [("Iran", "IRN"), ("troops", "IRNMIL"), ("Lebanon", "LBN")]),
    ("Iraq accused Iran of deploying troops in Kuwait.", [("Iraq", "IRQ"), ("Iran", "IRN"), ("troops", "IRNMIL")]),
    # forces whose own words say whose they are keep it
    ("Syria withdrew Iranian troops from Lebanon.", [("Syria", "SYR"), ("Iranian troops", "IRNMIL"),
                                                     ("Lebanon", "LBN")]),
    # a mover of no country gives none
    ("The United Nations sent troops to Lebanon.", [("The United Nations", "IGOUNO"), ("troops", "---MIL"),
                                                    ("Lebanon", "LBN")]),
])
def test_forces_moved_are_the_movers(coder, text, expected):
    assert mention_rows(coder, text, "1987-05-01", "text", "code") == expected


def test_troops_in_a_place_not_moved_keep_the_place(coder):
    # no verb of moving: troops in Kuwait are Kuwait's, as before
    assert mention_rows(coder, "Iraq attacked troops in Kuwait.", "1987-05-01", "text", "code") == [
        ("Iraq", "IRQ"), ("troops", "KWTMIL")]
