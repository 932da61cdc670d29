"""Incremental builds: per-article results are cached by content hash, so a rebuild
after adding articles parses only the new ones and writes the same files as a clean build."""
from __future__ import annotations

import pytest

import kg.extract
from kg.config import Settings
from kg.pipeline import build
from synthetic import write_corpus

FILES = ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.json")


@pytest.fixture
def parsed(monkeypatch):
    """Ids of the articles that went through NLP and extraction."""
    seen: list[str] = []
    real = kg.extract.extract_article

    def counting(article, doc, *rest):
        seen.append(article.id)
        return real(article, doc, *rest)

    monkeypatch.setattr(kg.extract, "extract_article", counting)
    return seen


@pytest.mark.slow
def test_adding_articles_parses_only_the_new_ones_and_matches_a_clean_build(tmp_path, parsed):
    corpus, out, clean = tmp_path / "corpus", tmp_path / "out", tmp_path / "clean"
    write_corpus(corpus, 4, seed=7)
    build([corpus], out, Settings())
    assert len(parsed) == 4

    parsed.clear()
    write_corpus(corpus, 6, seed=7)  # the first four files are rewritten byte for byte
    _, report = build([corpus], out, Settings())
    assert sorted(parsed) == ["synthetic-7-000004", "synthetic-7-000005"]
    assert report.cache_hits == 4 and report.articles == 6

    build([corpus], clean, Settings(cache=False))
    for name in FILES:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


@pytest.mark.slow
def test_an_edited_article_is_parsed_again(tmp_path, parsed):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    first, second = write_corpus(corpus, 2, seed=3)
    build([corpus], out, Settings())
    parsed.clear()
    title, body = second.read_text(encoding="utf-8").split("\n\n", 1)
    second.write_text(f"{title}\n\nThe minister later denied the report.\n\n{body}", encoding="utf-8")
    _, report = build([corpus], out, Settings())
    assert parsed == [second.stem]
    assert report.cache_hits == 1
