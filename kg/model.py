"""The data model: every record that flows between stages, as frozen dataclasses.

Records are plain, hashable and picklable so that per-article results can be
cached by content hash and shipped between Dask workers.  spaCy objects never
appear here: extraction turns ``Doc`` spans into these records.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, cast, get_args

# --- the closed vocabularies of the records (mypy checks them; the cache refuses any other value) -----------

#: what an entity is; kg.vocab.ENTITY_CLASSES gives each its RDF class
EntityKind = Literal["Person", "Country", "Place", "City", "AdministrativeArea", "Organization", "GovernmentOrganization",
                     "NewsMediaOrganization", "EducationalOrganization", "Corporation", "Group", "Source", "Document"]
#: the kinds that are places below the level of a country
PLACE_KINDS: frozenset[EntityKind] = frozenset({"Place", "City", "AdministrativeArea"})
#: the kinds an event can take place in
LOCATION_KINDS: frozenset[EntityKind] = PLACE_KINDS | {"Country"}
#: the kinds 'it' never refers to (people and places below a country), so a pronoun skips them for its antecedent
PERSON_OR_PLACE_KINDS: frozenset[EntityKind] = PLACE_KINDS | {"Person"}
#: whether a claim asserts or denies what it says
Stance = Literal["Assert", "Deny"]
#: a quotation, a reported clause, or a reported clause quoting a fragment
QuoteType = Literal["direct", "indirect", "mixed"]
#: the class of the cue that attributes a claim (kg/data/claims/cues.tsv)
ClaimType = Literal["statement", "evidence", "belief", "intention"]
#: how an event is told: only "asserted" events are facts that happened
Modality = Literal["asserted", "negated", "intended", "future", "conditional", "alleged"]
#: a key of the event-type scheme, ``kg.vocab.EVENT_TYPES`` (the rows of kg/data/events/types.tsv; the rule
#: tables are checked against it when they load)
EventKey = str

MODALITIES: tuple[Modality, ...] = get_args(Modality)
STANCES: tuple[Stance, ...] = get_args(Stance)
CLAIM_TYPES: tuple[ClaimType, ...] = get_args(ClaimType)


@dataclass(frozen=True)
class Article:
    """One news article after ingest and cleaning."""

    id: str  #: stable id derived from the source path (and record number)
    text: str  #: cleaned text that NLP sees
    title: str = ""  #: headline ("" when unknown)
    url: str = ""
    date: dt.date | None = None  #: publication date, the anchor for relative dates
    source_path: str = ""  #: input path relative to the build input, "#n" for records
    content_hash: str = ""  #: sha256 of ``text``
    duplicate_of: str | None = None  #: id of the article this one repeats
    #: (clean_start, raw_start, length) runs mapping cleaned offsets to the raw text
    offsets: tuple[tuple[int, int, int], ...] = ()
    canonical_url: str = ""  #: the page's own canonical URL (HTML metadata), when it differs from ``url``
    author: str = ""  #: byline ("" when unknown)
    publisher: str = ""  #: outlet name ("" when unknown)
    section: str = ""  #: section of the outlet ("World", "Politics")
    #: for a further article of the same text (a passage after a ``-----`` line), the id of the text's first one
    origin: str = ""

    def raw_offset(self, clean_offset: int) -> int:
        """Map an offset in ``text`` back to the original file's text."""
        for clean_start, raw_start, length in self.offsets:
            if clean_start <= clean_offset <= clean_start + length:
                return raw_start + clean_offset - clean_start
        return clean_offset


@dataclass(frozen=True)
class Skipped:
    """An input item that could not be built, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the article, the sentence and its raw offsets."""

    article_id: str
    sentence: str
    start: int  #: character offset of the sentence in the original text
    end: int


@dataclass(frozen=True)
class Mention:
    """A name in a text that refers to an actor or a place."""

    text: str  #: surface form as written ("President Xi", "the U.S.")
    name: str  #: normalised name (titles, articles, possessives stripped)
    kind: EntityKind
    article_id: str
    start: int  #: character offset in the cleaned text
    end: int
    role: str = ""  #: job title from a title or apposition ("Foreign Minister")
    affiliation: str = ""  #: name of the organisation or country the role belongs to
    sector: str = ""  #: for a group ("police", "protesters"): its CAMEO agent code ("COP", "OPP")


@dataclass(frozen=True)
class EventMention:
    """One event as one sentence tells it."""

    event_type: EventKey  #: "meet", "visit", ...
    trigger: str  #: lemma of the verb or noun
    source: Mention | None
    target: Mention | None
    evidence: Evidence
    place: Mention | None = None
    date: dt.date | None = None
    negated: bool = False  #: only for reported statements ("did not supply"); facts are never negated
    offset: int = -1  #: character offset of the trigger in the cleaned text
    #: how the sentence tells it; only "asserted" events happened
    modality: Modality = "asserted"
    reported_by: Mention | None = None  #: who the sentence says reports it ("..., officials said")
    date_basis: str = ""  #: what ``date`` was resolved from (``kg.extract.dates.DateReading.basis``)


