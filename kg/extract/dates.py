"""Resolve date expressions against the article's publication date.

``resolve_date`` gives a day when the text names or implies one ("on
Thursday", "May 16, 2024"); ``resolve_period`` gives the period a figure
refers to ("last year" -> "2023", "from January to July" -> "2025-01/2025-07").
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

__all__ = ["resolve_date", "resolve_period"]

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], start=1)}
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.I)
_RELATIVE_YEAR = {"last year": -1, "previous year": -1, "past year": -1, "this year": 0, "current year": 0, "next year": 1}
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


@lru_cache(maxsize=4096)
def resolve_date(text: str, anchor: dt.date | None) -> dt.date | None:
    """The calendar day a date expression names, or None when it names no single day.

    >>> resolve_date("on Thursday", dt.date(2024, 5, 17))
    datetime.date(2024, 5, 16)
    >>> resolve_date("May 16, 2024", None)
    datetime.date(2024, 5, 16)
    """
    lowered = text.casefold()
    if anchor is not None and _WEEKDAY.search(lowered) and not _MONTH.search(lowered):
        day = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(_WEEKDAY.search(lowered).group(1))
        back = (anchor.weekday() - day) % 7
        return anchor - dt.timedelta(days=back)
    month = _MONTH.search(lowered)
    day_match = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", _MONTH.sub(" ", lowered))
    if not month or not day_match or "-" in lowered or " to " in lowered:
        return None
    year = _YEAR.search(lowered)
    year_value = int(year.group(1)) if year else (anchor.year if anchor else None)
    if year_value is None:
        return None
    try:
        resolved = dt.date(year_value, _MONTHS[month.group(1).lower()], int(day_match.group(1)))
    except ValueError:
        return None
    if not year and anchor and resolved > anchor + dt.timedelta(days=7):
        resolved = resolved.replace(year=resolved.year - 1)
    return resolved


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
