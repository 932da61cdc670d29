"""Resolution: mentions -> canonical entities; event, claim and quantity mentions
-> corpus-level records merged over every article that reports them.

No spaCy here.  Name matching is near-linear: names are blocked by their
last word's first letters and only compared within a block (rapidfuzz).
:func:`resolve` does it in one process; its steps (fit, gather, split, finish,
link: see below) are what a cluster runs over partitions and buckets.
"""
from __future__ import annotations

from collections import Counter, defaultdict
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple, cast

from rapidfuzz import fuzz

from kg.config import Settings
from kg.gazetteer import gazetteer, name_key
from kg.model import (
    PLACE_KINDS, ArticleExtraction, Claim, ClaimMention, Entity, EntityKind, Event, EventMention, KnowledgeGraph, Mention,
    Quantity, QuantityMention,
)
from kg.vocab import EVENT_TYPES, slug, stable_hash

__all__ = ["resolve", "EntityResolver", "Fitted", "Pieces", "Links", "fit", "gather", "finish", "facts", "link",
           "resolution_mentions", "in_corpus_order", "bucket_of"]

_FAMILY: dict[str, str] = {
    "Person": "person", "Country": "country", **dict.fromkeys(sorted(PLACE_KINDS), "place"),
    "Group": "group", "Source": "source", "Document": "source",
}

#: letters of a name's last word that its spelling variants share ("Zelensky", "Zelenskyy"); comparing names only
#: within such a block keeps fuzzy matching from comparing every pair of names
_BLOCK_PREFIX = 3


def family(kind: str) -> str:
    """Coarse type used for identity: person, country, place or organization."""
    return _FAMILY.get(kind, "organization")


