"""Day/month order of numeric dates ("07/03/2024"), decided from an article's own evidence.

Used by ingest (a record's publication date) and by extraction (dates in the
text), so it belongs to no stage.  The evidence, strongest first: the date
itself (a part above 12), a date in the article's URL that one reading
matches, other numeric dates in the same text, the outlet's locale
(``kg/data/day_order.json``).  With none of them a date stays ambiguous and
the reason says so.

>>> read_numeric("07/03/2024", DayOrder.from_article("", "https://www.bbc.co.uk/news/x")).date
datetime.date(2024, 3, 7)
>>> read_numeric("07/03/2024", DayOrder()).basis
'ambiguous: 07/03/2024 is 7 March or 3 July 2024, and neither the URL, the other dates in the text nor the outlet tell which'
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

__all__ = ["DayOrder", "NumericDate", "NUMERIC_DATE", "read_numeric", "url_date", "outlet_order", "text_order"]

#: 07/03/2024, 7.3.2024, 07-03-24; ISO dates are matched separately (year first is never ambiguous)
NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.-]\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_URL_DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)([/_-]?)(\d{2})\2(\d{2})(?!\d)")
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]


@lru_cache(maxsize=1)
def _table() -> dict:
    with resources.as_file(resources.files("kg") / "data" / "day_order.json") as path:
        return json.loads(path.read_text(encoding="utf-8"))


def url_date(url: str) -> dt.date | None:
    """A year-first date in a URL's path (/2024/03/07/, 2024-03-07, 20240307), which is never ambiguous.

    >>> url_date("https://example.com/news/2024/03/07/summit")
    datetime.date(2024, 3, 7)
    """
    for match in _URL_DATE.finditer(urlsplit(url).path if url else ""):
        try:
            return dt.date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            continue
    return None


def outlet_order(url: str) -> tuple[str, str]:
    """("DMY" or "MDY" or "", reason) from the outlet's domain: a known outlet, else the country domain."""
    host = (urlsplit(url).hostname or "") if url else ""
    table = _table()
    parts = host.split(".")
    for n in range(len(parts) - 1):
        domain = ".".join(parts[n:])
        if domain in table["outlets"]:
            return table["outlets"][domain], f"the outlet {domain} writes {table['outlets'][domain]}"
    tld = parts[-1] if host else ""
    for order, domains in table["country_domains"].items():
        if tld in domains:
            return order, f"the outlet's country domain .{tld} writes {order}"
    return "", ""


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def text_order(text: str) -> tuple[str, str]:
    """("DMY" or "MDY" or "", reason) from the numeric dates in a text that only one order can read.

    >>> text_order("Filed 25/12/2023; hearing on 07/03/2024.")
    ('DMY', 'another date in the text, 25/12/2023, is day first')
    """
    votes: dict[str, str] = {}
    for match in NUMERIC_DATE.finditer(text or ""):
        first, second = int(match[1]), int(match[3])
        if 12 < first <= 31 and second <= 12:
            votes.setdefault("DMY", match[0])
        elif 12 < second <= 31 and first <= 12:
            votes.setdefault("MDY", match[0])
    if len(votes) != 1:
        return "", ""
    order, example = next(iter(votes.items()))
    return order, f"another date in the text, {example}, is {'day' if order == 'DMY' else 'month'} first"


@dataclass(frozen=True)
class DayOrder:
    """What an article says about how it writes numeric dates."""

    order: str = ""  #: "DMY", "MDY" or "" (no evidence)
    basis: str = ""  #: why ("the outlet bbc.co.uk writes DMY")
    url_date: dt.date | None = None  #: a date in the article's URL, which a reading may match

    @classmethod
    def from_article(cls, text: str, url: str) -> "DayOrder":
        """The evidence of one article: dates in its text win over the outlet's locale."""
        order, basis = text_order(text)
        if not order:
            order, basis = outlet_order(url)
        return cls(order, basis, url_date(url))


@dataclass(frozen=True)
class NumericDate:
    """A numeric date read with its evidence: ``date`` is None when it stays ambiguous (``basis`` says why)."""

    date: dt.date | None
    basis: str
    ambiguous: bool = False


def _readings(day_first: tuple[int, int, int]) -> dict[str, dt.date]:
    first, second, year = day_first
    found = {}
    for order, (day, month) in (("DMY", (first, second)), ("MDY", (second, first))):
        try:
            found[order] = dt.date(year, month, day)
        except ValueError:
            pass
    return found


def read_numeric(text: str, order: DayOrder | None = None, anchor: dt.date | None = None) -> NumericDate | None:
    """The day an all-numeric date names, or None when ``text`` holds none.

    A reading the URL's date or the publication date (``anchor``) matches wins;
    then the article's order (``order``).
    """
    iso = _ISO_DATE.search(text)
    if iso:
        try:
            return NumericDate(dt.date(int(iso[1]), int(iso[2]), int(iso[3])), "stated as an ISO date")
        except ValueError:
            return None
    match = NUMERIC_DATE.search(text)
    if match is None:
        return None
    readings = _readings((int(match[1]), int(match[3]), _year(match[4])))
    written = match[0]
    if not readings:
        return None
    if len(readings) == 1 or len(set(readings.values())) == 1:
        only = next(iter(readings))
        return NumericDate(readings[only], f"{written} can only be read {only}")
    order = order or DayOrder()
    for known, what in ((order.url_date, "the date in the article's URL"), (anchor, "the publication date")):
        matching = [o for o, day in readings.items() if day == known]
        if known is not None and len(matching) == 1:
            return NumericDate(readings[matching[0]], f"{written} read {matching[0]}: it is {what}")
    if order.order in readings:
        return NumericDate(readings[order.order], f"{written} read {order.order}: {order.basis}")
    dmy, mdy = readings["DMY"], readings["MDY"]
    return NumericDate(None, f"ambiguous: {written} is {dmy.day} {_MONTH_NAMES[dmy.month - 1]} or {mdy.day} "
                             f"{_MONTH_NAMES[mdy.month - 1]} {dmy.year}, and neither the URL, the other dates in the "
                             "text nor the outlet tell which", ambiguous=True)
