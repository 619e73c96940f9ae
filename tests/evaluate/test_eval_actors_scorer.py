"""The actor scorer of benchmarks/eval_actors.py: which recognised mention a gold actor side is judged by."""

import sys
from pathlib import Path

from greatgame.model import Mention

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from eval_actors import best_mention, country_right  # noqa: E402


def _m(start: int, end: int, code: str | None, country: str | None) -> Mention:
    return Mention(doc_id="d", start=start, end=end, text="x" * (end - start), code=code, country=country,
                   sector=None, name=None, kind="state")


def test_two_states_at_one_span_each_count_for_their_own_gold_side():
    usa, jpn = _m(10, 25, "USA", "USA"), _m(10, 25, "JPN", "JPN")
    assert best_mention([(10, 25)], [usa, jpn], "JPN") is jpn
    assert best_mention([(10, 25)], [usa, jpn], "USA") is usa
    # Neither has the gold country: the first is judged, and judged wrong.
    got = best_mention([(10, 25)], [usa, jpn], "CHN")
    assert got is usa and not country_right("CHN", got)


def test_a_longer_overlapping_mention_with_the_gold_country_does_not_replace_the_best_span():
    short, longer = _m(10, 15, "USA", "USA"), _m(5, 30, "JPNGOV", "JPN")
    # Both overlap the gold span fully; the shorter wins the tie even though only the longer is right.
    assert best_mention([(10, 15)], [longer, short], "JPN") is short
    assert best_mention([(40, 45)], [longer, short], "JPN") is None
