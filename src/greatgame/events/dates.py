"""The date an event happened: what the sentence says, resolved against the document's date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

__all__ = ["event_date"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_MON = "|".join(m[:3] + (m[3:] and f"(?:{m[3:]})?") for m in _MONTHS)
_RE_WEEKDAY = re.compile(r"\b(?:on |last |this )?(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_RE_MONTH_DAY = re.compile(r"\b(" + _MON + r")\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?\b", re.IGNORECASE)
_RE_DAY_MONTH = re.compile(r"\b(\d{1,2}) (" + _MON + r")\.?(?:,? (\d{4}))?\b", re.IGNORECASE)
_RE_YEAR = re.compile(r"\bin (1[89]\d\d|20\d\d)\b")
# Relative phrases: days back, and how much of the date they give (a year for "last year").
_RELATIVE = {"yesterday": (-1, "day"), "today": (0, "day"), "tonight": (0, "day"), "last night": (-1, "day"),
             "this morning": (0, "day"), "the day before": (-1, "day"), "two days ago": (-2, "day"),
             "three days ago": (-3, "day"), "earlier this week": (-2, "month"), "last week": (-7, "month"),
             "a week ago": (-7, "month"), "last month": (-30, "month"), "last year": (-365, "year")}
_RE_RELATIVE = re.compile(r"\b(" + "|".join(sorted(_RELATIVE, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _month(name: str) -> int:
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(name.lower()[:3]))


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def event_date(sentence: str, doc_date: str | None, year_ok: Callable[[int], bool] | None = None,
               forward: bool = False) -> tuple[str | None, str | None, str | None]:
    """(ISO date, the words that gave it, its precision: day, month or year); the document's date (to the
    day) where the sentence names none.

    A month and day without a year is the last such day before the document (a week's grace), or with
    `forward` (a future or hypothetical event: "will meet on March 31") the next one from it. A bare
    year ("in 1988") dates the event only where `year_ok(char_offset)` says the phrase is attached to
    the event's verb; "since 1973" or "the 1973 war" do not date it. A year or month is given as its
    first day, with the precision saying how much of the date the text gave.
    """
    try:
        base = dt.date.fromisoformat(doc_date[:10]) if doc_date else None
    except ValueError:  # a hand-built Document may carry any string; the readers check theirs
        base = None
    for rx, order in ((_RE_MONTH_DAY, "md"), (_RE_DAY_MONTH, "dm")):
        m = rx.search(sentence)
        if m:
            mon, day = (m[1], m[2]) if order == "md" else (m[2], m[1])
            year = int(m[3]) if m[3] else (base.year if base else None)
            if year is None:
                continue
            d = _safe(year, _month(mon), int(day))
            if d and base and not m[3]:
                if forward and d < base - dt.timedelta(days=7):
                    d = _safe(year + 1, _month(mon), int(day))
                elif not forward and d > base + dt.timedelta(days=7):
                    d = _safe(year - 1, _month(mon), int(day))
            if d:
                return d.isoformat(), m[0], "day"
    if base is None:
        return None, None, None
    m = _RE_RELATIVE.search(sentence)
    if m:
        days, precision = _RELATIVE[m[1].lower()]
        d = base + dt.timedelta(days=days)
        if precision == "year":
            d = d.replace(month=1, day=1)
        elif precision == "month":
            d = d.replace(day=1)
        return d.isoformat(), m[0], precision
    m = _RE_WEEKDAY.search(sentence)
    if m:
        back = (base.weekday() - _WEEKDAYS.index(m[1].lower())) % 7
        if forward and back:
            return (base + dt.timedelta(days=7 - back)).isoformat(), m[0], "day"
        return (base - dt.timedelta(days=back)).isoformat(), m[0], "day"
    m = _RE_YEAR.search(sentence)
    if m and int(m[1]) < base.year and year_ok is not None and year_ok(m.start()):
        return f"{m[1]}-01-01", m[0], "year"
    return base.isoformat(), None, "day"
