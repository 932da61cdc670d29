"""Resolve date expressions against the article's publication date.

``resolve_date`` gives a day when the text names or implies one ("on
Thursday", "May 16, 2024", "07/03/2024"); ``read_date`` gives the same day
with what it was resolved from (``DateReading.basis``), which events carry as
their date's provenance; ``resolve_period`` gives the period a figure refers
to ("last year" -> "2023", "from January to July" -> "2025-01/2025-07").

A weekday or a month without a year is read backwards from the publication
date ("met on Thursday"), or forwards with ``prefer="future"`` ("will travel
on Wednesday"); "next"/"last" and "tomorrow"/"yesterday" say so themselves.
Numeric dates take their day/month order from the article's evidence
(``order``, see ``kg.dayorder``) and stay unresolved when there is none.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.dayorder import DayOrder, read_numeric

__all__ = ["DateReading", "read_date", "resolve_date", "resolve_period", "DayOrder"]

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], start=1)}
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.I)
_RELATIVE_YEAR = {"last year": -1, "previous year": -1, "past year": -1, "this year": 0, "current year": 0, "next year": 1}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(?:(next|last|this|coming|past)\s+)?(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_RELATIVE_DAY = {"yesterday": (-1, "the day before"), "today": (0, "the day of"), "tonight": (0, "the day of"),
                 "tomorrow": (1, "the day after")}
_PREFER = ("past", "future")


@dataclass(frozen=True)
class DateReading:
    """A resolved day and what it was resolved from; ``date`` is None when the text names no single day."""

    date: dt.date | None
    basis: str = ""  #: e.g. "'on Wednesday': the next Wednesday after the publication date 2024-11-12 (future tense)"
    ambiguous: bool = False  #: the text names a day, but the article does not say which reading


def _anchored(expression: str, what: str, anchor: dt.date) -> str:
    return f"{expression!r}: {what} the publication date {anchor.isoformat()}"


def _weekday(lowered: str, expression: str, anchor: dt.date, prefer: str) -> DateReading:
    match = _WEEKDAY.search(lowered)
    modifier, day = match.group(1), _WEEKDAYS.index(match.group(2))
    forward = modifier in ("next", "coming") or (modifier != "last" and modifier != "past" and prefer == "future")
    name = match.group(2).capitalize()
    if forward:
        ahead = (day - anchor.weekday()) % 7 or (7 if modifier in ("next", "coming") else 0)
        tense = "" if modifier else " (future tense)"
        return DateReading(anchor + dt.timedelta(days=ahead), _anchored(expression, f"the {name} on or after", anchor) + tense)
    back = (anchor.weekday() - day) % 7 or (7 if modifier in ("last", "past") else 0)
    return DateReading(anchor - dt.timedelta(days=back), _anchored(expression, f"the {name} on or before", anchor))


@lru_cache(maxsize=4096)
def read_date(text: str, anchor: dt.date | None, *, prefer: str = "past", order: DayOrder | None = None) -> DateReading:
    """The calendar day a date expression names, with its provenance.

    ``prefer`` is the tense of the sentence: "past" reads a bare weekday or
    month-day back from ``anchor``, "future" forward.  ``order`` is the
    article's day/month order evidence for numeric dates.

    >>> read_date("on Wednesday", dt.date(2024, 11, 12), prefer="future").date
    datetime.date(2024, 11, 13)
    >>> read_date("07/03/2024", None).ambiguous
    True
    """
    if prefer not in _PREFER:
        raise ValueError(f"prefer must be one of {_PREFER}, not {prefer!r}")
    lowered = text.casefold()
    numeric = read_numeric(text, order, anchor)
    if numeric is not None:
        return DateReading(numeric.date, numeric.basis, numeric.ambiguous)
    for word, (delta, what) in _RELATIVE_DAY.items():
        if anchor is not None and re.search(rf"\b{word}\b", lowered) and not _MONTH.search(lowered):
            return DateReading(anchor + dt.timedelta(days=delta), _anchored(text, what, anchor))
    if anchor is not None and _WEEKDAY.search(lowered) and not _MONTH.search(lowered):
        return _weekday(lowered, text, anchor, prefer)
    month = _MONTH.search(lowered)
    day_match = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", _MONTH.sub(" ", lowered))
    if not month or not day_match or "-" in lowered or " to " in lowered:
        return DateReading(None)
    year = _YEAR.search(lowered)
    year_value = int(year.group(1)) if year else (anchor.year if anchor else None)
    if year_value is None:
        return DateReading(None, f"{text!r}: no year, and no publication date to take it from")
    try:
        resolved = dt.date(year_value, _MONTHS[month.group(1).lower()], int(day_match.group(1)))
    except ValueError:
        return DateReading(None)
    if year:
        return DateReading(resolved, f"{text!r}: stated")
    if prefer == "past" and resolved > anchor + dt.timedelta(days=7):
        return DateReading(resolved.replace(year=resolved.year - 1), _anchored(text, "the last such day before", anchor))
    if prefer == "future" and resolved < anchor - dt.timedelta(days=7):
        return DateReading(resolved.replace(year=resolved.year + 1), _anchored(text, "the next such day after", anchor) + " (future tense)")
    return DateReading(resolved, _anchored(text, "the year of", anchor))


def resolve_date(text: str, anchor: dt.date | None, *, prefer: str = "past", order: DayOrder | None = None) -> dt.date | None:
    """The calendar day a date expression names, or None when it names no single day (see :func:`read_date`).

    >>> resolve_date("on Thursday", dt.date(2024, 5, 17))
    datetime.date(2024, 5, 16)
    >>> resolve_date("May 16, 2024", None)
    datetime.date(2024, 5, 16)
    >>> resolve_date("will travel to Nairobi on Wednesday", dt.date(2024, 11, 12), prefer="future")
    datetime.date(2024, 11, 13)
    """
    return read_date(text, anchor, prefer=prefer, order=order).date


@lru_cache(maxsize=4096)
def resolve_period(text: str, anchor: dt.date | None) -> str:
    """An ISO-8601 year, month or interval for a date expression; '' if none.

    >>> resolve_period("last year", dt.date(2024, 5, 17))
    '2023'
    >>> resolve_period("from January to July this year", dt.date(2025, 8, 28))
    '2025-01/2025-07'
    """
    lowered = text.casefold()
    year = None
    years = _YEAR.findall(lowered)
    if years:
        year = int(years[0])
    else:
        for phrase, delta in _RELATIVE_YEAR.items():
            if phrase in lowered:
                if anchor is None:
                    return ""
                year = anchor.year + delta
                break
    months = [_MONTHS[m.lower()] for m in _MONTH.findall(lowered)]
    if year is None and months and anchor is not None:
        year = anchor.year
    if year is None:
        return ""
    if "first half" in lowered:
        return f"{year}-01/{year}-06"
    if "second half" in lowered:
        return f"{year}-07/{year}-12"
    if len(years) >= 2 and not months:
        return f"{years[0]}/{years[-1]}"
    if len(months) >= 2:
        return f"{year}-{months[0]:02d}/{year}-{months[-1]:02d}"
    if months:
        return f"{year}-{months[0]:02d}"
    return str(year)
