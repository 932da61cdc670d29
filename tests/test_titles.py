"""The job-title table (kg/data/actors/titles.tsv): one example for each use of its words, and one home per list."""
from __future__ import annotations

from typing import get_args

import pytest

from kg.extract import extract_article
from kg.extract.lexicon import OFFICE_NOUNS, PERSON_NOUNS
from kg.model import Article
from kg.tables import TitleUse, read_table, title_words

#: each column of titles.tsv, a sentence where its words count, and the (name, kind) of a mention or claim speaker it gives
USES: dict[str, tuple[str, tuple[str, str]]] = {
    "prefix": ("Foreign Minister Wang Yi arrived in Paris on Monday.", ("Wang Yi", "Person")),
    "person": ("President Ukhnaagiin Khurelsukh arrived in Beijing on Monday.", ("Ukhnaagiin Khurelsukh", "Person")),
    "job_head": ("The talks were led by the High Representative for Foreign Affairs, Kaja Kallas.", ("Kaja Kallas", "Person")),
    "office": ("Vladimir Putin met Xi Jinping in Beijing. The Russian president said the talks went well.", ("Russia", "Country")),
    "speaker": ("A Russian source said the talks had failed.", ("Russian source", "Source")),
}


def test_every_column_has_an_example():
    assert set(USES) == set(get_args(TitleUse)) == set(read_table("actors", "titles.tsv")[0]) - {"word"}


@pytest.mark.parametrize("use", sorted(USES))
def test_title_use_example(nlp, use):
    text, expected = USES[use]
    x = extract_article(Article("t", text), nlp(text))
    found = {(m.name, m.kind) for m in x.mentions} | {(c.speaker.name, c.speaker.kind) for c in x.claims}
    assert expected in found, found


def test_office_and_speaker_nouns_are_the_title_columns():
    """Reference reads these two lists from titles.tsv; reference.tsv does not define them again."""
    assert OFFICE_NOUNS == title_words("office") and PERSON_NOUNS == title_words("speaker")
    reference_lists = {r["list"] for r in read_table("actors", "reference.tsv")}
    assert not reference_lists & {"office nouns", "person nouns"}
