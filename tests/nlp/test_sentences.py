"""Sentence splitting on spaCy's rule-based English tokenizer (no trained component): where sentences end."""

from __future__ import annotations

import pytest
import spacy

from greatgame.documents import dateline
from greatgame.model import Document
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


@pytest.mark.parametrize(("text", "expected"), [
    ("GENEVA (Reuters) - Russia agreed.", ("Geneva", "GENEVA (Reuters) - ")),
    ("WASHINGTON, March 2 - Iran fired.", ("Washington", "WASHINGTON, March 2 - ")),
    ("By Staff Writers\nGENEVA, June 16 (AP) -- Russia agreed.",
     ("Geneva", "By Staff Writers\nGENEVA, June 16 (AP) -- ")),
    ("Lucknow: The state government fell.", ("Lucknow", "Lucknow: ")),
    # a hyphen inside a name is no dateline's dash
    ("U.S.-Canadian ties could worsen.", None),
    ("Iran announced tonight that its offensive had ended.", None),
])
def test_dateline_is_found_with_where_the_story_starts(text: str, expected) -> None:
    found = dateline(text)
    assert (found if found is None else (found[0], text[:found[1]])) == expected


def test_dateline_in_capitals_only_leaves_a_title_case_opening() -> None:
    assert dateline("Iran - Iraq talks resumed.", title_case=False) is None
    assert dateline("Iran - Iraq talks resumed.") == ("Iran", len("Iran - "))


def test_a_dateline_is_no_part_of_the_lead_sentence(coder) -> None:
    body = "Russia and the United States agreed on Wednesday to hold talks on strategic stability."
    plain = coder.code(Document("a", body, "2021-06-16"))
    for opening in ("GENEVA (Reuters) - ", "By Staff Writers\nGENEVA, June 16 (AP) -- "):
        res = coder.code(Document("b", opening + body, "2021-06-16"))
        # the same events as without the dateline, each with the story's sentence as its evidence
        assert {(e.source.code, e.target.code, e.plover) for e in res.events} == \
            {(e.source.code, e.target.code, e.plover) for e in plain.events}
        assert plain.events and {e.sentence.text for e in res.events} == {body}
