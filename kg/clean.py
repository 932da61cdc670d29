"""Strip scraping noise from article text, keeping offsets back to the raw text.

Cleaning works on lines: web chrome (share buttons, newsletter prompts, bylines,
reading times), comment sections, repeated lines and separators are dropped,
and what is kept is joined with newlines.  Each kept line remembers where it
started in the raw text so evidence can point at the original file.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["CleanText", "clean_text", "split_passages", "normalise_line"]

#: whole lines that are page chrome, not news (matched case-insensitively)
_CHROME = re.compile(
    r"""^(?:
        share(?:\s+(?:on|via)\s+\w+)?|tweet|e-?mail|print|copy\s+link|whatsapp|facebook|twitter|linkedin|
        subscribe.*|sign\s+up.*|newsletter.*|read\s+more.*|see\s+(?:all|more)|show\s+more|load\s+more|
        advertisement|sponsored.*|related(?:\s+\w+)?(?::.*)?|explainer\b.*|analysis|opinion|category|categories|tags?:?.*|latest\s+news|
        top\s+stories|most\s+read|authors?:?|\d+\s+min(?:ute)?s?\s+read|
        comments?(?:\s*\(?\d+\)?)?|leave\s+a\s+(?:comment|reply).*|reply|log\s*in|register|
        cookies?.*|accept(?:\s+all)?(?:\s+cookies)?|skip\s+to\s+content|menu|home|back\s+to\s+top|
        all\s+(?:publishing\s+)?rights.*reserved.*|copyright.*|©.*|\(?source:.*\)?|
        help\s+us\b.*|your\s+support\b.*|support\s+(?:us|our)\b.*|donate.*|follow\s+us.*
    )[.!:]*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: a byline: "By" and a few capitalised names ("By Jane Doe and John Roe"), not "By stumps Kent had reached 108"
_BYLINE = re.compile(r"^[Bb][Yy]:?\s+(?:(?:[A-Z][\w.'’-]*|and|&|in|de|van|von|al)[\s,]*){1,7}$")
#: lines made of separator characters ("+++++", "* * *", "-----")
_SEPARATOR = re.compile(r"^\s*([-+*=_~#•·—–])(?:\s*\1){2,}\s*$")
#: lines that start a reader-comment section; everything after them is dropped
_COMMENTS_START = re.compile(r"^(?:comments?\s*\(?\d*\)?|\d+\s+comments?|leave\s+a\s+(?:comment|reply).*)$", re.I)
#: "NEW DELHI, February 28, 2025 — " or "April 11, 2025 - " at the start of the first paragraph
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]{1,40}(?:\([A-Za-z. ]+\))?(?:,\s+[A-Z][A-Za-z .'-]{1,30})?,\s+)?"
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})\s*(?:[—–-]{1,2}|\(\w+\))\s*")
_MONTH_NUMBERS = {m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                              "Nov", "Dec"], start=1)}
_SENTENCE_END = re.compile(r"[.!?\"”'’»)]\s*$")


@dataclass(frozen=True)
class CleanText:
    """Cleaned text, its headline, and the runs that map it back to the raw text."""

    text: str
    title: str
    offsets: tuple[tuple[int, int, int], ...]
    dropped: int  #: number of raw lines removed as noise
    date: dt.date | None = None  #: publication date read from a dateline


def normalise_line(line: str) -> str:
    """Key for recognising a repeated line: case, punctuation and spacing folded."""
    folded = unicodedata.normalize("NFKC", line).casefold()
    return re.sub(r"[\W_]+", " ", folded).strip()


def _is_chrome(line: str) -> bool:
    """Page chrome: a known chrome line, or a row of them ("Share | Tweet | Email")."""
    parts = [p for p in re.split(r"\s*[|•·]\s*", line.strip()) if p]
    return bool(parts) and all(_CHROME.match(p) or _BYLINE.match(p) for p in parts)

#: a headline has a few words and at most a long sentence's worth; a shorter or longer line is a label or a paragraph
_HEADLINE_MIN_WORDS, _HEADLINE_MAX_WORDS = 3, 25


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not _HEADLINE_MIN_WORDS <= len(words) <= _HEADLINE_MAX_WORDS:
        return False
    long_words = [w for w in words if len(w) > 3]
    title_cased = len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) / len(long_words) >= 0.75
    return title_cased or not _SENTENCE_END.search(line)


