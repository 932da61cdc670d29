"""The build benchmark runs end to end on a tiny slice and prints every figure it promises."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "build_benchmark.py"


@pytest.mark.slow
def test_a_smoke_run_prints_raw_runs_ratios_stages_memory_scaling_and_incremental_check(tmp_path):
    run = subprocess.run([sys.executable, str(BENCHMARK), "--articles", "12", "--scale-to", "12", "--add", "2",
                          "--keep", str(tmp_path)], capture_output=True, text=True, timeout=900, check=True)
    out = run.stdout
    assert "corpus: " in out and ": 12 articles" in out
    rows = dict(re.findall(r"^(raw spaCy nlp.pipe, \d+ process(?:es)?|kg build, defaults \(\d+ cores?\)) +([\d.]+) +[\d,]+ +[\d,]+ +[\d.]+ +[\d.]+$",
                           out, re.M))
    assert "raw spaCy nlp.pipe, 1 process" in rows and any(k.startswith("kg build") for k in rows), out
    assert all(float(seconds) > 0 for seconds in rows.values())
    best, one = map(float, re.search(r"kg build / best raw .*: ([\d.]+)x .*kg build / raw 1 process: ([\d.]+)x", out).groups())
    assert 0 < best <= one < 5
    for stage in ("load_model", "ingest", "nlp", "extract", "resolve", "export", "viewer"):
        assert f"{stage} " in out.split("time per stage:")[1].splitlines()[0]
    assert int(re.search(r"peak memory: ([\d,]+) MiB", out).group(1).replace(",", "")) > 100  # the model alone is more
    assert "graph.ttl" in out.split("output sizes:")[1]
    assert re.search(r"incremental: \+2 articles rebuilt in [\d.]+ s \(12 from cache", out)
    assert "output identical to a clean build: yes" in out
    table = out.split("scaling:")[1].splitlines()
    assert re.match(r" +12 +[\d,]+ +[\d.]+", table[2])
