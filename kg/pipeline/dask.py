"""Scale-out on a Dask cluster: ingest, NLP, extraction, resolution and the N-Triples shards as tasks.

The work per article is independent, so it runs on ``dask.distributed``
workers, which also read and write the extraction cache.  Near-duplicate
detection stays in the client (cheap, and order-dependent).  With an export
folder, resolution runs on the workers too (:func:`build_on_cluster`): each
partition's records stay where they were made; one task fits the resolver from
their mentions, each partition groups its mentions by the record they become,
the groups are hashed into buckets and merged there, and every bucket, like
every partition of articles, writes its part of the graph as a sorted
N-Triples shard (:mod:`kg.pipeline.shards`).  The client holds no record: it
merges the sorted shards into ``graph.ttl`` (and JSON-LD, N-Triples) one line
per shard at a time.  The tasks call the functions of a local build
(:mod:`kg.resolve`'s steps, :func:`kg.export.rdf.triple_groups`), so both
write the same triples.

Input paths, the cache and the export folder must be reachable under the same
name on every worker (a shared or copied folder).  Each worker process loads
the spaCy pipeline once and keeps it.

>>> partitions(list(range(5)), 2)
[[0, 1], [2, 3], [4]]
"""
from __future__ import annotations

import operator
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from kg.cache import ExtractionCache
from kg.config import ExtractionSettings, Settings
from kg.errors import ConfigError, MissingDependency
from kg.export.rdf import FORMATS, STREAMED, triple_groups, write_groups
from kg.ingest import Deduplicator, discover, read_file
from kg.model import Article, ArticleExtraction, Claim, Entity, Event, KnowledgeGraph, Mention, Quantity, Skipped, independent_sources
from kg.pipeline.report import BuildReport
from kg.pipeline.runners import BATCHES_IN_FLIGHT_PER_PROCESS, batches
from kg.pipeline.shards import merged_groups, shard_path, write_shard
from kg.pipeline.stages import STAGES, Timer, parse_and_extract, write_side_files
from kg.query import SHARD_FOLDER, shard_files
from kg.resolve import Fitted, Links, Pieces, facts, finish, fit, gather, in_corpus_order, link, resolution_mentions

__all__ = ["DaskRunner", "build_on_cluster", "check_cluster_build", "cluster_client", "partitions", "ingest_partition",
           "extract_partition"]

#: articles per bucket of resolved facts (at least one bucket per worker): a bucket's records are what one task holds
BUCKET_ARTICLES = 1_000


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
    ingest results still arrive, at most ``BATCHES_IN_FLIGHT_PER_PROCESS`` per
    worker; records come back as partitions finish.
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
        in_flight = BATCHES_IN_FLIGHT_PER_PROCESS * max(1, len(self.client.scheduler_info()["workers"]))
        for partition in batches(articles, self.settings.partition_size):
            pending.add(self.client.submit(extract_partition, partition, self.settings, pure=False))
            while pending.count() >= in_flight:  # records come back while articles are still being read
                yield from self._collected(next(pending), seconds)
        for future in pending:
            yield from self._collected(future, seconds)

    @staticmethod
    def _collected(future, seconds: dict[str, float]) -> list[ArticleExtraction]:
        records, spent = future.result()
        future.release()
        for stage, value in spent.items():
            seconds[stage] = seconds.get(stage, 0.0) + value
        return records


def check_cluster_build(settings: Settings, formats: Iterable[str]) -> None:
    """Refuse, before any work, what a cluster build cannot do: what needs the whole graph in one process."""
    whole = sorted(set(formats) - set(STREAMED))
    if whole:
        raise ConfigError(f"--format {', '.join(whole)} needs the whole graph in one process, which a build with "
                          "--workers/--scheduler never holds; build without them, or convert graph.ttl afterwards")
    if settings.since or settings.until:
        raise ConfigError("--since/--until need the whole graph in one process, which a build with --workers/--scheduler "
                          "never holds; build without them, or select the period in SPARQL")


