"""The fuzz script's promises on every corpus it ever broke (tests/regression/fuzz/) and on a few fresh ones.

The long run is `python tests/fuzz/fuzz_build.py --seconds 600` (see the README); this keeps the script working
and every crash it found fixed.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

_SPEC = importlib.util.spec_from_file_location("fuzz_build", Path(__file__).parent / "fuzz" / "fuzz_build.py")
fuzz = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fuzz)

REGRESSIONS = sorted(fuzz.REGRESSION.glob("*.json"))


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.stem for p in REGRESSIONS])
def test_a_corpus_the_fuzzer_broke_builds_now(path, tmp_path):
    fuzz.check_corpus(fuzz.load_regression(path), tmp_path)


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(fuzz.corpora())
def test_generated_corpora_build_to_valid_rdf_without_losing_an_article(corpus):
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kg-fuzz-") as tmp:
        fuzz.check_corpus(corpus, Path(tmp))


def test_the_checks_catch_a_lost_article(tmp_path, monkeypatch):
    """The fuzzer's own check must fail when ingest silently drops a file."""
    import kg.pipeline.runners

    real = kg.pipeline.runners.read_articles
    monkeypatch.setattr(kg.pipeline.runners, "read_articles",
                        lambda *a, **k: (x for x in real(*a, **k) if not getattr(x, "source_path", "").startswith("f1")))
    corpus = {"f0.txt": b"Putin Meets Xi\n\nPutin met Xi in Moscow.\n", "f1.txt": b"Talks\n\nMacron visited Beijing.\n"}
    with pytest.raises(AssertionError, match="f1.txt: neither built nor skipped"):
        fuzz.check_corpus(corpus, tmp_path)
