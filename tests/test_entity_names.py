"""Which spans are names: credit lines by their form and position, not by brackets alone."""
from __future__ import annotations

import pytest


def names(extract, text):
    return {(m.name, m.kind) for m in extract(text).mentions}


def test_a_bracketed_outlet_alone_on_its_last_line_is_a_credit_not_a_mention(extract):
    found = names(extract, "Putin met Xi in Beijing on Tuesday.\n(Reuters)")
    assert ("Reuters", "NewsMediaOrganization") not in found
    assert ("Vladimir Putin", "Person") in found or any(n == "Putin" for n, _ in found)


@pytest.mark.parametrize("text, name", [
    ("1. Michelle Freeman ( Jamaica ) 12.71 seconds\n2. Ludmila Engquist ( Sweden ) 12.74", "Jamaica"),
    ("2. Ludmila Engquist ( Sweden ) 12.74\n3. Aliuska Lopez ( Cuba ) 12.92", "Sweden"),
])
def test_a_bracketed_country_in_a_results_line_is_a_mention(extract, text, name):
    assert name in {n for n, _ in names(extract, text)}


def test_a_bracketed_outlet_opening_a_paragraph_is_a_credit(extract):
    found = names(extract, "[Reuters] Putin met Xi in Beijing on Tuesday.")
    assert "Reuters" not in {n for n, _ in found}


def test_a_bracketed_abbreviation_inside_a_sentence_is_a_mention(extract):
    found = names(extract, "The liberal Free Democrats ( FDP ) said on Tuesday they would leave the coalition.")
    assert "FDP" in {n for n, _ in found}
