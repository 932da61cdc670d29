"""Figures in every written form, and merged across articles only when value, unit and subject agree."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.quantities import money_in, parse_quantity
from kg.model import Article, ArticleExtraction, Evidence, QuantityMention
from kg.resolve import resolve


@pytest.mark.parametrize("text, value, unit", [
    ("Yukos faces a tax bill of $27bn, the government said.", "27000000000", "USD"),
    ("Yukos faces a tax bill of dollars 27bn, the government said.", "27000000000", "USD"),
    ("The firm will invest pounds 3bn in new plants.", "3000000000", "GBP"),
    ("Profits rose to $9.3bn in the third quarter.", "9300000000", "USD"),
    ("It raised £500m from investors.", "500000000", "GBP"),
    ("Sales rose to 1.2 billion euros.", "1200000000", "EUR"),
    ("About 40,000 people marched in London.", "40000", "count"),
    ("Nine people were killed in the attack.", "9", "count"),
    ("Forty thousand workers went on strike.", "40000", "count"),
    ("Shares fell 20p on Monday.", "0.2", "GBP"),
])
def test_figures_in_every_written_form(extract, text, value, unit):
    assert (Decimal(value), unit) in {(q.value, q.unit) for q in extract(text).quantities}


@pytest.mark.parametrize("text, values", [
    ("The deal is worth between $2bn and $3bn.", ["2000000000", "3000000000"]),
    ("The deal is worth $2-3bn.", ["2000000000", "3000000000"]),
    ("Experts estimated that 3,000 to 4,000 soldiers were fighting.", ["3000", "4000"]),
])
def test_each_end_of_a_range_is_a_figure_that_shows_the_range(extract, text, values):
    found = [q for q in extract(text).quantities]
    assert sorted(str(q.value) for q in found) == values
    assert len({q.text for q in found}) == 1


@pytest.mark.parametrize("words, value", [("twenty-five", 25), ("three hundred", 300), ("a million", 1000000),
                                          ("two million", 2000000), ("nine", 9)])
def test_numbers_written_in_words(words, value):
    assert parse_quantity(words) == (Decimal(value), "count")


def test_money_in_finds_the_currency_written_after_the_number():
    assert [amount for _, _, amount, _ in money_in("worth 250,000 dollars in all")] == ["dollars 250,000"]


def _report(article, value, description, about, unit="USD"):
    evidence = Evidence(article, 0, 10, "text")
    return ArticleExtraction(Article(article, "text"), quantities=(QuantityMention(Decimal(value), unit, "$20bn", description, about, evidence),))


def test_equal_sums_about_different_things_stay_apart_and_one_reported_thrice_is_one_corroborated_figure():
    from kg.model import Mention

    yukos = Mention("Yukos", "Yukos", "Corporation", "a1", 0, 5)
    kg = resolve([
        _report("a1", "27000000000", "a tax bill", (yukos,)),
        _report("a2", "27000000000", "the tax bill", (Mention("Yukos", "Yukos", "Corporation", "a2", 0, 5),)),
        _report("a3", "27000000000", "back taxes bill", (Mention("Yukos", "Yukos", "Corporation", "a3", 0, 5),)),
        _report("a4", "20000000000", "pay in damages", ()),
        _report("a5", "20000000000", "invest in new fields", ()),
    ])
    by_value = {}
    for q in kg.quantities:
        by_value.setdefault(str(q.value), []).append(q)
    assert len(by_value["20000000000"]) == 2
    [bill] = by_value["27000000000"]
    assert kg.source_count(bill) == 3


def test_a_report_naming_no_entity_joins_the_figure_it_describes_alike():
    from kg.model import Mention

    about = (Mention("China", "China", "Country", "a1", 0, 5), Mention("Russia", "Russia", "Country", "a1", 6, 12))
    kg = resolve([_report("a1", "240000000000", "Trade between the two countries", about),
                  _report("a2", "240000000000", "trade", ())])
    [trade] = kg.quantities
    assert kg.source_count(trade) == 2
