"""Offices only some states have: "Congress" and "senators" in a story of Japan or the Soviet Union are not
theirs, but the United States' where the story names no other state that has them (issue 12)."""

from __future__ import annotations

import pytest

from actor_mentions import mention_rows

from greatgame.actors.state_offices import named_offices

pytestmark = pytest.mark.issue(12)


def test_named_offices_table_lists_states_the_likeliest_first():
    table = named_offices()
    assert table["congress"][0] == "USA" and "PHL" in table["congress"] and "JPN" not in table["congress"]
    assert table["senators"][0] == "USA" and "ITA" in table["senators"] and "SUN" not in table["senators"]


@pytest.mark.parametrize(("text", "expected"), [
    ("TOKYO, May 4 - Japan criticized Congress on Monday. Japanese officials said Tokyo would respond to the "
     "bill. Japan's Prime Minister Yasuhiro Nakasone said Japan would talk to the congressmen.",
     [("Congress", "USALEG"), ("the congressmen", "USALEG")]),
    ("Senators urged Japan to open its markets. A group of congressmen met Japanese officials in Tokyo. Japan "
     "said it would reply.", [("Senators", "USALEG"), ("congressmen", "USALEG")]),
    ("Representatives of the two countries met in Geneva. Three congressmen criticized the Soviet Union. Soviet "
     "officials said Moscow would not yield and the Soviet Union rejected the call.", [("congressmen", "USALEG")]),
    # a state that has one keeps it
    ("MANILA, May 4 - Philippine President Corazon Aquino urged Congress to pass the land reform bill. Aquino "
     "said the Philippines needed reform.", [("Congress", "PHLLEG")]),
])
def test_named_offices_a_congress_the_story_s_state_lacks_is_the_united_states(coder, text, expected):
    got = mention_rows(coder, text, "1987-05-04", "text", "code")
    assert [r for r in got if r[0].lower().strip("the ").startswith(("congress", "senat"))] == expected