def build_on_cluster(paths: list[Path], out: Path, settings: Settings, report: BuildReport, cache_folder: Path | None,
                     progress: Callable[[int], None] | None = None, formats: Iterable[str] = ("turtle",)) -> None:
    """Build into the (empty, staged) folder ``out`` on the cluster of ``settings``; fills ``report``.

    Writes the shards, ``graph.ttl`` and the other RDF ``formats``, the ontology
    and merges.tsv.  GraphML, node-link JSON and the HTML viewer need the whole
    graph and are not written (``report.notices`` says so).
    """
    from dask.distributed import wait

    formats = list(dict.fromkeys(["turtle", *formats]))
    check_cluster_build(settings, formats)
    with DaskRunner(settings) as runner:
        client = runner.client
        parts = _extract_on_cluster(runner, paths, settings, report, cache_folder, progress)
        if not report.articles:
            return
        t = time.perf_counter()
        STAGES.info("resolve")
        records = [client.submit(operator.getitem, part, 0) for part in parts]
        mentions = client.map(resolution_mentions, records)
        fitted = client.submit(_fit, settings.fuzzy_name, settings.corpus_prior, *mentions)
        gathered = [client.submit(gather, part, fitted) for part in records]
        buckets = max(len(client.scheduler_info()["workers"]), -(-report.articles // BUCKET_ARTICLES))
        split = [client.submit(_split, g, buckets) for g in gathered]
        done = [client.submit(_finish_bucket, fitted, *(client.submit(operator.getitem, s, b) for s in split)) for b in range(buckets)]
        links = client.submit(link, *(client.submit(_facts, d) for d in done))
        wait([links, *done])
        report.seconds["resolve"] = time.perf_counter() - t
        t = time.perf_counter()
        STAGES.info("export")
        folder = out / SHARD_FOLDER
        write_shard(shard_path(folder, 0), triple_groups(KnowledgeGraph((), (), (), (), ()), settings.base_iri))
        sources = client.submit(_sources, *client.map(_origins, records))
        shards = [client.submit(_article_shard, r, g, shard_path(folder, 1 + i), settings.base_iri)
                  for i, (r, g) in enumerate(zip(records, gathered))]
        shards += [client.submit(_fact_shard, d, links, sources, shard_path(folder, 1 + len(records) + b), settings.base_iri)
                   for b, d in enumerate(done)]
        counts = client.gather(shards)
        write_side_files(out, client.submit(_merges, fitted).result(), report)
        del parts, records, mentions, fitted, gathered, split, done, links, sources, shards  # free the workers' memory
    for name in ("entities", "events", "claims", "quantities"):
        setattr(report, name, sum(c.get(name, 0) for c in counts))
    paths_out = {fmt: out / f"graph{FORMATS[fmt][1]}" for fmt in formats}
    report.triples = write_groups(merged_groups(shard_files(out)), paths_out)
    report.outputs |= {fmt: path.name for fmt, path in paths_out.items()} | {"nt-shards": f"{SHARD_FOLDER}/"}
    report.notices.append("a build with --workers/--scheduler writes no graph.graphml, graph.json or graph.html: "
                          "they need the whole graph in one process (build a sample without --workers for them)")
    report.seconds["export"] = time.perf_counter() - t


def _extract_on_cluster(runner: DaskRunner, paths: list[Path], settings: Settings, report: BuildReport,
                        cache_folder: Path | None, progress: Callable[[int], None] | None) -> list:
    """Futures of (records, summary) per partition, records left on the workers; the summaries go into ``report``."""
    from dask.distributed import as_completed

    client, parts, start = runner.client, [], time.perf_counter()
    pending = as_completed()
    for partition in batches(_articles(Timer(report.seconds, "ingest").wrap(runner.read(paths)), report), settings.partition_size):
        parts.append(part := client.submit(extract_and_cache, partition, settings, cache_folder, pure=False))
        pending.add(client.submit(operator.getitem, part, 1))
    worker_seconds: dict[str, float] = {}
    for future in pending:
        summary = future.result()
        for stage, value in summary["seconds"].items():
            worker_seconds[stage] = worker_seconds.get(stage, 0.0) + value
        report.articles += summary["articles"]
        report.duplicates += summary["duplicates"]
        report.words += summary["words"]
        report.cache_hits += summary["hits"]
        report.cache_rejected += summary["rejected"]
        report.notices += [f"cache entry {r['entry']} for {r['article']} not used ({r['reason']}); parsed again" for r in summary["rejected"]]
        if summary["cache_error"] and summary["cache_error"] not in report.notices:
            report.notices.append(summary["cache_error"])
        if progress:
            progress(summary["articles"])
    rest = max(time.perf_counter() - start - report.seconds["ingest"], 0.0)
    busy = sum(worker_seconds.values()) or 1.0
    for stage in ("nlp", "extract"):
        report.seconds[stage] = rest * worker_seconds.get(stage, 0.0) / busy
    return parts


def _articles(items: Iterable[Article | Skipped], report: BuildReport) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append({"path": item.path, "reason": item.reason})
        else:
            yield item


def extract_and_cache(articles: list[Article], settings: Settings, cache_folder: Path | None) -> tuple[list[ArticleExtraction], dict]:
    """Task: a partition's records, from the cache where it has them, else parsed (and cached); and a summary of it."""
    cache = ExtractionCache(cache_folder, settings)
    records, todo = [], []
    for article in articles:
        cached = cache.get(article)
        (todo.append(article) if cached is None else records.append(cached))
    seconds: dict[str, float] = {}
    for extraction in parse_and_extract(worker_nlp(settings.model, settings.extraction), todo, settings.batch_size, seconds,
                                        settings.extraction):
        cache.put(extraction)
        records.append(extraction)
    return records, {"seconds": seconds, "articles": len(records), "words": sum(x.word_count for x in records),
                     "duplicates": sum(1 for x in records if x.article.duplicate_of), "hits": cache.hits,
                     "rejected": cache.rejected, "cache_error": cache.write_error}


def _fit(fuzzy_threshold: float, corpus_prior: float, *mention_lists: list[Mention]) -> Fitted:
    return fit(in_corpus_order(*mention_lists), fuzzy_threshold, corpus_prior)


def _split(gathered: tuple[Pieces, dict], buckets: int) -> list[Pieces]:
    return gathered[0].split(buckets)


def _finish_bucket(fitted: Fitted, *pieces: Pieces) -> tuple[list[Entity], list[Event], list[Claim], list[Quantity]]:
    merged = Pieces()
    for part in pieces:
        merged.add(part)
    return finish(merged, fitted)


def _facts(done: tuple[list[Entity], list[Event], list[Claim], list[Quantity]]):
    entities, _, claims, quantities = done
    return facts(claims, entities, quantities)


def _origins(records: list[ArticleExtraction]) -> list[tuple[str, str, str | None]]:
    return [(x.article.id, x.article.origin, x.article.duplicate_of) for x in records]


def _sources(*origins: list[tuple[str, str, str | None]]) -> dict[str, str]:
    return independent_sources(item for part in origins for item in part)


def _merges(fitted: Fitted) -> list[tuple[str, str, str, str]]:
    return fitted.resolver.merge_table()


def _article_shard(records: list[ArticleExtraction], gathered: tuple[Pieces, dict], path: Path, base_iri: str) -> dict[str, int]:
    """Task: the triples of a partition's articles (what each mentions included) as one shard."""
    part = KnowledgeGraph(tuple(sorted((x.article for x in records), key=lambda a: a.id)), (), (), (), (), mentions=gathered[1])
    return {"triples": write_shard(path, triple_groups(part, base_iri, with_scheme=False))}


def _fact_shard(done: tuple[list[Entity], list[Event], list[Claim], list[Quantity]], links: Links, sources: dict[str, str],
                path: Path, base_iri: str) -> dict[str, int]:
    """Task: a bucket's resolved records, linked, as one shard; how many of each it holds."""
    entities, events, claims, quantities = done
    part = KnowledgeGraph((), tuple(entities), tuple(events), tuple(links.apply(claims)), tuple(quantities), sources=sources)
    return {"entities": len(entities), "events": len(events), "claims": len(claims), "quantities": len(quantities),
            "triples": write_shard(path, triple_groups(part, base_iri, with_scheme=False))}
