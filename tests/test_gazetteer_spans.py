"""The gazetteer runs after the model and only adds: the longest span wins, the gazetteer's type on a tie."""
from __future__ import annotations

import pytest


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ not in ("DATE", "CARDINAL")]


@pytest.mark.parametrize("text, name", [
    ("Shares rose on the London Stock Exchange on Monday.", "London Stock Exchange"),
    ("The Bank of England held interest rates.", "Bank of England"),
])
def test_a_longer_name_the_model_found_is_not_cut_to_a_known_name(nlp, text, name):
    assert any(name in t for t, _ in ents(nlp, text))


@pytest.mark.parametrize("text, name", [
    ("Exports from Heilongjiang province rose by a fifth.", "Heilongjiang"),
    ("Putin was received at the Great Hall of the People in Beijing.", "Great Hall of the People"),
])
def test_a_model_span_running_past_a_known_name_into_lower_case_words_ends_with_the_name(nlp, text, name):
    assert name in [t.removeprefix("the ") for t, _ in ents(nlp, text)]


def test_spans_merge_longest_first_and_the_gazetteer_wins_a_tie(nlp):
    from spacy.tokens import Span

    from kg.nlp import longest_spans

    doc = nlp.make_doc("Shares in China Steel fell as the Conservatives met")
    model = [Span(doc, 2, 4, "ORG"), Span(doc, 6, 8, "NORP")]
    known = [Span(doc, 2, 3, "GPE"), Span(doc, 7, 8, "ORG")]
    merged = [(s.text, s.label_) for s in longest_spans(model, known)]
    assert merged == [("China Steel", "ORG"), ("Conservatives", "ORG")]


@pytest.mark.parametrize("text, name, party", [
    ("The Tories and the Lib Dems attacked the plan on Monday.", "Tories", "Conservative Party"),
    ("The Tories and the Lib Dems attacked the plan on Monday.", "Lib Dems", "Liberal Democrats"),
    ("Mr Howard told the Conservatives that they would win.", "Conservatives", "Conservative Party"),
    ("Republicans in the Senate blocked the bill.", "Republicans", "Republican Party"),
])
def test_parties_the_model_calls_nationalities_are_organisations(extract, text, name, party):
    found = {m.text.removeprefix("the "): (m.name, m.kind) for m in extract(text).mentions}
    assert found[name] == (party, "Organization")


@pytest.mark.parametrize("label, qid", [("Conservative Party", "Q9626"), ("Labour Party", "Q9630"), ("World Bank", "Q7164"),
                                        ("Germany", "Q183"), ("Japan", "Q17"), ("European Union", "Q458")])
def test_listed_bodies_parties_and_countries_carry_their_wikidata_id(label, qid):
    from kg.gazetteer import gazetteer

    assert gazetteer().wikidata(label) == qid


@pytest.mark.parametrize("text", [
    "Yukos shares fell sharply on Monday. Later Yukos said it would appeal.",
    "The oil firm Yukos faces a huge tax bill. Later Yukos said it would appeal.",
])
def test_one_sign_of_an_organisation_types_the_name_for_its_whole_article(nlp, text):
    labels = {e.label_ for e in nlp(text).ents if e.text == "Yukos"}
    assert labels == {"ORG"}


def test_people_without_such_signs_stay_people(nlp):
    assert {e.label_ for e in nlp("Tony Blair met Gordon Brown in London on Monday.").ents if "Blair" in e.text} == {"PERSON"}
