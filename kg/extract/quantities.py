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
from kg.extract.reference import References
from kg.model import Evidence, QuantityMention
from kg.tables import read_table

__all__ = ["parse_quantity", "sentence_quantities"]

_SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "b": 10**9,
           "trillion": 10**12, "tn": 10**12, "half a million": 5 * 10**5}
#: kg/data/quantities/currencies.tsv, in its order: (code, symbols, regular expression of the words); a row
#: whose words are "-" names a currency only as a noun (kg.extract.entities), never the unit of a figure
_CURRENCY_ROWS = [(r["code"], r["symbols"].split() if r["symbols"] != "-" else [], r["words"])
                  for r in read_table("quantities", "currencies.tsv") if r["words"] != "-"]
#: (symbol as casefolded text reads it, code), in table order
_CURRENCIES = [(symbol.casefold(), code) for code, symbols, _ in _CURRENCY_ROWS for symbol in symbols]
_CURRENCY_WORDS = [(re.compile(rf"\b(?:{words})\b", re.I), code) for code, _, words in _CURRENCY_ROWS]
_SYMBOL_CODES = {symbol: code for code, symbols, _ in _CURRENCY_ROWS for symbol in symbols}
_SYMBOL = "|".join(re.escape(s) for s in _SYMBOL_CODES if len(s) > 1) + "|[" + "".join(re.escape(s) for s in _SYMBOL_CODES if len(s) == 1) + "]"
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|mn|bn|tn|m|b|k)?\b", re.I)
#: number words: units and teens, tens, and multipliers ("twenty-five", "three hundred", "a million")
_WORD_NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                           "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_WORD_NUMBERS |= {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_WORD_NUMBERS |= {"dozen": 12, "a": 1, "an": 1}
_MULTIPLIERS = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
#: money as news writes it: "$9.3bn", "£500m", "US$1.2 billion", "dollars 27bn", "pounds 3bn", "1.2 billion euros", "20p"
_CURRENCY_WORD = "(?:" + "|".join(words for _, _, words in _CURRENCY_ROWS) + ")"
_AMOUNT = r"\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|billion|mn|million|m|tn|trillion|k|thousand)\b)?"
#: what joins the two ends of a range of numbers ("3,000 to 4,000", "10-12", "between 5 and 6")
_RANGE = re.compile(r"(?<=\d)\s*(?:-|–|to|and)\s*(?=\d)")
_CURRENCY = re.compile(rf"{_SYMBOL}|{_CURRENCY_WORD}", re.I)
_MONEY = re.compile(
    rf"(?:(?:{_SYMBOL})\s?|\b{_CURRENCY_WORD}\s)(?P<a>{_AMOUNT})(?:\s?(?:-|–|to|and)\s?(?:{_SYMBOL})?(?P<b>{_AMOUNT}))?"
    rf"|\b(?P<c>{_AMOUNT})(?:\s?(?:-|–|to|and)\s?(?P<d>{_AMOUNT}))?\s{_CURRENCY_WORD}\b"
    r"|\b(?P<pence>\d+(?:\.\d+)?)p\b",
    re.I)
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
    pence = re.fullmatch(r"(\d+(?:\.\d+)?)p", lowered.strip())
    if pence:
        return Decimal(format((Decimal(pence.group(1)) / 100).normalize(), "f")), "GBP"
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
            value = _words_value(re.findall(r"[a-z]+", lowered))  # type: ignore[assignment]
            if value is None:
                return None
    value = Decimal(format(value.normalize(), "f"))
    if "%" in lowered or "percent" in lowered or "per cent" in lowered:
        return value, "percent"
    for symbol, code in _CURRENCIES:
        if symbol in lowered:
            return value, code
    for words, code in _CURRENCY_WORDS:
        if words.search(lowered):
            return value, code
    return value, "count"


def _words_value(words: list[str]) -> Decimal | None:
    """The number written in words: "nine" 9, "twenty-five" 25, "three hundred" 300, "a million" 1000000."""
    total, current, seen = 0, 0, False
    for word in words:
        if word in _WORD_NUMBERS and not (word in ("a", "an") and seen):
            current += _WORD_NUMBERS[word]
            seen = seen or word not in ("a", "an")
        elif word in _MULTIPLIERS and (seen or current):
            current = max(current, 1) * _MULTIPLIERS[word]
            seen = True
            if word != "hundred":
                total, current = total + current, 0
        elif seen:
            break
    return Decimal(total + current) if seen else None


