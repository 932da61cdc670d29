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
    found = {m.text for m in extract("The liberal Free Democrats ( FDP ) said on Tuesday they would leave the coalition.").mentions}
    assert "FDP" in found


@pytest.mark.parametrize("text, surface, name", [
    ("Mr Hague said the party would fight on.", "Mr Hague", "Hague"),
    ("Mrs Blair arrived in Downing Street on Monday.", "Mrs Blair", "Blair"),
])
def test_a_name_after_an_honorific_is_a_person_and_keeps_the_honorific_in_its_surface(extract, text, surface, name):
    found = {m.text: (m.name, m.kind) for m in extract(text).mentions}
    assert found[surface] == (name, "Person")


@pytest.mark.parametrize("words, label, repaired", [
    ("Scores : Durham 114 , Hampshire", (2, 4, "PERSON"), ["Durham"]),
    ("SEOUL 1996-08-30", (0, 2, "GPE"), ["SEOUL"]),
    ("Scott Draper ( Australia ) won", (0, 4, "ORG"), ["Scott Draper"]),
    ("Norwich 1 Wolverhampton 0", (0, 4, "PERSON"), ["Norwich", "Wolverhampton"]),
    ("Romania - Cosmin Contra", (0, 4, "ORG"), ["Romania", "Cosmin Contra"]),
    ("Birmingham v Barnsley", (0, 3, "PERSON"), ["Birmingham", "Barnsley"]),
    ("Hewlett-Packard said", (0, 3, "ORG"), ["Hewlett-Packard"]),
    ("G7 leaders", (0, 1, "ORG"), ["G7"]),
])
def test_model_spans_end_before_figures_and_brackets_and_part_at_scores(nlp, words, label, repaired):
    from spacy.tokens import Span

    from kg.nlp import _repaired

    doc = nlp.make_doc(words)
    assert [s.text for s in _repaired(Span(doc, *label))] == repaired


@pytest.mark.parametrize("text, party, person", [
    ("Lib Dem MP Lembit Opik said the plan was wrong.", "Liberal Democrats", "Lembit Opik"),
    ("Labour MP Diane Abbott spoke on Monday.", "Labour Party", "Diane Abbott"),
])
def test_a_party_before_a_name_is_an_organisation_and_not_part_of_the_name(extract, text, party, person):
    found = {(m.name, m.kind) for m in extract(text).mentions}
    assert {(party, "Organization"), (person, "Person")} <= found