class EntityResolver:
    """Maps mentions to canonical entities; one entity per real-world name.

    Each article is read first: a name's type is the one its own article gives it (the corpus vote
    only breaks a tie), and a surname or "Mr X" is the full name that article uses.  Deterministic
    and order-independent: labels come from counts with ties broken by the name itself.  Every
    merge is kept with its reason (:meth:`merge_table`) so a user can audit it.
    """

    def __init__(self, fuzzy_threshold: float = Settings.fuzzy_name, corpus_prior: float = Settings.corpus_prior):
        self.threshold, self.corpus_prior = fuzzy_threshold, corpus_prior
        self._canonical: dict[tuple[str, str], str] = {}  # (family, name key) -> canonical name
        self._people: dict[tuple[str, str, str, bool], str] = {}  # _person_key -> canonical name
        self._family: dict[tuple[str, str], str] = {}  # (article, name key) -> family
        self._majority: dict[str, str] = {}  # name key -> the corpus' family
        self._merges: dict[tuple[str, str, str], str] = {}  # (family, name, label) -> why name became label

    def fit(self, mentions: Iterable[Mention]) -> "EntityResolver":
        mentions = list(mentions)
        corpus: dict[str, Counter] = defaultdict(Counter)
        local: dict[tuple[str, str], Counter] = defaultdict(Counter)
        for m in mentions:
            fam = family(_known_kind(m))
            corpus[name_key(m.name)][fam] += 1
            local[(m.article_id, name_key(m.name))][fam] += 1
        self._majority = {key: _vote(c) for key, c in corpus.items()}
        # the article's own evidence decides ("West Indies" a team in one report, a place in another);
        # the other articles' shares weigh in as one and a half mentions, so they outvote one stray label
        self._family = {(article, key): _vote(_with_prior(c, corpus[key], self.corpus_prior), self._majority[key]) for (article, key), c in local.items()}
        counts: dict[str, Counter] = defaultdict(Counter)
        people: list[Mention] = []
        for m in mentions:
            fam = self.family_of(m)
            counts[fam][m.name] += 1
            if fam == "person":
                people.append(m)
        for fam, name_counts in counts.items():
            if fam != "person":
                self._fit_family(fam, name_counts)
        self._fit_people(people, counts["person"])
        return self

    def _fit_family(self, fam: str, name_counts: Counter) -> None:
        canonical: dict[str, str] = {}
        for name in name_counts:
            known = gazetteer().lookup(name)
            if known and family(known.kind) == fam:
                canonical[name] = known.label
                self._merged(fam, name, known.label, "an alias the gazetteer lists")
        if fam != "group":  # a group's name is its noun and owner ("police (United Kingdom)"), not a spelling
            canonical.update(self._merge_fuzzy([n for n in name_counts if n not in canonical], name_counts, fam))
        for name in name_counts:
            self._canonical[(fam, name_key(name))] = canonical.get(name, name)

    def _merged(self, fam: str, name: str, label: str, reason: str) -> None:
        if name_key(name) != name_key(label):
            self._merges.setdefault((fam, name, label), reason)

    def _merge_fuzzy(self, names: list[str], counts: Counter, fam: str) -> dict[str, str]:
        """Spelling variants within blocks of names sharing their last word's first letters (``_BLOCK_PREFIX``)."""
        blocks: dict[str, list[str]] = defaultdict(list)
        for name in names:
            blocks[name_key(name).split()[-1][:_BLOCK_PREFIX] if name.split() else ""].append(name)
        out: dict[str, str] = {}
        for block in blocks.values():
            ranked = sorted(block, key=lambda n: (-len(n.split()), -counts[n], n))
            for name in ranked:
                if name in out:
                    continue
                out[name] = name
                for other in ranked:
                    if other not in out and len(other.split()) == len(name.split()) and fuzz.ratio(name_key(name), name_key(other)) >= self.threshold:
                        out[other] = name
        # the most frequent spelling of each group becomes its label
        groups: dict[str, list[str]] = defaultdict(list)
        for name, head in out.items():
            groups[head].append(name)
        for members in groups.values():
            label = min(members, key=lambda n: (-counts[n], n))
            for n in members:
                out[n] = label
                self._merged(fam, n, label, f"a spelling variant (similarity {fuzz.ratio(name_key(n), name_key(label)):.0f})")
        return out

    def _fit_people(self, people: list[Mention], counts: Counter) -> None:
        """Full names merge by spelling; a short name ("Blair", "Mr Blair", "Von der Leyen") is the one
        longer name its own article gives that person, else the corpus' most used full name with that surname.

        An honorific keeps people apart: "Mrs Blair" never joins a man's name, nor "Mr Blair" a woman's.
        """
        by_article: dict[str, set[str]] = defaultdict(set)
        for m in people:
            by_article[m.article_id].add(m.name)
        # in each article, the longest names that contain a name (none: the name is a full name there)
        owners = {(article, name): _maximal([n for n in names if _contains(n, name)])
                  for article, names in by_article.items() for name in names}
        full = sorted({name for (_, name), found in owners.items() if not found and len(name.split()) > 1})
        spelling = self._merge_fuzzy(full, counts, "person")
        surnamed: dict[str, set[str]] = defaultdict(set)  # a full spelling's last word -> the labels written with it
        for name, label in spelling.items():
            if len(words := name_key(name).split()) > 1:
                surnamed[words[-1]].add(label)
        gender_of = _genders(people, owners, spelling)
        usage: Counter[str] = Counter()
        for m in people:
            found = owners[(m.article_id, m.name)]
            if not found and m.name in spelling:
                usage[spelling[m.name]] += 1
            elif len(found) == 1 and found[0] in spelling:
                usage[spelling[found[0]]] += 1

        def fits(label: str, gender: str) -> bool:
            return not gender or gender_of.get(label, gender) == gender

        # a name after a title is a surname ("Mr Blair"), never a given name: "Prince Charles" is no Charles
        # Kennedy, and where a title keeps a name from the article's full name, the bare name stays apart too
        blocked: set[tuple[str, str]] = set()
        titles: dict[tuple[str, str], set[str]] = defaultdict(set)  # the titles each name is written with
        for m in people:
            if _titled(m):
                titles[(m.article_id, m.name)].add(m.text.split()[0].casefold())
        for m in sorted(people, key=lambda m: not _titled(m)):
            key = _person_key(m)
            if key in self._people:
                continue
            candidates = [n for n in owners[(m.article_id, m.name)] if n in spelling and fits(spelling[n], key[2])]
            found = sorted({spelling[n] for n in candidates if _contains(n, m.name, surname=key[3] and not _given_name_after(m, titles[(m.article_id, n)]))})
            if key[3] and candidates and not found:
                blocked.add(key[:2])
            if not key[3] and key[:2] in blocked:
                found = []
            label, reason = spelling.get(m.name, m.name), ""
            if m.name in spelling and not owners[(m.article_id, m.name)]:
                pass  # a full name: its spelling group decides
            elif len(found) == 1:
                label, reason = found[0], "a short form of the one longer name its article gives that person"
            elif not owners[(m.article_id, m.name)] and len(m.name.split()) == 1:
                # outside its article a "Mrs Howard" needs a full name known to be a woman's
                elsewhere = [f for f in surnamed.get(name_key(m.name), ()) if f in usage
                             and (gender_of.get(f) == key[2] if key[2] else True)]
                best = min(elsewhere, key=lambda f: (-usage[f], f), default=None)
                if best is not None:
                    label, reason = best, "a surname alone: the corpus' most used full name with that surname"
            if label == m.name and key[2]:
                label = f"{m.text.split()[0].rstrip('.').title()} {m.name}"  # "Mrs Blair" apart from a "Mr Blair"
            self._people[key] = label
            self._merged("person", m.text, label, reason)
        for name in counts:
            self._canonical[("person", name_key(name))] = spelling.get(name, name)
        self._relabel_people(people, counts)

    def _relabel_people(self, people: list[Mention], counts: Counter) -> None:
        """Label each merged person with the full spelling the corpus uses most, short forms included.

        "Volodymyr Zelensky" (once) beats "Volodymyr Zelenskyy" (once) when "Zelensky" is written three times.
        """
        groups: dict[str, set[str]] = defaultdict(set)
        for m in people:
            groups[self._people[_person_key(m)]].add(m.name)
        relabel: dict[str, str] = {}
        for label, members in groups.items():
            longest = max(len(n.split()) for n in members)
            spellings = [n for n in members if len(n.split()) == longest]

            def used(candidate: str) -> int:
                words = name_key(candidate).split()
                return counts[candidate] + sum(counts[n] for n in members if len(n.split()) < longest
                                               and words[-len(name_key(n).split()):] == name_key(n).split())
            relabel[label] = min(spellings, key=lambda n: (-used(n), n)) if longest > 1 else label
        self._people = {key: relabel.get(label, label) for key, label in self._people.items()}
        self._canonical = {key: relabel.get(label, label) if key[0] == "person" else label for key, label in self._canonical.items()}
        self._merges = {(fam, name, relabel.get(label, label) if fam == "person" else label): why
                        for (fam, name, label), why in self._merges.items()}

    def family_of(self, mention: Mention) -> str:
        key = name_key(mention.name)
        return self._family.get((mention.article_id, key)) or self._majority.get(key, family(mention.kind))

    def label(self, mention: Mention) -> str:
        fam = self.family_of(mention)
        if fam == "person":
            person = self._people.get(_person_key(mention))
            if person is not None:
                return person
        return self._canonical.get((fam, name_key(mention.name)), mention.name)

    def key(self, mention: Mention) -> str:
        return entity_key(self.family_of(mention), self.label(mention))

    def merge_table(self) -> list[tuple[str, str, str, str]]:
        """(entity key, name as written, canonical label, reason) for every merge: the audit trail."""
        return sorted((entity_key(fam, label), name, label, why) for (fam, name, label), why in self._merges.items()
                      if name_key(name) != name_key(label))


