"""Quantities: money, percentages and counts, normalised, with what they measure.

"$240 billion" -> 240000000000 USD; "8.1%" -> 8.1 percent.  What is measured
is the subject of the clause the number sits in ("Trade between the two
countries reached ..."); the period comes from a date in the same clause.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from spacy.tokens import Span, Token

from kg.extract.dates import resolve_period
from kg.extract.entities import MentionIndex
from kg.model import Evidence, QuantityMention

__all__ = ["parse_quantity", "sentence_quantities"]

_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9,
           "trillion": 10**12, "tn": 10**12, "half a million": 5 * 10**5}
_CURRENCIES = [("$", "USD"), ("us$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "CNY"), ("₽", "RUB"), ("₹", "INR")]
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yuan": "CNY", "renminbi": "CNY",
                   "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "pound": "GBP", "pounds": "GBP",
                   "rupee": "INR", "rupees": "INR", "yen": "JPY"}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|mn|bn|tn|m|b)?\b", re.I)
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "dozen": 12}
#: nouns a cardinal number does not measure (durations, ranks, ages)
_NOT_MEASURED = {"year", "month", "week", "day", "hour", "minute", "decade", "century", "time", "term", "round",
                 "percent", "point", "side", "party", "leader", "nation", "country", "way", "step", "stage", "phase"}
#: units written after the number: (pattern, unit code)
_UNITS = [
    (re.compile(r"^\s*(?:billion|million|thousand|bn|mn)?\s*cubic\s+met(?:re|er)s", re.I), "m3"),
    (re.compile(r"^\s*(?:billion|million|thousand)?\s*(?:of\s+\w+\s+)?barrels?(?:\s+of\s+\w+)?\s+(?:a|per)\s+day", re.I), "barrels per day"),
    (re.compile(r"^\s*(?:billion|million|thousand)?\s*barrels", re.I), "barrels"),
    (re.compile(r"^\s*(?:billion|million|thousand)?\s*(?:metric\s+)?ton(?:ne)?s", re.I), "tonnes"),
    (re.compile(r"^\s*(?:billion|million|thousand)?\s*(?:kilomet(?:re|er)s|km)\b", re.I), "km"),
]


def parse_quantity(text: str) -> tuple[Decimal, str] | None:
    """Value in base units and unit code for a money/percent/count phrase.

    >>> parse_quantity("$240 billion")
    (Decimal('240000000000'), 'USD')
    >>> parse_quantity("8.1%")
    (Decimal('8.1'), 'percent')
    """
    lowered = text.casefold().replace("\u00a0", " ")
    if "half a million" in lowered:
        value = Decimal(500000)
    else:
        match = _NUMBER.search(lowered)
        if match:
            try:
                value = Decimal(match.group(1).replace(",", ""))
            except InvalidOperation:
                return None
            if match.group(2):
                value *= _SCALES[match.group(2).lower()]
        else:
            words = [w for w in re.findall(r"[a-z]+", lowered) if w in _WORD_NUMBERS]
            if not words:
                return None
            value = Decimal(_WORD_NUMBERS[words[0]])
            for scale, factor in _SCALES.items():
                if re.search(rf"\b{scale}\b", lowered) and len(scale) > 2:
                    value *= factor
    value = Decimal(format(value.normalize(), "f"))
    if "%" in lowered or "percent" in lowered or "per cent" in lowered:
        return value, "percent"
    for symbol, code in _CURRENCIES:
        if symbol in lowered:
            return value, code
    for word, code in _CURRENCY_WORDS.items():
        if re.search(rf"\b{word}\b", lowered):
            return value, code
    return value, "count"


def _phrase(head: Token, skip: set[int]) -> Span | None:
    """A noun phrase without its clauses and without the number itself."""
    clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "advcl", "appos") for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in clauses and t.i not in skip and not t.is_punct]
    if not tokens:
        return None
    span = head.doc[tokens[0].i:tokens[-1].i + 1]
    return span if len(span) <= 14 else head.doc[head.left_edge.i:head.i + 1]


def _measured(ent: Span, index: MentionIndex) -> tuple[str, list]:
    """The phrase a number measures, and the entities in it.

    "90% of Russia's microelectronics imports" -> the "of" phrase; "Trade between China and Russia
    reached $240 billion" -> the clause's subject; "China's trade with Russia, totaling $240 billion"
    -> the noun the participle modifies.
    """
    own = {t.i for t in ent}
    token = ent.root
    of = next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None)
    subject = of
    if subject is None:
        head = token
        for _ in range(4):
            head = head.head
            if head.pos_ in ("VERB", "AUX") or head.dep_ in ("acl", "relcl"):
                break
        if head.dep_ in ("acl", "relcl") or (head.pos_ == "VERB" and head.dep_ in ("acl", "advcl") and head.head.pos_ == "NOUN"):
            subject = head.head
        else:
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i in own:
            subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in own), None)
    if subject is None or subject.pos_ == "PRON":
        return "", []
    span = _phrase(subject, own)
    if span is None:
        return "", []
    return span.text.strip(" ,"), index.in_span(span.start, span.end)


def _counted(ent: Span) -> bool:
    """A cardinal that counts things ("251 hostages", "five instances"), not a year, rank or duration."""
    head = ent.root.head if ent.root.dep_ in ("nummod", "quantmod", "compound") else ent.root
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() in _NOT_MEASURED:
        return False
    return not re.fullmatch(r"(19|20)\d\d", ent.text.strip())


def _unit_after(ent: Span) -> str:
    """A unit written with or after the number ("50 billion cubic metres", "1.6 million barrels a day")."""
    words = re.sub(r"^[^A-Za-z]*", "", ent.text) + " " + ent.doc[ent.end:min(len(ent.doc), ent.end + 8)].text
    for pattern, unit in _UNITS:
        if pattern.match(words):
            return unit
    return ""


def sentence_quantities(sent: Span, index: MentionIndex, evidence: Evidence, anchor: dt.date | None) -> Iterator[QuantityMention]:
    """Every measured quantity in a sentence."""
    ents = index.ents(sent)
    dates = [e for e in ents if e.label_ == "DATE"]
    for ent in ents:
        if ent.label_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
            continue
        unit_word = _unit_after(ent)
        if ent.label_ == "CARDINAL" and not unit_word and not _counted(ent):
            continue
        parsed = parse_quantity(ent.text)
        if parsed is None:
            continue
        value, unit = parsed
        if unit == "count" and unit_word:
            unit = unit_word
        if unit == "count" and ent.start > 0 and ent.doc[ent.start - 1].text in ("$", "€", "£"):
            unit = {"$": "USD", "€": "EUR", "£": "GBP"}[ent.doc[ent.start - 1].text]
        description = ""
        if unit == "count":
            head = ent.root.head if ent.root.dep_ in ("nummod", "quantmod", "compound") else ent.root
            description = head.text
        measured, about = _measured(ent, index)
        description = measured or description
        if not about:
            # the actors of the sentence, but not the outlet that reports it ("according to The New York Times")
            about = [m for m in index.in_span(sent.start, sent.end) if m.kind != "NewsMediaOrganization"]
        period = ""
        for date in sorted(dates, key=lambda d: abs(d.start - ent.start)):
            period = resolve_period(date.text, anchor)
            if period:
                break
        yield QuantityMention(value, unit, ent.text.strip(), description, tuple(about), evidence, period)
