"""Entity mentions from a parsed ``Doc``: typed, normalised, with roles.

Pure functions over spaCy spans.  Titles ("Russian President"), possessives
and quotes are stripped from names and kept as the mention's role; metonyms
("Beijing said") and demonyms ("Chinese officials") become their country only
where they act, which :class:`MentionIndex` decides.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from kg.config import ExtractionSettings
from kg.extract.lexicon import (
    ACTOR_NOUNS, DESCRIPTIONS, GROUP_NOUNS, OFFICE_NOUNS, PERSON_NOUNS, PERSON_PRONOUNS, PERSONAL_NOUNS,
)
from kg.extract.rules import rules
from kg.gazetteer import gazetteer
from kg.model import EntityKind, Mention
from kg.tables import title_words

__all__ = ["entity_mentions", "normalise_name", "noun_phrase", "MentionIndex", "TITLE_WORDS"]

#: words that make up job titles before a name ("Foreign Minister", "spokesperson")
TITLE_WORDS = title_words("prefix")
_PERSON_PREFIX = re.compile(r"^(?:(?:" + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + r")\.?\s+)+", re.I)
_STRIP = " \t\n\"'“”‘’„«»()[]{}.,;:!?-–—"
#: spaCy labels that name actors or places
_LABELS = {"PERSON", "GPE", "LOC", "ORG", "FAC", "NORP"}
#: organisation subtypes recognisable from a name's last words
_ORG_SUFFIXES: tuple[tuple[re.Pattern[str], EntityKind], ...] = (
    (re.compile(r"\b(university|college|institute|academy|school)\b", re.I), "EducationalOrganization"),
    (re.compile(r"\b(news|times|journal|post|herald|tribune|agency|press|tv|radio|media|gazette|telegraph|reuters|politico)\b", re.I), "NewsMediaOrganization"),
    (re.compile(r"\b(ministry|government|parliament|congress|senate|court|council|commission|service|department|army|forces|police|assembly|cabinet|office|bank of)\b", re.I), "GovernmentOrganization"),
    (re.compile(r"\b(group|corp|corporation|inc|ltd|company|co|motors|holdings|airlines)\b\.?$", re.I), "Corporation"),
)


def normalise_name(text: str, label: str = "") -> str:
    """Strip quotes, possessives, a leading 'the' and (for people) titles."""
    name = text.strip(_STRIP.replace(".", ""))
    if name.endswith(".") and name.count(".") == 1:
        name = name[:-1]
    name = re.sub(r"(?:['’]s|['’])$", "", name).strip(_STRIP.replace(".", ""))
    name = re.sub(r"^the\s+", "", name, flags=re.I)
    if label == "PERSON":
        name = _PERSON_PREFIX.sub("", name)
    return re.sub(r"\s+", " ", name).strip(_STRIP.replace(".", ""))


def _kind(name: str, label: str) -> EntityKind:
    known = gazetteer().lookup(name)
    if gazetteer().is_metonym(name):
        place = gazetteer().place(name)
        # a seat of power that is no place of its own ("the Kremlin") always stands for its country
        return place.kind if place else (known.kind if known else "Place")
    if known:
        return known.kind
    if label == "PERSON":
        return "Person"
    if label == "GPE":
        return "Place"
    if label in ("LOC", "FAC"):
        return "Place"
    for pattern, kind in _ORG_SUFFIXES:
        if pattern.search(name):
            return kind
    return "Organization"


#: last words of job titles that the model sometimes tags as organisations
_JOB_HEADS = title_words("job_head")
_CURRENCIES = {"yuan", "renminbi", "dollar", "dollars", "euro", "euros", "rouble", "roubles", "ruble", "rubles",
               "rupee", "rupees", "yen", "pound", "pounds", "franc", "lira", "won", "peso", "pesos", "real"}


def _is_name(name: str, span: Span) -> bool:
    if not name or name.casefold() in gazetteer().not_names or not any(c.isalpha() for c in name):
        return False
    if name.split()[-1].lower().rstrip(".") in _CURRENCIES | {"us-dollar"}:
        return False  # "the Chinese Yuan" is money, not an actor
    if span.label_ == "ORG" and span.root.lower_ in _JOB_HEADS:
        return False  # "High Representative for Foreign Affairs" is a job title
    if _is_credit_line(span):
        return False  # "[People News]" under an article credits the outlet; it is no mention
    if not name[0].isupper() and not name[0].isdigit():
        return False
    # all-lowercase spans and spans that run over a line break are NER errors
    return "\n" not in span.text and len(name) <= 80


def _is_credit_line(span: Span) -> bool:
    """A bracketed name that opens a line ("[People News] As President ...", "(People News) △") or closes
    the text ("... on Friday. (Reuters)"): an outlet's credit.  A bracketed name inside a sentence or a
    results line ("the Free Democrats ( FDP )", "Leah Pells ( Canada ) 4:09.95") is a mention."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].text not in "[(" or doc[span.end].text not in "])":
        return False
    opening, closing = doc[span.start - 1], doc[span.end]
    text = doc.text
    line_start = text.rfind("\n", 0, opening.idx) + 1
    line_end = text.find("\n", closing.idx)
    before = text[line_start:opening.idx]
    after = text[closing.idx + 1:] if line_end < 0 else text[closing.idx + 1:line_end]
    return not any(c.isalnum() for c in before) or (line_end < 0 and not any(c.isalnum() for c in after))