def _vote(counts: Counter, tie: str = "") -> str:
    """The most frequent key; a tie goes to ``tie`` when it is among the best, else to the first alphabetically."""
    best = max(counts.values())
    leaders = sorted(k for k, c in counts.items() if c == best)
    return tie if tie in leaders else leaders[0]


def _with_prior(local: Counter, corpus: Counter, prior: float) -> Counter:
    """An article's own type votes plus the shares of the other articles' votes, worth ``prior`` mentions."""
    others = corpus - local
    total = sum(others.values())
    return Counter({fam: local[fam] + (prior * others[fam] / total if total else 0) for fam in corpus})


def _titled(mention: Mention) -> bool:
    """Written with a title or honorific before the name ("Mr Blair", "Prince Charles")."""
    return len(mention.text.split()) > len(mention.name.split())


def _given_name_after(mention: Mention, full_name_titles: set[str]) -> bool:
    """A title that comes before a given name: "Sir Menzies", or one the full name is written with too
    ("Sheikh Mohammed" after "Sheikh Mohammed bin Abdulrahman Al Thani"; "Prince Charles" is no Charles Kennedy)."""
    title = mention.text.split()[0].casefold()
    return title in gazetteer().given_name_honorifics or title in full_name_titles


def _person_key(mention: Mention) -> tuple[str, str, str, bool]:
    """What decides who a person's mention is: its article, name, the gender its honorific gives, and whether
    it came with a title."""
    return mention.article_id, name_key(mention.name), _gender(mention), _titled(mention)


def _gender(mention: Mention) -> str:
    """The gender the mention's honorific gives ("Mrs Blair" -> "female"), or ""."""
    words = mention.text.split()
    return (gazetteer().honorific(words[0]) or "") if len(words) > 1 else ""