@dataclass(frozen=True)
class ClaimMention:
    """Something a speaker said, asserted or denied, in one sentence."""

    speaker: Mention
    stance: Stance
    text: str  #: the quote or the reported clause
    quote_type: QuoteType
    cue: str  #: lemma of the reporting word ("say", "deny", "according to")
    about: tuple[Mention, ...]
    evidence: Evidence
    keywords: tuple[str, ...] = ()  #: content lemmas, used to match an accusation with its denial
    span: tuple[int, int] = (-1, -1)  #: character offsets of the content in the cleaned text
    statement: EventMention | None = None  #: the who-did-what-to-whom the claim states, if any
    claim_type: ClaimType = "statement"


@dataclass(frozen=True)
class QuantityMention:
    """A number with a unit, what it measures and when."""

    value: Decimal
    unit: str  #: "USD", "EUR", "percent", "count", ...
    text: str  #: the surface form ("$240 billion")
    description: str  #: what is measured ("trade between China and Russia")
    about: tuple[Mention, ...]
    evidence: Evidence
    period: str = ""  #: "2023", "2025-01/2025-07", or "" when not stated


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything extracted from one article; the unit of caching."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    events: tuple[EventMention, ...] = ()
    claims: tuple[ClaimMention, ...] = ()
    quantities: tuple[QuantityMention, ...] = ()
    word_count: int = 0


# --- resolved, corpus-level records -------------------------------------------------


class Sourced:
    """Mixin for records merged over articles: the ids of the articles their evidence comes from."""

    evidence: tuple[Evidence, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({e.article_id for e in self.evidence}))


@dataclass(frozen=True)
class Entity:
    """One real-world actor or place, merged over all its mentions."""

    key: str  #: stable id: slug of kind + canonical name
    label: str  #: canonical name
    kind: EntityKind
    aliases: tuple[str, ...] = ()  #: every other surface form seen
    mention_count: int = 0
    articles: tuple[str, ...] = ()  #: ids of articles that mention it
    job_titles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()  #: keys of organisations/countries it belongs to
    nationality: str | None = None  #: key of a Country
    same_as: tuple[str, ...] = ()  #: outside identifiers (e.g. Wikidata IRIs)
    sector: str = ""  #: CAMEO agent code of a group ("COP" police)


@dataclass(frozen=True)
class Event(Sourced):
    """An event merged over every article that reports it."""

    key: str
    event_type: EventKey
    trigger: str
    source: str | None  #: entity key
    target: str | None
    place: str | None
    date: dt.date | None
    evidence: tuple[Evidence, ...]
    label: str = ""
    modality: Modality = "asserted"  #: see ``EventMention.modality``; only "asserted" events are facts
    reported_by: tuple[str, ...] = ()  #: keys of the entities that report it
    date_basis: str = ""  #: what ``date`` was resolved from ("'on Thursday': the Thursday on or before ...")


@dataclass(frozen=True)
class Claim(Sourced):
    """A statement attributed to a speaker, with its stance."""

    key: str
    speaker: str  #: entity key
    stance: Stance
    text: str
    quote_type: QuoteType
    cue: str
    about: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    keywords: tuple[str, ...] = ()
    #: (event type, source key, target key) the claim states; never asserted as a fact
    statement: tuple[EventKey, str, str | None] | None = None
    contradicts: tuple[str, ...] = ()  #: keys of claims with the opposite stance on the same thing
    quantities: tuple[str, ...] = ()
    claim_type: ClaimType = "statement"


@dataclass(frozen=True)
class Quantity(Sourced):
    """A normalised number merged over the articles that report it."""

    key: str
    value: Decimal
    unit: str
    text: str
    description: str
    about: tuple[str, ...]
    period: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class KnowledgeGraph:
    """The resolved corpus: what every export and the viewer are made from."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    quantities: tuple[Quantity, ...]
    mentions: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    """article id -> keys of the entities it mentions"""
    merges: tuple[tuple[str, str, str, str], ...] = field(default=(), compare=False)
    """(entity key, name as written, canonical label, reason) for every name resolution merged: the audit trail"""

    sources: dict[str, str] | None = field(default=None, compare=False, repr=False)
    """article id -> the independent original it counts as (:func:`independent_sources`); made from ``articles``
    unless given, as for a part of the graph whose articles are elsewhere"""

    def source_count(self, record: "Sourced") -> int:
        """Independent articles behind an event, claim or quantity: a duplicate, or a further telling
        in the same file (``Article.origin``), counts as its original."""
        if self.sources is None:
            object.__setattr__(self, "sources", independent_sources((a.id, a.origin, a.duplicate_of) for a in self.articles))
        sources = cast(dict[str, str], self.sources)
        return len({sources.get(e.article_id, e.article_id) for e in record.evidence})


def independent_sources(articles: Iterable[tuple[str, str, str | None]]) -> dict[str, str]:
    """Article id -> the article it counts as, from (id, origin, duplicate_of) triples: a duplicate counts as its
    original, and a further telling in the same file as the file's first."""
    articles = list(articles)
    origins = {article_id: origin or article_id for article_id, origin, _ in articles}
    return {article_id: origins.get(duplicate_of or article_id, duplicate_of or article_id) for article_id, _, duplicate_of in articles}
