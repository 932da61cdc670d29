"""How fast `kg build` is next to spaCy itself on the same texts, and how it grows with the corpus.

Every figure comes from a fresh process that loads the model, as `kg build`
does, and all of them from one run (the machine may be shared: compare the
ratios, not the seconds of two runs).  On a folder of real articles
(``--corpus DIR``) or on the deterministic synthetic corpus
(benchmarks/synthetic.py, nothing is downloaded), it prints:

* raw spaCy ``nlp.pipe`` over the cleaned texts the build parses, with the same
  pipeline (:func:`kg.nlp.build_nlp`) and batch size, on one process and on
  every core (spaCy's own ``n_process``);
* `kg build` with its defaults (ingest to viewer, all files written, no cache),
  its throughput against both raw runs (targets: 0.8x the best, 1.3x one
  process), time per stage, graph and output sizes;
* the peak memory of each, summed over the process tree (workers included);
* a scaling table: `kg build` on 100, 1,000, ... synthetic articles, up to
  ``--scale-to`` (10000 for the full table; 0 skips it);
* with ``--add N`` (synthetic corpus only): N more articles rebuilt with the
  extraction cache, checked byte for byte against a clean build.

    python benchmarks/build_benchmark.py --corpus ~/news           # real articles
    python benchmarks/build_benchmark.py                           # 300 synthetic articles, scaling to 1,000
    python benchmarks/build_benchmark.py --scale-to 10000          # the full scaling table
    python benchmarks/build_benchmark.py --articles 12 --scale-to 12 --add 2   # smoke run
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from kg.config import Settings
from kg.ingest import read_articles
from kg.model import Article
from kg.pipeline.runners import process_count
from synthetic import write_corpus

STAGES = ("load_model", "ingest", "nlp", "extract", "resolve", "export", "viewer")
#: the synthetic sizes of the scaling table, cut at ``--scale-to``
SCALING_SIZES = (100, 1_000, 10_000, 20_000)
TARGET_BEST, TARGET_ONE = 0.8, 1.3

#: the raw run: load the pipeline, then nothing but ``nlp.pipe`` over the texts (argv: texts.json, n_process, batch_size)
_RAW = """
import json, sys
from kg.nlp import build_nlp

texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
nlp = build_nlp()
words = 0
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3]), n_process=int(sys.argv[2])):
    words += sum(1 for t in doc if not t.is_punct and not t.is_space)
print(json.dumps({"words": words}))
"""


def machine() -> str:
    return (f"{platform.processor() or platform.machine()}, {process_count(Settings())} usable cores of {os.cpu_count()}, "
            f"Python {platform.python_version()}, {platform.system()}")


def children_cpu_seconds() -> float:
    """CPU time of this process's finished children and their own waited-for children (workers included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(cmd: list[str]) -> dict:
    """Run ``cmd`` in a fresh process: its wall and CPU time, stdout and the peak RSS of its process tree (MiB).

    CPU time over wall time is the number of cores the run had: on a shared
    machine it shows when other work, not kg, set the pace.
    """
    peak = 0
    start, cpu = time.perf_counter(), children_cpu_seconds()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        parent = psutil.Process(child.pid)
        while not done.is_set():
            total = 0
            try:
                for process in [parent, *parent.children(recursive=True)]:
                    total += process.memory_info().rss
            except psutil.Error:  # a worker ended between listing and reading it
                pass
            peak = max(peak, total)
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = child.communicate()
    seconds, cpu = time.perf_counter() - start, children_cpu_seconds() - cpu
    done.set()
    sampler.join()
    if child.returncode not in (0, 3):  # 3: built, some inputs skipped
        raise RuntimeError(f"{' '.join(cmd[:4])} ... failed ({child.returncode}):\n{stderr[-2000:]}")
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mib": peak / 2**20, "stdout": stdout}


