"""Scale-out on a Dask cluster: ingest, NLP and extraction as tasks over partitions of the corpus.

The work per article is independent, so it runs on ``dask.distributed``
workers; what needs the whole corpus stays central, in the client process:
near-duplicate detection (cheap, and order-dependent), the extraction cache,
resolution and export.  The tasks call the same functions as a local build
(:func:`kg.ingest.read_file`, :func:`kg.pipeline.stages.parse_and_extract`),
so both give the same graph.

Input paths must be readable under the same name on every worker (a shared or
copied folder).  Each worker process loads the spaCy pipeline once and keeps it.

>>> partitions(list(range(5)), 2)
[[0, 1], [2, 3], [4]]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from kg.config import ExtractionSettings, Settings
from kg.errors import MissingDependency
from kg.ingest import Deduplicator, discover, read_file
from kg.model import Article, ArticleExtraction, Skipped
from kg.pipeline.runners import batches
from kg.pipeline.stages import parse_and_extract

__all__ = ["DaskRunner", "cluster_client", "partitions", "ingest_partition", "extract_partition"]


def partitions(items: list, size: int) -> list[list]:
    """``items`` in consecutive chunks of at most ``size``."""
    return list(batches(items, size))


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


def worker_nlp(model: str, extraction: ExtractionSettings = ExtractionSettings()):
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
        return build_nlp(model, extraction)
    pipelines = worker.__dict__.setdefault("_kg_nlp", {})
    if (model, extraction) not in pipelines:
        pipelines[(model, extraction)] = build_nlp.__wrapped__(model, extraction)
    return pipelines[(model, extraction)]


def ingest_partition(files: list[tuple[str, str]]) -> list[Article | Skipped]:
    """Task: read and clean a partition of files (duplicates are marked centrally, in corpus order)."""
    return [item for path, rel in files for item in read_file(Path(path), rel)]


def extract_partition(articles: list[Article], settings: Settings) -> tuple[list[ArticleExtraction], dict[str, float]]:
    """Task: parse and extract a partition of articles with the worker's pipeline; returns the records and time per stage."""
    seconds: dict[str, float] = {}
    return list(parse_and_extract(worker_nlp(settings.model, settings.extraction), articles, settings.batch_size, seconds, settings.extraction)), seconds


class DaskRunner:
    """Ingest and extraction on the Dask cluster of ``settings`` (or on ``client``'s).

    NLP partitions of ``settings.partition_size`` articles are submitted while
    ingest results still arrive; records come back as partitions finish.
    """

    def __init__(self, settings: Settings, client=None):
        self.settings, self.client = settings, client
        self.seconds: dict[str, float] = {}
        self._stack = ExitStack()

    def __enter__(self) -> DaskRunner:
        if self.client is None:
            self.client = self._stack.enter_context(cluster_client(self.settings))
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def read(self, paths: list[Path]) -> Iterator[Article | Skipped]:
        """Ingest tasks for every partition of the files, results streamed back in corpus order and de-duplicated."""
        files, skipped = discover(paths)
        yield from skipped
        dedup = Deduplicator(self.settings.near_duplicate, self.settings.near_duplicate_sketch)
        futures = self.client.map(ingest_partition, partitions([(str(p), rel) for p, rel in files], self.settings.partition_size),
                                  pure=False)
        for future in futures:
            for item in future.result():
                yield dedup(item) if isinstance(item, Article) else item
            future.release()

    def extract(self, articles: Iterable[Article], seconds: dict[str, float]) -> Iterator[ArticleExtraction]:
        from dask.distributed import as_completed

        pending = as_completed()
        for partition in batches(articles, self.settings.partition_size):
            pending.add(self.client.submit(extract_partition, partition, self.settings, pure=False))
        for future in pending:
            records, spent = future.result()
            future.release()
            for stage, value in spent.items():
                seconds[stage] = seconds.get(stage, 0.0) + value
            yield from records
