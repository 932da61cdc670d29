"""Tests for the deterministic synthetic news generator (benchmarks/synthetic.py)."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from synthetic import SyntheticArticle, generate_article, generate_articles, write_corpus

#: strings that only scraping noise contains (the article body never does)
NOISE_MARKERS = ("Share on ", "Share via", "Copy link", "Subscribe", "Read more", "READ MORE", "Also read",
                 "dvertisement", "ADVERTISEMENT", "All rights reserved", "Comments (", "Tags:", "cookies",
                 "Published:", "Updated:", "min read", "Related articles", "By ")

REPO = Path(__file__).resolve().parents[1]


def _is_noisy(article: SyntheticArticle) -> bool:
    return article.text.startswith(article.title) or any(m in article.text for m in NOISE_MARKERS)


def _digest(articles) -> str:
    h = hashlib.sha256()
    for a in articles:
        h.update(repr((a.id, a.title, a.text, a.url, a.date.isoformat())).encode("utf-8"))
    return h.hexdigest()


@pytest.fixture(scope="module")
def corpus() -> list[SyntheticArticle]:
    return list(generate_articles(300, seed=0))


def test_the_examples_in_the_docstrings_hold():
    import doctest

    import synthetic

    results = doctest.testmod(synthetic)
    assert results.attempted > 0 and results.failed == 0


def test_same_input_gives_same_articles():
    assert list(generate_articles(25, seed=3)) == list(generate_articles(25, seed=3))


def test_same_bytes_on_disk(tmp_path):
    for fmt in ("txt", "jsonl"):
        first = write_corpus(tmp_path / f"{fmt}1", 15, seed=5, fmt=fmt)
        second = write_corpus(tmp_path / f"{fmt}2", 15, seed=5, fmt=fmt)
        assert [p.name for p in first] == [p.name for p in second]
        assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_independent_of_hash_seed():
    """No set or dict ordering leaks into the output: other processes, other PYTHONHASHSEED."""
    code = ("from synthetic import generate_articles; import hashlib\n"
            "print(hashlib.sha256(''.join(a.id + a.title + a.text + a.url + str(a.date) "
            "for a in generate_articles(20, seed=9)).encode()).hexdigest())")
    digests = set()
    for hash_seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(REPO / "benchmarks")}
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    expected = hashlib.sha256("".join(a.id + a.title + a.text + a.url + str(a.date)
                                      for a in generate_articles(20, seed=9)).encode()).hexdigest()
    assert digests == {expected}


def test_prefix_stable():
    assert list(generate_articles(10, seed=1)) == list(generate_articles(20, seed=1))[:10]
    assert generate_article(17, seed=1) == list(generate_articles(18, seed=1))[17]


def test_seeds_differ():
    assert _digest(generate_articles(5, seed=0)) != _digest(generate_articles(5, seed=1))
    texts = [a.text for a in generate_articles(50, seed=0)]
    assert len(set(texts)) == 50


def test_word_counts_in_range_and_varied(corpus):
    counts = [len(a.text.split()) for a in corpus]
    assert all(300 <= n <= 900 for n in counts), (min(counts), max(counts))
    assert min(counts) < 400 and max(counts) > 750  # realistic spread, not one length
    assert len(set(counts)) > 100


def test_fields(corpus):
    ids = [a.id for a in corpus]
    assert len(set(ids)) == len(ids)
    assert ids[:2] == ["synthetic-0-000000", "synthetic-0-000001"]
    for a in corpus:
        assert dt.date(2023, 1, 1) <= a.date <= dt.date(2025, 12, 31)
        assert a.url.startswith("https://") and a.date.strftime("/%Y/%m/%d/") in a.url
        assert a.title and "\n" not in a.title and "{" not in a.text and "}" not in a.text
    with pytest.raises(Exception):
        corpus[0].title = "changed"  # frozen


def test_dates_spread_over_three_years(corpus):
    assert {a.date.year for a in corpus} == {2023, 2024, 2025}


def test_noise_in_some_but_not_all(corpus):
    noisy = [a for a in corpus if _is_noisy(a)]
    assert 0.15 * len(corpus) <= len(noisy) <= 0.45 * len(corpus)
    clean = [a for a in corpus if not _is_noisy(a)]
    assert clean and all(not a.text.startswith(a.title) for a in clean)
    assert any("Share on" in a.text for a in noisy)
    assert any("Comments (" in a.text for a in noisy)


def test_sentence_shapes_present(corpus):
    """The corpus exercises the constructions the extractors have to handle."""
    text = "\n".join(a.text for a in corpus)
    expected = {
        "direct quote": r'," (?:said [A-Z]|[A-Z][\w\'-]+(?: [A-Z][\w\'-]+)* (?:said|told))',
        "indirect speech": r"\bsaid that\b",
        "denial": r"\bdenied that\b",
        "rejected claims": r"\brejected claims that\b",
        "not consistent with reality": r"not consistent with reality",
        "dismissed": r"\bdismissed\b",
        "accusation": r"\baccused \w+",
        "meeting": r"\bmet [A-Z].* in [A-Z]\w+ on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)",
        "held talks": r"\bheld talks\b",
        "visit": r"'s? visit to [A-Z]",
        "travel": r"\btravelled to [A-Z]",
        "passive": r"\bwas (?:welcomed|received|greeted) by\b",
        "trade figure": r"\brose \d+(?:\.\d)?(?:%| percent| per cent) to [$€£]\d",
        "money": r"[$€£]\d[\d,.]* (?:billion|million)",
        "aid": r"\b(?:aid|assistance)\b",
        "sanctions": r"\bsanctions\b",
        "attack": r"\b(?:drone attack|missile strike|air strike|rocket attack|bombing)\b",
        "apposition": r"[A-Z]\w+, (?:a professor|a senior fellow|an economist|chief economist)",
        "title": r"\b(?:President|Prime Minister|Foreign Minister|Chancellor) [A-Z]\w+",
        "demonym": r"\b(?:Chinese|Russian|US|Ukrainian|British) officials\b",
        "metonym": r"\b(?:the Kremlin|Beijing|Washington|the White House|Moscow) (?:has|said|rejected|accused|did|vowed)",
        "relative date": r"\b(?:last year|last week|last month|earlier this (?:month|year))\b",
    }
    missing = [name for name, pattern in expected.items() if not re.search(pattern, text)]
    assert not missing


def test_pools_are_large():
    import synthetic as synth  # private tables, checked so the corpus stays varied

    assert len({row[0] for row in synth._PEOPLE_ROWS if row[4] in synth._COUNTRIES}) >= 60
    assert len(synth._COUNTRY_ROWS) >= 50
    assert len(synth._ORG_ROWS) + len(synth._AGENCIES) + len(synth._UNIVERSITIES) + len(synth._COMPANY_ROWS) >= 25
    assert len(synth._CITIES) >= 40


def test_country_keys_are_iso_codes():
    pycountry = pytest.importorskip("pycountry")
    import synthetic as synth

    for row in synth._COUNTRY_ROWS:
        assert pycountry.countries.get(alpha_2=row[0]) is not None, row[0]


def test_write_txt_readable(tmp_path):
    paths = write_corpus(tmp_path / "txt", 12, seed=2, fmt="txt")
    articles = list(generate_articles(12, seed=2))
    assert len(paths) == 12 and all(p.suffix == ".txt" and p.parent == tmp_path / "txt" for p in paths)
    assert sorted(p.name for p in (tmp_path / "txt").iterdir()) == [p.name for p in paths]
    for path, a in zip(paths, articles):
        raw = path.read_text(encoding="utf-8")
        title, blank, body = raw.split("\n", 2)
        assert title == a.title and blank == "" and body == a.text + "\n"


def test_write_jsonl_readable(tmp_path):
    paths = write_corpus(tmp_path / "jsonl", 12, seed=2, fmt="jsonl")
    articles = list(generate_articles(12, seed=2))
    assert len(paths) == 1 and paths[0].suffix == ".jsonl"
    lines = paths[0].read_text(encoding="utf-8").splitlines()
    assert len(lines) == 12
    for line, a in zip(lines, articles):
        record = json.loads(line)
        assert {"title", "text", "url", "date"} <= record.keys()
        assert (record["title"], record["text"], record["url"]) == (a.title, a.text, a.url)
        assert dt.date.fromisoformat(record["date"]) == a.date


def test_empty_and_invalid_arguments(tmp_path):
    assert list(generate_articles(0)) == []
    assert write_corpus(tmp_path / "none", 0) == []
    with pytest.raises(ValueError):
        write_corpus(tmp_path / "bad", 1, fmt="xml")
    with pytest.raises(ValueError):
        generate_articles(-1)
    with pytest.raises(ValueError):
        generate_article(-1)
