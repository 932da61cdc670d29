"""Worker processes change how fast a build is, never what it writes."""
from __future__ import annotations

from pathlib import Path

import pytest

import kg.pipeline.runners as runners
from kg.config import Settings
from kg.pipeline import build
from kg.pipeline.runners import ProcessPoolRunner, process_count
from synthetic import write_corpus


def files(folder: Path) -> dict[str, bytes]:
    """Every file of an export (the cache too) but report.json, which holds timings."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "report.json"}


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """The number of worker processes of each pool a build starts."""
    started: list[int] = []

    class CountedPool(runners.ProcessPoolExecutor):
        def __init__(self, max_workers, **kwargs):
            started.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr(runners, "ProcessPoolExecutor", CountedPool)
    return started


@pytest.mark.slow
def test_one_and_two_processes_write_the_same_bytes_and_the_same_cache(tmp_path, pools):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 20, seed=3)
    one, two = tmp_path / "one", tmp_path / "two"
    build([corpus], one, Settings(n_process=1, batch_size=4), formats=("turtle", "nt", "jsonld"))
    assert pools == []
    _, report = build([corpus], two, Settings(n_process=2, batch_size=4), formats=("turtle", "nt", "jsonld"))
    assert pools == [2]
    assert report.articles == 20
    assert any(name.startswith(".cache/") for name in files(two))
    assert files(one) == files(two)


def test_input_of_one_batch_is_parsed_without_starting_workers(tmp_path, pools):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3, seed=1)
    _, report = build([corpus], tmp_path / "out", Settings(n_process=2, batch_size=4, cache=False), formats=("turtle",))
    assert report.articles == 3
    assert pools == []


@pytest.mark.slow
def test_the_pool_keeps_a_bounded_number_of_batches_in_flight(tmp_path):
    from kg.ingest import read_articles

    corpus = tmp_path / "corpus"
    write_corpus(corpus, 24, seed=2)
    articles = list(read_articles([corpus]))
    pulled, ahead = 0, []

    def stream():
        nonlocal pulled
        for article in articles:
            pulled += 1
            yield article

    settings = Settings(n_process=2, batch_size=2)
    with ProcessPoolRunner(settings, 2) as runner:
        done = 0
        for _ in runner.extract(stream(), {}):
            done += 1
            ahead.append(pulled - done)
    assert done == len(articles)
    # two batches queued per worker, plus the batch being cut from the stream
    assert max(ahead) <= (2 * runners.BATCHES_IN_FLIGHT_PER_PROCESS + 1) * settings.batch_size


def test_zero_processes_means_one_per_core_this_process_may_use():
    import os

    assert process_count(Settings(n_process=0)) == len(os.sched_getaffinity(0))
    assert process_count(Settings(n_process=3)) == 3
    assert Settings().n_process == 0