def _role_before(span: Span) -> tuple[str, str]:
    """Title words right before a person's name and the entity they belong to."""
    doc = span.doc
    i = span.start - 1
    words: list[Token] = []
    while i >= 0 and (doc[i].lower_ in TITLE_WORDS or (doc[i].is_title and doc[i].ent_type_ == "" and doc[i].dep_ == "compound")):
        words.insert(0, doc[i])
        i -= 1
    affiliation = ""
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    if i >= 0 and doc[i].ent_type_ in ("GPE", "NORP", "ORG"):
        j = i
        while j > 0 and doc[j - 1].ent_iob_ == "I" and doc[j].ent_iob_ != "B":
            j -= 1
        affiliation_text = normalise_name(doc[j:i + 1].text)
        affiliation = gazetteer().demonym(affiliation_text) or affiliation_text
    title = " ".join(t.text for t in words if t.lower_ not in ("former", "mr", "mrs", "ms", "dr"))
    # inside the span: "President Xi" tagged as one PERSON
    inner = _PERSON_PREFIX.match(span.text)
    if inner:
        title = (title + " " + inner.group(0)).strip()
    return title.strip().title() if title.islower() else title.strip(), affiliation


def _role_from_apposition(span: Span, index: "MentionIndex") -> tuple[str, str]:
    """'X, a professor at Y' -> ('professor', 'Y')."""
    for child in span.root.children:
        if child.dep_ != "appos" or child.ent_type_:
            continue
        title = " ".join(t.text for t in child.lefts if t.dep_ in ("compound", "amod") and not t.ent_type_) + " " + child.text
        affiliation = ""
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "for", "with"):
                for obj in prep.children:
                    mention = index.get(obj)
                    if mention is not None:
                        affiliation = mention.name
        return title.strip(), affiliation
    return "", ""


def entity_mentions(doc: Doc, article_id: str) -> list[tuple[Span, Mention]]:
    """Every actor or place named in ``doc`` with its normalised name and kind.

    NORP spans (demonyms) are not entities by themselves; they only become
    actors through :meth:`MentionIndex.actor`.
    """
    out = []
    for span in doc.ents:
        if span.label_ not in _LABELS or span.label_ == "NORP":
            continue
        name = normalise_name(span.text, span.label_)
        if not _is_name(name, span):
            continue
        # "Mr Hague" is a person whatever "Hague" names elsewhere
        kind: EntityKind = "Person" if span.label_ == "PERSON" and gazetteer().honorific(span[0].text) is not None else _kind(name, span.label_)
        known = gazetteer().lookup(name)
        if known is not None and kind == known.kind:
            name = known.label  # "U.S." -> "United States"; the surface form stays in ``text``
        role, affiliation = _role_before(span) if kind == "Person" else ("", "")
        out.append((span, Mention(span.text.strip(), name, kind, article_id, span.start_char, span.end_char, role, affiliation)))
        nationality = _demonym_before(span) if kind == "Person" else None
        if nationality is not None:
            # "Dutch Prime Minister Dick Schoof" mentions the Netherlands too
            known = gazetteer().lookup(affiliation)
            if known is not None:
                out.append((nationality, Mention(nationality.text, known.label, known.kind, article_id,
                                                 nationality.start_char, nationality.end_char)))
    return out


