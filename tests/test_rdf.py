"""RDF exports: every format parses back to the same graph, and every kg: term is defined in the ontology."""
from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.export.rdf import JSONLD_CONTEXT, ONTOLOGY_FILE, ontology_graph, serialize, to_dataset, to_rdf
from kg.model import KnowledgeGraph
from kg.vocab import KG, OWL, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, XSD


@pytest.fixture(scope="module")
def source(seed_build):
    """The graph as built in memory, before any serialisation."""
    return to_rdf(seed_build[0])


def _union(path) -> Graph:
    ds = Dataset()
    ds.parse(path, format="trig")
    union = Graph()
    for s, p, o, _ in ds.quads():
        union.add((s, p, o))
    return union


@pytest.mark.parametrize("name, parser", [("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")])
def test_each_format_round_trips_to_the_same_graph(seed_build, source, name, parser):
    assert isomorphic(Graph().parse(seed_build[2] / name, format=parser), source)


def test_trig_round_trips_as_the_union_of_its_graphs(seed_build, source):
    assert isomorphic(_union(seed_build[2] / "graph.trig"), source)


def test_trig_has_one_named_graph_per_source_article_named_by_its_iri(seed_build, source):
    ds = Dataset()
    ds.parse(seed_build[2] / "graph.trig", format="trig")
    named = {g.identifier for g in ds.graphs() if g.identifier != ds.default_graph.identifier}
    articles = set(source.subjects(RDF.type, SCHEMA.NewsArticle))
    assert named and named <= articles
    assert named == set(source.objects(None, PROV.wasDerivedFrom))


def test_a_fact_is_in_the_graph_of_each_article_that_reports_it(source):
    ds = to_dataset(source)
    fact = next(s for s in source.subjects(KG.sourceCount, None) if len(set(source.objects(s, PROV.wasDerivedFrom))) > 1)
    for article in source.objects(fact, PROV.wasDerivedFrom):
        assert (fact, RDF.type, None) in ds.graph(article)
    assert (fact, None, None) not in ds.default_graph