#: words that mark a line as a reader talking, not a report ("Thank you Carlos!", "I like this theme")
_CHAT_WORDS = {"i", "i'm", "im", "me", "my", "you", "you're", "your", "u", "we", "us", "thanks", "thank", "thx",
               "please", "pls", "lol", "welcome", "nice", "great", "awesome", "cool", "yes", "no", "ok", "okay",
               "sure", "hi", "hello", "hey", "wow", "love", "like", "rating", "rate", "reply", "comment"}


def _is_tabular(text: str) -> bool:
    """A results, table or schedule line: it has figures, or is set in capitals ("WESTERN DIVISION")."""
    return any(c.isdigit() for c in text) or (text.upper() == text and any(c.isalpha() for c in text))


def _is_chatty(text: str) -> bool:
    """A short reader comment: no figures, and an exclamation, a question or conversational words."""
    words = text.split()
    if len(words) > 12 or _is_tabular(text):
        return False
    folded = {w.strip(".,!?;:'\"()").casefold() for w in words}
    return text.rstrip().endswith(("!", "?")) or bool(folded & _CHAT_WORDS)


def _spam_tail(lines: list[tuple[int, str]]) -> int:
    """Index where a trailing block of short chatty lines (comment spam) starts.

    Tables and results lines are never spam: they carry figures or are set in
    capitals, and a block stops at the first of them.
    """
    cut = len(lines)
    while cut > 0 and _is_chatty(lines[cut - 1][1]):
        cut -= 1
    # a single short closing line is often a real subhead or sign-off: keep it
    return cut if len(lines) - cut >= 2 else len(lines)


def split_passages(raw: str) -> list[tuple[int, str]]:
    """Split raw text at separator lines into (offset, passage) pairs."""
    passages, start, offset = [], 0, 0
    for line in raw.splitlines(keepends=True):
        if _SEPARATOR.match(line):
            if raw[start:offset].strip():
                passages.append((start, raw[start:offset]))
            start = offset + len(line)
        offset += len(line)
    if raw[start:].strip():
        passages.append((start, raw[start:]))
    return passages


def clean_text(raw: str, *, title: str = "", base_offset: int = 0) -> CleanText:
    """Remove noise lines from ``raw``; take the first headline-like line as title.

    >>> c = clean_text("Big News Today\\nShare on Facebook\\nPutin met Xi.\\nBig News Today")
    >>> c.title, c.text
    ('Big News Today', 'Putin met Xi.')
    """
    kept: list[tuple[int, str]] = []
    seen: set[str] = set()
    if title:
        seen.add(normalise_line(title))
    dropped = 0
    offset = 0
    for line in raw.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        text = line.strip()
        if not text:
            continue
        if _COMMENTS_START.match(text) and kept:
            dropped += raw.count("\n", start) + 1
            break
        key = normalise_line(text)
        if _is_chrome(text) or _SEPARATOR.match(text) or not key or key in seen:
            dropped += 1
            continue
        seen.add(key)
        lead = len(line) - len(line.lstrip())
        kept.append((base_offset + start + lead, text))
    cut = _spam_tail(kept)
    dropped += len(kept) - cut
    kept = kept[:cut]
    if not title and len(kept) > 1 and _looks_like_headline(kept[0][1]):
        title = kept.pop(0)[1].rstrip(".")
    elif title and kept and normalise_line(kept[0][1]) == normalise_line(title):
        kept.pop(0)
    date = None
    for n, (raw_start, text) in enumerate(kept[:3]):
        match = _DATELINE.match(text)
        if match is None or match.end() >= len(text):
            continue
        try:
            date = dt.date(int(match["year"]), _MONTH_NUMBERS[match["month"][:3]], int(match["day"]))
        except ValueError:
            continue
        kept[n] = (raw_start + match.end(), text[match.end():])
        break
    parts, offsets, clean_offset = [], [], 0
    for raw_start, text in kept:
        offsets.append((clean_offset, raw_start, len(text)))
        parts.append(text)
        clean_offset += len(text) + 1
    return CleanText("\n".join(parts), title.strip(), tuple(offsets), dropped, date)
