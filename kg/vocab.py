"""The only module that writes IRIs: namespaces, the ontology terms and instance IRIs.

Instance IRIs are deterministic: entities are a slug of type and canonical
name; events, claims and quantities a hash of what identifies them.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from rdflib import Namespace, URIRef
from rdflib import namespace as rdflib_namespaces
from rdflib.namespace import SDO, DefinedNamespace

from kg.model import MODALITIES, STANCES, EntityKind, Modality, Stance
from kg.tables import read_table

__all__ = [
    "DEFAULT_BASE_IRI", "EVENT_TYPES", "KG", "OWL", "PROV", "RDF", "RDFS", "SCHEMA", "SEM",
    "SKOS", "XSD", "WIKIDATA", "EventType", "Instances", "PREFIXES", "slug", "stable_hash",
]

# Every vocabulary is a closed rdflib DefinedNamespace: a term it does not define (a typo) is an AttributeError.
# rdflib's own only warn, so kg closes them.


def _closed(namespace: type[DefinedNamespace]) -> type[DefinedNamespace]:
    """rdflib's ``namespace``, failing on a term it does not define instead of warning."""
    return type(namespace.__name__, (namespace,), {"_fail": True, "__slots__": ()})


RDF, RDFS, OWL, XSD, SKOS, PROV = (_closed(ns) for ns in (rdflib_namespaces.RDF, rdflib_namespaces.RDFS, rdflib_namespaces.OWL,
                                                         rdflib_namespaces.XSD, rdflib_namespaces.SKOS, rdflib_namespaces.PROV))
#: schema.org
SCHEMA = _closed(SDO)


class SEM(DefinedNamespace):
    """The Simple Event Model, the terms kg uses."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True
    Event: URIRef
    eventType: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTimeStamp: URIRef


#: Wikidata items: an open set of Q-ids, so an open namespace
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
DEFAULT_BASE_IRI = "https://example.org/kg/"


@dataclass(frozen=True)
class EventType:
    """A concept of the event-type scheme (one row of ``kg/data/events/types.tsv``)."""

    key: str
    label: str
    cameo_codes: tuple[str, ...]  #: CAMEO codes (roots "19" or second-level "173")
    plover: str  #: PLOVER event type ("COERCE")
    mode: str  #: PLOVER mode where the concept is one ("arrest"), else ""
    broader: str | None  #: key of the broader concept, None for PLOVER's top concepts
    definition: str
    mutual: bool  #: the order of the two actors carries no meaning ("meet", "trade")
    phrase: str  #: verb phrase for readable labels ("arrests")
    alone: bool  #: kept even when no actor is named ("40 people were arrested")

    @property
    def cameo(self) -> str:
        """The concept's main CAMEO code."""
        return self.cameo_codes[0]


def _event_types() -> dict[str, EventType]:
    return {r["key"]: EventType(r["key"], r["label"], tuple(r["cameo"].split()), r["plover"], r["mode"], r["broader"] or None,
                                r["definition"], r["order"] == "mutual", r["phrase"], r["alone"] == "yes")
            for r in read_table("events", "types.tsv")}


#: PLOVER's 16 event types and their narrower concepts, with CAMEO codes (kg/data/events/types.tsv)
EVENT_TYPES: dict[str, EventType] = _event_types()


def event_type_name(key: str) -> str:
    """The local name of an event type's concept: "reduce-relations" -> "ReduceRelations"."""
    return "".join(part.capitalize() for part in key.split("-"))


class KG(DefinedNamespace):
    """kg's own terms (kg/data/ontology.ttl), the modalities, stances and the event-type scheme's concepts."""

    _NS = Namespace("https://kg-news.github.io/ns#")
    _fail = True
    #: the concepts of the event-type scheme and the modalities, named from their tables
    _extras = [event_type_name(key) for key in EVENT_TYPES] + [m.capitalize() for m in MODALITIES] + list(STANCES)
    AnonymousSource: URIRef
    EventTypeScheme: URIRef
    Group: URIRef
    Modality: URIRef
    Stance: URIRef
    cameoCode: URIRef
    canonicalUrl: URIRef
    claimType: URIRef
    contentHash: URIRef
    contradicts: URIRef
    cue: URIRef
    dateBasis: URIRef
    duplicateOf: URIRef
    evidence: URIRef
    mentionCount: URIRef
    modality: URIRef
    ploverCode: URIRef
    ploverMode: URIRef
    quantity: URIRef
    quoteType: URIRef
    referencePeriod: URIRef
    reportedBy: URIRef
    sector: URIRef
    sourceActor: URIRef
    sourceCount: URIRef
    sourcePath: URIRef
    stance: URIRef
    targetActor: URIRef
    trigger: URIRef


PREFIXES = {
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "prov": PROV,
    "schema": SCHEMA, "sem": SEM, "kg": KG, "wd": WIKIDATA,
}

#: schema.org class for each entity kind the extractor produces
ENTITY_CLASSES: dict[EntityKind, URIRef] = {
    "Person": SCHEMA.Person,
    "Country": SCHEMA.Country,
    "Place": SCHEMA.Place,
    "City": SCHEMA.City,
    "AdministrativeArea": SCHEMA.AdministrativeArea,
    "Organization": SCHEMA.Organization,
    "GovernmentOrganization": SCHEMA.GovernmentOrganization,
    "NewsMediaOrganization": SCHEMA.NewsMediaOrganization,
    "EducationalOrganization": SCHEMA.EducationalOrganization,
    "Corporation": SCHEMA.Corporation,
    "Group": KG.Group,
    "Source": KG.AnonymousSource,
    "Document": SCHEMA.CreativeWork,
}


def slug(text: str, max_length: int = 80) -> str:
    """ASCII slug safe in an IRI path segment; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:max_length].strip("-")
    return out or "x" + stable_hash(text, 10)


def stable_hash(*parts: object, length: int = 16) -> str:
    """Hex digest of the parts; the same on every run and machine."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:length]


class Instances:
    """Mints instance IRIs under one base IRI."""

    def __init__(self, base: str = DEFAULT_BASE_IRI):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.ns = Namespace(self.base)

    def article(self, article_id: str) -> URIRef:
        return self.ns[f"article/{slug(article_id, 120)}"]

    def entity(self, key: str) -> URIRef:
        return self.ns[f"entity/{key}"]

    def event(self, key: str) -> URIRef:
        return self.ns[f"event/{key}"]

    def claim(self, key: str) -> URIRef:
        return self.ns[f"claim/{key}"]

    def quantity(self, key: str) -> URIRef:
        return self.ns[f"quantity/{key}"]

    def role(self, person_key: str, title: str) -> URIRef:
        return self.ns[f"role/{person_key}-{slug(title, 40)}"]

    @staticmethod
    def event_type(key: str) -> URIRef:
        return KG[event_type_name(key)]

    @staticmethod
    def modality(modality: Modality) -> URIRef:
        return KG[modality.capitalize()]

    @staticmethod
    def event_scheme() -> URIRef:
        return KG.EventTypeScheme

    @staticmethod
    def stance(stance: Stance) -> URIRef:
        return KG[stance]

    @staticmethod
    def entity_class(kind: EntityKind) -> URIRef:
        return ENTITY_CLASSES.get(kind, SCHEMA.Thing)

    @staticmethod
    def wikidata(qid: str) -> URIRef:
        return WIKIDATA[qid]
