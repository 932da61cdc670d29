"""The only module that writes IRIs: namespaces, the ontology terms and instance IRIs.

Instance IRIs are deterministic: entities are a slug of type and canonical
name; events, claims and quantities a hash of what identifies them.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

__all__ = [
    "DEFAULT_BASE_IRI", "EVENT_TYPES", "KG", "OWL", "PROV", "RDF", "RDFS", "SCHEMA", "SEM",
    "SKOS", "XSD", "WIKIDATA", "EventType", "Instances", "PREFIXES", "slug", "stable_hash",
]

SCHEMA = SDO
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
KG = Namespace("https://kg-news.github.io/ns#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
DEFAULT_BASE_IRI = "https://example.org/kg/"

PREFIXES = {
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "prov": PROV,
    "schema": SCHEMA, "sem": SEM, "kg": KG, "wd": WIKIDATA,
}

#: schema.org class for each entity kind the extractor produces
ENTITY_CLASSES = {
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
}


class EventType:
    """A concept of the event-type scheme: key, label, CAMEO and PLOVER codes."""

    __slots__ = ("key", "label", "cameo", "plover")

    def __init__(self, key: str, label: str, cameo: str, plover: str):
        self.key, self.label, self.cameo, self.plover = key, label, cameo, plover


#: CAMEO top-level (or second-level) classes with their PLOVER counterparts
EVENT_TYPES: dict[str, EventType] = {
    t.key: t
    for t in (
        EventType("meet", "consult / meet", "04", "CONSULT"),
        EventType("visit", "make a visit", "042", "CONSULT"),
        EventType("cooperate", "engage in diplomatic cooperation", "05", "COOPERATE"),
        EventType("praise", "praise or endorse", "051", "COOPERATE"),
        EventType("trade", "cooperate economically / trade", "061", "COOPERATE"),
        EventType("aid", "provide aid or supply", "07", "AID"),
        EventType("demand", "demand", "10", "DEMAND"),
        EventType("accuse", "disapprove / accuse / criticise", "11", "ACCUSE"),
        EventType("reject", "reject", "12", "REJECT"),
        EventType("threaten", "threaten", "13", "THREATEN"),
        EventType("sanction", "impose sanctions or embargo", "163", "SANCTION"),
        EventType("attack", "use conventional military force", "19", "ASSAULT"),
    )
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
        return KG[key.capitalize()]

    @staticmethod
    def event_scheme() -> URIRef:
        return KG["EventTypeScheme"]

    @staticmethod
    def stance(stance: str) -> URIRef:
        return KG[stance]

    @staticmethod
    def entity_class(kind: str) -> URIRef:
        return ENTITY_CLASSES.get(kind, SCHEMA.Thing)

    @staticmethod
    def wikidata(qid: str) -> URIRef:
        return WIKIDATA[qid]
