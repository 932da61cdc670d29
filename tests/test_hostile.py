"""Hostile text in titles, text and names: every export parses back, IRIs stay valid, the viewer shows text.

The strings below are what ingest lets through (``sanitise`` has replaced control characters and lone
surrogates); the end-to-end test feeds the raw versions from tests/regression/hostile.jsonl.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import EXIT_OK
from kg.config import Settings
from kg.ingest import sanitise
from kg.model import Article, ArticleExtraction, ClaimMention, EventMention, Evidence, Mention, QuantityMention
from kg.pipeline import BuildReport, export
from kg.resolve import resolve
from kg.vocab import RDFS

REGRESSION = Path(__file__).parent / "regression"
HOSTILE = [
    '<script>alert("x")</script>', "<img src=x onerror=alert(1)>", 'Robert"); DROP TABLE--', "a > b \\ c < d",
    "line1\nline2\r\nline3", '"""triple""" and \'\'\'single\'\'\'', "ctl\x01\x02\x1b[31m\x7f\x85 end", "x" * 5000,
    "\u202eRTL override\u202c שלום مرحبا", "zero\u200bwidth\u200d\ufeff", "@prefix x: <y> . } ] ) ; ,", "\ud800 lone surrogate",
    "\uffff non-character", "<!-- --> ]]> &amp; & {{ template }}", "\u2028line\u2029separators\x1c", "\\u0022 \\n escaped-looking",
]
#: what may appear between < and > of an IRI in N-Triples / Turtle (RFC 3987 minus the forbidden ASCII)
IRI = re.compile(r'^[^\x00-\x20<>"{}|^`\\]+$')
FORMATS = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.jsonld": "json-ld", "graph.trig": "trig"}


def hostile_extractions() -> list[ArticleExtraction]:
    out = []
    for i, raw in enumerate(HOSTILE):
        h = sanitise(raw)
        aid = f"a{i}-{h[:30]}"
        person = Mention(text=h, name=h, kind="Person", article_id=aid, start=0, end=len(h), role=h, affiliation="Org " + h)
        org = Mention(text="Org " + h, name="Org " + h, kind="Organization", article_id=aid, start=0, end=1)
        evidence = Evidence(aid, h, 0, len(h))
        article = Article(id=aid, text=f"{h} met {h}.", title=h, url="https://example.com/" + h[:40], date=dt.date(2024, 1, 1),
                          source_path=h[:50], content_hash=str(i))
        out.append(ArticleExtraction(
            article, (person, org),
            (EventMention("meet", h, person, org, evidence, place=org, date=dt.date(2024, 1, 2)),),
            (ClaimMention(person, "Assert", h, "direct", h, (org,), evidence, (h[:20],)),),
            (QuantityMention(Decimal("1.5"), "USD", h, h, (org,), evidence, "2024"),), 3,
        ))
    return out


@pytest.fixture(scope="module")
def hostile_export(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    kg = resolve(hostile_extractions())
    export(kg, out, Settings(), BuildReport([]), formats=("turtle", "nt", "jsonld", "trig"))
    return kg, out


@pytest.mark.parametrize("name", FORMATS)
def test_every_rdf_format_parses_back_with_valid_iris(hostile_export, name):
    kg, out = hostile_export
    graph = (Dataset() if name == "graph.trig" else Graph()).parse(out / name, format=FORMATS[name])
    terms = {t for triple in graph.triples((None, None, None)) for t in triple}
    assert terms
    bad = sorted(str(t) for t in terms if isinstance(t, URIRef) and not IRI.match(str(t)))
    assert bad == []
    # every hostile label survives the round trip unchanged
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert {e.label for e in kg.entities} <= labels


def test_turtle_and_ntriples_hold_the_same_graph(hostile_export):
    from rdflib.compare import isomorphic

    _, out = hostile_export
    assert isomorphic(Graph().parse(out / "graph.ttl"), Graph().parse(out / "graph.nt", format="nt"))


def test_graphml_and_json_parse_back(hostile_export):
    kg, out = hostile_export
    graphml = nx.read_graphml(out / "graph.graphml")
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    node_link = nx.node_link_graph(data, edges="links")
    for g in (graphml, node_link):
        assert {g.nodes[e.key]["label"] for e in kg.entities} == {e.label for e in kg.entities}


def test_viewer_carries_hostile_text_as_data_never_markup(hostile_export):
    _, out = hostile_export
    page = (out / "graph.html").read_text(encoding="utf-8")
    for markup in ("<script>alert", "<img src=x", "<!-- -->", "]]>"):
        assert markup not in page
    assert "\\u003cscript\\u003ealert" in page  # the text is there, escaped


def test_hostile_files_build_end_to_end(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("hostile.jsonl", "scripts_and_styles.html"):
        shutil.copy(REGRESSION / name, tmp_path / "in" / name)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(tmp_path / "in"), "--out", str(out), "-q", "--no-cache",
                                      "-f", "turtle", "-f", "nt", "-f", "jsonld", "-f", "trig"])
    assert result.exit_code == EXIT_OK, result.output
    for name, fmt in FORMATS.items():
        graph = (Dataset() if name == "graph.trig" else Graph()).parse(out / name, format=fmt)
        assert all(IRI.match(str(t)) for triple in graph.triples((None, None, None)) for t in triple if isinstance(t, URIRef))
    nx.read_graphml(out / "graph.graphml")
    json.loads((out / "graph.json").read_text(encoding="utf-8"))
    headlines = {str(o) for o in Graph().parse(out / "graph.ttl").objects(None, URIRef("https://schema.org/headline"))}
    assert "<script>alert('headline')</script> Putin meets Xi" in headlines
    assert 'Turtle """ breakers > \\ < \'\'\'' in headlines
    assert "Line breaks in a title and separators" in headlines  # a title is one line
    assert "Control [31m characters" in headlines  # control characters became spaces, collapsed
    assert "Lone surrogate in a title" in headlines
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "INJECTED-BY-SCRIPT" not in page


@pytest.mark.browser
def test_the_viewer_runs_no_injected_script(hostile_export):
    from playwright.sync_api import sync_playwright

    _, out = hostile_export
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto((out / "graph.html").as_uri())
        page.wait_for_timeout(1500)
        assert dialogs == []
        assert page.evaluate("document.querySelectorAll('img[src=x], body script:not([src])').length") <= 3
        browser.close()