def _demonym_before(span: Span) -> Span | None:
    """The demonym in a person's title ("Dutch" in "Dutch Prime Minister Dick Schoof"), if any."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ in TITLE_WORDS or (doc[i].is_title and doc[i].ent_type_ == "" and doc[i].dep_ == "compound")):
        i -= 1
    if i >= 0 and doc[i].ent_type_ == "NORP" and gazetteer().demonym(doc[i].text):
        return doc[i:i + 1]
    return None


class MentionIndex:
    """Token -> mention lookups, and who a token stands for when it acts."""


    def __init__(self, doc: Doc, article_id: str, speaker_reach: int = ExtractionSettings.speaker_reach_chars):
        self.doc, self.article_id = doc, article_id
        #: how far back (characters) "he said" / "the officials said" may refer to the last speaker
        self.speaker_reach = speaker_reach
        self.text = doc.text  # Doc.text is rebuilt on every access; extraction reads it often
        starts = [sent.start for sent in doc.sents]
        self._ents_by_sentence: dict[int, list[Span]] = {start: [] for start in starts}
        for ent in doc.ents:
            self._ents_by_sentence[starts[bisect_right(starts, ent.start) - 1]].append(ent)
        self._by_token: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        #: speaker of the latest claim, the likeliest referent of "he said" that follows it
        self.last_speaker: Mention | None = None
        self._speaker_at = -1
        self._speaker_words: set[str] = set()
        for span, mention in entity_mentions(doc, article_id):
            if gazetteer().is_metonym(mention.name) and _acts(span):
                mention = self._country(gazetteer().lookup(mention.name).label, span)  # type: ignore[union-attr]  # "Beijing said" -> China
            self.mentions.append(mention)
            for token in span:
                self._by_token[token.i] = mention
        # roles from appositions need the index, so they are added in a second pass
        for span in doc.ents:
            mention = self._by_token.get(span.start)  # type: ignore[assignment]
            if mention is not None and mention.kind == "Person" and not mention.role:
                role, affiliation = _role_from_apposition(span, self)
                if role:
                    updated = Mention(mention.text, mention.name, mention.kind, mention.article_id, mention.start, mention.end, role, affiliation)
                    self.mentions[self.mentions.index(mention)] = updated
                    for token in span:
                        self._by_token[token.i] = updated

    def remember_speaker(self, speaker: Mention, sentence: Span) -> None:
        """Note who spoke last; 'he' and 'the officials' may refer to them for a while after that sentence."""
        self.last_speaker, self._speaker_at = speaker, sentence.end_char
        self._speaker_words = {t.lemma_.lower() for t in sentence}

    def recent_speaker(self, token: Token) -> Mention | None:
        """Who spoke last, if that was recent enough to be what 'the accusation' or 'he said' refers to."""
        if self.last_speaker is not None and -len(token.sent.text) <= token.idx - self._speaker_at <= self.speaker_reach:
            return self.last_speaker
        return None


    def _title_holder(self, token: Token) -> Mention | None:
        """'the Russian president' -> the person named with that title and country."""
        if token.lemma_.lower() not in OFFICE_NOUNS or token.tag_ == "NNS":
            return None  # "Iranian envoys" are several people, not the one holder of an office
        country = next((gazetteer().demonym(c.text) for c in token.children if c.ent_type_ == "NORP"), None)
        if country is None:  # "the head of Ukraine"
            of = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
            named = [self._by_token[o.i] for o in of if o.i in self._by_token]
            country = named[0].name if named and named[0].kind == "Country" else None
        if country is None:
            return None
        affiliated = {m.name: m for m in self.mentions if m.kind == "Person" and m.affiliation == country}
        titled = {n: m for n, m in affiliated.items() if token.lower_ in m.role.lower()}
        for holders in (titled, affiliated):
            if len(holders) == 1:
                return next(iter(holders.values()))
        return None

    def ents(self, sent: Span) -> list[Span]:
        """The named-entity spans of one sentence (``Span.ents`` rescans the whole document)."""
        return self._ents_by_sentence.get(sent.start, [])

    def get(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def _country(self, label: str, token_or_span) -> Mention:
        span = token_or_span if isinstance(token_or_span, Span) else self.doc[token_or_span.i:token_or_span.i + 1]
        known = gazetteer().lookup(label)
        kind: EntityKind = known.kind if known else "Country"
        return Mention(span.text, known.label if known else label, kind, self.article_id, span.start_char, span.end_char)

    def actor(self, token: Token) -> Mention | None:
        """The entity a token stands for as an actor (subject, speaker, object)."""
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            return self.actor(token.head.head)  # "Von der Leyen, who arrived ..." -> Von der Leyen
        mention = self._by_token.get(token.i)
        if mention is None and token.dep_ == "appos" and token.head.i in self._by_token:
            return self.actor(token.head)  # "the institute, a school that ..." -> the institute
        if mention is not None:
            if gazetteer().is_metonym(mention.name):
                return self._country(gazetteer().lookup(mention.name).label, self.doc.char_span(mention.start, mention.end) or token)  # type: ignore[union-attr]
            return mention
        if token.lower_ in PERSON_PRONOUNS:
            # the latest of: the last speaker who is a person ("a Russian source said ... He added"),
            # and the last person who was a subject
            speaker = self.recent_speaker(token)
            if speaker is not None and not self._personal(speaker):
                speaker = None
            subject = self.last_person(token.idx, subject=True)
            candidates = [m for m in (speaker, subject) if m is not None]
            if speaker is not None and subject is not None:
                return speaker if self._speaker_at > subject.start else subject
            return candidates[0] if candidates else self.last_person(token.idx)
        if token.lower_ in ("they", "them"):
            return self.recent_speaker(token)
        if token.lower_ == "it" and token.dep_ in ("nsubj", "nsubjpass"):
            return self.last_subject(token)
        if token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children) and not any(c.dep_ in ("compound", "amod", "poss", "nummod") for c in token.children):
            described = self.described(token)
            if described is not None:
                return described
        if token.ent_type_ == "NORP":
            target = gazetteer().demonym(normalise_name(token.text))
            if target:
                return self._country(target, token)
        if token.lemma_.lower() in ACTOR_NOUNS or token.lower_ in ACTOR_NOUNS:
            named = next((self._by_token[c.i] for c in token.children if c.dep_ == "appos" and c.i in self._by_token), None)
            if named is not None and token.lemma_.lower() in OFFICE_NOUNS | PERSON_NOUNS:
                return named  # "India's commerce minister Piyush Goyal" -> Piyush Goyal
            holder = self._title_holder(token)
            if holder is not None:
                return holder
            if token.lemma_.lower() == "counterpart":
                return None  # a counterpart is a person; better no actor than the country for them
            modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod", "prep")]
            speaker = self.recent_speaker(token)
            if not any(c.ent_type_ or c.dep_ == "poss" for c in modifiers) and speaker is not None and token.lemma_.lower() in speaker.text.lower():
                return speaker  # "The officials indicated ..." after "U.S. officials told Reuters"
            for cand in noun_phrase(token):
                found = self._by_token.get(cand.i)
                if found is not None and (found.kind != "Person" or cand.dep_ == "nmod" or token.lemma_.lower() in PERSONAL_NOUNS):
                    return self.actor(cand)
                if cand.ent_type_ == "NORP" or (cand.pos_ in ("ADJ", "PROPN") and cand.is_title):
                    target = gazetteer().demonym(normalise_name(cand.text))
                    if target:
                        phrase = self.doc[min(cand.i, token.i):max(cand.i, token.i) + 1]
                        return self._country(target, phrase)
        return self._group(token)

    def _group(self, token: Token) -> Mention | None:
        """A group noun as an actor ("police", "protesters"), attached to the country or organisation the
        text gives it ("Russian police", "police in Paris", "Hamas fighters"). A singular count noun ("the
        officer") is one person, not the group."""
        group = rules().group(token.lemma_.lower(), token.lower_)
        if group is None or token.pos_ not in ("NOUN", "PROPN") or (token.tag_ in ("NN", "NNP") and group.noun != group.plural):
            return None
        speaker = self.recent_speaker(token)
        if speaker is not None and token.lemma_.lower() in self._speaker_words and all(c.dep_ == "det" for c in token.children):
            return speaker  # "The officials said ..." after "senior US officials told Reuters"
        owner = None
        for child in token.children:
            if child.dep_ == "amod" and gazetteer().demonym(child.text):
                owner = self._country(gazetteer().demonym(child.text), child)  # type: ignore[arg-type]
            elif child.dep_ in ("compound", "poss", "nmod") and child.i in self._by_token:
                owner = self.actor(child)
            elif child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
                owner = next((self.actor(o) for o in child.children if o.dep_ == "pobj" and o.i in self._by_token), None)
            if owner is not None:
                break
        start = min([token.i] + [c.i for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i])
        phrase = self.doc[start:token.i + 1]
        name = group.plural + (f" ({owner.name})" if owner is not None else "")
        return Mention(phrase.text, name, "Group", self.article_id, phrase.start_char, phrase.end_char,
                       affiliation=owner.name if owner is not None else "", sector=group.sector)


    def group(self, token: Token) -> list[Mention]:
        """The pair a group reference points back to: 'Putin and Xi met. The two leaders ...' -> [Putin, Xi].

        Countries are asked for ("the two countries"), the people's countries are given.
        """
        pair_words = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "predet")} | {token.lower_}
        if not (token.lower_ == "both" and token.dep_ in ("nsubj", "nsubjpass")) and not (
                token.lemma_.lower() in GROUP_NOUNS and pair_words & {"two", "both"}):
            return []
        people = token.lemma_.lower() in ("leader", "head", "president")
        places = token.lemma_.lower() in ("country", "nation", "government", "state", "power")
        latest: list[Mention] = []
        for t in self.doc[max(0, token.i - 120):token.i]:
            if t.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") and any(c.dep_ == "conj" for c in t.children):
                named = list({self._by_token[x.i].name: self._by_token[x.i] for x in (t, *_conjuncts(t)) if x.i in self._by_token}.values())
                if places:
                    named = [self._country(m.affiliation, token) if m.kind == "Person" and gazetteer().lookup(m.affiliation) else m
                             for m in named]
                if len(named) == 2 and all((m.kind == "Person") if people else (m.kind == "Country") if places else True for m in named):
                    latest = named
        if not latest and places:
            latest = self._clause_pair(token)
        if not latest and people:
            # no conjoined pair: the two people named last ("Putin thanked Xi ... The two leaders ...")
            recent: dict[str, Mention] = {}
            for i in range(token.i - 1, max(0, token.i - 80), -1):
                mention = self._by_token.get(i)
                if mention is not None and mention.kind == "Person":
                    recent.setdefault(mention.name, mention)
                if len(recent) == 2:
                    latest = list(recent.values())
                    break
        return latest

    def _clause_pair(self, token: Token) -> list[Mention]:
        """Two countries that were subject and object of the sentence before: "Moscow relied on China. Trade
        between the two countries ..." -> [Russia, China]."""
        sentence_start = token.sent.start
        if sentence_start == 0:
            return []
        root = self.doc[sentence_start - 1].sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        objects = [c for c in root.children if c.dep_ == "dobj"] + [o for p in root.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        if subject is None or any(c.dep_ == "conj" for c in subject.children):
            return []  # a list of subjects is not a pair ("France, Serbia and Hungary hosted Xi")
        first = self.actor(subject)
        second = next((m for m in (self.actor(o) for o in objects) if m is not None), None)
        if first is not None and first.kind == "Country" and (second is None or second.kind != "Country" or second.name == first.name):
            # "China benefits from Russian energy" after "... with neighbouring Russia": the other country named last
            window = self.doc[max(0, root.sent.start - 60):sentence_start]
            second = next((m for m in (self._by_token.get(t.i) for t in reversed(window))
                           if m is not None and m.kind == "Country" and m.name != first.name), None)
        if first and second and first.kind == second.kind == "Country" and first.name != second.name:
            return [first, second]
        return []

    def actors(self, token: Token) -> list[Mention]:
        """Actors for a token and the tokens conjoined with it ('Putin and Xi')."""
        grouped = self.group(token)
        if len(grouped) >= 2:
            return grouped
        found = []
        for modifier in (c for c in token.children if c.dep_ == "amod" and gazetteer().demonym(c.text)):
            # "Iranian and American envoys": one actor per conjoined demonym
            for extra in _conjuncts(modifier):
                target = gazetteer().demonym(extra.text)
                if target and self.actor(token) is not None:
                    found.append(self._country(target, extra))
        for t in [token, *_conjuncts(token)]:
            mention = self.actor(t)
            if mention is None or mention.kind != "Person":
                # "the EU's High Representative ..., Josep Borrell" -> Josep Borrell
                named = next((self._by_token[a.i] for a in t.children if a.dep_ == "appos" and a.i in self._by_token
                              and (mention is None or self._by_token[a.i].kind == "Person")), None)
                mention = named or mention
            if mention is not None and mention not in found:
                found.append(mention)
        return found

    def last_subject(self, token: Token) -> Mention | None:
        """What 'it' refers to: the first country or organisation that is a subject earlier in the
        same sentence (its topic), else the last one that was a main-clause subject before it."""
        same_sentence, before = None, None
        sentence_start = token.sent.start
        for t in self.doc[max(0, sentence_start - 80):token.i]:
            mention = self._by_token.get(t.i)
            if mention is None or t.dep_ not in ("nsubj", "nsubjpass") or mention.kind in ("Person", "Place", "City"):
                continue
            if t.i >= sentence_start:
                same_sentence = same_sentence or mention
            elif t.head.dep_ in ("ROOT", "conj") or t.head.head == t.head:
                before = mention
        best = same_sentence or before
        return self.actor(self.doc[self._token_of(best)]) if best is not None else None

    def _token_of(self, mention: Mention) -> int:
        return next(i for i, m in self._by_token.items() if m is mention)


    def described(self, token: Token) -> Mention | None:
        """'the court' -> the last International Criminal Court named; 'the newspaper' -> the last outlet."""
        kind = DESCRIPTIONS.get(token.lemma_.lower())
        if kind == "Country":
            return self.last_subject(token)  # "the nation says ..." -> the country the text is about
        best = None
        for mention in self.mentions:
            if mention.end > token.idx:
                break
            words = mention.name.lower().split()
            if mention.kind != "Person" and (words[-1] == token.lemma_.lower() or (kind and mention.kind == kind)):
                best = mention
        return best


    def _personal(self, mention: Mention) -> bool:
        return mention.kind == "Person" or mention.text.split()[-1].lower() in PERSON_NOUNS

    def last_person(self, before: int, *, subject: bool = False) -> Mention | None:
        """The most recent person named (or, with ``subject``, acting as a subject) before a character offset."""
        best = None
        for i, mention in sorted(self._by_token.items()):
            if mention.kind != "Person" or mention.end > before:
                continue
            if subject and self.doc[i].dep_ not in ("nsubj", "nsubjpass"):
                continue
            best = mention
        return best

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions inside a token range, in order."""
        seen: list[Mention] = []
        for i in range(start, end):
            mention = self._by_token.get(i)
            if mention is not None and mention not in seen:
                seen.append(mention)
        return seen


def _acts(span: Span) -> bool:
    """A name used as an actor: a subject, an owner, or the agent of a passive."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass", "poss") or (root.dep_ == "pobj" and root.head.dep_ == "agent") or (
        root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"))


def _conjuncts(token: Token) -> Iterable[Token]:
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def noun_phrase(head: Token, depth: int = 4) -> Iterable[Token]:
    """Modifiers of a noun, nearest first (breadth-first), through 'of/from/close to' phrases but not into clauses.

    "sources close to the Russian government" -> close, to, government, Russian, the.
    """
    level = [head]
    for _ in range(depth):
        following = []
        for node in level:
            for child in node.children:
                # npadvmod: "Hamas-led fighters"
                if child.dep_ in ("compound", "amod", "poss", "nmod", "pobj", "npadvmod") or (child.dep_ == "prep" and child.lower_ in ("of", "from", "to", "in")):
                    yield child
                    following.append(child)
        level = following
