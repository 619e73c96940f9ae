"""Text set all in lower case: the dictionary's names are read whatever their case, common words are not
(issue 12: reuters-3351, "a confidential world bank report on the peruvian economy", found no actor)."""

from __future__ import annotations

import pytest

from actor_mentions import mention_rows

from greatgame.actors.lowercase import foldable, lowercase_text

pytestmark = pytest.mark.issue(12)

LOWER = ("a confidential world bank report on the peruvian economy said the government's strategy does not "
         "offer good prospects for growth.\n    the peru report said the success of president alan garcia's "
         "government in stimulating output last year was short-lived, and that china and the council "
         "would not give us aid.\n")


def mentions(coder, text: str, date: str | None = "1987-03-09") -> list[tuple[str, str | None]]:
    return mention_rows(coder, text, date, "text", "code")


def test_lowercase_text_is_told_from_text_with_capitals():
    assert lowercase_text(LOWER)
    assert not lowercase_text(LOWER.capitalize().replace("peruvian", "Peruvian").replace("alan garcia", "Alan Garcia"))
    assert not lowercase_text("the world bank said.")  # too short to tell


def test_lowercase_names_are_found_and_common_words_are_not(coder):
    # "china", "the council", "us" and "aid" are common words in lower case: not read as actors
    assert mentions(coder, LOWER) == [
        ("world bank", "IGOUNODEVWBK"), ("peruvian", "PER"), ("the government", "PERGOV"),
        ("peru", "PER"), ("president alan garcia's government", "PERGOV")]


def test_lowercase_forms_only_in_lowercase_text(coder):
    # in a text with capitals, lower-case words stay what they were
    text = "The report said the world bank and the peruvian economy were weak, President Alan Garcia said."
    assert mentions(coder, text) == [("bank", "---BUS"), ("President Alan Garcia", "PERGOV")]


@pytest.mark.parametrize("form,ok", [("World Bank", True), ("Peru", True), ("Peruvian", True), ("OPEC", True),
                                     ("Alan Garcia", True), ("Polish", False), ("Bush", False), ("US", False),
                                     ("China", False), ("the Commonwealth", False), ("UN", False)])
def test_lowercase_foldable_forms(form, ok):
    from greatgame.actors.dictionary import load_dictionary
    from greatgame.actors.lowercase import common_words
    from greatgame.nlp import load_pipeline

    d = load_dictionary()
    entries = d.forms.get(form)
    assert entries, form
    assert foldable(form, entries, common_words(load_pipeline())) is ok


@pytest.mark.issue(11)
def test_lowercase_text_at_its_thresholds() -> None:
    assert lowercase_text("I" + "a" * 199)  # one capital of 200 letters: under 1%
    assert not lowercase_text("II" + "a" * 198)  # two: 1%
    assert not lowercase_text("a" * 199 + " 12345 é")  # 199 ASCII letters: too few to tell
    assert lowercase_text("a world bank report, " * 20)


@pytest.mark.issue(11)
def test_lowercase_text_counts_only_ascii_letters_whatever_else_the_text_holds() -> None:
    # letters outside A-Z and a-z are neither counted nor capitals; a lone surrogate (from JSON) is no error
    assert lowercase_text("É" * 50 + "a" * 200 + "\ud800")
    assert not lowercase_text("Ü" * 300 + "a" * 199)
    assert not lowercase_text("a" * 198 + "BC" + "\u00e9" * 40)
