"""Shared fixtures: the spaCy pipeline and one seed build per test session.

Building is the slow part, so tests that only read the output share a build.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import settings

# the same examples on every run, so CI cannot fail on a case no earlier run saw
settings.register_profile("kg", derandomize=True, deadline=None)
settings.load_profile("kg")

from kg.config import SHARED_ENV, shared_dir

ROOT = Path(__file__).resolve().parent.parent
# the synthetic corpus (benchmarks/synthetic.py) serves tests and benchmarks only, so it is not in the package
sys.path.insert(0, str(ROOT / "benchmarks"))
#: the shared test data: $KG_SHARED, else ../shared beside the repository (README, "Test data")
SHARED = shared_dir()
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "kg" / "data" / "samples"
NO_SEEDS = f"seed corpus not found at {SEEDS}: set {SHARED_ENV} to the folder that holds seeds/"


def pytest_report_header(config):
    found = "found" if SEEDS.is_dir() else f"NOT found (set {SHARED_ENV}); the tests that need it are skipped"
    return f"kg shared test data: {SHARED} ({found})"


def pytest_collection_modifyitems(config, items):
    if not SEEDS.is_dir():
        skip = pytest.mark.skip(reason=NO_SEEDS)
        for item in items:
            if "seed" in item.fixturenames or "seed_build" in item.fixturenames or "seeds" in item.keywords:
                item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    """One line that says how many tests were skipped for want of the shared data, and how to get them run."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if NO_SEEDS in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} tests skipped: {NO_SEEDS}", yellow=True)


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """(KnowledgeGraph, BuildReport, out folder) of ``kg build ../shared/seeds``."""
    from kg.config import Settings
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed-export")
    kg, report = build([SEEDS], out, Settings(cache=False), formats=("turtle", "jsonld", "nt", "trig"))
    return kg, report, out


@pytest.fixture(scope="session")
def seed_rdf(seed_build):
    """The seed export's Turtle parsed back with rdflib."""
    from rdflib import Graph

    return Graph().parse(seed_build[2] / "graph.ttl")


@pytest.fixture
def extract(nlp):
    """Extract records from a snippet of text: ``extract(text, date=None)``."""
    import datetime as dt

    from kg.extract import extract_article
    from kg.model import Article

    def run(text: str, date: dt.date | None = None, article_id: str = "t"):
        article = Article(id=article_id, text=text, date=date)
        return extract_article(article, nlp(text))

    return run
