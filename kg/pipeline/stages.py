"""The stages of a build, each working on the records of the one before.

read (ingest, de-duplicate, skip what the cache holds) -> parse and extract
(per batch of articles, in whatever process a runner chooses) -> resolve ->
export -> viewer.  Nothing here knows which runner called it.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.atomic import write_text
from kg.cache import ExtractionCache
from kg.config import ExtractionSettings, Settings
from kg.export import OTHER_FORMATS, write_other_format
from kg.export.nx import write_graphml, write_node_link
from kg.export.rdf import FORMATS, ONTOLOGY_FILE, STREAMED, to_rdf, write_ontology, write_rdf, write_streamed
from kg.graph import RecordGraph
from kg.model import Article, ArticleExtraction, KnowledgeGraph, Skipped
from kg.pipeline.report import BuildReport
from kg.query import within_period
from kg.resolve import resolve
from kg.viewer import write_html

__all__ = ["STAGES", "Timer", "parse_and_extract", "uncached_articles", "resolve_corpus", "export", "write_side_files",
           "write_viewer"]

#: the name of each stage as it starts ("resolve", "export", "viewer"), for progress displays
STAGES = logging.getLogger("kg.stage")


class Timer:
    """Accumulates into ``seconds[stage]`` the time spent inside a stream's ``next``."""

    def __init__(self, seconds: dict[str, float], stage: str):
        self.seconds, self.stage = seconds, stage
        seconds.setdefault(stage, 0.0)

    def wrap(self, items: Iterable) -> Iterator:
        iterator = iter(items)
        while True:
            start = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                self.seconds[self.stage] += time.perf_counter() - start
                return
            self.seconds[self.stage] += time.perf_counter() - start
            yield item


def parse_and_extract(nlp, articles: Iterable[Article], batch_size: int, seconds: dict[str, float],
                      extraction: ExtractionSettings) -> Iterator[ArticleExtraction]:
    """Parse and extract a stream of articles: the work of every runner, in this process or a worker.

    Each Doc is dropped as soon as it is extracted, so only the small records
    leave (and, from a worker, cross the process boundary); each is yielded as
    soon as it is made, so an interrupted build has cached all but the last
    few.  Time goes to ``seconds["nlp"]`` (including the time spent pulling
    ``articles``) and ``seconds["extract"]``.
    """
    from kg.extract import extract_article

    seconds.setdefault("extract", 0.0)
    docs = nlp.pipe(_with_headlines(articles), as_tuples=True, batch_size=batch_size)
    headline = None
    for doc, (article, is_headline) in Timer(seconds, "nlp").wrap(docs):
        if is_headline:
            headline = doc
            continue
        start = time.perf_counter()
        record = extract_article(article, doc, headline, extraction)
        seconds["extract"] += time.perf_counter() - start
        headline = None
        yield record


def _with_headlines(articles: Iterable[Article]) -> Iterator[tuple[str, tuple[Article, bool]]]:
    """Each article's headline (when it has one) just before its text, so one ``nlp.pipe`` parses both in order."""
    for article in articles:
        if article.title:
            yield article.title, (article, True)
        yield article.text, (article, False)


def uncached_articles(
    items: Iterable[Article | Skipped], cache: ExtractionCache, report: BuildReport, results: list[ArticleExtraction],
    progress: Callable[[int], None] | None = None,
) -> Iterator[Article]:
    """The articles that still need parsing; skipped inputs go to ``report``, cache hits to ``results``."""
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append({"path": item.path, "reason": item.reason})
            continue
        cached = cache.get(item)
        if cached is None:
            yield item
            continue
        results.append(cached)
        if progress:
            progress(1)


def resolve_corpus(extractions: list[ArticleExtraction], settings: Settings, report: BuildReport) -> KnowledgeGraph:
    """Merge the per-article records into one graph, keep the period asked for, and count what it holds."""
    t = time.perf_counter()
    STAGES.info("resolve")
    kg = within_period(resolve(extractions, fuzzy_threshold=settings.fuzzy_name, corpus_prior=settings.corpus_prior), settings.since, settings.until)
    report.seconds["resolve"] = time.perf_counter() - t
    report.articles = len(kg.articles)
    report.duplicates = sum(1 for a in kg.articles if a.duplicate_of)
    report.words = sum(x.word_count for x in extractions)
    report.entities, report.events, report.claims, report.quantities = (
        len(kg.entities), len(kg.events), len(kg.claims), len(kg.quantities))
    return kg


def export(kg: KnowledgeGraph, out: Path, settings: Settings, report: BuildReport, formats: Iterable[str] = ("turtle", "jsonld")) -> None:
    """Write every export file and the viewer atomically into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    formats = list(dict.fromkeys(["turtle", *formats]))
    others = [f for f in formats if f in OTHER_FORMATS]
    formats = [f for f in formats if f not in OTHER_FORMATS]
    STAGES.info("export")
    paths = {fmt: out / f"graph{FORMATS[fmt][1]}" for fmt in formats}
    report.triples = write_streamed(kg, {fmt: path for fmt, path in paths.items() if fmt in STREAMED}, settings.base_iri)
    whole = [fmt for fmt in formats if fmt not in STREAMED]  # TriG: named graphs per article, from an rdflib Dataset
    if whole:
        rdf = to_rdf(kg, settings.base_iri)
        for fmt in whole:
            write_rdf(rdf, paths[fmt], fmt)
    report.outputs |= {fmt: path.name for fmt, path in paths.items()}
    write_side_files(out, kg.merges, report)
    records = RecordGraph(kg)  # the networkx graph's nodes and edges, attributes made as they are written
    write_graphml(records, out / "graph.graphml")
    write_node_link(records, out / "graph.json")
    del records
    report.outputs |= {"graphml": "graph.graphml", "node-link": "graph.json"}
    for fmt in others:
        report.outputs[fmt] = write_other_format(fmt, kg, out, settings.base_iri)
    report.seconds["export"] = time.perf_counter() - t
    write_viewer(kg, out, report)


def write_side_files(out: Path, merges: Iterable[tuple[str, str, str, str]], report: BuildReport) -> None:
    """The ontology and the audit trail of name merges (merges.tsv), beside the graph."""
    write_ontology(out)
    report.outputs["ontology"] = ONTOLOGY_FILE
    write_text(out / "merges.tsv", "".join("\t".join(row) + "\n" for row in [("entity", "name", "label", "reason"), *merges]))
    report.outputs["merges"] = "merges.tsv"


def write_viewer(kg: KnowledgeGraph, out: Path, report: BuildReport) -> None:
    """The offline HTML viewer, drawn from the records."""
    t = time.perf_counter()
    STAGES.info("viewer")
    write_html(kg, out / "graph.html", title=f"kg: {report.articles} articles")
    report.outputs["html"] = "graph.html"
    report.seconds["viewer"] = time.perf_counter() - t