def test_jsonld_uses_the_compact_context(seed_build):
    doc = json.loads((seed_build[2] / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == JSONLD_CONTEXT
    keys = {key for node in doc["@graph"] for key in node}
    assert {"label", "stance", "sourceCount", "wasDerivedFrom"} <= keys
    assert not any(key.startswith("http") for key in keys)
    claim = next(node for node in doc["@graph"] if "stance" in node)
    assert claim["stance"] in ("kg:Assert", "kg:Deny")


def test_decimals_are_written_in_canonical_form(source):
    values = list(source.objects(None, SCHEMA.value))
    assert values and all(v.datatype == XSD.decimal and "." in str(v) for v in values)
    assert Literal("240000000000.0", datatype=XSD.decimal) in values


def test_ontology_is_written_beside_the_graph_files(seed_build):
    written = Graph().parse(seed_build[2] / ONTOLOGY_FILE)
    assert isomorphic(written, ontology_graph())
    assert seed_build[1].outputs["ontology"] == ONTOLOGY_FILE


def test_every_kg_term_in_an_export_is_defined_in_the_ontology(source):
    ontology = ontology_graph()
    used = {t for triple in source for t in triple if isinstance(t, URIRef) and t.startswith(str(KG))}
    used |= {o.datatype for o in source.objects() if isinstance(o, Literal) and o.datatype and o.datatype.startswith(str(KG))}
    undefined = {t for t in used if (t, RDF.type, None) not in ontology}
    assert used and not undefined
    for term in ontology.subjects(RDFS.isDefinedBy, URIRef(str(KG)[:-1])):
        assert ontology.value(term, RDFS.label) and ontology.value(term, RDFS.comment), term


def test_ontology_reuses_sem_for_actors():
    ontology = ontology_graph()
    assert (KG.sourceActor, RDFS.subPropertyOf, SEM.hasActor) in ontology
    assert (KG.targetActor, RDFS.subPropertyOf, SEM.hasActor) in ontology
    assert set(ontology.objects(KG.Stance, OWL.oneOf)) and (KG.Deny, RDF.type, KG.Stance) in ontology


def test_ontology_event_scheme_matches_the_exported_scheme():
    exported = to_rdf(KnowledgeGraph((), (), (), (), ()))
    ontology = ontology_graph()
    assert set(exported) <= set(ontology)
    assert (KG.Visit, SKOS.broader, KG.Consult) in ontology
    assert (KG.Arrest, SKOS.broader, KG.Coerce) in ontology
    notations = {str(n): n.datatype for n in ontology.objects(KG.Accuse, SKOS.notation)}
    assert notations == {"09": KG.cameoCode, "11": KG.cameoCode, "ACCUSE": KG.ploverCode}
    assert len(set(ontology.objects(KG.EventTypeScheme, SKOS.hasTopConcept))) == 16  # PLOVER's event types


def test_serialisation_is_deterministic(source):
    for fmt in ("turtle", "nt", "jsonld", "trig"):
        assert serialize(source, fmt) == serialize(source, fmt), fmt


def test_written_ontology_is_the_ontology_and_the_same_bytes_every_time(tmp_path):
    from rdflib.compare import isomorphic

    from kg.export.rdf import write_ontology
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = (write_ontology(tmp_path / name).read_bytes() for name in "ab")
    assert first == second
    assert isomorphic(Graph().parse(data=first.decode(), format="turtle"), ontology_graph())


@pytest.mark.parametrize("name, fmt", [("graph.ttl", "turtle"), ("graph.nt", "nt")])
def test_the_streamed_files_are_the_bytes_of_the_whole_graph_serialised(seed_build, source, name, fmt):
    assert (seed_build[2] / name).read_bytes() == serialize(source, fmt)


def test_the_build_counts_the_triples_it_streamed(seed_build, source):
    assert seed_build[1].triples == len(source)


def test_the_default_formats_are_written_without_an_rdflib_graph(seed_build, tmp_path, monkeypatch):
    import kg.pipeline.stages
    from kg.config import Settings
    from kg.pipeline import BuildReport, export

    def no_graph(*_args, **_kwargs):
        raise AssertionError("the export built an rdflib graph")

    monkeypatch.setattr(kg.pipeline.stages, "to_rdf", no_graph)
    report = BuildReport(inputs=[])
    export(seed_build[0], tmp_path, Settings(), report, formats=("turtle", "nt", "jsonld"))
    assert {"turtle", "nt", "jsonld"} <= set(report.outputs)
    assert (tmp_path / "graph.jsonld").read_bytes() == (seed_build[2] / "graph.jsonld").read_bytes()


def test_facts_that_share_an_iri_are_written_as_one_subject(seed_build, tmp_path):
    """Two quantity records can resolve to one key (so one IRI): the files hold their union once, as the graph does."""
    from dataclasses import replace

    from kg.export.rdf import write_streamed

    kg = seed_build[0]
    twin = replace(kg.quantities[0], description="another description")
    doubled = replace(kg, quantities=(*kg.quantities, twin))
    paths = {"turtle": tmp_path / "graph.ttl", "nt": tmp_path / "graph.nt"}
    count = write_streamed(doubled, paths)
    whole = to_rdf(doubled)
    assert count == len(whole) == len(to_rdf(kg)) + 1
    assert paths["turtle"].read_bytes() == serialize(whole, "turtle")
    assert paths["nt"].read_bytes() == serialize(whole, "nt")


def test_the_closed_kg_and_sem_vocabularies_are_the_terms_of_the_ontology_files():
    import re
    from importlib import resources

    text = "".join((resources.files("kg") / "data" / name).read_text(encoding="utf-8") for name in ("ontology.ttl", "shapes.ttl"))
    for prefix, namespace in (("kg", KG), ("sem", SEM)):
        written = set(re.findall(rf"\b{prefix}:([A-Za-z]+)", text))
        assert written and all(term in namespace for term in written), sorted(t for t in written if t not in namespace)
    declared = set(KG.__annotations__) - {"_NS", "_fail", "_extras"}
    assert declared <= set(re.findall(r"\bkg:([A-Za-z]+)", text)), "a KG term the ontology does not define"