def raw_spacy(texts_file: Path, n_process: int, batch_size: int) -> dict:
    run = run_measured([sys.executable, "-c", _RAW, str(texts_file), str(n_process), str(batch_size)])
    words = json.loads(run.pop("stdout").strip().splitlines()[-1])["words"]
    return run | {"words": words, "n_process": n_process}


def kg_build(corpus: Path, out: Path, *, cache: bool = False) -> dict:
    """`kg build` with its defaults in a fresh process; its figures and report.json's."""
    run = run_measured([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "-q",
                        "--cache" if cache else "--no-cache"])
    run.pop("stdout")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    sizes = {name: (out / name).stat().st_size for name in sorted(set(report["outputs"].values())) if (out / name).is_file()}
    return run | {key: report[key] for key in ("articles", "words", "entities", "events", "claims", "quantities",
                                              "triples", "cache_hits")} | {
        "stages": {s: report["seconds"].get(s, 0.0) for s in STAGES}, "sizes": sizes}


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != "report.json"}


def compare(corpus: Path, work: Path) -> dict:
    """Raw spaCy on one process and on every core, and `kg build`, on the texts of ``corpus``."""
    settings = Settings()
    texts = [a.text for a in read_articles([corpus], near_duplicate=settings.near_duplicate) if isinstance(a, Article)]
    texts_file = work / "texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    cores = process_count(settings)
    result = {"machine": machine(), "load_average": os.getloadavg()[0], "corpus": str(corpus), "cores": cores,
              "batch_size": settings.batch_size}
    result["raw"] = [raw_spacy(texts_file, 1, settings.batch_size)]
    if cores > 1:
        result["raw"].append(raw_spacy(texts_file, cores, settings.batch_size))
    result["build"] = kg_build(corpus, work / "out")
    best = min(result["raw"], key=lambda r: r["seconds"])
    result["ratio_best"] = best["seconds"] / result["build"]["seconds"]
    result["ratio_one"] = result["raw"][0]["seconds"] / result["build"]["seconds"]
    result["best_raw_processes"] = best["n_process"]
    return result


def incremental(corpus: Path, work: Path, n: int, add: int, seed: int) -> dict:
    """``add`` synthetic articles on top of a cached build of ``n``, against a clean build of the grown corpus."""
    out = work / "incremental"
    kg_build(corpus, out, cache=True)
    write_corpus(corpus, n + add, seed=seed)  # the first n files come out byte-identical
    grown = kg_build(corpus, out, cache=True)
    clean = kg_build(corpus, work / "clean")
    return {"added": add, "seconds": grown["seconds"], "cache_hits": grown["cache_hits"], "nlp": grown["stages"]["nlp"],
            "clean_seconds": clean["seconds"], "identical": files(out) == files(work / "clean")}


def scaling(sizes: list[int], work: Path, seed: int) -> list[dict]:
    rows = []
    for n in sizes:
        corpus = work / f"scale-{n}"
        write_corpus(corpus, n, seed=seed)
        rows.append({"n": n, **kg_build(corpus, work / f"scale-{n}-out")})
    return rows


