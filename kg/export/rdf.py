"""RDF export following docs/data-model.md: Turtle, N-Triples, JSON-LD, TriG.

Every IRI comes from ``kg.vocab``.  Serialisations are deterministic: same
graph, same bytes.  Turtle, N-Triples and JSON-LD are written straight from the
records, one subject at a time in sorted order (:func:`write_streamed`), so a
build never holds the whole graph; :func:`to_rdf` builds the same triples as an
rdflib ``Graph`` for readers, notebooks and TriG.  JSON-LD uses a compact ``@context`` (one short term per
property, with its datatype), TriG puts the facts read in each article into a
named graph whose name is the article's IRI.  The ontology that defines the
``kg:`` terms ships as ``kg/data/ontology.ttl`` and is written beside the graph
files as ``ontology.ttl`` (``write_ontology``), not mixed into them.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from decimal import Decimal
from functools import partial
from importlib import resources
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.serializers.trig import TrigSerializer

from kg.errors import ExportError
from kg.atomic import atomic_open, write_bytes
from kg.model import MODALITIES, KnowledgeGraph
from kg.vocab import EVENT_TYPES, KG, OWL, PREFIXES, PROV, RDF, RDFS, SCHEMA, SEM, SKOS, XSD, Instances

__all__ = ["to_rdf", "triple_groups", "write_streamed", "write_groups", "write_rdf", "serialize", "to_dataset", "ontology_graph",
           "write_ontology", "FORMATS", "STREAMED", "JSONLD_CONTEXT", "ONTOLOGY_FILE"]

#: --format name -> (rdflib format, file suffix)
FORMATS = {"turtle": ("turtle", ".ttl"), "nt": ("nt", ".nt"), "jsonld": ("json-ld", ".jsonld"), "trig": ("trig", ".trig")}


#: file name of the ontology written beside the graph files
ONTOLOGY_FILE = "ontology.ttl"

#: JSON-LD term -> (property, value type); "@id" marks object properties
_TERMS = {
    "label": (RDFS.label, None), "headline": (SCHEMA.headline, None),
    "datePublished": (SCHEMA.datePublished, XSD.date), "url": (SCHEMA.url, XSD.anyURI),
    "sourcePath": (KG.sourcePath, None), "contentHash": (KG.contentHash, None),
    "canonicalUrl": (KG.canonicalUrl, XSD.anyURI), "author": (SCHEMA.author, None), "publisher": (SCHEMA.publisher, None),
    "articleSection": (SCHEMA.articleSection, None), "dateBasis": (KG.dateBasis, None),
    "duplicateOf": (KG.duplicateOf, "@id"), "mentions": (SCHEMA.mentions, "@id"),
    "alternateName": (SCHEMA.alternateName, None), "mentionCount": (KG.mentionCount, XSD.integer),
    "jobTitle": (SCHEMA.jobTitle, None), "affiliation": (SCHEMA.affiliation, "@id"),
    "memberOf": (SCHEMA.memberOf, "@id"), "nationality": (SCHEMA.nationality, "@id"), "sameAs": (OWL.sameAs, "@id"),
    "eventType": (SEM.eventType, "@id"), "trigger": (KG.trigger, None),
    "modality": (KG.modality, "@id"), "reportedBy": (KG.reportedBy, "@id"), "sector": (KG.sector, None),
    "definition": (SKOS.definition, None), "ploverMode": (KG.ploverMode, None),
    "sourceActor": (KG.sourceActor, "@id"), "targetActor": (KG.targetActor, "@id"),
    "hasPlace": (SEM.hasPlace, "@id"), "hasTimeStamp": (SEM.hasTimeStamp, XSD.date),
    "wasDerivedFrom": (PROV.wasDerivedFrom, "@id"), "evidence": (KG.evidence, None),
    "sourceCount": (KG.sourceCount, XSD.integer), "wasAttributedTo": (PROV.wasAttributedTo, "@id"),
    "stance": (KG.stance, "@id"), "text": (SCHEMA.text, None), "quoteType": (KG.quoteType, None), "claimType": (KG.claimType, None),
    "cue": (KG.cue, None), "about": (SCHEMA.about, "@id"), "contradicts": (KG.contradicts, "@id"),
    "quantity": (KG.quantity, "@id"), "value": (SCHEMA.value, XSD.decimal), "unitText": (SCHEMA.unitText, None),
    "description": (SCHEMA.description, None), "referencePeriod": (KG.referencePeriod, None),
    "inScheme": (SKOS.inScheme, "@id"), "broader": (SKOS.broader, "@id"), "topConceptOf": (SKOS.topConceptOf, "@id"),
    "hasTopConcept": (SKOS.hasTopConcept, "@id"), "prefLabel": (SKOS.prefLabel, None), "notation": (SKOS.notation, None),
}

#: the compact JSON-LD context: prefixes plus one term per property
JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in PREFIXES.items()} | {
    term: {"@id": str(prop), "@type": str(kind)} if kind else str(prop) for term, (prop, kind) in _TERMS.items()
}


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)


_MODALITY_COMMENTS = {
    "asserted": "The evidence states that the event happened (also when it reports someone saying so).",
    "negated": "The evidence states that the event did not happen, or reports its denial.",
    "intended": "The event is planned, wanted, promised, threatened or asked for, not done.",
    "future": "The event will or is expected to happen.",
    "conditional": "The event could, would or might happen, or happens only if something else does.",
    "alleged": "Someone claims or accuses that the event happened; the graph does not assert it.",
}


def _scheme(g: Graph, iri: Instances) -> None:
    """The event-type scheme and the modalities, generated from the event-type table (kg/data/events/types.tsv)."""
    scheme = iri.event_scheme()
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, RDFS.label, Literal("kg event types (PLOVER / CAMEO)", lang="en")))
    g.add((scheme, SKOS.prefLabel, Literal("kg event types (PLOVER / CAMEO)", lang="en")))
    g.add((scheme, RDFS.comment, Literal(
        "PLOVER's 16 event types as top concepts, with narrower concepts for PLOVER modes. Every concept carries "
        "its CAMEO code(s) (datatype kg:cameoCode) and its PLOVER type (datatype kg:ploverCode) as skos:notation, "
        "so `sem:eventType/skos:broader* kg:Coerce` finds arrests too and CAMEO users can filter by code prefix.",
        lang="en")))
    for t in EVENT_TYPES.values():
        concept = iri.event_type(t.key)
        g.add((concept, RDF.type, SKOS.Concept))
        g.add((concept, SKOS.inScheme, scheme))
        g.add((concept, SKOS.prefLabel, Literal(t.label, lang="en")))
        g.add((concept, SKOS.definition, Literal(t.definition, lang="en")))
        for code in t.cameo_codes:
            g.add((concept, SKOS.notation, Literal(code, datatype=KG.cameoCode)))
        g.add((concept, SKOS.notation, Literal(t.plover, datatype=KG.ploverCode)))
        if t.mode:
            g.add((concept, KG.ploverMode, Literal(t.mode)))
        if t.broader:
            g.add((concept, SKOS.broader, iri.event_type(t.broader)))
        else:
            g.add((concept, SKOS.topConceptOf, scheme))
            g.add((scheme, SKOS.hasTopConcept, concept))
    for modality in MODALITIES:
        node = iri.modality(modality)
        g.add((node, RDF.type, KG.Modality))
        g.add((node, RDF.type, OWL.NamedIndividual))
        g.add((node, RDFS.label, Literal(modality, lang="en")))
        g.add((node, RDFS.comment, Literal(_MODALITY_COMMENTS[modality], lang="en")))
        g.add((node, RDFS.isDefinedBy, URIRef(str(KG)[:-1])))


def _evidence(g: Graph, node: URIRef, record, kg: KnowledgeGraph, iri: Instances) -> None:
    for article_id in record.articles:
        g.add((node, PROV.wasDerivedFrom, iri.article(article_id)))
    for sentence in sorted({e.sentence for e in record.evidence}):
        g.add((node, KG.evidence, Literal(sentence)))
    g.add((node, KG.sourceCount, Literal(kg.source_count(record), datatype=XSD.integer)))


def _decimal(value: Decimal) -> Literal:
    """xsd:decimal in canonical form ("90.0", "8.1"), which every RDF syntax writes back unchanged."""
    text = format(value.normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _opening(text: str, words: int = 12) -> str:
    """A readable label for an article without a headline: its first words."""
    first = text.split("\n", 1)[0].split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def _article(g, a, kg: KnowledgeGraph, iri: Instances, entity: dict) -> None:
    node = iri.article(a.id)
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    if a.title:
        g.add((node, SCHEMA.headline, Literal(a.title)))
    g.add((node, RDFS.label, Literal(a.title or _opening(a.text))))
    if a.date:
        g.add((node, SCHEMA.datePublished, Literal(a.date.isoformat(), datatype=XSD.date)))
    if a.url:
        g.add((node, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
    g.add((node, KG.sourcePath, Literal(a.source_path)))
    for prop, value in ((SCHEMA.author, a.author), (SCHEMA.publisher, a.publisher), (SCHEMA.articleSection, a.section)):
        if value:
            g.add((node, prop, Literal(value)))
    if a.canonical_url:
        g.add((node, KG.canonicalUrl, Literal(a.canonical_url, datatype=XSD.anyURI)))
    g.add((node, KG.contentHash, Literal(a.content_hash)))
    if a.duplicate_of:
        g.add((node, KG.duplicateOf, iri.article(a.duplicate_of)))
    for key in kg.mentions.get(a.id, ()):
        g.add((node, SCHEMA.mentions, entity[key]))


def _entity(g, e, kg: KnowledgeGraph, iri: Instances, entity: dict) -> None:
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
    if e.sector:
        g.add((node, KG.sector, Literal(e.sector)))
    for qid in e.same_as:
        g.add((node, OWL.sameAs, iri.wikidata(qid)))


def _event(g, ev, kg: KnowledgeGraph, iri: Instances, entity: dict) -> None:
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
    if ev.date_basis:
        g.add((node, KG.dateBasis, Literal(ev.date_basis)))
    g.add((node, KG.modality, iri.modality(ev.modality)))
    for reporter in ev.reported_by:
        g.add((node, KG.reportedBy, entity[reporter]))
    _evidence(g, node, ev, kg, iri)


def _claim(g, c, kg: KnowledgeGraph, iri: Instances, entity: dict) -> None:
    node = iri.claim(c.key)
    g.add((node, RDF.type, SCHEMA.Claim))
    g.add((node, PROV.wasAttributedTo, entity[c.speaker]))
    g.add((node, KG.stance, iri.stance(c.stance)))
    g.add((node, SCHEMA.text, Literal(c.text)))
    g.add((node, KG.quoteType, Literal(c.quote_type)))
    g.add((node, KG.claimType, Literal(c.claim_type)))
    g.add((node, KG.cue, Literal(c.cue)))
    for about in c.about:
        g.add((node, SCHEMA.about, entity[about]))
    if c.statement is not None:
        # the triple the claim states, reified: asserted by the speaker, never by the graph
        event_type, subject, obj = c.statement
        g.add((node, RDF.subject, entity[subject]))
        g.add((node, RDF.predicate, iri.event_type(event_type)))
        if obj is not None:
            g.add((node, RDF.object, entity[obj]))
    for other in c.contradicts:
        g.add((node, KG.contradicts, iri.claim(other)))
    for quantity in c.quantities:
        g.add((node, KG.quantity, iri.quantity(quantity)))
    _evidence(g, node, c, kg, iri)


def _quantity(g, q, kg: KnowledgeGraph, iri: Instances, entity: dict) -> None:
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


class _Triples(list):
    """Collects what a describing function adds, as a ``Graph`` would."""

    def add(self, triple: tuple) -> None:
        self.append(triple)


def _add_all(triples: list[tuple], g) -> None:
    for triple in triples:
        g.add(triple)


class _EntityIris(dict):
    """Entity key -> IRI, made on first use: a part of the graph may link to entities described elsewhere."""

    def __init__(self, iri: Instances):
        super().__init__()
        self.iri = iri

    def __missing__(self, key: str) -> URIRef:
        self[key] = node = self.iri.entity(key)
        return node


def _descriptions(kg: KnowledgeGraph, iri: Instances, with_scheme: bool = True) -> list[Callable[[object], None]]:
    """One function per subject of the graph that adds its triples to ``g`` (a ``Graph`` or a list), in output order.

    A subject is described by its records (an article, entity or fact; several
    facts can share a key, and so an IRI) or by the event-type scheme, so
    sorting subjects by ``<IRI>``, then each one's triples by their N-Triples
    line, sorts the whole graph by line.
    """
    entity = _EntityIris(iri)
    scheme = _Triples()
    if with_scheme:
        _scheme(scheme, iri)
    by_subject: dict[URIRef, list[Callable[[object], None]]] = {}
    triples: dict[URIRef, list[tuple]] = {}
    for triple in scheme:
        triples.setdefault(triple[0], []).append(triple)
    for subject, found in triples.items():
        by_subject.setdefault(subject, []).append(partial(_add_all, found))
    for records, subject_of, describe in ((kg.articles, lambda a: iri.article(a.id), _article),
                                       (kg.entities, lambda e: entity[e.key], _entity),
                                       (kg.events, lambda ev: iri.event(ev.key), _event),
                                       (kg.claims, lambda c: iri.claim(c.key), _claim),
                                       (kg.quantities, lambda q: iri.quantity(q.key), _quantity)):
        for r in records:
            by_subject.setdefault(subject_of(r), []).append(lambda g, r=r, describe=describe: describe(g, r, kg, iri, entity))
    return [partial(_describe_all, by_subject[subject]) for subject in sorted(by_subject, key=lambda node: f"<{node}>")]


def _describe_all(describers: list[Callable[[object], None]], g) -> None:
    for describe in describers:
        describe(g)


def _instances(base_iri: str | None) -> Instances:
    return Instances(base_iri) if base_iri else Instances()


def to_rdf(kg: KnowledgeGraph, base_iri: str | None = None) -> Graph:
    """The knowledge graph as an rdflib ``Graph`` in the project's data model (for readers and notebooks;
    the export files are written from the records by :func:`write_streamed`)."""
    g = Graph()
    _bind(g)
    for describe in _descriptions(kg, _instances(base_iri)):
        describe(g)
    return g


def triple_groups(kg: KnowledgeGraph, base_iri: str | None = None, *, with_scheme: bool = True) -> Iterator[list[ox.Triple]]:
    """The triples of :func:`to_rdf`, one sorted list per subject, subjects in order, made one subject at a time.

    Without ``with_scheme``, the triples of ``kg``'s records only (the event-type scheme is left out): a part of
    the graph (:mod:`kg.pipeline.shards`).
    """
    for describe in _descriptions(kg, _instances(base_iri), with_scheme):
        found = _Triples()
        describe(found)
        yield sorted({ox.Triple(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in found}, key=str)


class _NTriplesWriter:
    def __init__(self, handle: IO[bytes]):
        self.handle = handle

    def write(self, group: list[ox.Triple]) -> None:
        self.handle.write(ox.serialize(group, format=ox.RdfFormat.N_TRIPLES))

    def close(self) -> None:
        pass


class _TurtleWriter(_NTriplesWriter):
    """One subject block at a time; the @prefix lines once, sorted, at the top (pyoxigraph orders them by hash)."""

    PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}

    def __init__(self, handle: IO[bytes]):
        super().__init__(handle)
        self.started = False

    def write(self, group: list[ox.Triple]) -> None:
        lines = ox.serialize(group, format=ox.RdfFormat.TURTLE, prefixes=self.PREFIXES).split(b"\n")
        count = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix")), len(lines))
        if not self.started:
            self.handle.write(b"".join(line + b"\n" for line in sorted(lines[:count])))
            self.started = True
        self.handle.write(b"\n".join(lines[count:]))


class _JsonLdWriter(_NTriplesWriter):
    """JSON-LD in the compact context: one node object per subject, in subject order, values in triple order."""

    TERMS = {str(prop): (term, str(kind) if kind else None) for term, (prop, kind) in _TERMS.items()}
    NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda pair: -len(pair[0]))

    def __init__(self, handle: IO[bytes]):
        super().__init__(handle)
        context = json.dumps(JSONLD_CONTEXT, ensure_ascii=False, sort_keys=True, indent=1).replace("\n", "\n ")
        handle.write(f'{{\n "@context": {context},\n "@graph": ['.encode("utf-8"))
        self.nodes = 0

    def compact(self, iri: str) -> str:
        for namespace, prefix in self.NAMESPACES:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri

    def value(self, term: ox.NamedNode | ox.Literal, kind: str | None) -> object:
        if isinstance(term, ox.NamedNode):
            return self.compact(term.value) if kind == "@id" else {"@id": self.compact(term.value)}
        if term.language:
            return {"@language": term.language, "@value": term.value}
        datatype = term.datatype.value
        if datatype == kind or (kind is None and datatype == str(XSD.string)):
            return term.value
        return {"@type": self.compact(datatype), "@value": term.value}

    def write(self, group: list[ox.Triple]) -> None:
        node: dict[str, list] = {}
        for triple in group:
            if triple.predicate.value == str(RDF.type):
                node.setdefault("@type", []).append(self.compact(triple.object.value))
                continue
            term, kind = self.TERMS.get(triple.predicate.value, (self.compact(triple.predicate.value), None))
            node.setdefault(term, []).append(self.value(triple.object, kind))
        data = {"@id": self.compact(group[0].subject.value)} | {k: v[0] if len(v) == 1 else v for k, v in node.items()}
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).replace("\n", "\n  ")
        self.handle.write(f'{"," if self.nodes else ""}\n  {text}'.encode("utf-8"))
        self.nodes += 1

    def close(self) -> None:
        self.handle.write(b"\n ]\n}" if self.nodes else b"]\n}")


#: formats written straight from the records by :func:`write_streamed`; TriG is written from an rdflib Dataset
STREAMED = {"nt": _NTriplesWriter, "turtle": _TurtleWriter, "jsonld": _JsonLdWriter}


def write_streamed(kg: KnowledgeGraph, paths: dict[str, Path], base_iri: str | None = None) -> int:
    """Write each format of ``paths`` (keys of ``STREAMED``) atomically, in one pass over the records.

    No graph is held: each subject's triples are made, written to every file
    and dropped.  Returns the number of triples.
    """
    return write_groups(triple_groups(kg, base_iri), paths)


def write_groups(groups: Iterable[list[ox.Triple]], paths: dict[str, Path]) -> int:
    """Write each format of ``paths`` atomically from triples grouped by subject, subjects in order (as
    :func:`triple_groups` makes them, or :func:`kg.pipeline.shards.merged_groups` reads them back); the count."""
    count = 0
    with ExitStack() as stack:
        writers = [STREAMED[fmt](stack.enter_context(atomic_open(Path(path), "wb"))) for fmt, path in paths.items()]
        for group in groups:
            count += len(group)
            for writer in writers:
                writer.write(group)
        for writer in writers:
            writer.close()
    return count


def to_dataset(g: Graph) -> Dataset:
    """The graph split by provenance: one named graph per source article, named by the article's IRI.

    A fact derived from an article (``prov:wasDerivedFrom``) goes, with all its
    triples, into that article's graph (into each one when several articles
    report it); articles, entities and the event-type scheme stay in the default
    graph.  The union of all graphs is ``g``.
    """
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    homes: dict[URIRef, list[URIRef]] = {}
    for s, o in g.subject_objects(PROV.wasDerivedFrom):
        homes.setdefault(s, []).append(o)
    graphs = {article: ds.graph(article) for article in sorted({a for arts in homes.values() for a in arts})}
    default = ds.default_graph
    for triple in g:
        for article in homes.get(triple[0], ()):
            graphs[article].add(triple)
        if triple[0] not in homes:
            default.add(triple)
    return ds


class _SortedTrig(TrigSerializer):
    """rdflib's TriG writer with the graphs in IRI order (the store keeps them in a set)."""

    def __init__(self, store):
        super().__init__(store)
        self.contexts.sort(key=lambda c: str(c.identifier))


