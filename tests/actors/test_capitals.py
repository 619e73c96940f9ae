"""Text set all in capitals (headlines, wire slugs) is read in sentence case with the dictionary's names in
their own case (issue 12: "IRAN SAYS IT SHOT DOWN IRAQI JET" found no actor); the records keep the text's
own words and offsets."""

from __future__ import annotations

import pytest

from actor_mentions import mention_rows

from greatgame.casing import sentence_case, uppercase_text
from greatgame.model import Document

pytestmark = pytest.mark.issue(12)


def test_capitals_text_is_told_from_text_with_lower_case():
    assert uppercase_text("IRAN SAYS IT SHOT DOWN IRAQI JET")
    assert uppercase_text("PRESIDENT REAGAN MEETS McFARLANE AT THE WHITE HOUSE")  # a small letter may stay
    assert not uppercase_text("NATO")  # too short to tell
    assert not uppercase_text("The U.S. and the USSR met in Geneva.")


def test_capitals_sentence_case_gives_names_their_own_case():
    text = "IRAN SAYS IT SHOT DOWN IRAQI JET. U.S. SAYS NO.\n\n\"WE WILL ACT,\" IT SAID."
    # (a form of another length than the name's text is not used)
    names = [(0, 4, "Iran"), (23, 28, "Iraqi"), (34, 38, "U.S."), (0, 4, "Iranian")]
    assert sentence_case(text, names) == "Iran says it shot down Iraqi jet. U.S. says no.\n\n\"We will act,\" it said."


def test_capitals_headline_actors_are_found(coder):
    # "REAGAN": a leader's surname is read in a text in capitals, though not in one in lower case; "IT" is Iran;
    # "IRAQI JET" Iraq's forces (armed.py)
    rows = mention_rows(coder, "IRAN SAYS IT SHOT DOWN IRAQI JET, REJECTS REAGAN PROPOSAL", "1987-05-01",
                        "text", "start", "code")
    assert rows == [("IRAN", 0, "IRN"), ("IT", 10, "IRN"), ("IRAQI", 23, "IRQMIL"), ("REAGAN", 42, "USAGOV")]


def test_capitals_common_words_stay_words(coder):
    # "US" and "AID" are read as the words "us" and "aid", not the United States and USAID
    rows = mention_rows(coder, "CHINA ACCUSES U.S. OF INTERFERENCE, GIVES US NO AID", "1987-05-01", "text", "code")
    assert rows == [("CHINA", "CHN"), ("U.S.", "USA")]


def test_capitals_events_keep_the_text_as_written(coder_all):
    # every event, whatever its confidence (one side's talks sit near the default threshold)
    text = "TURKEY AND GREECE AGREE TO HOLD TALKS ON AEGEAN DISPUTE"
    res = coder_all.code(Document(id="t", text=text, date="1987-05-01"))
    got = {(e.source.text, e.target.text, e.trigger.text, e.sentence.text) for e in res.events}
    assert got == {("TURKEY", "GREECE", "AGREE", text), ("GREECE", "TURKEY", "AGREE", text),
                   ("TURKEY", "GREECE", "HOLD", text), ("GREECE", "TURKEY", "HOLD", text)}


@pytest.mark.issue(11)
def test_uppercase_text_at_its_thresholds() -> None:
    assert uppercase_text("A" * 19 + "b")  # 19 capitals of 20 letters: 95%
    assert not uppercase_text("A" * 18 + "bc")  # 90%
    assert uppercase_text("IRAN, 1987: " + "É" * 18 + "é")  # letters of any script; digits and marks aside
    assert not uppercase_text("ABCDEFGHIJK 1234567")  # 11 letters: too few to tell
    assert uppercase_text("ABCDEFGHIJKL")
    assert not uppercase_text("iran says it shot down IRAQI JET")


@pytest.mark.issue(11)
def test_capitals_text_is_told_however_far_into_a_long_text_its_small_letters_come():
    capitals = "IRAN SAYS IT SHOT DOWN AN IRAQI JET OVER THE GULF. " * 100  # 3,900 letters
    assert uppercase_text(capitals)
    assert uppercase_text(capitals + "it said." * 20)  # 100 small letters of 4,000: under 5%
    assert not uppercase_text(capitals + "it said." * 60)  # 300 of 4,200: over 5%, all at the end
    assert uppercase_text("a" * 150 + capitals)  # 150 of 4,050, at the start
    assert not uppercase_text("a" * 300 + capitals)  # 300 of 4,200, at the start
    assert not uppercase_text("Iran says it shot down an Iraqi jet. " * 300)