def _genders(people: list[Mention], owners: dict[tuple[str, str], list[str]], spelling: dict[str, str]) -> dict[str, str]:
    """Each full name's gender, from the honorifics of its own mentions and of the short forms that can
    only be that person in their article ("Tony Blair ... Mr Blair")."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in people:
        gender = _gender(m)
        found = owners[(m.article_id, m.name)] or [m.name]
        if gender and len(found) == 1 and found[0] in spelling:
            votes[spelling[found[0]]][gender] += 1
    # a tie leaves the gender contested: then no short form with an honorific joins the name
    return {name: _vote(c) if len(set(c.values())) > 1 or len(c) == 1 else "contested" for name, c in votes.items()}


def _maximal(names: list[str]) -> list[str]:
    """The names not contained in another of them ("Ursula von der Leyen", not "Von der Leyen")."""
    return sorted(n for n in names if not any(_contains(other, n) for other in names))


def _contains(full: str, short: str, *, surname: bool = False) -> bool:
    """``short``'s words appear in order in ``full`` ("George Bush" in "George W Bush", "Xi" in "Xi Jinping");
    with ``surname`` they must end with its last word."""
    words, wanted = name_key(full).split(), name_key(short).split()
    if not wanted or len(wanted) >= len(words) or (surname and wanted[-1] != words[-1]):
        return False
    found = iter(words)
    return all(word in found for word in wanted)


def _without_honorifics(role: str) -> str:
    """A job title without the honorifics that came with the name ("Mr" is no role)."""
    return " ".join(w for w in role.split() if gazetteer().honorific(w) is None)


def _known_kind(mention: Mention) -> str:
    """The gazetteer's kind for a known name, unless a capital is used literally as a city."""
    known = gazetteer().lookup(mention.name) if mention.kind != "Person" else None
    if known is None:
        return mention.kind
    literal_place = gazetteer().is_metonym(mention.name) and gazetteer().place(mention.name) is not None
    return mention.kind if literal_place and mention.kind != "Country" else known.kind


def entity_key(fam: str, label: str) -> str:
    return f"{fam}/{slug(label)}"


# Resolution in steps a cluster can split (kg.pipeline.dask runs them on its workers; :func:`resolve` runs them
# here, on the whole corpus as one partition):
#
#   fit      every mention, in corpus order -> the resolver, each entity key's label
#   gather   a partition's extractions -> its Pieces: its share of every record, keyed by what merges it
#   split    Pieces -> one Pieces per bucket of keys; the buckets of every partition are merged with ``add``
#   finish   a bucket's Pieces -> its entities, events, claims and quantities
#   link     small projections of every bucket's claims, entities and quantities -> Links, applied per bucket


@dataclass
class Fitted:
    """The fitted resolver and what the later steps need of the whole corpus: each entity key's label (the one
    its last mention gives) and, for each label's name key, the entity it names (the first to use it)."""

    resolver: EntityResolver
    labels: dict[str, str]
    name_to_key: dict[str, str]


def resolution_mentions(extractions: Iterable[ArticleExtraction]) -> list[Mention]:
    """Every mention resolution reads, in corpus order: articles by id, each article's NER mentions, then the actors."""
    return [m for x in sorted(extractions, key=lambda x: x.article.id) for m in (*x.mentions, *_actor_mentions(x))]


def in_corpus_order(*mention_lists: list[Mention]) -> list[Mention]:
    """The :func:`resolution_mentions` of several partitions as one list, in corpus order."""
    return sorted((m for mentions in mention_lists for m in mentions), key=lambda m: m.article_id)


def fit(mentions: list[Mention], fuzzy_threshold: float = Settings.fuzzy_name, corpus_prior: float = Settings.corpus_prior) -> Fitted:
    resolver = EntityResolver(fuzzy_threshold, corpus_prior).fit(mentions)
    labels: dict[str, str] = {}
    for m in mentions:
        labels[resolver.key(m)] = resolver.label(m)
    name_to_key: dict[str, str] = {}
    for key, label in labels.items():
        name_to_key.setdefault(name_key(label), key)
    return Fitted(resolver, labels, name_to_key)


@dataclass
class _EntityPiece:
    kinds: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    count: int = 0
    articles: set[str] = field(default_factory=set)
    roles: Counter = field(default_factory=Counter)
    affiliations: set[str] = field(default_factory=set)
    sectors: Counter = field(default_factory=Counter)

    def add(self, other: _EntityPiece) -> None:
        self.kinds += other.kinds
        self.aliases |= other.aliases
        self.count += other.count
        self.articles |= other.articles
        self.roles += other.roles
        self.affiliations |= other.affiliations
        self.sectors += other.sectors


class _EventReport(NamedTuple):
    mention: EventMention
    place: str | None
    reported_by: str | None


