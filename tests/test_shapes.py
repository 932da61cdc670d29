"""SHACL: the seed export conforms to the shapes, and broken graphs fail with readable messages."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.validate import read_graph, validate
from kg.vocab import KG, PROV, RDFS, SCHEMA, SEM, XSD


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nt", "graph.jsonld", "graph.trig"])
def test_seed_export_conforms_in_every_format(seed_build, name):
    report = validate(read_graph(seed_build[2] / name))
    assert report.conforms, str(report)


def _first(g: Graph, predicate, obj=None):
    return next(iter(sorted(g.subjects(predicate, obj))))


def _drop_stance(g):
    claim = _first(g, KG.stance, KG.Deny)
    g.remove((claim, KG.stance, None))


def _unattributed_claim(g):
    claim = _first(g, KG.stance)
    g.remove((claim, PROV.wasAttributedTo, None))


def _second_label(g):
    entity = _first(g, KG.mentionCount)
    g.add((entity, RDFS.label, Literal("Another Name")))


def _event_without_provenance(g):
    event = _first(g, KG.trigger)
    g.remove((event, PROV.wasDerivedFrom, None))


def _text_as_value(g):
    quantity = _first(g, SCHEMA.value)
    g.set((quantity, SCHEMA.value, Literal("a lot")))


def _unknown_stance(g):
    claim = _first(g, KG.stance)
    g.set((claim, KG.stance, URIRef(f"{KG}Maybe")))  # not a term of the closed vocabulary


def _untyped_timestamp(g):
    event = _first(g, KG.trigger)
    g.set((event, SEM.hasTimeStamp, Literal("last Tuesday")))


def _zero_sources(g):
    quantity = _first(g, SCHEMA.value)
    g.set((quantity, KG.sourceCount, Literal(0, datatype=XSD.integer)))


@pytest.mark.parametrize("breakage, path, words", [
    (_drop_stance, "kg:stance", "exactly one kg:stance"),
    (_unattributed_claim, "prov:wasAttributedTo", "the speaker"),
    (_second_label, "rdfs:label", "exactly one rdfs:label"),
    (_event_without_provenance, "prov:wasDerivedFrom", "NewsArticle"),
    (_text_as_value, "schema:value", "xsd:decimal"),
    (_unknown_stance, "kg:stance", "kg:Assert or kg:Deny"),
    (_untyped_timestamp, "sem:hasTimeStamp", "xsd:date"),
    (_zero_sources, "kg:sourceCount", ">= 1"),
])
def test_broken_graph_fails_with_a_readable_message(seed_rdf, breakage, path, words):
    g = Graph()
    for triple in seed_rdf:
        g.add(triple)
    breakage(g)
    report = validate(g)
    assert not report.conforms
    assert [v for v in report.violations if v.path == path and words in v.message], str(report)
    assert len(report.violations) == 1, str(report)
    assert str(report).startswith("1 problem(s)") and path in str(report)


def test_cli_validate_exit_codes(seed_build, seed_rdf, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", str(seed_build[2])])
    assert ok.exit_code == 0 and "conforms" in ok.output
    broken = Graph()
    for triple in seed_rdf:
        broken.add(triple)
    _drop_stance(broken)
    path = tmp_path / "broken.ttl"
    broken.serialize(path, format="turtle")
    bad = runner.invoke(app, ["validate", str(path)])
    assert bad.exit_code == 1
    assert "kg:stance: a claim needs exactly one kg:stance" in bad.output


def test_cli_validate_reports_unreadable_files(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 1 and "not an RDF file" in result.output
