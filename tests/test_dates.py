"""Dates you can trust: day/month order from the article's evidence, future tense looks forward, provenance kept."""
from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest

from kg.dayorder import DayOrder, outlet_order, read_numeric, text_order, url_date
from kg.extract.dates import read_date, resolve_date

TABLE = json.loads((resources.files("kg") / "data" / "day_order.json").read_text(encoding="utf-8"))
NOV_12 = dt.date(2024, 11, 12)  # a Tuesday


@pytest.mark.parametrize("row", TABLE["examples"], ids=[r["url"] for r in TABLE["examples"]])
def test_outlet_order_table_examples(row):
    assert outlet_order(row["url"])[0] == row["order"]


def test_the_url_of_the_issue_reads_march_7():
    order = DayOrder.from_article("", "https://www.example.co.uk/news/2024/03/07/summit")
    reading = read_date("07/03/2024", dt.date(2024, 3, 7), order=order)
    assert reading.date == dt.date(2024, 3, 7)
    assert "URL" in reading.basis


def test_a_date_in_the_url_decides_even_without_a_locale():
    order = DayOrder.from_article("", "https://example.com/2024/07/03/story")
    assert url_date("https://example.com/2024/07/03/story") == dt.date(2024, 7, 3)
    assert read_numeric("07/03/2024", order).date == dt.date(2024, 7, 3)


def test_other_dates_in_the_text_decide_the_order():
    text = "The court sat on 25/12/2023 and will sit again on 07/03/2024."
    assert text_order(text)[0] == "DMY"
    assert resolve_date("07/03/2024", None, order=DayOrder.from_article(text, "")) == dt.date(2024, 3, 7)
    assert text_order("Filed 12/25/2023.")[0] == "MDY"
    assert text_order("Filed 25/12/2023 and 12/25/2023.")[0] == ""  # contradictory evidence is no evidence


def test_without_evidence_a_numeric_date_stays_ambiguous_and_says_so():
    reading = read_date("07/03/2024", NOV_12)
    assert reading.date is None and reading.ambiguous
    assert "7 March or 3 July" in reading.basis


def test_a_numeric_date_only_one_order_can_read_needs_no_evidence():
    assert resolve_date("25/12/2023", None) == dt.date(2023, 12, 25)
    assert resolve_date("12/25/2023", None) == dt.date(2023, 12, 25)


def test_future_tense_looks_forward():
    assert resolve_date("on Wednesday", NOV_12) == dt.date(2024, 11, 6)
    assert resolve_date("on Wednesday", NOV_12, prefer="future") == dt.date(2024, 11, 13)
    reading = read_date("on Wednesday", NOV_12, prefer="future")
    assert "future tense" in reading.basis and "2024-11-12" in reading.basis
    assert resolve_date("January 5", NOV_12, prefer="future") == dt.date(2025, 1, 5)
    assert resolve_date("January 5", NOV_12) == dt.date(2024, 1, 5)


@pytest.mark.parametrize("text, expected", [
    ("next Tuesday", dt.date(2024, 11, 19)),
    ("last Tuesday", dt.date(2024, 11, 5)),
    ("yesterday", dt.date(2024, 11, 11)),
    ("tomorrow", dt.date(2024, 11, 13)),
])
def test_words_that_give_their_own_direction(text, expected):
    assert resolve_date(text, NOV_12) == expected == resolve_date(text, NOV_12, prefer="future")


def test_every_resolved_date_says_what_it_was_resolved_from():
    for text in ("May 16, 2024", "on Thursday", "August 28", "2024-03-07", "25/12/2023", "yesterday"):
        reading = read_date(text, NOV_12)
        assert reading.date is not None and reading.basis, text


def test_prefer_must_be_past_or_future():
    with pytest.raises(ValueError, match="prefer"):
        read_date("on Monday", NOV_12, prefer="soon")


def test_an_event_date_basis_reaches_the_rdf():
    from rdflib import Literal

    from kg.export.rdf import to_rdf
    from kg.model import Evidence, Event, KnowledgeGraph
    from kg.vocab import KG

    event = Event("e1", "meet", "meet", None, None, None, dt.date(2024, 11, 13), (Evidence("a", "They will meet.", 0, 15),),
                  date_basis="'on Wednesday': the Wednesday on or after the publication date 2024-11-12 (future tense)")
    g = to_rdf(KnowledgeGraph((), (), (event,), (), ()))
    assert Literal(event.date_basis) in set(g.objects(None, KG.dateBasis))
