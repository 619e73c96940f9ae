"""A body its phrase calls "domestic" is of the story's dominant country (issue 12): "leading domestic
semiconductor makers" in a story about Japan are Japan's, though bodies outside the state's sectors take no
country from the document otherwise."""

from __future__ import annotations

import pytest

from tests.actor_mentions import mention_rows

pytestmark = pytest.mark.issue(12)

_LEAD = "Japan's trade minister said Japan would open its markets. Japan wants more imports. "


@pytest.mark.parametrize(("text", "expected"), [
    (_LEAD + "Leading domestic semiconductor makers will boost imports from the United States.",
     [("Japan's trade minister", "JPNGOV"), ("Japan", "JPN"), ("Japan", "JPN"), ("semiconductor makers", "JPNBUS"),
      ("the United States", "USA")]),
    # without "domestic" the makers stay of no country
    (_LEAD + "Leading semiconductor makers will boost imports from the United States.",
     [("Japan's trade minister", "JPNGOV"), ("Japan", "JPN"), ("Japan", "JPN"), ("semiconductor makers", "---BUS"),
      ("the United States", "USA")]),
])
def test_domestic_bodies_take_the_story_country(coder, text, expected):
    assert mention_rows(coder, text, None, "text", "code") == expected


def test_domestic_bodies_take_no_country_without_a_dominant_one(coder):
    text = "Japan and the United States met. Leading domestic semiconductor makers will boost imports from Korea."
    assert mention_rows(coder, text, None, "text", "code") == [
        ("Japan", "JPN"), ("the United States", "USA"), ("semiconductor makers", "---BUS"), ("Korea", "KOR")]
