"""Sentence splitting on spaCy's rule-based English tokenizer (no trained component): where sentences end."""

from __future__ import annotations

import pytest
import spacy

from greatgame.nlp import split_sentences


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def sentences(nlp, text: str, skip=()) -> list[str]:
    doc = nlp(text)
    return [doc[s:e].text for s, e in split_sentences(doc, skip)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia attacked Ukraine. Kyiv protested.", ["Russia attacked Ukraine.", "Kyiv protested."]),
    # an abbreviation's full stop is no sentence end
    ("U.S. officials met on Monday. The talks ended!", ["U.S. officials met on Monday.", "The talks ended!"]),
    ("Talks began at 10 a.m. and ended at noon.", ["Talks began at 10 a.m. and ended at noon."]),
    # nor a full stop followed by a lowercase word
    ("Iran fired... and missed. Iraq fired back.", ["Iran fired... and missed.", "Iraq fired back."]),
    # closing quotes and runs of final punctuation stay with their sentence; trailing spaces do not
    ('He said "we will fight." Then he left.', ['He said "we will fight."', "Then he left."]),
    ("Is it over?! No.  ", ["Is it over?!", "No."]),
    # a blank line ends a sentence without punctuation (a headline); a single line break does not
    ("Headline here\n\nRussia attacked Ukraine.", ["Headline here", "Russia attacked Ukraine."]),
    ("Russia attacked\nUkraine.", ["Russia attacked\nUkraine."]),
])
def test_split_sentences(nlp, text: str, expected: list[str]) -> None:
    assert sentences(nlp, text) == expected


def test_split_sentences_leaves_out_skipped_lines(nlp) -> None:
    text = "Menu Home About\nRussia attacked Ukraine. Kyiv protested.\n© 2016 Example"
    footer = text.index("©")
    assert sentences(nlp, text, [(0, 15), (footer, len(text))]) == ["Russia attacked Ukraine.", "Kyiv protested."]
    # a skipped stretch inside a line cuts the sentence there
    cut = text.index("Ukraine")
    assert sentences(nlp, text, [(cut, cut + len("Ukraine."))]) == ["Menu Home About\nRussia attacked",
                                                                     "Kyiv protested.", "© 2016 Example"]


def test_split_sentences_of_nothing(nlp) -> None:
    assert sentences(nlp, "") == [] and sentences(nlp, "  \n\n ") == []
