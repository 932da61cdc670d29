"""RDF export following docs/data-model.md: Turtle, N-Triples, JSON-LD, TriG.

Every IRI comes from ``kg.vocab``.  Serialisations are deterministic: same
graph, same bytes.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef

from kg.export._atomic import write_bytes
from kg.graph import source_count
from kg.model import KnowledgeGraph
from kg.vocab import EVENT_TYPES, KG, OWL, PREFIXES, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, XSD, Instances

__all__ = ["to_rdf", "write_rdf", "FORMATS"]

#: --format name -> (rdflib format, file suffix)
FORMATS = {"turtle": ("turtle", ".ttl"), "nt": ("nt", ".nt"), "jsonld": ("json-ld", ".jsonld"), "trig": ("trig", ".trig")}


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)


def _scheme(g: Graph, iri: Instances) -> None:
    scheme = iri.event_scheme()
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, RDFS.label, Literal("kg event types (CAMEO / PLOVER)", lang="en")))
    for t in EVENT_TYPES.values():
        concept = iri.event_type(t.key)
        g.add((concept, RDF.type, SKOS.Concept))
        g.add((concept, SKOS.inScheme, scheme))
        g.add((concept, SKOS.prefLabel, Literal(t.label, lang="en")))
        g.add((concept, SKOS.notation, Literal(t.cameo, datatype=KG.cameoCode)))
        g.add((concept, SKOS.altLabel, Literal(t.plover)))


def _evidence(g: Graph, node: URIRef, record, kg: KnowledgeGraph, iri: Instances) -> None:
    for article_id in record.articles:
        g.add((node, PROV.wasDerivedFrom, iri.article(article_id)))
    for sentence in sorted({e.sentence for e in record.evidence}):
        g.add((node, KG.evidence, Literal(sentence)))
    g.add((node, KG.sourceCount, Literal(source_count(record, kg), datatype=XSD.integer)))


def _decimal(value: Decimal) -> Literal:
    return Literal(format(value, "f"), datatype=XSD.decimal)


def to_rdf(kg: KnowledgeGraph, base_iri: str | None = None) -> Graph:
    """The knowledge graph as an rdflib ``Graph`` in the project's data model."""
    iri = Instances(base_iri) if base_iri else Instances()
    g = Graph()
    _bind(g)
    _scheme(g, iri)
    entity = {e.key: iri.entity(e.key) for e in kg.entities}
    for a in kg.articles:
        node = iri.article(a.id)
        g.add((node, RDF.type, SCHEMA.NewsArticle))
        g.add((node, SCHEMA.headline, Literal(a.title or a.id)))
        if a.date:
            g.add((node, SCHEMA.datePublished, Literal(a.date.isoformat(), datatype=XSD.date)))
        if a.url:
            g.add((node, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        g.add((node, KG.sourcePath, Literal(a.source_path)))
        g.add((node, KG.contentHash, Literal(a.content_hash)))
        if a.duplicate_of:
            g.add((node, KG.duplicateOf, iri.article(a.duplicate_of)))
        for key in kg.mentions.get(a.id, ()):
            g.add((node, SCHEMA.mentions, entity[key]))
    for e in kg.entities:
        node = entity[e.key]
        g.add((node, RDF.type, iri.entity_class(e.kind)))
        g.add((node, RDFS.label, Literal(e.label)))
        for alias in e.aliases:
            g.add((node, SCHEMA.alternateName, Literal(alias)))
        g.add((node, KG.mentionCount, Literal(e.mention_count, datatype=XSD.integer)))
        for title in e.job_titles:
            g.add((node, SCHEMA.jobTitle, Literal(title)))
        for target in e.affiliations:
            prop = SCHEMA.affiliation if e.kind == "Person" else SCHEMA.memberOf
            g.add((node, prop, entity[target]))
        if e.nationality:
            g.add((node, SCHEMA.nationality, entity[e.nationality]))
        for qid in e.same_as:
            g.add((node, OWL.sameAs, iri.wikidata(qid)))
    for ev in kg.events:
        node = iri.event(ev.key)
        g.add((node, RDF.type, SEM.Event))
        g.add((node, RDF.type, SCHEMA.Event))
        g.add((node, RDFS.label, Literal(ev.label)))
        g.add((node, SEM.eventType, iri.event_type(ev.event_type)))
        g.add((node, KG.trigger, Literal(ev.trigger)))
        if ev.source:
            g.add((node, KG.sourceActor, entity[ev.source]))
        if ev.target:
            g.add((node, KG.targetActor, entity[ev.target]))
        if ev.place:
            g.add((node, SEM.hasPlace, entity[ev.place]))
        if ev.date:
            g.add((node, SEM.hasTimeStamp, Literal(ev.date.isoformat(), datatype=XSD.date)))
        _evidence(g, node, ev, kg, iri)
    for c in kg.claims:
        node = iri.claim(c.key)
        g.add((node, RDF.type, SCHEMA.Claim))
        g.add((node, PROV.wasAttributedTo, entity[c.speaker]))
        g.add((node, KG.stance, iri.stance(c.stance)))
        g.add((node, SCHEMA.text, Literal(c.text)))
        g.add((node, KG.quoteType, Literal(c.quote_type)))
        g.add((node, KG.cue, Literal(c.cue)))
        for about in c.about:
            g.add((node, SCHEMA.about, entity[about]))
        for other in c.contradicts:
            g.add((node, KG.contradicts, iri.claim(other)))
        _evidence(g, node, c, kg, iri)
    for q in kg.quantities:
        node = iri.quantity(q.key)
        g.add((node, RDF.type, SCHEMA.QuantitativeValue))
        g.add((node, SCHEMA.value, _decimal(q.value)))
        g.add((node, SCHEMA.unitText, Literal(q.unit)))
        g.add((node, RDFS.label, Literal(q.text)))
        if q.description:
            g.add((node, SCHEMA.description, Literal(q.description)))
        for about in q.about:
            g.add((node, SCHEMA.about, entity[about]))
        if q.period:
            g.add((node, KG.referencePeriod, Literal(q.period)))
        _evidence(g, node, q, kg, iri)
    return g


def _trig(g: Graph, kg: KnowledgeGraph, base_iri: str | None) -> Dataset:
    """One named graph per source article holding the facts derived from it."""
    iri = Instances(base_iri) if base_iri else Instances()
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    default = ds.default_context if hasattr(ds, "default_context") else ds.graph(ds.default_graph.identifier)
    article_graphs = {a.id: ds.graph(URIRef(str(iri.article(a.id)) + "/graph")) for a in kg.articles}
    derived: dict[URIRef, list[URIRef]] = {}
    for s, _, o in g.triples((None, PROV.wasDerivedFrom, None)):
        derived.setdefault(s, []).append(o)
    by_iri = {iri.article(a.id): a.id for a in kg.articles}
    for s, p, o in g:
        homes = derived.get(s)
        if homes:
            for home in homes:
                article_graphs[by_iri[home]].add((s, p, o))
        else:
            default.add((s, p, o))
    return ds


def serialize(g: Graph, fmt: str, kg: KnowledgeGraph | None = None, base_iri: str | None = None) -> bytes:
    """Bytes of one serialisation; N-Triples lines are sorted so output is stable."""
    rdflib_format, _ = FORMATS[fmt]
    if fmt == "nt":
        lines = sorted(set(g.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()))
        return ("\n".join(line for line in lines if line) + "\n").encode("utf-8")
    if fmt == "trig":
        return _trig(g, kg, base_iri).serialize(format="trig", encoding="utf-8")
    if fmt == "jsonld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return g.serialize(format="json-ld", context=context, encoding="utf-8", sort_keys=True, indent=1)
    return g.serialize(format=rdflib_format, encoding="utf-8")


def write_rdf(g: Graph, path: Path, fmt: str = "turtle", kg: KnowledgeGraph | None = None, base_iri: str | None = None) -> Path:
    """Serialise atomically to ``path``."""
    write_bytes(Path(path), serialize(g, fmt, kg, base_iri))
    return Path(path)