class _ClaimReport(NamedTuple):
    mention: ClaimMention
    about: frozenset[str]
    statement: tuple[str, str, str | None] | None


@dataclass
class Pieces:
    """Mentions grouped by the key of the record they become, with the entity keys they resolve to.

    Each group needs nothing else to become its records, so groups can be
    made per partition, moved to the bucket of their key and merged there.
    Within a group, one article's reports keep their order.
    """

    entities: dict[str, _EntityPiece] = field(default_factory=dict)
    events: dict[tuple, list[_EventReport]] = field(default_factory=dict)
    claims: dict[tuple, list[_ClaimReport]] = field(default_factory=dict)
    quantities: dict[tuple, list] = field(default_factory=dict)  #: (value, unit) -> (mention, entity keys) pairs

    def add(self, other: Pieces) -> Pieces:
        for key, piece in other.entities.items():
            self.entities.setdefault(key, _EntityPiece()).add(piece)
        for name in ("events", "claims", "quantities"):
            mine: dict[tuple, list] = getattr(self, name)
            for key, reports in getattr(other, name).items():
                mine.setdefault(key, []).extend(reports)
        return self

    def split(self, buckets: int) -> list[Pieces]:
        """One Pieces per bucket; a key's bucket is a stable hash of it, the same in every process."""
        parts = [Pieces() for _ in range(buckets)]
        for name in ("entities", "events", "claims", "quantities"):
            for key, value in getattr(self, name).items():
                getattr(parts[bucket_of(key, buckets)], name)[key] = value
        return parts


def bucket_of(key: object, buckets: int) -> int:
    return zlib.crc32(repr(key).encode("utf-8")) % buckets


def gather(extractions: Iterable[ArticleExtraction], fitted: Fitted) -> tuple[Pieces, dict[str, tuple[str, ...]]]:
    """A partition's Pieces, and the entity keys each of its articles mentions."""
    resolver, pieces = fitted.resolver, Pieces()
    mentioned: dict[str, set[str]] = defaultdict(set)

    def add(m: Mention) -> _EntityPiece:
        key = resolver.key(m)
        piece = pieces.entities.setdefault(key, _EntityPiece())
        piece.kinds[m.kind] += 1
        if m.sector:
            piece.sectors[m.sector] += 1
        piece.aliases.update((m.text, m.name))
        piece.articles.add(m.article_id)
        mentioned[m.article_id].add(key)
        return piece

    def key_of(m: Mention | None) -> str | None:
        return resolver.key(m) if m is not None else None

    for x in sorted(extractions, key=lambda x: x.article.id):
        for m in x.mentions:
            piece = add(m)
            piece.count += 1
            if role := _without_honorifics(m.role):
                piece.roles[role] += 1
            if m.affiliation:
                piece.affiliations.add(m.affiliation)
        for m in _actor_mentions(x):
            piece = add(m)
            if m.kind == "Group":  # groups are found only as actors, never by NER
                piece.count += 1
            if m.affiliation and family(m.kind) in ("group", "source"):
                piece.affiliations.add(m.affiliation)  # "police in Paris", "a spokesman for the Labour Party"
        for e in x.events:
            source, target = key_of(e.source), key_of(e.target)
            if source is not None and source == target:
                continue
            if EVENT_TYPES[e.event_type].mutual and target and source and target < source:
                source, target = target, source
            # without two identified actors, reports in different sentences cannot be told to be one event
            where = None if _identified(source, fitted.labels) and _identified(target, fitted.labels) else (e.evidence.article_id, e.evidence.start)
            pieces.events.setdefault((e.event_type, source, target, e.modality, where), []).append(
                _EventReport(e, key_of(e.place), key_of(e.reported_by)))
        for c in x.claims:
            # the same statement retold: same speaker, stance and near-identical text
            text_key = " ".join(sorted(set(c.keywords)))[:_CLAIM_KEY_CHARS] or c.text.casefold()
            statement = (c.statement.event_type, resolver.key(c.statement.source), key_of(c.statement.target)) if c.statement else None  # type: ignore[arg-type]
            pieces.claims.setdefault((resolver.key(c.speaker), c.stance, text_key), []).append(
                _ClaimReport(c, frozenset(resolver.key(m) for m in c.about), statement))
        for q in x.quantities:
            pieces.quantities.setdefault((str(q.value), q.unit), []).append((q, frozenset(resolver.key(m) for m in q.about)))
    return pieces, {a: tuple(sorted(keys)) for a, keys in sorted(mentioned.items())}


#: characters of a claim's sorted keywords that identify it: two retellings that agree this far are one statement
_CLAIM_KEY_CHARS = 200


