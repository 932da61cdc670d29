"""Wires the stages: ingest -> nlp -> extract -> resolve -> graph -> export / viewer.

The only module that knows every stage.  Articles stream through
``nlp.pipe``; only the small extraction records are kept, never the Docs.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.cache import ExtractionCache
from kg.config import SAMPLES_DIR, Settings
from kg.errors import OutputError
from kg.export._atomic import make_stage, recover_stages, swap_in, write_text
from kg.export import OTHER_FORMATS, write_other_format
from kg.export.nx import write_graphml, write_node_link
from kg.export.rdf import FORMATS, ONTOLOGY_FILE, to_rdf, write_ontology, write_rdf
from kg.graph import to_networkx
from kg.ingest import read_articles
from kg.lock import BuildLock
from kg.model import Article, ArticleExtraction, KnowledgeGraph, Skipped
from kg.query import within_period
from kg.resolve import resolve
from kg.viewer import write_html

__all__ = ["BuildReport", "extract_corpus", "build", "export", "STAGES"]

#: the name of each stage as it starts ("resolve", "export", "viewer"), for progress displays
STAGES = logging.getLogger("kg.stage")


@dataclass
class BuildReport:
    """What a build did: counts, skipped inputs, warnings and time per stage."""

    inputs: list[str]
    articles: int = 0
    duplicates: int = 0
    words: int = 0
    entities: int = 0
    events: int = 0
    claims: int = 0
    quantities: int = 0
    triples: int = 0
    cache_hits: int = 0
    #: cache entries that were there but unusable (corrupt, foreign, another version): those articles were parsed again
    cache_rejected: list[dict] = field(default_factory=list)
    #: what the user should hear about besides skipped inputs (a stale lock taken over, a rejected cache entry)
    notices: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = dict(self.__dict__)
        total = sum(self.seconds.values())
        data["seconds"] = {k: round(v, 3) for k, v in self.seconds.items()} | {"total": round(total, 3)}
        data["words_per_second"] = round(self.words / total) if total else 0
        return data


class _Timer:
    """Accumulates time spent inside a generator's ``next``."""

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


def extract_articles(nlp, articles: Iterable[Article], settings: Settings, seconds: dict[str, float]) -> Iterator[ArticleExtraction]:
    """Parse and extract a stream of articles: the per-partition work, run locally or on a Dask worker.

    Docs are dropped as soon as they are extracted.  Time goes to
    ``seconds["nlp"]`` (including the time spent pulling ``articles``) and
    ``seconds["extract"]``.
    """
    from kg.extract import extract_article

    for stage in ("nlp", "extract"):
        seconds.setdefault(stage, 0.0)
    docs = nlp.pipe(_with_headlines(articles), as_tuples=True, batch_size=settings.batch_size, n_process=settings.n_process)
    headline = None
    for doc, (article, is_headline) in _Timer(seconds, "nlp").wrap(docs):
        if is_headline:
            headline = doc
            continue
        start = time.perf_counter()
        extraction = extract_article(article, doc, headline, settings.extraction)
        seconds["extract"] += time.perf_counter() - start
        headline = None
        yield extraction


def _with_headlines(articles: Iterable[Article]) -> Iterator[tuple[str, tuple[Article, bool]]]:
    """Each article's headline (when it has one) just before its text, so one ``nlp.pipe`` parses both in order."""
    for article in articles:
        if article.title:
            yield article.title, (article, True)
        yield article.text, (article, False)


