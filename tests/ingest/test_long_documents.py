"""Documents over spaCy's max_length (issue 16, point 4): coded in pieces, offsets true in the whole text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import greatgame
from hypothesis import given, settings
from hypothesis import strategies as st

from greatgame.chunking import chunks

pytestmark = [pytest.mark.issue(16), pytest.mark.slow]  # real processes or a live server: the full suite runs them
# The subprocesses run the code this test imported (the checkout under test).
SRC = str(Path(greatgame.__file__).resolve().parents[1])
EVENT = "Russia signed a trade deal with North Korea on Monday."
# Lowercase prose: no actor and no name, so the pre-filter parses none of it (the test stays fast).
FILLER = "the weather was mild and the markets were calm all week long.\n\n"


def long_text(size: int, at: list[int]) -> str:
    """About `size` characters of filler with the event sentence starting at a paragraph near each of `at`."""
    parts, pos = [], 0
    for target in sorted(at):
        n = max(0, (target - pos) // len(FILLER))
        parts.append(FILLER * n + EVENT + "\n\n")
        pos += n * len(FILLER) + len(EVENT) + 2
    parts.append(FILLER * max(0, (size - pos) // len(FILLER)))
    return "".join(parts)


def test_a_1_2_million_character_document_codes_with_true_offsets(tmp_path: Path) -> None:
    text = long_text(1_200_000, [0, 600_000, 1_050_000, 1_190_000])
    assert len(text) > 1_190_000
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "greatgame", "code", str(path), "--format", "jsonl",
                          "--workers", "1"], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": SRC})
    assert res.returncode == 0, res.stderr
    assert "E088" not in res.stderr
    events = [json.loads(line) for line in res.stdout.splitlines()]
    # a deal signed with a party is both sides' act: two events a sentence
    got = sorted((e["sentence"]["start"], e["source"]["code"], e["cameo"], e["target"]["code"]) for e in events)
    assert got == [(i, *pair) for i in range(len(text)) if text.startswith(EVENT, i)
                   for pair in (("PRK", "057", "RUS"), ("RUS", "057", "PRK"))]
    for e in events:
        for span in (e["source"], e["target"], e["trigger"], e["sentence"]):
            assert text[span["start"]:span["end"]] == span["text"]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(st.sampled_from("ab .\n!\"”"), max_size=400), limit=st.integers(2, 60))
def test_chunks_cover_the_text_in_order_within_the_limit(text: str, limit: int) -> None:
    ranges = chunks(text, limit)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a < b or (a == b == len(text) == 0) for a, b in ranges)
    assert all(prev[1] == nxt[0] for prev, nxt in zip(ranges, ranges[1:], strict=False))
    assert all(b - a <= limit for a, b in ranges)


def test_chunks_cut_at_paragraphs_then_sentences() -> None:
    text = "One two. Three four.\n\nFive six. Seven eight."
    assert chunks(text, 30) == [(0, 22), (22, len(text))]
    assert chunks("One two. Three four. Five six.", 25) == [(0, 21), (21, 30)]
    assert chunks("x" * 10, 4) == [(0, 4), (4, 8), (8, 10)]
