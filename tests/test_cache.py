"""The extraction cache is data, never code: JSON entries with a format version, decoded against the model's
type hints; a corrupt, foreign or planted entry is a miss, parsed again for that article only, and reported."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
import typing
from decimal import Decimal
from pathlib import Path

import pytest

import kg.extract
from kg import cache as kgcache
from kg.errors import CacheFormatError
from kg.cache import ExtractionCache, decode_entry, encode_entry, from_data, to_data
from kg.config import Settings
from kg.model import ArticleExtraction, Skipped
from kg.pipeline import BuildReport, build, extract_corpus
from synthetic import write_corpus

EXPORTS = ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.json", "graph.html")


def filled(hint: object, depth: int = 0) -> object:
    """A value of type ``hint`` with every field set away from its default, found from the type hints alone."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, __import__("types").UnionType):
        return filled(next(a for a in args if a is not type(None)), depth)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return (filled(args[0], depth + 1), filled(args[0], depth + 1)) if depth < 3 else ()
        return tuple(filled(a, depth + 1) for a in args)
    if origin is typing.Literal:
        return args[-1]
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return hint(**{f.name: filled(hints[f.name], depth + 1) for f in dataclasses.fields(hint)})
    samples = {str: "Café «x» \"q\" \\ \u202e\U0001F600", int: 12345, bool: True, float: 0.1,
               Decimal: Decimal("2.40E+11"), dt.date: dt.date(2025, 5, 8), dt.datetime: dt.datetime(2025, 5, 8, 9, 30)}
    return samples[hint]


def test_every_field_of_the_extraction_records_round_trips():
    # generic over the model: a field added to any record (with any type the cache knows) is covered here
    record = filled(ArticleExtraction)
    data = json.loads(json.dumps(to_data(record)))
    back = from_data(ArticleExtraction, data)
    assert back == record
    assert repr(back) == repr(record)  # Decimal exponents, tuple-not-list, date types: identical, not just equal


def test_a_value_outside_a_closed_vocabulary_is_refused():
    record = to_data(filled(ArticleExtraction))
    record["mentions"][0]["kind"] = "Persn"
    with pytest.raises(CacheFormatError, match="expected one of"):
        from_data(ArticleExtraction, record)


def test_real_extractions_round_trip_through_a_cache_entry():
    seeds = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed corpus not found at {seeds}")
    records = extract_corpus([seeds], Settings(cache=False), BuildReport(inputs=[]))
    assert records and any(r.claims for r in records) and any(r.quantities for r in records)
    for record in records:
        assert decode_entry(encode_entry(record, "k"), "k") == record


@pytest.mark.parametrize("data, hint", [
    ("5", int), (5, str), (True, int), ([1, 2], tuple[int, int, int]), ({"x": 1}, ArticleExtraction),
    ("2025-13-01", dt.date), ("lots", Decimal), (None, str),
])
def test_data_that_does_not_fit_the_type_is_refused(data, hint):
    with pytest.raises(CacheFormatError):
        from_data(hint, data)


# --- a build over a cache folder someone tampered with ----------------------------------------

class Planted:
    """What a planted pickle would do on load: run code (here: create a file)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 9, seed=5)
    return folder


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    write_corpus(folder, 2, seed=6)
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    build([corpus], out, Settings(cache=False))
    return out


def test_corrupt_foreign_and_planted_entries_are_misses_rebuilt_for_that_article_only(corpus, clean, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, Settings())
    entries = sorted((out / ".cache").glob("*.json"))
    assert len(entries) == 9
    marker = tmp_path / "code-ran"
    other = json.loads(entries[8].read_bytes())
    tampered = {
        entries[0]: entries[0].read_bytes()[:200],  # truncated
        entries[1]: b"",
        entries[2]: bytes(range(256)) * 4,  # garbage
        entries[3]: pickle.dumps(Planted(marker)),  # a planted pickle under the entry's own name
        entries[4]: json.dumps({**json.loads(entries[4].read_bytes()), "version": 0}).encode(),  # another kg version
        entries[5]: json.dumps({"format": "something-else", "version": 1}).encode(),  # foreign JSON
        entries[6]: json.dumps({**json.loads(entries[6].read_bytes()), "record": other["record"]}).encode(),  # another article
        entries[7]: entries[7].read_bytes().replace(b'"word_count":', b'"word_count":"many","x":'),  # wrong type, extra field
    }
    for path, data in tampered.items():
        path.write_bytes(data)
    parsed: list[str] = []
    real = kg.extract.extract_article
    monkeypatch.setattr(kg.extract, "extract_article", lambda a, d, *rest: parsed.append(a.id) or real(a, d, *rest))

    _, report = build([corpus], out, Settings())

    assert not marker.exists(), "the cache ran code"
    assert report.cache_hits == 1 and len(parsed) == 8
    assert sorted(r["entry"] for r in report.cache_rejected) == sorted(p.name for p in tampered)
    assert all(r["reason"] for r in report.cache_rejected)
    assert sum("not used" in n for n in report.notices) == 8
    for name in EXPORTS:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    # the rebuilt entries are good again: the next build parses nothing
    parsed.clear()
    _, report = build([corpus], out, Settings())
    assert parsed == [] and report.cache_hits == 9 and report.cache_rejected == []


def test_old_pickle_files_are_never_opened(small, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([small], out, Settings())
    (out / ".cache" / "0123.pkl").write_bytes(pickle.dumps(Planted(tmp_path / "code-ran")))
    monkeypatch.setattr(pickle, "load", lambda *a, **k: pytest.fail("pickle.load called"))
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: pytest.fail("pickle.loads called"))
    _, report = build([small], out, Settings())
    assert report.cache_hits == 2 and not (tmp_path / "code-ran").exists()


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(small, tmp_path, monkeypatch):
    def full_disk(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kgcache, "write_bytes", full_disk)
    out = tmp_path / "out"
    _, report = build([small], out, Settings())
    assert any("cannot write the cache" in n and "No space left" in n for n in report.notices)
    assert report.articles == 2 and (out / "graph.ttl").is_file() and not list((out / ".cache").glob("*"))


def test_cache_keys_cover_every_article_field(corpus):
    from kg.ingest import read_articles

    article = next(a for a in read_articles([corpus]) if not isinstance(a, Skipped))
    cache = ExtractionCache(None, Settings())
    for f in dataclasses.fields(article):
        if f.name == "text":
            continue
        changed = dataclasses.replace(article, **{f.name: filled(typing.get_type_hints(type(article))[f.name])})
        assert cache.key(changed) != cache.key(article), f.name
