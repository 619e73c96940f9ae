"""Event dates: what a sentence says, resolved against the document's date, with its precision."""

from __future__ import annotations

import pytest

from greatgame.events.dates import event_date

DOC_DATE = "1987-03-10"  # a Tuesday


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Iran attacked Iraq yesterday.", ("1987-03-09", "yesterday", "day")),
    ("Iran attacked Iraq today.", ("1987-03-10", "today", "day")),
    ("Iran attacked Iraq two days ago.", ("1987-03-08", "two days ago", "day")),
    ("Iran attacked Iraq on Sunday.", ("1987-03-08", "on Sunday", "day")),
    ("Iran attacked Iraq on Tuesday.", ("1987-03-10", "on Tuesday", "day")),
    ("Iran attacked Iraq on March 2.", ("1987-03-02", "March 2", "day")),
    ("Iran attacked Iraq on 2 March.", ("1987-03-02", "2 March", "day")),
    ("Iran attacked Iraq on September 3, 1985.", ("1985-09-03", "September 3, 1985", "day")),
    # a month and day after the document (beyond a week's grace) is last year's
    ("Iran attacked Iraq on December 30.", ("1986-12-30", "December 30", "day")),
    # the text gives less than a day: the first day of the month or year, with the precision saying so
    ("Iran attacked Iraq last week.", ("1987-03-01", "last week", "month")),
    ("Iran attacked Iraq last month.", ("1987-02-01", "last month", "month")),
    ("Iran attacked Iraq last year.", ("1986-01-01", "last year", "year")),
    # nothing said: the document's own date
    ("Iran attacked Iraq.", ("1987-03-10", None, "day")),
])
def test_event_date_against_the_document_date(sentence: str, expected: tuple) -> None:
    assert event_date(sentence, DOC_DATE) == expected


def test_event_date_of_a_future_event_looks_forward() -> None:
    assert event_date("Iran will meet Iraq on March 31.", "1987-04-10")[0] == "1987-03-31"
    assert event_date("Iran will meet Iraq on March 31.", "1987-04-10", forward=True)[0] == "1988-03-31"
    assert event_date("Iran will meet Iraq on Friday.", DOC_DATE, forward=True) == ("1987-03-13", "on Friday", "day")


def test_event_date_bare_year_only_where_attached_to_the_verb() -> None:
    sentence = "Iran attacked Iraq in 1980."
    at = sentence.index("in 1980")
    assert event_date(sentence, DOC_DATE, year_ok=lambda offset: offset == at) == ("1980-01-01", "in 1980", "year")
    assert event_date(sentence, DOC_DATE, year_ok=lambda offset: False) == ("1987-03-10", None, "day")
    assert event_date(sentence, DOC_DATE) == ("1987-03-10", None, "day")
    # a year after the document's is no past date
    assert event_date("Iran attacked Iraq in 1990.", DOC_DATE, year_ok=lambda offset: True)[0] == "1987-03-10"


def test_event_date_without_a_document_date() -> None:
    assert event_date("Iran attacked Iraq on September 3, 1985.", None) == ("1985-09-03", "September 3, 1985", "day")
    # relative words need the document's date; none is made up
    assert event_date("Iran attacked Iraq yesterday.", None) == (None, None, None)
    assert event_date("Iran attacked Iraq yesterday.", "not a date") == (None, None, None)


def test_event_date_words_are_whole_words() -> None:
    # "Mayday" is no month, "todays" no "today"
    assert event_date("Iran sent a Mayday 4 call and todays news.", DOC_DATE) == ("1987-03-10", None, "day")
