"""A whole build: read -> parse and extract (on a runner) -> resolve -> export -> viewer, written all or nothing."""
from __future__ import annotations

import errno
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import overload

from kg.atomic import make_stage, recover_stages, swap_in, write_text
from kg.cache import ExtractionCache
from kg.config import SAMPLES_DIR, Settings
from kg.errors import OutputError
from kg.lock import BuildLock
from kg.model import ArticleExtraction, KnowledgeGraph
from kg.pipeline.dask import build_on_cluster, check_cluster_build
from kg.pipeline.report import BuildReport
from kg.pipeline.runners import Runner, runner_for
from kg.pipeline.stages import Timer, export, resolve_corpus, uncached_articles

__all__ = ["extract_corpus", "build"]


def extract_corpus(
    paths: Iterable[Path], settings: Settings, report: BuildReport, *, cache: ExtractionCache | None = None,
    progress: Callable[[int], None] | None = None, runner: Runner | None = None,
) -> list[ArticleExtraction]:
    """Ingest, parse and extract every article on ``runner`` (default: the one ``settings`` ask for).

    Problems go to ``report.skipped``.  ``report.seconds`` gets this process's
    wall time: "ingest" is the time spent reading, "nlp" and "extract" share
    the rest in the proportion the runner's workers measured.
    """
    cache = cache or ExtractionCache(None, settings)
    results: list[ArticleExtraction] = []
    worker_seconds: dict[str, float] = {}
    with runner or runner_for(settings) as running:
        report.seconds |= running.seconds
        start = time.perf_counter()
        ingest = Timer(report.seconds, "ingest").wrap(running.read(list(paths)))
        for extraction in running.extract(uncached_articles(ingest, cache, report, results, progress), worker_seconds):
            cache.put(extraction)
            results.append(extraction)
            if progress:
                progress(1)
        rest = max(time.perf_counter() - start - report.seconds["ingest"], 0.0)
    busy = sum(worker_seconds.values()) or 1.0
    for stage in ("nlp", "extract"):
        report.seconds[stage] = rest * worker_seconds.get(stage, 0.0) / busy
    report.cache_hits = cache.hits
    return results


@overload
def build(paths: Iterable[Path] | None, out: None, settings: Settings | None = None, *, formats: Iterable[str] = ...,
          progress: Callable[[int], None] | None = None, wait: float = 0.0) -> tuple[KnowledgeGraph, BuildReport]: ...


@overload
def build(paths: Iterable[Path] | None = None, out: Path | None = ..., settings: Settings | None = None, *,
          formats: Iterable[str] = ..., progress: Callable[[int], None] | None = None, wait: float = 0.0,
          ) -> tuple[KnowledgeGraph | None, BuildReport]: ...


def build(
    paths: Iterable[Path] | None = None, out: Path | None = Path("exports"), settings: Settings | None = None, *,
    formats: Iterable[str] = ("turtle", "jsonld"), progress: Callable[[int], None] | None = None, wait: float = 0.0,
) -> tuple[KnowledgeGraph | None, BuildReport]:
    """Build the knowledge graph of ``paths`` (default: the bundled samples) and export it to ``out``.

    The export is all or nothing: the new files are written into a folder
    beside ``out`` and swapped in whole, so a build that fails, is interrupted
    or reads no article leaves ``out`` as it was (only ``out/.cache`` keeps the
    articles parsed so far, for the next run).  One build at a time per folder:
    another one waits up to ``wait`` seconds, then :class:`kg.lock.OutputLocked`.

    On a Dask cluster (``settings.workers`` or ``settings.scheduler``) with an
    export folder, resolution and export run on the cluster too
    (:func:`kg.pipeline.dask.build_on_cluster`) and no graph comes back: the
    first value is None, the graph is in ``out``.
    """
    settings = settings or Settings()
    paths = [Path(p) for p in (paths or [SAMPLES_DIR])]
    report = BuildReport(inputs=[str(p) for p in paths])
    if out is None:
        return _build_graph(paths, settings, report, ExtractionCache(None, settings), progress), report
    on_cluster = bool(settings.workers or settings.scheduler)
    if on_cluster:
        check_cluster_build(settings, formats)
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
            kg: KnowledgeGraph | None = None
            if on_cluster:
                build_on_cluster(paths, stage, settings, report, out / ".cache" if settings.cache else None, progress, formats)
                _gather_warnings(report)
            else:
                kg = _build_graph(paths, settings, report, ExtractionCache(out / ".cache" if settings.cache else None, settings), progress)
            if report.articles:
                with _writing(out, "write"):
                    if kg is not None:
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
    extractions = extract_corpus(paths, settings, report, cache=cache, progress=progress)
    report.cache_rejected = cache.rejected
    report.notices += [f"cache entry {r['entry']} for {r['article']} not used ({r['reason']}); parsed again"
                       for r in cache.rejected]
    if cache.write_error:
        report.notices.append(cache.write_error)
    kg = resolve_corpus(extractions, settings, report)
    _gather_warnings(report)
    return kg


def _gather_warnings(report: BuildReport) -> None:
    report.warnings += report.notices + [f"{s['path']}: {s['reason']}" for s in report.skipped]


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