def finish(pieces: Pieces, fitted: Fitted) -> tuple[list[Entity], list[Event], list[Claim], list[Quantity]]:
    """The records of ``pieces``; claims are not yet linked to each other and to their figures (:func:`link`)."""
    return (_entities(pieces.entities, fitted.labels, fitted.name_to_key), _events(pieces.events, fitted.labels),
            _claims(pieces.claims), _quantities(pieces.quantities))


def _entities(pieces: dict[str, _EntityPiece], labels: dict[str, str], name_to_key: dict[str, str]) -> list[Entity]:
    entities = []
    for key in sorted(pieces):
        piece, label = pieces[key], labels[key]
        fam = key.split("/", 1)[0]
        known = gazetteer().lookup(label) if fam != "person" else None
        if known and known.label == label and family(known.kind) == fam:
            kind = known.kind
        else:
            kind = min((k for k in piece.kinds if family(k) == fam), key=lambda k: (-piece.kinds[k], k), default=cast(EntityKind, fam.title()))
        affiliation_keys = []
        nationality = None
        for name in sorted(piece.affiliations):
            target = name_to_key.get(name_key(gazetteer().lookup(name).label if gazetteer().lookup(name) else name))  # type: ignore[union-attr]
            if target and target != key:
                affiliation_keys.append(target)
                if target.startswith("country/") and kind in ("Person", "Source") and nationality is None:
                    nationality = target
        qid = gazetteer().wikidata(label)
        entities.append(Entity(
            key=key, label=label, kind=kind,
            aliases=tuple(sorted(a for a in piece.aliases if a != label)),
            mention_count=piece.count, articles=tuple(sorted(piece.articles)),
            job_titles=tuple(sorted(piece.roles, key=lambda r: (-piece.roles[r], r))),
            affiliations=tuple(sorted(set(affiliation_keys))), nationality=nationality,
            same_as=(qid,) if qid else (),
            sector=min(piece.sectors, key=lambda c: (-piece.sectors[c], c)) if piece.sectors else "",
        ))
    return entities


def _actor_mentions(x: ArticleExtraction) -> Iterable[Mention]:
    """Mentions made by actor resolution (metonyms, demonyms) that NER did not list."""
    for e in x.events:
        yield from (m for m in (e.source, e.target, e.place, e.reported_by) if m is not None)
    for c in x.claims:
        yield c.speaker
        yield from c.about
        if c.statement is not None:
            yield from (m for m in (c.statement.source, c.statement.target) if m is not None)
    for q in x.quantities:
        yield from q.about


def _label_event(event_type: str, source: str | None, target: str | None, labels: dict[str, str], modality: str) -> str:
    parts = [labels.get(source, "someone"), EVENT_TYPES[event_type].phrase]  # type: ignore[arg-type]
    if target:
        parts.append(labels[target])
    return " ".join(parts) + ("" if modality == "asserted" else f" ({modality})")


def _identified(key: str | None, labels: dict[str, str]) -> bool:
    """An actor that is one thing across articles: a named entity, or a group tied to one ("police (Russia)")."""
    return key is not None and not (key.startswith("group/") and "(" not in labels.get(key, ""))


def _events(groups: dict[tuple, list[_EventReport]], labels: dict[str, str]) -> list[Event]:
    events = []
    for (event_type, source, target, modality, where), reports in sorted(groups.items(), key=lambda kv: tuple(str(p) for p in kv[0])):
        # one node per distinct date; an undated report joins the date its own article gives the event,
        # if that is a single date (other articles may tell of another meeting of the same pair)
        dated_in: dict[str, set] = defaultdict(set)
        for r in reports:
            if r.mention.date:
                dated_in[r.mention.evidence.article_id].add(r.mention.date)
        clusters: dict[object, list[_EventReport]] = defaultdict(list)
        for r in reports:
            own = dated_in.get(r.mention.evidence.article_id, set())
            clusters[r.mention.date or (next(iter(own)) if len(own) == 1 else None)].append(r)
        for date, members in sorted(clusters.items(), key=lambda kv: str(kv[0])):
            places = Counter(r.place for r in members if r.place)
            place = min(places, key=lambda p: (-places[p], p)) if places else None
            triggers = Counter(r.mention.trigger for r in members)
            evidence = tuple(sorted(set(r.mention.evidence for r in members), key=lambda ev: (ev.article_id, ev.start)))
            reporters = {r.reported_by for r in members if r.reported_by is not None}
            events.append(Event(
                key=stable_hash("event", event_type, source, target, date, *(() if modality == "asserted" else (modality,)),
                                *(() if where is None else where)),
                event_type=event_type, trigger=min(triggers, key=lambda t: (-triggers[t], t)),
                source=source, target=target, place=place, date=date, evidence=evidence,  # type: ignore[arg-type]
                label=_label_event(event_type, source, target, labels, modality),
                modality=modality, reported_by=tuple(sorted(reporters)),
                date_basis=min((r.mention.date_basis for r in members if r.mention.date == date and r.mention.date_basis), default=""),
            ))
    return events


