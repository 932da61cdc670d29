"""Interrupted builds: no half-written export is ever left, and a re-run resumes from the cache
to the same bytes as a clean build."""
from __future__ import annotations

import pytest

import kg.extract
from kg.config import Settings
from kg import atomic
from kg.pipeline import build
from synthetic import write_corpus

EXPORTS = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.json", "graph.html")
FORMATS = ("turtle", "nt", "jsonld")


def interrupt_after(monkeypatch, n: int) -> list[str]:
    """Make extraction raise KeyboardInterrupt (Ctrl-C) after ``n`` articles; returns the ids parsed."""
    parsed: list[str] = []
    real = kg.extract.extract_article

    def extract(article, doc, *rest):
        if len(parsed) == n:
            raise KeyboardInterrupt
        parsed.append(article.id)
        return real(article, doc, *rest)

    monkeypatch.setattr(kg.extract, "extract_article", extract)
    return parsed


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 6, seed=3)
    return folder


@pytest.fixture(scope="module")
def clean_build(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    build([corpus], out, Settings(cache=False), formats=FORMATS)
    return out


def test_ctrl_c_during_parsing_leaves_no_export_and_the_rerun_resumes(corpus, clean_build, tmp_path, monkeypatch):
    out = tmp_path / "out"
    parsed = interrupt_after(monkeypatch, 4)
    with pytest.raises(KeyboardInterrupt):
        build([corpus], out, Settings(), formats=FORMATS)
    assert len(parsed) == 4
    assert sorted(p.name for p in out.iterdir()) == [".cache"]  # no export, no report, no temporary file
    assert len(list((out / ".cache").glob("*.json"))) == 4

    monkeypatch.undo()
    _, report = build([corpus], out, Settings(), formats=FORMATS)
    assert report.cache_hits == 4
    for name in EXPORTS:
        assert (out / name).read_bytes() == (clean_build / name).read_bytes(), name


def test_a_failure_while_writing_keeps_the_previous_complete_files(corpus, clean_build, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, Settings(), formats=FORMATS)
    before = {name: (out / name).read_bytes() for name in EXPORTS}
    real_replace = atomic.os.replace
    calls = []

    def replace_then_die(src, dst):
        calls.append(dst)
        if len(calls) == 3:  # the third file is half written when the power goes
            raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        build([corpus], out, Settings(), formats=FORMATS)
    assert {name: (out / name).read_bytes() for name in EXPORTS} == before
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []


def test_a_broken_cache_entry_is_a_miss_not_a_crash(corpus, clean_build, tmp_path):
    out = tmp_path / "out"
    build([corpus], out, Settings(), formats=FORMATS)
    entries = sorted((out / ".cache").glob("*.json"))
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # truncated, as by a crash mid-write
    entries[1].write_bytes(b"")
    _, report = build([corpus], out, Settings(), formats=FORMATS)
    assert report.cache_hits == len(entries) - 2
    for name in EXPORTS:
        assert (out / name).read_bytes() == (clean_build / name).read_bytes(), name
