"""A dyad of states is the two states (issue 12): after "Prime Minister Brian Mulroney ... talks with the
United States", "the two nations" are Canada and the United States, not Canada's government; "the two
sides" stay the bodies that met."""

from __future__ import annotations

import pytest

from tests.actor_mentions import mention_rows

pytestmark = pytest.mark.issue(12)


@pytest.mark.parametrize(("text", "expected"), [
    ("Prime Minister Brian Mulroney said progress was being made in trade talks with the United States. "
     "The talks were launched two years ago between the two nations.",
     [("Prime Minister Brian Mulroney", "CANGOV"), ("the United States", "USA"), ("the two nations", "CAN"),
      ("the two nations", "USA")]),
    ("Iran's foreign minister met Iraq's foreign minister. Relations between the two countries are bad.",
     [("Iran's foreign minister", "IRNGOV"), ("Iraq's foreign minister", "IRQGOV"), ("the two countries", "IRN"),
      ("the two countries", "IRQ")]),
    # sides, not states: the bodies that named them
    ("Iranian President Ali Khamenei met French Foreign Minister Jean-Bernard Raimond. The two sides agreed "
     "to talk.",
     [("Iranian President Ali Khamenei", "IRNGOV"), ("French Foreign Minister Jean-Bernard Raimond", "FRAGOV"),
      ("The two sides", "IRNGOV"), ("The two sides", "FRAGOV")]),
])
def test_dyad_of_states_is_the_states(coder, text, expected):
    assert mention_rows(coder, text, "1987-05-01", "text", "code") == expected