def _ox_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def _sorted_triples(g: Graph) -> list:
    """The graph's triples as pyoxigraph terms, sorted (subjects grouped) so output bytes are stable."""
    return sorted((ox.Triple(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in g), key=str)


def _ox_serialize(g: Graph, fmt: ox.RdfFormat) -> bytes:
    """Turtle or N-Triples through pyoxigraph's writer: about 4x faster than rdflib's on big graphs."""
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()} if fmt == ox.RdfFormat.TURTLE else None
    data = ox.serialize(_sorted_triples(g), format=fmt, prefixes=prefixes)
    if fmt != ox.RdfFormat.TURTLE:
        return data
    # the writer orders @prefix lines by its own hashing: sort them so every run writes the same bytes
    lines = data.split(b"\n")
    count = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix")), len(lines))
    return b"\n".join(sorted(lines[:count]) + lines[count:])


def serialize(g: Graph, fmt: str) -> bytes:
    """Bytes of one serialisation, the same for the same graph on every run."""
    if fmt == "nt":
        return _ox_serialize(g, ox.RdfFormat.N_TRIPLES)
    if fmt == "turtle":
        return _ox_serialize(g, ox.RdfFormat.TURTLE)
    if fmt == "trig":
        buffer = io.BytesIO()
        _SortedTrig(to_dataset(g)).serialize(buffer, encoding="utf-8")
        return buffer.getvalue()
    if fmt == "jsonld":
        data = json.loads(g.serialize(format="json-ld", context=JSONLD_CONTEXT))
        data["@graph"] = sorted(data.get("@graph", []), key=lambda node: node.get("@id", ""))  # rdflib walks a set
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    raise ExportError(f"unknown RDF format {fmt!r}; choose from {', '.join(FORMATS)}")


def ontology_graph() -> Graph:
    """The kg ontology: the OWL/RDFS terms of ``kg/data/ontology.ttl`` plus the event-type scheme from its table."""
    with resources.as_file(resources.files("kg") / "data" / ONTOLOGY_FILE) as path:
        g = Graph().parse(path, format="turtle")
    _bind(g)
    _scheme(g, Instances())
    return g


def write_ontology(folder: Path) -> Path:
    """Write the ontology beside the graph files as ``folder/ontology.ttl``: the hand-written terms as they are,
    then the generated event-type scheme (no blank nodes, so the bytes are the same on every run)."""
    target = Path(folder) / ONTOLOGY_FILE
    terms = (resources.files("kg") / "data" / ONTOLOGY_FILE).read_bytes()
    scheme = Graph()
    _bind(scheme)
    _scheme(scheme, Instances())
    write_bytes(target, terms + b"\n# --- generated from kg/data/events/types.tsv ---\n" + serialize(scheme, "turtle"))
    return target


def write_rdf(g: Graph, path: Path, fmt: str = "turtle") -> Path:
    """Serialise atomically to ``path``."""
    write_bytes(Path(path), serialize(g, fmt))
    return Path(path)
