"""Scale-out on a Dask cluster: ingest, NLP and extraction as tasks over partitions of the corpus.

The work per article is independent, so it runs on ``dask.distributed``
workers; what needs the whole corpus stays central, in the client process:
near-duplicate detection (cheap, and order-dependent), the extraction cache,
resolution and export.  The tasks call the same functions as a local build
(:func:`kg.ingest.read_file`, :func:`kg.pipeline.extract_articles`), so both
give the same graph.

Input paths must be readable under the same name on every worker (a shared or
copied folder).  Each worker process loads the spaCy pipeline once and keeps it.

>>> partitions(list(range(5)), 2)
[[0, 1], [2, 3], [4]]
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from kg.cache import ExtractionCache
from kg.config import Settings
from kg.errors import MissingDependency
from kg.ingest import Deduplicator, discover, read_file
from kg.model import Article, ArticleExtraction, Skipped
from kg.pipeline import BuildReport, extract_articles, uncached_articles

__all__ = ["cluster_client", "extract_corpus_distributed", "partitions", "ingest_partition", "extract_partition"]

def partitions(items: list, size: int) -> list[list]:
    """``items`` in consecutive chunks of at most ``size``."""
    return [items[i:i + size] for i in range(0, len(items), size)]


@contextmanager
def cluster_client(settings: Settings) -> Iterator:
    """A ``distributed.Client``: connected to ``settings.scheduler``, or to a new local cluster of ``settings.workers`` processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise MissingDependency("distributed builds need Dask; install it with: pip install 'kg[dask]'") from None
    if settings.scheduler:
        with Client(settings.scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def worker_nlp(model: str):
    """The spaCy pipeline of the current Dask worker, built on first use and kept on the worker.

    Outside a worker (or with several workers as threads of one process, where
    each needs its own copy) the pipeline is stored on the worker object, never
    shared between workers.
    """
    from kg.nlp import build_nlp

    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        return build_nlp(model)
    pipelines = worker.__dict__.setdefault("_kg_nlp", {})
    if model not in pipelines:
        pipelines[model] = build_nlp.__wrapped__(model)
    return pipelines[model]


def ingest_partition(files: list[tuple[str, str]]) -> list[Article | Skipped]:
    """Task: read and clean a partition of files (duplicates are marked centrally, in corpus order)."""
    return [item for path, rel in files for item in read_file(Path(path), rel)]


def extract_partition(articles: list[Article], settings: Settings) -> tuple[list[ArticleExtraction], dict[str, float]]:
    """Task: parse and extract a partition of articles with the worker's pipeline; returns the records and time per stage."""
    seconds: dict[str, float] = {}
    nlp = worker_nlp(settings.model)
    # a worker is one process per core already; it may not fork spaCy processes of its own
    return list(extract_articles(nlp, articles, replace(settings, n_process=1), seconds)), seconds


def _deduplicated(client, files: list[tuple[Path, str]], skipped: list[Skipped], settings: Settings) -> Iterator[Article | Skipped]:
    """Ingest tasks for every partition of ``files``, results streamed back in corpus order and de-duplicated."""
    yield from skipped
    dedup = Deduplicator(settings.near_duplicate, settings.near_duplicate_sketch)
    futures = client.map(ingest_partition, partitions([(str(p), rel) for p, rel in files], settings.partition_size), pure=False)
    for future in futures:
        for item in future.result():
            yield dedup(item) if isinstance(item, Article) else item
        future.release()


def extract_corpus_distributed(
    paths: Iterable[Path], settings: Settings, report: BuildReport, *, cache: ExtractionCache | None = None,
    progress: Callable[[int], None] | None = None, client=None,
) -> list[ArticleExtraction]:
    """Like :func:`kg.pipeline.extract_corpus`, with ingest, NLP and extraction on the Dask cluster of ``settings``.

    NLP partitions of ``settings.partition_size`` articles are submitted while
    ingest results still arrive.  ``report.seconds`` gets the wall time of the
    ingest phase (with de-duplication) and of the NLP phase, the latter split
    between "nlp" and "extract" in the proportion the workers measured.
    """
    if client is None:
        with cluster_client(settings) as client:
            return extract_corpus_distributed(paths, settings, report, cache=cache, progress=progress, client=client)
    from dask.distributed import as_completed

    cache = cache or ExtractionCache(None, settings)
    results: list[ArticleExtraction] = []
    worker_seconds: dict[str, float] = {}
    start = time.perf_counter()
    files, skipped = discover(paths)
    pending = as_completed()
    batch: list[Article] = []
    articles = uncached_articles(_deduplicated(client, files, skipped, settings), cache, report, results, progress)
    for article in articles:
        batch.append(article)
        if len(batch) == settings.partition_size:
            pending.add(client.submit(extract_partition, batch, settings, pure=False))
            batch = []
    if batch:
        pending.add(client.submit(extract_partition, batch, settings, pure=False))
    ingest_done = time.perf_counter()
    for future in pending:
        extractions, seconds = future.result()
        future.release()
        for stage, value in seconds.items():
            worker_seconds[stage] = worker_seconds.get(stage, 0.0) + value
        for extraction in extractions:
            cache.put(extraction)
        results.extend(extractions)
        if progress:
            progress(len(extractions))
    nlp_wall = time.perf_counter() - ingest_done
    busy = sum(worker_seconds.values()) or 1.0
    report.seconds["ingest"] = ingest_done - start
    report.seconds["nlp"] = nlp_wall * worker_seconds.get("nlp", 0.0) / busy
    report.seconds["extract"] = nlp_wall * worker_seconds.get("extract", 0.0) / busy
    report.cache_hits = cache.hits
    return results