def print_comparison(r: dict) -> None:
    b = r["build"]
    print(f"machine: {r['machine']}; batch_size={r['batch_size']}; load average at start {r['load_average']:.1f}")
    print(f"corpus: {r['corpus']}: {b['articles']} articles, {b['words']:,} words")
    print(f"{'(fresh process each, model load included)':44} {'wall s':>8} {'words/s':>9} {'peak MiB':>9} {'CPU s':>8} {'cores used':>10}")
    for raw in r["raw"]:
        label = f"raw spaCy nlp.pipe, {raw['n_process']} process{'es' if raw['n_process'] > 1 else ''}"
        print(f"{label:44} {raw['seconds']:8.1f} {raw['words'] / raw['seconds']:9,.0f} {raw['peak_mib']:9,.0f} "
              f"{raw['cpu_seconds']:8.1f} {raw['cpu_seconds'] / raw['seconds']:10.2f}")
    label = f"kg build, defaults ({r['cores']} cores)"
    print(f"{label:44} {b['seconds']:8.1f} {b['words'] / b['seconds']:9,.0f} {b['peak_mib']:9,.0f} "
          f"{b['cpu_seconds']:8.1f} {b['cpu_seconds'] / b['seconds']:10.2f}")
    print(f"kg build / best raw ({r['best_raw_processes']} process{'es' if r['best_raw_processes'] > 1 else ''}): {r['ratio_best']:.2f}x (target >= {TARGET_BEST:.2f}x); "
          f"kg build / raw 1 process: {r['ratio_one']:.2f}x (target >= {TARGET_ONE:.2f}x)")
    print("time per stage: " + ", ".join(f"{s} {v:.1f} s" for s, v in b["stages"].items()))
    print(f"peak memory: {b['peak_mib']:,.0f} MiB (RSS summed over the build's process tree)")
    print(f"graph: {b['entities']} entities, {b['events']} events, {b['claims']} claims, {b['quantities']} quantities, "
          f"{b['triples']:,} triples")
    print("output sizes: " + ", ".join(f"{name} {size / 2**20:.1f} MiB" for name, size in b["sizes"].items()))


def print_incremental(inc: dict) -> None:
    print(f"incremental: +{inc['added']} articles rebuilt in {inc['seconds']:.1f} s ({inc['cache_hits']} from cache, "
          f"nlp {inc['nlp']:.1f} s) vs full build {inc['clean_seconds']:.1f} s ({inc['seconds'] / inc['clean_seconds']:.2f}x); "
          f"output identical to a clean build: {'yes' if inc['identical'] else 'NO'}")


def print_scaling(rows: list[dict]) -> None:
    print("scaling: kg build with its defaults on synthetic articles, each size a fresh process")
    print(f"{'articles':>8} {'words':>10} {'total s':>8} {'CPU s':>8} {'s/1k art':>8} {'words/s':>8} {'peak MiB':>8}  "
          + " ".join(f"{s:>8}" for s in STAGES[1:]))
    for row in rows:
        print(f"{row['n']:>8} {row['words']:>10,} {row['seconds']:>8.1f} {row['cpu_seconds']:>8.1f} {row['seconds'] / row['n'] * 1000:>8.1f} "
              f"{row['words'] / row['seconds']:>8,.0f} {row['peak_mib']:>8,.0f}  "
              + " ".join(f"{row['stages'][s]:>8.1f}" for s in STAGES[1:]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder (or file) of real articles (default: synthetic articles)")
    parser.add_argument("--articles", type=int, default=300, help="synthetic corpus size without --corpus (default 300)")
    parser.add_argument("--scale-to", type=int, default=1000,
                        help="largest synthetic size of the scaling table: 100, 1000, 10000 up to it (default 1000; 0: no table)")
    parser.add_argument("--add", type=int, default=0, help="synthetic articles added for an incremental build (default 0: none)")
    parser.add_argument("--seed", type=int, default=0, help="synthetic corpus seed")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.add and args.corpus:
        parser.error("--add grows the synthetic corpus; it cannot be used with --corpus")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        corpus = args.corpus
        if corpus is None:
            corpus = work / "corpus"
            write_corpus(corpus, args.articles, seed=args.seed)
        result = compare(corpus, work)
        if not args.json:
            print_comparison(result)
        if args.add:
            result["incremental"] = incremental(corpus, work, args.articles, args.add, args.seed)
            if not args.json:
                print_incremental(result["incremental"])
        if args.scale_to:
            sizes = [n for n in SCALING_SIZES if n < args.scale_to] + [args.scale_to]
            sys.stdout.flush()
            result["scaling"] = scaling(sizes, work, args.seed)
            if not args.json:
                print_scaling(result["scaling"])
    if args.json:
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
