"""The notebook API: the build report's real triple count, the viewer inline without a warning, tables and periods."""
from __future__ import annotations

import datetime as dt
import warnings

import pytest

from kg import build_graph

ARTICLE = """Leaders Meet in Geneva
President Emmanuel Macron met German Chancellor Olaf Scholz in Geneva on Monday.
"We agree on the need for more support to Ukraine," Macron said.
"""


@pytest.fixture(scope="module")
def g(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    (folder / "geneva.txt").write_text(ARTICLE)
    return build_graph([folder], cache=False)


def test_the_report_counts_the_triples_of_a_graph_built_without_export(g):
    assert g.out is None
    assert g.report.triples == len(g.rdf) > 0
    assert g.report.as_dict()["triples"] == len(g.rdf)


def test_show_gives_the_viewer_without_a_warning(g):
    pytest.importorskip("IPython")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        shown = g.show(height=300)
    assert "<iframe" in shown.data and "height:300px" in shown.data


def test_tables_and_a_period(g):
    tables = g.tables()
    assert set(tables["events"].source_label) >= {"Emmanuel Macron"}
    assert g.between(since=dt.date(2000, 1, 1)).kg.events == ()  # the article has no date: it is in no bounded period
    assert g.between().kg.events == g.kg.events


def test_a_build_reads_claims_from_headlines(tmp_path):
    (tmp_path / "jobs.txt").write_text("Sanders: Clinton Needs to Talk About Jobs\n"
                                       "Bernie Sanders spoke in Ohio on Monday. He met workers at a steel plant.\n")
    claims = build_graph([tmp_path], cache=False).kg.claims
    assert [(c.text, c.evidence[0].sentence) for c in claims] == [
        ("Clinton Needs to Talk About Jobs", "Sanders: Clinton Needs to Talk About Jobs")]
