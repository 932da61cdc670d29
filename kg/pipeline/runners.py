"""Runners: where the per-article work (parse and extract) runs; the rest of a build is the same for all.

A runner is a context manager with two streams: ``read`` turns input paths
into articles (de-duplicated in corpus order, problems as ``Skipped``) and
``extract`` turns the articles that need parsing into their extraction
records, adding the seconds its workers spent to ``seconds["nlp"]`` and
``seconds["extract"]``.  The records may come back in any order: resolution
sorts them, so every runner gives the same bytes.

* :class:`InProcessRunner`: everything in this process.
* :class:`ProcessPoolRunner`: batches of articles on a pool of forked worker
  processes that parse and extract and send back only the records.
* :class:`kg.pipeline.dask.DaskRunner`: ingest and extraction as tasks on a
  Dask cluster.

>>> list(batches(range(5), 2))
[[0, 1], [2, 3], [4]]
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kg.config import ExtractionSettings, Settings
from kg.ingest import read_articles
from kg.model import Article, ArticleExtraction, Skipped
from kg.pipeline.stages import parse_and_extract

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Runner", "InProcessRunner", "ProcessPoolRunner", "runner_for", "process_count", "batches"]

#: batches kept queued per worker process, so a worker never waits and memory stays bounded
BATCHES_IN_FLIGHT_PER_PROCESS = 2


class Runner(Protocol):
    #: time spent getting ready ("load_model"), merged into the build's report
    seconds: dict[str, float]

    def __enter__(self) -> Runner: ...

    def __exit__(self, *exc: object) -> None: ...

    def read(self, paths: list[Path]) -> Iterator[Article | Skipped]: ...

    def extract(self, articles: Iterable[Article], seconds: dict[str, float]) -> Iterator[ArticleExtraction]: ...


def process_count(settings: Settings) -> int:
    """The processes asked for; 0 means one per core this process may run on."""
    if settings.n_process > 0:
        return settings.n_process
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # no CPU affinity on this platform (macOS, Windows)
        return os.cpu_count() or 1


def runner_for(settings: Settings) -> Runner:
    """The runner ``settings`` ask for: a Dask cluster, a pool of worker processes, or this process."""
    if settings.workers or settings.scheduler:
        from kg.pipeline.dask import DaskRunner

        return DaskRunner(settings)
    processes = process_count(settings)
    return ProcessPoolRunner(settings, processes) if processes > 1 else InProcessRunner(settings)


def batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in consecutive lists of at most ``size``, pulled one list at a time."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class InProcessRunner:
    """Parses and extracts in this process, one article after the other."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.seconds: dict[str, float] = {}
        self.nlp: Language | None = None

    def __enter__(self) -> InProcessRunner:
        from kg.nlp import build_nlp

        start = time.perf_counter()
        self.nlp = build_nlp(self.settings.model, self.settings.extraction)
        self.seconds["load_model"] = time.perf_counter() - start
        return self

    def __exit__(self, *exc: object) -> None:
        self.nlp = None

    def read(self, paths: list[Path]) -> Iterator[Article | Skipped]:
        return read_articles(paths, near_duplicate=self.settings.near_duplicate,
                             sketch_size=self.settings.near_duplicate_sketch)

    def extract(self, articles: Iterable[Article], seconds: dict[str, float]) -> Iterator[ArticleExtraction]:
        return parse_and_extract(self.nlp, articles, self.settings.batch_size, seconds, self.settings.extraction)


class ProcessPoolRunner(InProcessRunner):
    """Parses and extracts batches of ``settings.batch_size`` articles on ``processes`` worker processes.

    On Linux the workers are forked after the model is loaded, so it loads
    once; elsewhere each worker loads it on its first batch.  At most
    ``BATCHES_IN_FLIGHT_PER_PROCESS`` batches per worker are queued, and
    results are collected in the order they were sent.  Input that fits in
    one batch is parsed here: starting workers would cost more than it saves.
    """

    def __init__(self, settings: Settings, processes: int):
        super().__init__(settings)
        self.processes = processes

    def extract(self, articles: Iterable[Article], seconds: dict[str, float]) -> Iterator[ArticleExtraction]:
        size = self.settings.batch_size
        queued = batches(articles, size)
        first = list(islice(queued, 2))
        if len(first) < 2:
            yield from super().extract(chain.from_iterable(first), seconds)
            return
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        pending: deque[Future] = deque()
        pool = ProcessPoolExecutor(self.processes, mp_context=context)
        try:
            for batch in chain(first, queued):
                pending.append(pool.submit(_parse_and_extract_in_worker, batch, self.settings.model, size,
                                           self.settings.extraction))
                if len(pending) >= self.processes * BATCHES_IN_FLIGHT_PER_PROCESS:
                    yield from _counted(pending.popleft().result(), seconds)
            while pending:
                yield from _counted(pending.popleft().result(), seconds)
        finally:
            pool.shutdown(cancel_futures=True)  # after a failure or Ctrl-C, the batches not started are dropped


def _parse_and_extract_in_worker(articles: list[Article], model: str, batch_size: int, extraction: ExtractionSettings,
                                 ) -> tuple[list[ArticleExtraction], dict[str, float]]:
    """Task of a worker process: its pipeline (inherited from the parent when forked, else loaded once) on one batch."""
    from kg.nlp import build_nlp

    seconds: dict[str, float] = {}
    return list(parse_and_extract(build_nlp(model, extraction), articles, batch_size, seconds, extraction)), seconds


def _counted(done: tuple[list[ArticleExtraction], dict[str, float]], seconds: dict[str, float]) -> list[ArticleExtraction]:
    records, spent = done
    for stage, value in spent.items():
        seconds[stage] = seconds.get(stage, 0.0) + value
    return records
