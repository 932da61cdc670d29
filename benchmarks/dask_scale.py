"""A `kg build` on a Dask LocalCluster of this machine: wall time, peak memory of the client and of each worker, triples.

The synthetic corpus (benchmarks/synthetic.py, deterministic, nothing is
downloaded) is written to ``--work``, then ``kg build --workers N -f nt`` runs
in a fresh process while the process tree is sampled: the client is the `kg`
process, every other process of its tree (Dask nannies and workers) is
reported on its own, so the client's memory is not hidden in the sum.  A line
of progress goes to stdout every ``--every`` seconds (articles read so far from
the build's progress bar), so a long run can be followed in its log.

``--check N`` builds the first N articles of the same corpus locally and on the
cluster and compares their N-Triples byte for byte (the proof that the Dask
path gives the same graph).

    python benchmarks/dask_scale.py --articles 20000 --workers 2          # the 20,000-article demo
    python benchmarks/dask_scale.py --articles 0 --check 1000             # only the equivalence check
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from synthetic import write_corpus


def kg_command(corpus: Path, out: Path, *extra: str) -> list[str]:
    """The `kg build` of ``corpus`` into ``out`` (N-Triples, no cache), run by this interpreter."""
    code = "import sys; from kg.cli import main; sys.argv = ['kg'] + sys.argv[1:]; main()"
    return [sys.executable, "-c", code, "build", str(corpus), "--out", str(out), "-f", "nt", "--no-cache", *extra]


def measured_build(cmd: list[str], log: Path, every: float) -> dict:
    """Run ``cmd``; its wall time and the peak RSS (MiB) of the client and of every other process of its tree."""
    start = time.perf_counter()
    with open(log, "wb") as stderr:
        child = subprocess.Popen(cmd, stderr=stderr)
        peaks: dict[int, float] = {}
        names: dict[int, str] = {}
        done = threading.Event()

        def sample() -> None:
            last = start
            root = psutil.Process(child.pid)
            while not done.wait(0.5):
                try:
                    tree = [root, *root.children(recursive=True)]
                except psutil.Error:
                    return
                for proc in tree:
                    try:
                        rss = proc.memory_info().rss / 2**20
                        names.setdefault(proc.pid, role(proc, child.pid))
                    except psutil.Error:  # a process ended between listing and reading it
                        continue
                    peaks[proc.pid] = max(peaks.get(proc.pid, 0.0), rss)
                if time.perf_counter() - last >= every:
                    last = time.perf_counter()
                    print(f"[{last - start:7.0f} s] articles read: {progress(log)}  client {peaks.get(child.pid, 0):,.0f} MiB  "
                          f"others {', '.join(f'{peaks[p]:,.0f}' for p in sorted(peaks) if p != child.pid)} MiB", flush=True)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        code = child.wait()
        done.set()
        thread.join()
    seconds = time.perf_counter() - start
    if code not in (0, 3):
        raise SystemExit(f"kg build failed with exit code {code}; see {log}")
    others = {names.get(p, str(p)) + f" [{p}]": v for p, v in sorted(peaks.items()) if p != child.pid}
    return {"seconds": seconds, "client_mib": peaks.get(child.pid, 0.0), "others_mib": others}


def role(proc: psutil.Process, client: int) -> str:
    """What a process of the build's tree is: a Dask worker (LocalCluster's nannies run in the client, their workers are its children), or a helper."""
    cmdline = " ".join(proc.cmdline())
    if "resource_tracker" in cmdline:
        return "resource tracker"
    return "worker" if proc.ppid() == client else "helper"


def progress(log: Path) -> str:
    """The last ``n/total`` of the build's progress bar in its log."""
    found = re.findall(rb"(\d+)/(\d+) \[", log.read_bytes()[-4000:])
    return "/".join(x.decode() for x in found[-1]) if found else "?"


def triples(out: Path) -> int:
    """Triples of a build: lines of graph.nt, or of its shards."""
    files = [out / "graph.nt"] if (out / "graph.nt").exists() else sorted(out.glob("nt/*.nt"))
    return sum(sum(1 for _ in open(f, "rb")) for f in files)


def nt_bytes(out: Path) -> bytes:
    """The graph's N-Triples, sorted, whatever way the build wrote them."""
    files = [out / "graph.nt"] if (out / "graph.nt").exists() else sorted(out.glob("nt/*.nt"))
    return b"".join(sorted(line for f in files for line in open(f, "rb")))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000, help="synthetic articles for the cluster build (0: none)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--check", type=int, default=0, help="articles of the local-versus-cluster comparison (0: none)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--every", type=float, default=60.0, help="seconds between progress lines")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-dask-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder {work}; {os.cpu_count()} cores; {psutil.virtual_memory().total / 2**30:.1f} GiB", flush=True)
    if args.check:
        corpus = work / f"corpus-{args.check}"
        write_corpus(corpus, args.check, seed=args.seed)
        local = measured_build(kg_command(corpus, work / "local", "--n-process", "1", "-q"), work / "local.log", args.every)
        dask = measured_build(kg_command(corpus, work / "dask", "--workers", str(args.workers), "-q"), work / "dask.log", args.every)
        same = nt_bytes(work / "local") == nt_bytes(work / "dask")
        same_turtle = (work / "local" / "graph.ttl").read_bytes() == (work / "dask" / "graph.ttl").read_bytes()
        print(f"check on {args.check} articles: local {local['seconds']:.1f} s, Dask {dask['seconds']:.1f} s, "
              f"{triples(work / 'local'):,} triples; same N-Triples: {same}; same graph.ttl bytes: {same_turtle}", flush=True)
        same = same and same_turtle
        if not same:
            raise SystemExit("the Dask build's triples differ from the local build's")
    if args.articles:
        corpus = work / f"corpus-{args.articles}"
        files = write_corpus(corpus, args.articles, seed=args.seed)
        words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
        print(f"corpus: {args.articles:,} articles, {words:,} words", flush=True)
        result = measured_build(kg_command(corpus, work / "out", "--workers", str(args.workers)), work / "build.log", args.every)
        print(f"Dask build, {args.workers} workers: {result['seconds']:.0f} s wall, {words / result['seconds']:,.0f} words/s, "
              f"{args.articles / result['seconds']:.2f} articles/s", flush=True)
        print(f"peak RSS client: {result['client_mib']:,.0f} MiB", flush=True)
        for name, mib in result["others_mib"].items():
            print(f"peak RSS {name}: {mib:,.0f} MiB", flush=True)
        print(f"triples: {triples(work / 'out'):,}", flush=True)


if __name__ == "__main__":
    main()
