"""benchmarks/memory.py runs end to end on a tiny corpus (the real run uses 1,000 and 10,000 articles)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "memory.py"


@pytest.mark.slow
def test_memory_benchmark_smoke(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("memory_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.main(["--articles", "3", "--json", str(tmp_path / "memory.json")])
    assert [r["n"] for r in rows] == [3]
    assert rows[0]["articles"] == 3, rows
    assert rows[0]["peak_rss_mib"] > 0 and rows[0]["baseline_mib"] > 0, rows
    assert "3 articles" in capsys.readouterr().out
    assert (tmp_path / "memory.json").exists()
