"""How fast `kg build` is next to spaCy itself, how it grows with the corpus, and what an incremental build saves.

Writes a deterministic synthetic news corpus (benchmarks/synthetic.py, nothing is
downloaded), then prints in one run:

* raw spaCy ``nlp.pipe`` throughput on the same cleaned texts, with the same
  pipeline (:func:`kg.nlp.build_nlp`), batch size and ``n_process`` as the build;
* the full build's throughput (ingest to viewer, all files written), the ratio
  of the two, time per stage, peak memory and output sizes;
* an incremental build: ``--add`` more articles on top of the built corpus,
  rebuilt with the extraction cache, against the full time, and whether its
  output is byte-identical to a clean build of the grown corpus.

``--scaling 100,1000,10000`` instead builds each size in a fresh process and
prints how time and memory grow.

    python benchmarks/build_benchmark.py                      # 1,000 articles
    python benchmarks/build_benchmark.py --articles 20 --add 2  # smoke run
    python benchmarks/build_benchmark.py --scaling 100,1000,10000
    python benchmarks/build_benchmark.py --n-process 2          # both sides on 2 cores
    python benchmarks/build_benchmark.py --workers 2            # the build on a local Dask cluster
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from kg.config import Settings
from kg.ingest import read_articles
from kg.model import Article
from kg.pipeline import build
from synthetic import write_corpus

STAGES = ("load_model", "ingest", "nlp", "extract", "resolve", "export", "viewer")
RDF_FILES = ("graph.ttl", "graph.jsonld")


def peak_rss_mib() -> float:
    """Peak resident memory of this process and of its finished children (spaCy n_process), MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: less disturbed than wall time on a busy machine."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def raw_spacy(corpus: Path, settings: Settings) -> dict:
    """Words per second of bare ``nlp.pipe`` over the texts the build parses, counted as the build counts them."""
    from kg.nlp import build_nlp

    texts = [a.text for a in read_articles([corpus], near_duplicate=settings.near_duplicate) if isinstance(a, Article)]
    nlp = build_nlp(settings.model)
    start, cpu = time.perf_counter(), cpu_seconds()
    words = 0
    for doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process):
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    return {"articles": len(texts), "words": words, "seconds": seconds, "words_per_second": words / seconds,
            "cpu_seconds": cpu, "words_per_cpu_second": words / cpu}


def timed_build(corpus: Path, out: Path, settings: Settings) -> dict:
    start, cpu = time.perf_counter(), cpu_seconds()
    _, report = build([corpus], out, settings)  # the default formats of `kg build`
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    sizes = {name: (out / name).stat().st_size for name in sorted(set(report.outputs.values())) if (out / name).is_file()}
    return {"articles": report.articles, "words": report.words, "seconds": wall, "words_per_second": report.words / wall,
            "cpu_seconds": cpu, "words_per_cpu_second": report.words / cpu,
            "stages": {s: report.seconds.get(s, 0.0) for s in STAGES}, "cache_hits": report.cache_hits,
            "entities": report.entities, "events": report.events, "claims": report.claims,
            "quantities": report.quantities, "triples": report.triples, "sizes": sizes}


def same_outputs(a: Path, b: Path) -> bool:
    return all((a / name).read_bytes() == (b / name).read_bytes() for name in RDF_FILES)


def run(n: int, settings: Settings, work: Path, *, add: int, raw: bool, seed: int) -> dict:
    """One benchmark run on ``n`` articles; the dict holds every figure printed."""
    corpus, out = work / "corpus", work / "out"
    for folder in (corpus, out, work / "clean"):
        shutil.rmtree(folder, ignore_errors=True)
    write_corpus(corpus, n, seed=seed)
    result: dict = {"machine": machine(), "load_average": os.getloadavg()[0], "settings": {"batch_size": settings.batch_size, "n_process": settings.n_process,
                                                       "workers": settings.workers, "scheduler": settings.scheduler}}
    result["build"] = timed_build(corpus, out, settings)
    result["peak_rss_mib"] = peak_rss_mib()
    if raw:
        result["raw"] = raw_spacy(corpus, settings)
        result["ratio"] = result["build"]["words_per_second"] / result["raw"]["words_per_second"]
        result["cpu_ratio"] = result["build"]["words_per_cpu_second"] / result["raw"]["words_per_cpu_second"]
    if add:
        write_corpus(corpus, n + add, seed=seed)  # the first n files come out byte-identical
        result["incremental"] = timed_build(corpus, out, settings)
        result["clean"] = timed_build(corpus, work / "clean", replace(settings, cache=False))
        result["identical"] = same_outputs(out, work / "clean")
    return result


