"""`kg build ../shared/seeds` end to end: every file is written and the seed facts are in the Turtle."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from kg.vocab import KG, SCHEMA, SEM

EXPECTED_FILES = ["graph.ttl", "graph.jsonld", "graph.graphml", "graph.json", "graph.html", "report.json"]


def entity(g, label: str) -> URIRef:
    found = list(g.subjects(RDFS.label, Literal(label)))
    assert len(found) == 1, f"expected one node labelled {label!r}, found {len(found)}"
    return found[0]


@pytest.mark.parametrize("name", EXPECTED_FILES)
def test_every_export_file_is_written(seed_build, name):
    path = seed_build[2] / name
    assert path.is_file() and path.stat().st_size > 0


def test_no_temporary_files_are_left_behind(seed_build):
    assert not [p.name for p in seed_build[2].iterdir() if p.name.endswith(".tmp")]


def test_report_counts_match_the_graph(seed_build):
    kg, _, out = seed_build
    report = json.loads((out / "report.json").read_text())
    assert report["articles"] == len(kg.articles) >= 5
    assert (report["entities"], report["events"], report["claims"], report["quantities"]) == (
        len(kg.entities), len(kg.events), len(kg.claims), len(kg.quantities))
    assert report["skipped"] == []
    assert {"ingest", "nlp", "extract", "resolve", "export", "viewer"} <= set(report["seconds"])


@pytest.mark.parametrize("label, aliases", [
    ("Vladimir Putin", {"Putin"}),
    ("Xi Jinping", {"Xi"}),
    ("United States", {"U.S.", "US"}),
])
def test_people_and_countries_are_one_node_with_their_aliases(seed_rdf, label, aliases):
    node = entity(seed_rdf, label)
    assert aliases <= {str(a) for a in seed_rdf.objects(node, SCHEMA.alternateName)}


def test_zelensky_spellings_are_one_person_labelled_with_the_usual_spelling(seed_rdf):
    people = [s for s in seed_rdf.subjects(RDF.type, SCHEMA.Person)
              if "zelensk" in str(seed_rdf.value(s, RDFS.label)).lower()]
    assert len(people) == 1
    names = {str(a) for a in seed_rdf.objects(people[0], SCHEMA.alternateName)} | {str(seed_rdf.value(people[0], RDFS.label))}
    assert {"Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelensky"} <= names
    assert str(seed_rdf.value(people[0], RDFS.label)) == "Volodymyr Zelensky"


def test_china_denies_something(seed_rdf):
    china = entity(seed_rdf, "China")
    denials = [c for c in seed_rdf.subjects(PROV.wasAttributedTo, china) if (c, KG.stance, KG.Deny) in seed_rdf]
    assert denials, "no claim attributed to China with stance Deny"
    texts = " ".join(str(seed_rdf.value(c, SCHEMA.text)) for c in denials)
    assert "weapons" in texts


def test_putin_and_xi_meet(seed_rdf):
    putin, xi = entity(seed_rdf, "Vladimir Putin"), entity(seed_rdf, "Xi Jinping")
    meetings = [e for e in seed_rdf.subjects(SEM.eventType, KG.Meet)
                if {putin, xi} <= set(seed_rdf.objects(e, KG.sourceActor)) | set(seed_rdf.objects(e, KG.targetActor))]
    assert meetings


def test_every_fact_has_provenance(seed_rdf):
    for cls in (SEM.Event, SCHEMA.Claim, SCHEMA.QuantitativeValue):
        for node in seed_rdf.subjects(RDF.type, cls):
            assert seed_rdf.value(node, PROV.wasDerivedFrom) is not None, node
            assert seed_rdf.value(node, KG.evidence) is not None, node


def test_trade_figure_is_normalised(seed_rdf):
    values = {float(v) for v in seed_rdf.objects(None, SCHEMA.value)}
    assert 240_000_000_000 in values


def test_networkx_exports_read_back(seed_build):
    kg, _, out = seed_build
    graphml = nx.read_graphml(out / "graph.graphml")
    node_link = nx.node_link_graph(json.loads((out / "graph.json").read_text()), edges="links")
    assert graphml.number_of_nodes() == node_link.number_of_nodes() == len(kg.entities) + len(kg.events) + len(kg.claims) + len(kg.quantities)
    assert graphml.nodes["person/vladimir-putin"]["label"] == "Vladimir Putin"


def test_viewer_is_self_contained(seed_build):
    page = (seed_build[2] / "graph.html").read_text()
    assert "<script src" not in page and "<link" not in page
    assert "Vladimir Putin" in page