def _claims(groups: dict[tuple, list[_ClaimReport]]) -> list[Claim]:
    claims = []
    for (speaker, stance, _), reports in sorted(groups.items()):
        members = [r.mention for r in reports]
        first = min(members, key=lambda c: (c.evidence.article_id, c.evidence.start))
        about = tuple(sorted(frozenset().union(*(r.about for r in reports)) - {speaker}))
        evidence = tuple(sorted(set(c.evidence for c in members), key=lambda ev: (ev.article_id, ev.start)))
        cues = Counter(c.cue for c in members)
        stated = next((r.statement for r in sorted(reports, key=lambda r: (r.mention.evidence.article_id, r.mention.evidence.start))
                       if r.mention.statement), None)
        claims.append(Claim(
            key=stable_hash("claim", speaker, stance, first.text),
            speaker=speaker, stance=stance, text=first.text, quote_type=first.quote_type,
            cue=min(cues, key=lambda c: (-cues[c], c)), about=about, evidence=evidence,
            keywords=tuple(sorted({k for c in members for k in c.keywords})),
            statement=stated,
            claim_type=min(c.claim_type for c in members),
        ))
    return claims


def _quantities(by_value: dict[tuple, list]) -> list[Quantity]:
    # a figure reported without its period ("$240 billion last year" with no article date) is the same figure
    # as the one dated report of that value about the same entities
    groups: dict[tuple, list] = defaultdict(list)
    for (value, unit), members in by_value.items():
        for q, about in members:
            dated = {p.period for p, a in members if p.period and _same_subject(q, about, p, a)}
            period = q.period or (next(iter(dated)) if len(dated) == 1 else "")
            groups[(value, unit, period)].append((q, about))
    quantities: list[Quantity] = []
    for (value, unit, period), members in sorted(groups.items()):
        # within one value+unit+period, reports of the same subject are one figure, corroborated by each article
        clusters: list[list] = []
        for q, about in sorted(members, key=lambda qa: (qa[0].evidence.article_id, qa[0].evidence.start)):
            home = next((c for c in clusters if any(_same_subject(q, about, p, a) for p, a in c)), None)
            (home if home is not None else clusters.append([]) or clusters[-1]).append((q, about))  # type: ignore[func-returns-value]
        about_of = [tuple(sorted(set().union(*(a for _, a in cluster)))) for cluster in clusters]
        shared = Counter(about_of)
        for cluster, about in zip(clusters, about_of):
            first = cluster[0][0]
            # figures of one value about the same entities (or none) that are not the same figure ("10 officers",
            # "10 houses") each keep their own IRI: their first report (sentence, words, description) tells them apart
            told_apart = (first.evidence.article_id, first.evidence.start, first.text, first.description) if shared[about] > 1 else ()
            descriptions = [q.description for q, _ in cluster if q.description]
            quantities.append(Quantity(
                key=stable_hash("quantity", value, unit, period, about, *told_apart), value=first.value, unit=unit, text=first.text,
                description=max(descriptions, key=len) if descriptions else "", about=about, period=period,
                evidence=tuple(sorted({q.evidence for q, _ in cluster}, key=lambda ev: (ev.article_id, ev.start))),
            ))
    return quantities


#: words that say nothing about what a figure measures
_FILLER = {"the", "a", "an", "of", "in", "on", "for", "to", "and", "its", "their", "his", "her", "this", "that", "with", "by"}


def _same_subject(q: QuantityMention, about: frozenset, other: QuantityMention, other_about: frozenset) -> bool:
    """Two reports of one value and unit are one figure when they are about the same thing: they share an
    entity and their descriptions do not differ, or, where one names no entity, their descriptions share a
    word ("trade" and "trade between the two countries"; "$20bn in damages" and "$20bn to invest" stay two)."""
    words = {w for w in q.description.lower().split() if w not in _FILLER}
    other_words = {w for w in other.description.lower().split() if w not in _FILLER}
    described_alike = bool(words & other_words)
    if about and other_about:
        return bool(about & other_about) and (described_alike or not words or not other_words)
    return described_alike


