"""Cleaning removes scraping noise and keeps offsets back to the raw text."""
from __future__ import annotations

import pytest

from kg.clean import clean_text, split_passages

RAW = """Category
Latest news

Leaders Agree on Grain Corridor

2 min read
Leaders Agree on Grain Corridor
Turkey and Ukraine agreed on Tuesday to reopen the grain corridor.
Share on Facebook
Tweet
The deal was announced in Ankara.
Subscribe to our newsletter
Comments 3
Great post!!! visit my site
Thanks!
"""


def test_chrome_lines_and_repeated_headline_are_removed():
    cleaned = clean_text(RAW)
    assert cleaned.title == "Leaders Agree on Grain Corridor"
    assert cleaned.text.splitlines() == [
        "Turkey and Ukraine agreed on Tuesday to reopen the grain corridor.",
        "The deal was announced in Ankara.",
    ]


def test_offsets_point_back_into_the_raw_text():
    cleaned = clean_text(RAW)
    for clean_start, raw_start, length in cleaned.offsets:
        assert cleaned.text[clean_start:clean_start + length] == RAW[raw_start:raw_start + length]


@pytest.mark.parametrize("spam", [
    "Nice theme!\nThank you Carlos!\nYou're welcome!",
    "Please rate!\nYes Sure!",
])
def test_trailing_comment_spam_is_dropped(spam):
    text = "Russia and China signed a trade deal in Moscow on Friday.\n" + spam
    assert clean_text(text).text == "Russia and China signed a trade deal in Moscow on Friday."


def test_separators_split_a_file_into_passages():
    raw = "First story text here.\n+++++\nSecond telling of it.\n"
    passages = split_passages(raw)
    assert [p.strip() for _, p in passages] == ["First story text here.", "Second telling of it."]
    assert raw[passages[1][0]:].startswith("Second")


def test_a_real_sentence_ending_the_article_is_kept():
    text = "Putin met Xi in Beijing.\nThe talks lasted three hours and ended with a joint statement."
    assert clean_text(text).text == text


@pytest.mark.parametrize("line, date", [
    ("MOSCOW, Aug 28, 2025 — Putin met Xi in Beijing on Tuesday.", "2025-08-28"),
    ("HARBIN, China, May 17, 2024 — Putin travelled to Harbin.", "2024-05-17"),
    ("NEW DELHI, February 28, 2025 — The EU and India agreed.", "2025-02-28"),
    ("Sept. 3, 2024 - Putin arrived in Ulaanbaatar.", "2024-09-03"),
])
def test_a_dateline_gives_the_date_and_leaves_the_text(line, date):
    cleaned = clean_text("Headline Of The Story\n" + line + "\nMore text follows here.")
    assert str(cleaned.date) == date
    assert cleaned.text.splitlines()[0] == line.split("— ")[-1].split("- ")[-1]


@pytest.mark.parametrize("table", [
    "1. Michelle Freeman ( Jamaica ) 12.71 seconds\n2. Ludmila Engquist ( Sweden ) 12.74\n3. Aliuska Lopez ( Cuba ) 12.92",
    "WESTERN DIVISION\nSAN DIEGO 75 60 .556 -\nLOS ANGELES 72 61 .541 2",
    "FRIDAY , AUGUST 30 SCHEDULE\nATLANTA AT CHICAGO\nFLORIDA AT CINCINNATI",
    "62 Nolan Henke\n64 Bob Estes\n65 Billy Andrade , Duffy Waldorf",
])
def test_results_tables_at_the_end_are_kept(table):
    text = "The leading results of the athletics meeting on Friday were these.\n" + table
    assert clean_text(text).text == text


def test_a_table_line_ends_a_comment_block():
    text = "Scores after the first round.\n62 Nolan Henke\nGreat post!\nThanks you!"
    assert clean_text(text).text == "Scores after the first round.\n62 Nolan Henke"


@pytest.mark.parametrize("line, chrome", [
    ("By Jane Doe and John Roe", True),
    ("BY ANDREW ROTH IN MOSCOW", True),
    ("By stumps Kent had reached 108 for three .", False),
    ("By the end of the day the talks had failed.", False),
])
def test_bylines_are_names_after_by_not_sentences_starting_with_by(line, chrome):
    text = "Putin met Xi in Beijing.\n" + line + "\nThe talks lasted three hours."
    assert (line in clean_text(text).text) is not chrome