def print_run(r: dict) -> None:
    b = r["build"]
    print(f"machine: {r['machine']}; batch_size={r['settings']['batch_size']} n_process={r['settings']['n_process']}"
          f" workers={r['settings']['workers'] or '-'}")
    print(f"corpus: {b['articles']} articles, {b['words']:,} words")
    if "raw" in r:
        print(f"raw spaCy nlp.pipe: {r['raw']['seconds']:8.1f} s  {r['raw']['words_per_second']:8,.0f} words/s"
              f"   (CPU {r['raw']['cpu_seconds']:.1f} s, {r['raw']['words_per_cpu_second']:,.0f} words/CPU-s)")
    print(f"full kg build:      {b['seconds']:8.1f} s  {b['words_per_second']:8,.0f} words/s"
          f"   (CPU {b['cpu_seconds']:.1f} s, {b['words_per_cpu_second']:,.0f} words/CPU-s)")
    if "ratio" in r:
        print(f"ratio build/raw: {r['ratio']:.2f}x (target 0.80x); by CPU time {r['cpu_ratio']:.2f}x;"
              f" load average at start {r['load_average']:.1f}")
    print("time per stage: " + ", ".join(f"{s} {v:.1f} s" for s, v in b["stages"].items()))
    print(f"peak memory: {r['peak_rss_mib']:,.0f} MiB")
    print(f"graph: {b['entities']} entities, {b['events']} events, {b['claims']} claims, {b['quantities']} quantities, {b['triples']:,} triples")
    print("output sizes: " + ", ".join(f"{name} {size / 2**20:.1f} MiB" for name, size in b["sizes"].items()))
    if "incremental" in r:
        inc, clean = r["incremental"], r["clean"]
        added = inc["articles"] - b["articles"]
        print(f"incremental: +{added} articles rebuilt in {inc['seconds']:.1f} s ({inc['cache_hits']} from cache, "
              f"nlp {inc['stages']['nlp']:.1f} s) vs full build {clean['seconds']:.1f} s "
              f"({inc['seconds'] / clean['seconds']:.2f}x); output identical to a clean build: {'yes' if r['identical'] else 'NO'}")


def scaling(sizes: list[int], args: argparse.Namespace) -> None:
    """Each size in a fresh process (so peak memory is its own), then one table."""
    print(f"machine: {machine()}")
    print(f"{'articles':>8} {'words':>10} {'total s':>8} {'CPU s':>8} {'s/1k art':>8} {'words/s':>8} {'MiB':>6}  "
          + " ".join(f"{s:>8}" for s in STAGES[1:]), flush=True)
    for n in sizes:
        cmd = [sys.executable, __file__, "--articles", str(n), "--add", "0", "--no-raw", "--json",
               "--n-process", str(args.n_process), "--workers", str(args.workers), "--seed", str(args.seed)]
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        b = r["build"]
        print(f"{n:>8} {b['words']:>10,} {b['seconds']:>8.1f} {b['cpu_seconds']:>8.1f} {b['seconds'] / n * 1000:>8.1f} {b['words_per_second']:>8,.0f} "
              f"{r['peak_rss_mib']:>6,.0f}  " + " ".join(f"{b['stages'][s]:>8.1f}" for s in STAGES[1:]), flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--add", type=int, default=10, help="articles added for the incremental build (0: skip it)")
    parser.add_argument("--scaling", help="comma-separated sizes, e.g. 100,1000,10000: print how time grows")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy processes, for the raw run and the build")
    parser.add_argument("--batch-size", type=int, default=Settings.batch_size)
    parser.add_argument("--workers", type=int, default=0, help="build on a local Dask cluster of N workers")
    parser.add_argument("--seed", type=int, default=0, help="synthetic corpus seed")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--no-raw", dest="raw", action="store_false", help="skip the raw spaCy run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.scaling:
        scaling([int(s) for s in args.scaling.split(",")], args)
        return
    settings = Settings(batch_size=args.batch_size, n_process=args.n_process, workers=args.workers)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = args.keep or Path(tmp)
        result = run(args.articles, settings, work, add=args.add, raw=args.raw, seed=args.seed)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print_run(result)


if __name__ == "__main__":
    main()