def money_in(text: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(start, end, amount, other end of a range) for every sum of money written in ``text``.

    "between $2bn and $3bn" and "$2-3bn" are ranges: each end is a figure, the second lends its scale
    to the first ("$2-3bn" is $2bn to $3bn).
    """
    for match in _MONEY.finditer(text):
        if match["pence"]:
            yield match.start(), match.end(), match["pence"] + "p", None
            continue
        first, second = (match["a"], match["b"]) if match["a"] else (match["c"], match["d"])
        currency = _CURRENCY.search(match.group(0)).group(0)  # type: ignore[union-attr]
        if second:
            scale = re.search(r"[a-z]+$", second, re.I)
            if scale and not re.search(r"[a-z]$", first, re.I):
                first += scale.group(0)
            yield match.start(), match.end(), f"{currency} {first}", f"{currency} {second}"
        else:
            yield match.start(), match.end(), f"{currency} {first}", None


def _phrase(head: Token, skip: set[int]) -> Span | None:
    """A noun phrase without its clauses and without the number itself."""
    clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "advcl", "appos") for t in c.subtree}
    # the preposition that led to the number goes with it ("a tax bill of $27bn" -> "a tax bill")
    clauses |= {c.i for c in head.children if c.dep_ == "prep" and all(t.i in skip for t in c.subtree if t is not c)}
    tokens = [t for t in head.subtree if t.i not in clauses and t.i not in skip and not t.is_punct]
    if not tokens:
        return None
    span = head.doc[tokens[0].i:tokens[-1].i + 1]
    return span if len(span) <= 14 else head.doc[head.left_edge.i:head.i + 1]


def _measured(ent: Span, index: References) -> tuple[str, list]:
    """The phrase a number measures, and the entities in it.

    "90% of Russia's microelectronics imports" -> the "of" phrase; "$20bn in damages" -> damages;
    "a tax bill of $27bn" -> the bill; "Trade between China and Russia
    reached $240 billion" -> the clause's subject; "China's trade with Russia, totaling $240 billion"
    -> the noun the participle modifies.
    """
    own = {t.i for t in ent}
    token = ent.root
    of = next((o for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for o in p.children if o.dep_ == "pobj"), None)
    if of is None and token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        of = token.head.head  # "a tax bill of $27bn" measures the bill
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

#: words of a verb's prepositional phrase that say what is done with a sum ("pay in damages"): enough to tell two
#: uses apart, few enough that a long phrase's detail does not split one figure
_DONE_WITH_WORDS = 4


def _done_with(ent: Span) -> str:
    """What is done with a sum that is a verb's object ("pay $20bn in damages" -> "pay in damages"), so two
    equal sums paid and invested stay two figures."""
    root = ent.root
    if root.dep_ not in ("dobj", "pobj") or root.head.pos_ not in ("VERB", "ADP"):
        return ""
    verb = root.head if root.head.pos_ == "VERB" else root.head.head
    after = [t for p in verb.children if p.dep_ == "prep" and p.i > root.i for t in p.subtree if not t.is_punct]
    return " ".join([verb.lemma_, *(t.text for t in after[:_DONE_WITH_WORDS])]) if verb.pos_ == "VERB" else ""


def _counted(ent: Span) -> bool:
    """A cardinal that counts things ("251 hostages", "five instances"), not a year, rank or duration."""
    head = ent.root.head if ent.root.dep_ in ("nummod", "quantmod", "compound") else ent.root
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ not in ("NNS", "NNPS") or head.lemma_.lower() in _NOT_MEASURED:
        return False
    return not re.fullmatch(r"(19|20)\d\d", ent.text.strip())


def _unit_after(ent: Span) -> str:
    """A unit written with or after the number ("50 billion cubic metres", "1.6 million barrels a day")."""
    words = re.sub(r"^.*\d\S*\s*", "", ent.text) + " " + ent.doc[ent.end:min(len(ent.doc), ent.end + 8)].text
    for pattern, unit in _UNITS:
        if pattern.match(words):
            return unit
    return ""


def _figures(sent: Span, ents: list[Span]) -> Iterator[tuple[Span, Decimal, str, str]]:
    """(span, value, unit, text) of every figure in a sentence: sums of money found in the text in any
    written form, then the model's amounts, percentages and counts that do not overlap them."""
    doc = sent.doc
    taken: set[int] = set()
    for start, end, amount, other in money_in(sent.text):
        span = doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is None:
            continue
        taken.update(range(span.start, span.end))
        for written in filter(None, (amount, other)):
            parsed = parse_quantity(written)
            if parsed is not None:
                yield span, parsed[0], parsed[1], span.text.strip()
    for ent in ents:
        if ent.label_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") or taken.intersection(range(ent.start, ent.end)):
            continue
        unit_word = _unit_after(ent)
        if ent.label_ == "CARDINAL" and not unit_word and not _counted(ent):
            continue
        # "3,000 to 4,000 soldiers": each end of a range is a figure
        for written in _RANGE.split(ent.text, maxsplit=1) if _RANGE.search(ent.text) else [ent.text]:
            parsed = parse_quantity(written)
            if parsed is None:
                continue
            value, unit = parsed
            if unit == "count" and unit_word:
                unit = unit_word
            if unit == "count" and ent.start > 0 and ent.doc[ent.start - 1].text in ("$", "€", "£"):
                unit = _SYMBOL_CODES[ent.doc[ent.start - 1].text]
            yield ent, value, unit, ent.text.strip()


def sentence_quantities(sent: Span, index: References, evidence: Evidence, anchor: dt.date | None) -> Iterator[QuantityMention]:
    """Every measured quantity in a sentence."""
    ents = index.ents(sent)
    dates = [e for e in ents if e.label_ == "DATE"]
    for ent, value, unit, text in sorted(_figures(sent, ents), key=lambda f: f[0].start):
        description = ""
        if unit == "count":
            head = ent.root.head if ent.root.dep_ in ("nummod", "quantmod", "compound") else ent.root
            description = head.text
        measured, about = _measured(ent, index)
        description = measured or description or _done_with(ent)
        if not about:
            # the actors of the sentence, but not the outlet that reports it ("according to The New York Times")
            about = [m for m in index.in_span(sent.start, sent.end) if m.kind != "NewsMediaOrganization"]
        period = ""
        for date in sorted(dates, key=lambda d: abs(d.start - ent.start)):
            period = resolve_period(date.text, anchor)
            if period:
                break
        yield QuantityMention(value, unit, text, description, tuple(about), evidence, period)