def extract_corpus(
    paths: Iterable[Path], settings: Settings, report: BuildReport, *, cache: ExtractionCache | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[ArticleExtraction]:
    """Ingest, parse and extract every article; problems go to ``report.skipped``."""
    from kg.nlp import build_nlp

    seconds = report.seconds
    start = time.perf_counter()
    nlp = build_nlp(settings.model)
    seconds["load_model"] = time.perf_counter() - start
    cache = cache or ExtractionCache(None, settings)
    results: list[ArticleExtraction] = []
    ingest = _Timer(seconds, "ingest").wrap(read_articles(paths, near_duplicate=settings.near_duplicate, sketch_size=settings.near_duplicate_sketch))
    for extraction in extract_articles(nlp, uncached_articles(ingest, cache, report, results, progress), settings, seconds):
        cache.put(extraction)
        results.append(extraction)
        if progress:
            progress(1)
    seconds["nlp"] -= seconds["ingest"]  # the input stream is pulled from inside nlp.pipe
    report.cache_hits = cache.hits
    return results


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


def export(kg: KnowledgeGraph, out: Path, settings: Settings, report: BuildReport, formats: Iterable[str] = ("turtle", "jsonld")) -> None:
    """Write every export file atomically into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    seconds = report.seconds
    t = time.perf_counter()
    formats = list(dict.fromkeys(["turtle", *formats]))
    others = [f for f in formats if f in OTHER_FORMATS]
    formats = [f for f in formats if f not in OTHER_FORMATS]
    STAGES.info("export")
    rdf = to_rdf(kg, settings.base_iri)
    report.triples = len(rdf)
    for fmt in formats:
        path = out / f"graph{FORMATS[fmt][1]}"
        write_rdf(rdf, path, fmt)
        report.outputs[fmt] = path.name
    write_ontology(out)
    report.outputs["ontology"] = ONTOLOGY_FILE
    write_text(out / "merges.tsv", "".join("\t".join(row) + "\n" for row in [("entity", "name", "label", "reason"), *kg.merges]))
    report.outputs["merges"] = "merges.tsv"
    nxg = to_networkx(kg)
    write_graphml(nxg, out / "graph.graphml")
    write_node_link(nxg, out / "graph.json")
    report.outputs |= {"graphml": "graph.graphml", "node-link": "graph.json"}
    for fmt in others:
        report.outputs[fmt] = write_other_format(fmt, kg, nxg, out, settings.base_iri)
    seconds["export"] = time.perf_counter() - t
    t = time.perf_counter()
    STAGES.info("viewer")
    write_html(kg, out / "graph.html", title=f"kg: {report.articles} articles")
    report.outputs["html"] = "graph.html"
    seconds["viewer"] = time.perf_counter() - t


def build(
    paths: Iterable[Path] | None = None, out: Path | None = Path("exports"), settings: Settings | None = None, *,
    formats: Iterable[str] = ("turtle", "jsonld"), progress: Callable[[int], None] | None = None, wait: float = 0.0,
) -> tuple[KnowledgeGraph, BuildReport]:
    """Build the knowledge graph of ``paths`` (default: the bundled samples) and export it to ``out``.

    The export is all or nothing: the new files are written into a folder
    beside ``out`` and swapped in whole, so a build that fails, is interrupted
    or reads no article leaves ``out`` as it was (only ``out/.cache`` keeps the
    articles parsed so far, for the next run).  One build at a time per folder:
    another one waits up to ``wait`` seconds, then :class:`kg.lock.OutputLocked`.
    """
    settings = settings or Settings()
    paths = [Path(p) for p in (paths or [SAMPLES_DIR])]
    report = BuildReport(inputs=[str(p) for p in paths])
    if out is None:
        return _build_graph(paths, settings, report, ExtractionCache(None, settings), progress), report
    out = Path(out).resolve()
    created, lock = not out.exists(), BuildLock(out, wait=wait)
    with _writing(out, "lock"):
        lock.acquire()
    try:
        if lock.stale:
            report.notices.append(lock.stale_message())
        with _writing(out, "prepare"):
            recover_stages(out)
            _check_is_export(out)
            stage = make_stage(out)
        try:
            kg = _build_graph(paths, settings, report, ExtractionCache(out / ".cache" if settings.cache else None, settings), progress)
            if report.articles:
                with _writing(out, "write"):
                    export(kg, stage, settings, report, formats)
                    write_text(stage / "report.json", json.dumps(report.as_dict(), indent=2, sort_keys=True, default=str) + "\n")
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        if not report.articles:
            shutil.rmtree(stage, ignore_errors=True)
            report.warnings.append(f"nothing exported: no article could be read; {out} was left as it was")
        else:
            with _writing(out, "write"):
                if not swap_in(stage, out, replaced=_previous_outputs(out)):
                    report.warnings.append(f"{out}: the cache stays beside it until the next build moves it back")
    finally:
        lock.release()
        if created and out.is_dir() and not any(out.iterdir()):
            out.rmdir()  # a failed first build leaves no trace
    return kg, report


def _build_graph(paths: list[Path], settings: Settings, report: BuildReport, cache: ExtractionCache,
                 progress: Callable[[int], None] | None) -> KnowledgeGraph:
    """Extract (cached per article) and resolve; fills the counts of ``report``."""
    if settings.workers or settings.scheduler:
        from kg.distributed import extract_corpus_distributed as run_extraction
    else:
        run_extraction = extract_corpus  # type: ignore[assignment]
    extractions = run_extraction(paths, settings, report, cache=cache, progress=progress)
    report.cache_rejected = cache.rejected
    report.notices += [f"cache entry {r['entry']} for {r['article']} not used ({r['reason']}); parsed again"
                       for r in cache.rejected]
    if cache.write_error:
        report.notices.append(cache.write_error)
    t = time.perf_counter()
    STAGES.info("resolve")
    kg = within_period(resolve(extractions, fuzzy_threshold=settings.fuzzy_name, corpus_prior=settings.corpus_prior), settings.since, settings.until)
    report.seconds["resolve"] = time.perf_counter() - t
    report.articles = len(kg.articles)
    report.duplicates = sum(1 for a in kg.articles if a.duplicate_of)
    report.words = sum(x.word_count for x in extractions)
    report.entities, report.events, report.claims, report.quantities = (
        len(kg.entities), len(kg.events), len(kg.claims), len(kg.quantities))
    report.warnings += report.notices + [f"{s['path']}: {s['reason']}" for s in report.skipped]
    return kg


@contextmanager
def _writing(out: Path, step: str) -> Iterator[None]:
    """Turn a failed write into an :class:`OutputError` that names the folder and says it is unchanged."""
    try:
        yield
    except OutputError:
        raise
    except OSError as exc:
        if exc.filename and not str(exc.filename).startswith((str(out), str(out.parent / f".{out.name}"))):
            raise  # not the output's fault (a package file missing, say)
        where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(out) else ""
        what = "cannot lock" if step == "lock" else "cannot write the export to"
        raise OutputError(f"{what} {out}: {exc.strerror or exc}{where}; "
                                     f"the previous export in {out} was left as it was") from None


def _previous_outputs(out: Path) -> set[str]:
    """The files the last build wrote into ``out`` (from its report.json): replaced as a set, never mixed."""
    try:
        outputs = json.loads((out / "report.json").read_text(encoding="utf-8")).get("outputs", {})
        names = {str(v) for v in outputs.values()} if isinstance(outputs, dict) else set()
    except (OSError, ValueError, AttributeError):
        names = set()
    names = {n.rstrip("/") for n in names}  # a folder output is named "tables/"
    return {n for n in names if n and "/" not in n and n not in (".", "..")} | {"report.json"}


def _check_is_export(out: Path) -> None:
    """Refuse a folder of other things: the swap would move them all (a typo like ``--out ~``)."""
    if not out.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(out))
    names = [e.name for e in os.scandir(out) if not e.name.startswith(".")]
    if names and "report.json" not in names:
        raise OutputError(f"{out} holds files that are not a kg export ({sorted(names)[0]}, ...); "
                                        "choose an empty or new folder for --out")
