"""Smoke test of benchmarks/sparql_scale.py: a small graph, both engines, the same answers."""
from __future__ import annotations

import importlib
import io
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "sparql_scale.py"


@pytest.fixture(scope="module")
def bench():
    """The script as a module; importable by name, because each engine runs in a spawned process."""
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        yield importlib.import_module(SCRIPT.stem)
    finally:
        sys.path.remove(str(SCRIPT.parent))


def test_generated_graph_is_deterministic_and_close_to_the_size_asked(bench, tmp_path):
    first, second = tmp_path / "a.nt", tmp_path / "b.nt"
    n = bench.write_graph(first, 5000, seed=3)
    bench.write_graph(second, 5000, seed=3)
    assert first.read_bytes() == second.read_bytes()
    assert 3000 <= n <= 7000


def test_generated_graph_conforms_to_the_shapes(bench, tmp_path):
    from kg.validate import read_graph, validate

    path = tmp_path / "g.nt"
    bench.write_graph(path, 3000)
    report = validate(read_graph(path))
    assert report.conforms, str(report)


def test_both_engines_answer_every_question_alike(bench):
    out = io.StringIO()
    figures = bench.benchmark(4000, seed=7, rdflib_timeout=120, out=out)
    ox, rd = figures["pyoxigraph"], figures["rdflib"]
    for step in ox:
        if step == "peak_mb":
            continue
        assert ox[step][0] is not None and rd[step][0] is not None, step
        assert ox[step][1] == rd[step][1], step
    assert all(ox[name][1] > 0 for name in ox if name.startswith("cq"))
    assert "rdflib/oxigraph" in out.getvalue()