class ClaimFacts(NamedTuple):
    """What linking needs of a claim."""

    key: str
    stance: str
    speaker: str
    about: tuple[str, ...]
    keywords: tuple[str, ...]


class EntitySide(NamedTuple):
    """What linking needs of an entity: the words of its names, and its side (itself, its organisations, its country)."""

    key: str
    names: frozenset[str]
    side: frozenset[str]


def facts(claims: Iterable[Claim], entities: Iterable[Entity], quantities: Iterable[Quantity],
          ) -> tuple[list[ClaimFacts], list[EntitySide], list[tuple[str, int, str, str]]]:
    """The small projections of a bucket's records that :func:`link` reads: claims, entities, and each quantity's
    sentences as (article, start, quantity key, quantity text)."""
    return ([ClaimFacts(c.key, c.stance, c.speaker, c.about, c.keywords) for c in claims],
            [EntitySide(e.key, frozenset(w for name in (e.label, *e.aliases) for w in name.lower().split()),
                        frozenset({e.key, *e.affiliations, *([e.nationality] if e.nationality else [])})) for e in entities],
            [(ev.article_id, ev.start, q.key, q.text) for q in quantities for ev in q.evidence])


@dataclass
class Links:
    """What ties claims across buckets: the claims each claim contradicts, and the figures stated in each sentence."""

    contradicts: dict[str, tuple[str, ...]]
    figures: dict[tuple[str, int], list[tuple[str, str]]]

    def apply(self, claims: Iterable[Claim]) -> list[Claim]:
        """Link a claim to the claims it contradicts, and to the figures it states: same sentence, and the
        figure's words inside the claim's text."""
        linked = []
        for c in claims:
            keys = tuple(sorted({key for ev in c.evidence for key, text in self.figures.get((ev.article_id, ev.start), ()) if text in c.text}))
            linked.append(replace(c, contradicts=self.contradicts.get(c.key, ()), quantities=keys or c.quantities))
        return linked


def link(*projections: tuple[list[ClaimFacts], list[EntitySide], list[tuple[str, int, str, str]]]) -> Links:
    """Links from the :func:`facts` of every bucket.

    An assertion about an actor and that actor's denial contradict when they name the same act:
    "The United States accused China of supplying weapons" and "China denies supplying any
    weapons": the assertion is about the denier (or the denier's country), and the two share
    a content word that is not a name ("supply", "weapon").
    """
    claims = [c for part in projections for c in part[0]]
    entities = [e for part in projections for e in part[1]]
    names = {w for e in entities for w in e.names}
    side = {e.key: e.side for e in entities}
    asserted = [c for c in claims if c.stance == "Assert"]
    # blocking: only assertions about the denier's side that share an act word can match (near-linear)
    by_subject_keyword: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, claim in enumerate(asserted):
        for subject in set(claim.about):
            for keyword in set(claim.keywords) - names:
                by_subject_keyword[(subject, keyword)].append(i)
    links: dict[str, set[str]] = defaultdict(set)
    for denial in (c for c in claims if c.stance == "Deny"):
        accused = side.get(denial.speaker, frozenset({denial.speaker}))
        acts = set(denial.keywords) - names
        candidates = {i for s in accused for k in acts for i in by_subject_keyword.get((s, k), ())}
        for claim in (asserted[i] for i in sorted(candidates)):
            if claim.speaker in accused:
                continue
            links[denial.key].add(claim.key)
            links[claim.key].add(denial.key)
    figures: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for part in projections:
        for article_id, start, key, text in part[2]:
            figures[(article_id, start)].append((key, text))
    return Links({key: tuple(sorted(found)) for key, found in links.items()}, dict(figures))


def resolve(extractions: Iterable[ArticleExtraction], *, fuzzy_threshold: float = Settings.fuzzy_name,
            corpus_prior: float = Settings.corpus_prior) -> KnowledgeGraph:
    """Merge per-article extractions into one knowledge graph: every step of the module on one partition and one bucket."""
    extractions = sorted(extractions, key=lambda x: x.article.id)
    fitted = fit(resolution_mentions(extractions), fuzzy_threshold, corpus_prior)
    pieces, mentioned = gather(extractions, fitted)
    entities, events, claims, quantities = finish(pieces, fitted)
    return KnowledgeGraph(
        articles=tuple(x.article for x in extractions),
        entities=tuple(entities),
        events=tuple(events),
        claims=tuple(link(facts(claims, entities, quantities)).apply(claims)),
        quantities=tuple(quantities),
        mentions=mentioned,
        merges=tuple(fitted.resolver.merge_table()),
    )
