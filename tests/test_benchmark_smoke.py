"""The build benchmark runs end to end on a tiny slice and prints every figure it promises."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "build_benchmark.py"


@pytest.mark.slow
def test_a_smoke_run_prints_the_ratio_stages_memory_and_incremental_check(tmp_path):
    run = subprocess.run([sys.executable, str(BENCHMARK), "--articles", "12", "--add", "2", "--keep", str(tmp_path)],
                         capture_output=True, text=True, timeout=600, check=True)
    out = run.stdout
    assert "corpus: 12 articles" in out
    raw = float(re.search(r"raw spaCy nlp.pipe: +[\d.]+ s +([\d,]+) words/s", out).group(1).replace(",", ""))
    ratio = float(re.search(r"ratio build/raw: ([\d.]+)x", out).group(1))
    assert raw > 0 and 0 < ratio < 5
    for stage in ("ingest", "nlp", "extract", "resolve", "export", "viewer"):
        assert f"{stage} " in out.split("time per stage:")[1].splitlines()[0]
    assert re.search(r"peak memory: [\d,]+ MiB", out)
    assert "graph.ttl" in out.split("output sizes:")[1]
    assert re.search(r"incremental: \+2 articles rebuilt in [\d.]+ s \(12 from cache", out)
    assert "output identical to a clean build: yes" in out
