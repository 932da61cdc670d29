"""Peak memory of a build as the corpus grows: does it stay bounded?

For each corpus size, writes that many synthetic articles (benchmarks/synthetic.py) as
text files, builds them in a fresh Python process (so one build's memory
cannot hide another's), and prints the child's peak resident set size, the
time, and what the graph holds.  Articles stream through spaCy and only the
small extraction records are kept, so peak memory should grow with the graph
(entities, events, claims; roughly linear in articles), never with the text
parsed at once: the "per 1,000 articles" column shows the slope.

    python benchmarks/memory.py [--articles 1000 10000] [--json results.json]
    python benchmarks/memory.py --cached CORPUS OUT   # again from OUT/.cache: resolve + export only
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from synthetic import write_corpus

#: run in the child: build, then report peak RSS (KiB on Linux) and the graph's size
_CHILD = """
import json, resource, sys, time
from pathlib import Path
from kg.config import Settings
from kg.pipeline import build

start = time.perf_counter()
cached = sys.argv[3] == "cached"
formats = ("turtle", "jsonld") if cached else ("turtle",)
kg, report = build([Path(sys.argv[1])], Path(sys.argv[2]), Settings(cache=cached), formats=formats)
peaks = [resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(json.dumps({
    "seconds": round(time.perf_counter() - start, 1),
    "peak_rss_mib": round(max(peaks) / 1024, 1),
    "stages": {stage: round(seconds, 1) for stage, seconds in report.seconds.items()},
    "cache_hits": report.cache_hits,
    "articles": report.articles, "words": report.words, "entities": report.entities, "events": report.events,
    "claims": report.claims, "quantities": report.quantities, "triples": report.triples,
}))
"""

#: the same child doing nothing but importing the pipeline and loading the model: the fixed cost
_BASELINE = """
import json, resource
from kg.nlp import build_nlp
import kg.pipeline
build_nlp()
print(json.dumps({"peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def _run(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(n: int, workdir: Path) -> dict:
    """Build ``n`` synthetic articles in a child process; its figures as a dict."""
    corpus, out = workdir / f"corpus-{n}", workdir / f"out-{n}"
    write_corpus(corpus, n)
    return _run(_CHILD, str(corpus), str(out), "fresh")


def measure_cached(corpus: Path, out: Path) -> dict:
    """Build ``corpus`` again into ``out``, every article from ``out/.cache``: the memory of resolution and export
    (default formats plus GraphML, node-link and the viewer) without spaCy's, on a corpus too big to parse often."""
    return _run(_CHILD, str(corpus), str(out), "cached")


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000], help="corpus sizes to build")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--cached", type=Path, nargs=2, metavar=("CORPUS", "OUT"),
                        help="instead: rebuild CORPUS into OUT from its cache (built once before) and measure that")
    args = parser.parse_args(argv)
    if args.cached:
        row = {"corpus": str(args.cached[0]), **measure_cached(*args.cached)}
        print(f"{row['articles']:>7} articles from cache ({row['cache_hits']:,} hits)  {row['seconds']:>8}s  "
              f"peak {row['peak_rss_mib']:>7} MiB  stages {row['stages']}  {row['triples']:,} triples", flush=True)
        if args.json:
            args.json.write_text(json.dumps([row], indent=1) + "\n", encoding="utf-8")
        return [row]
    baseline = _run(_BASELINE)["peak_rss_mib"]
    print(f"model loaded, nothing built: {baseline} MiB peak RSS", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.articles):
            row = {"n": n, "baseline_mib": baseline, **measure(n, Path(tmp))}
            row["mib_per_1000_articles"] = round((row["peak_rss_mib"] - baseline) / n * 1000, 1)
            rows.append(row)
            print(f"{n:>7} articles  {row['words']:>10,} words  {row['seconds']:>8}s  peak {row['peak_rss_mib']:>7} MiB  "
                  f"(+{row['mib_per_1000_articles']} MiB / 1,000 articles)  {row['entities']:,} entities  "
                  f"{row['events']:,} events  {row['claims']:,} claims  {row['triples']:,} triples", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return rows


if __name__ == "__main__":
    main()
