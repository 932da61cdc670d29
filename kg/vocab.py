"""The only module that writes IRIs: namespaces, the ontology terms and instance IRIs.

Instance IRIs are deterministic: entities are a slug of type and canonical
name; events, claims and quantities a hash of what identifies them.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

__all__ = [
    "DEFAULT_BASE_IRI", "EVENT_TYPES", "MODALITIES", "KG", "OWL", "PROV", "RDF", "RDFS", "SCHEMA", "SEM",
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
    "Group": KG.Group,
    "Source": KG.AnonymousSource,
    "Document": SCHEMA.CreativeWork,
}


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
    text = (resources.files("kg") / "data" / "events" / "types.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {r[0]: EventType(r[0], r[2], tuple(r[3].split()), r[4], r[5], r[1] or None, r[6], r[7] == "mutual", r[8],
                     r[9] == "yes")
            for r in rows}


#: PLOVER's 16 event types and their narrower concepts, with CAMEO codes (kg/data/events/types.tsv)
EVENT_TYPES: dict[str, EventType] = _event_types()
#: how an event is told: only "asserted" events are facts that happened
MODALITIES = ("asserted", "negated", "intended", "future", "conditional", "alleged")


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
        return KG["".join(part.capitalize() for part in key.split("-"))]

    @staticmethod
    def modality(modality: str) -> URIRef:
        return KG[modality.capitalize()]

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
