"""In-document reference: who "he", "the two leaders", "the ministry" or "officials" stand for.

Two spaCy components record what reference needs on the ``Doc``, in an order the pipeline makes explicit:

1. ``kg_mentions`` (after the entity repairs of :mod:`kg.nlp`) records every actor or place the text names,
   with its kind and role: ``doc._.kg_mentions``.
2. ``kg_speakers`` (after ``kg_mentions``) records, sentence by sentence, the speaker of each sentence's last
   claim: ``doc._.kg_speakers``.  "He added" and "the officials said" may refer to the speaker of a sentence
   before, so the speakers are a sequence: the claims of a sentence are found knowing the speakers of the
   sentences before it, and no later one.  Resolving them here, once and in text order, is what lets every
   extractor read any sentence in any order.

:class:`References` reads both and answers who a token stands for; ``References.at(sentence)`` is the view
for one sentence (the speaker it may refer back to is the one before it).  The answer is a table of rules
(:data:`ACTOR_RULES`), tried in order.  The annotations are plain lists of strings and numbers, so they
survive spaCy's serialisation of Docs between processes (``n_process > 1``); the extensions are registered
when this module is imported, which spaCy's worker processes do when they load the pipeline.
"""
from __future__ import annotations

import copy
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.config import ExtractionSettings
from kg.extract.claims import paragraph_quotes, sentence_claims
from kg.extract.entities import conjuncts, country_mention, document_mentions, noun_phrase, normalise_name
from kg.extract.lexicon import (
    ACTOR_NOUNS, DEFINITE_ARTICLES, DEMONSTRATIVES, DESCRIPTIONS, OFFICE_NOUNS, PAIR_NOUNS, PAIR_PRONOUNS, PAIR_WORDS,
    PAIRS_OF_COUNTRIES, PAIRS_OF_PEOPLE, PERSON_NOUNS, PERSON_PRONOUNS, PERSONAL_NOUNS, PLURAL_PRONOUNS, SUBJECT_PRONOUNS,
    UNNAMED_NOUNS,
)
from kg.extract.rules import rules
from kg.gazetteer import gazetteer
from kg.model import PERSON_OR_PLACE_KINDS, Evidence, Mention

__all__ = ["References", "SpeakerTurn", "ActorRule", "ACTOR_RULES", "MentionRecorder", "SpeakerRecorder"]

for _name in ("kg_mentions", "kg_speakers"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _row(span_start: int, span_end: int, mention: Mention) -> list:
    """A mention as plain data (its article is the reader's), with the tokens it covers."""
    return [span_start, span_end, mention.text, mention.name, mention.kind, mention.start, mention.end,
            mention.role, mention.affiliation, mention.sector]


def _mention(row: list, article_id: str) -> Mention:
    text, name, kind, start, end, role, affiliation, sector = row[2:]
    return Mention(text, name, kind, article_id, start, end, role, affiliation, sector)


class MentionRecorder:
    """Pipeline component: the actors and places a text names, with their roles (``doc._.kg_mentions``).

    The windows, recorded with the mentions, are how many tokens back reference looks: for a conjoined pair
    ("Putin and Xi ... the two leaders"), for the last two people named, for the subject "it" refers to, for
    the other country of "the two countries" before the sentence before, and for what "these proposals" were.
    """

    def __init__(self, pair_window: int, people_window: int, subject_window: int, country_window: int,
                 demonstrative_window: int):
        self.windows = {"pair": pair_window, "people": people_window, "subject": subject_window, "country": country_window,
                        "demonstrative": demonstrative_window}

    def __call__(self, doc: Doc) -> Doc:
        rows = [_row(span.start, span.end, mention) for span, mention in document_mentions(doc)]
        doc._.kg_mentions = {"windows": self.windows, "mentions": rows}
        return doc


@Language.factory("kg_mentions", requires=["doc.ents", "doc.sents", "token.dep"], assigns=["doc._.kg_mentions"],
                  default_config=ExtractionSettings().mentions_config())
def make_mention_recorder(nlp: Language, name: str, pair_window: int, people_window: int, subject_window: int,
                          country_window: int, demonstrative_window: int) -> MentionRecorder:
    return MentionRecorder(pair_window, people_window, subject_window, country_window, demonstrative_window)


@dataclass(frozen=True)
class SpeakerTurn:
    """The speaker of the last claim of a sentence: who "he said" or "the officials said" after it may mean."""

    speaker: Mention
    sentence: Span
    #: lemmas of that sentence ("officials" in "senior US officials told Reuters")
    words: frozenset[str]

    @classmethod
    def of(cls, speaker: Mention, sentence: Span) -> SpeakerTurn:
        return cls(speaker, sentence, frozenset(t.lemma_.lower() for t in sentence))


class SpeakerRecorder:
    """Pipeline component: the speaker of every sentence's last claim, in text order (``doc._.kg_speakers``).

    ``reach`` is how far (characters) after a speaker's sentence "he said" / "the officials said" may still
    refer to that speaker; a quotation shorter than ``min_quote_chars`` is no claim (as for the extractors).
    """

    def __init__(self, reach: int, min_quote_chars: int):
        self.reach, self.min_quote_chars = reach, min_quote_chars

    def __call__(self, doc: Doc) -> Doc:
        turns: list[SpeakerTurn] = []
        refs = References(doc, "", turns, self.reach)  # sees each turn as it is appended
        quotes = paragraph_quotes(refs.text)
        for sent in doc.sents:
            # the article and its evidence are the extractor's to give; here only the speaker counts
            claims = sentence_claims(sent, refs.at(sent), Evidence("", sent.text, sent.start_char, sent.end_char), quotes,
                                     self.min_quote_chars)
            if claims:
                turns.append(SpeakerTurn.of(claims[-1].speaker, sent))
        doc._.kg_speakers = {"reach": self.reach, "turns": [_row(t.sentence.start, t.sentence.end, t.speaker) for t in turns]}
        return doc


@Language.factory("kg_speakers", requires=["doc._.kg_mentions"], assigns=["doc._.kg_speakers"],
                  default_config=ExtractionSettings().speakers_config())
def make_speaker_recorder(nlp: Language, name: str, reach: int, min_quote_chars: int) -> SpeakerRecorder:
    return SpeakerRecorder(reach, min_quote_chars)


@dataclass(frozen=True)
class ActorRule:
    """One way to tell who a token stands for: when ``applies``, ``resolve`` answers; a ``final`` rule's answer
    stands even when it finds no one, any other rule's "no one" leaves the question to the next rule.

    ``example`` marks a token in [brackets] that this rule decides, ``expect`` the name it gives (``_``: no
    one); ``tests/test_reference.py`` turns every rule's example into a test.
    """

    name: str
    applies: Callable[[References, Token], bool]
    resolve: Callable[[References, Token], Mention | None]
    example: str
    expect: str
    final: bool = False


class References:
    """Who tokens of one parsed document stand for, from what ``kg_mentions`` and ``kg_speakers`` recorded.

    Build it with :meth:`of`; ask :meth:`at` for one sentence's view, whose last speaker is the one before it.
    """

    def __init__(self, doc: Doc, article_id: str, turns: list[SpeakerTurn], reach: int):
        recorded = doc._.kg_mentions
        if recorded is None:
            raise ValueError("the Doc has no kg_mentions: parse it with kg.nlp.build_nlp(), and keep its user_data "
                             "when serialising it (DocBin(store_user_data=True))")
        self.doc, self.article_id = doc, article_id
        self.text = doc.text  # Doc.text is rebuilt on every access; extraction reads it often
        self.windows: dict[str, int] = recorded["windows"]
        self.turns, self.reach = turns, reach
        #: the speaker this view's sentence may refer back to (see :meth:`at`)
        self.turn: SpeakerTurn | None = None
        starts = [sent.start for sent in doc.sents]
        self._ents_by_sentence: dict[int, list[Span]] = {start: [] for start in starts}
        for ent in doc.ents:
            self._ents_by_sentence[starts[bisect_right(starts, ent.start) - 1]].append(ent)
        self._by_token: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        for row in recorded["mentions"]:
            mention = _mention(row, article_id)
            self.mentions.append(mention)
            for i in range(row[0], row[1]):
                self._by_token[i] = mention

    @classmethod
    def of(cls, doc: Doc, article_id: str) -> References:
        """The references of a Doc kg's pipeline parsed, for the records of article ``article_id``."""
        recorded = doc._.kg_speakers
        if recorded is None:
            raise ValueError("the Doc has no kg_speakers: parse it with kg.nlp.build_nlp(), and keep its user_data "
                             "when serialising it (DocBin(store_user_data=True))")
        turns = [SpeakerTurn.of(_mention(row, article_id), doc[row[0]:row[1]]) for row in recorded["turns"]]
        return cls(doc, article_id, turns, recorded["reach"])

    def at(self, sentence: Span) -> References:
        """The view for one sentence: its last speaker is that of the latest sentence before it with a claim."""
        return self._before(sentence.start)

    def at_end(self) -> References:
        """The view after the last sentence: its last speaker is that of the text's last claim."""
        return self._before(len(self.doc))

    def _before(self, token: int) -> References:
        view = copy.copy(self)  # shares the tables; only the speaker to refer back to differs
        view.turn = next((t for t in reversed(self.turns) if t.sentence.start < token), None)
        return view

    # --- lookups -------------------------------------------------------------------------------------

    def ents(self, sent: Span) -> list[Span]:
        """The named-entity spans of one sentence (``Span.ents`` rescans the whole document)."""
        return self._ents_by_sentence.get(sent.start, [])

    def get(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def in_span(self, start: int, end: int) -> list[Mention]:
        """Mentions inside a token range, in order."""
        seen: list[Mention] = []
        for i in range(start, end):
            mention = self._by_token.get(i)
            if mention is not None and mention not in seen:
                seen.append(mention)
        return seen

    def country(self, label: str, token_or_span: Token | Span) -> Mention:
        span = token_or_span if isinstance(token_or_span, Span) else self.doc[token_or_span.i:token_or_span.i + 1]
        return country_mention(label, span, self.article_id)

    def _token_of(self, mention: Mention) -> int:
        return next(i for i, m in self._by_token.items() if m is mention)

    def referent(self, token: Token) -> Token:
        """The noun a relative pronoun or a demonstrative phrase stands for.

        "exports, which Beijing refused to allow" -> exports; "These proposals were rejected" -> the
        "proposals" named in the sentences before.
        """
        if token.tag_ in ("WDT", "WP"):
            verb = token.head
            while verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i:
                verb = verb.head
            return verb.head if verb.dep_ == "relcl" else token
        if token.pos_ == "NOUN" and any(c.lower_ in DEMONSTRATIVES for c in token.children):
            for earlier in reversed(token.doc[max(0, token.sent.start - self.windows["demonstrative"]):token.sent.start]):
                if earlier.lemma_ == token.lemma_ and any(c.dep_ in ("poss", "amod", "compound") for c in earlier.children):
                    return earlier
        return token

    # --- who a token stands for -------------------------------------------------------------------------

    def actor(self, token: Token) -> Mention | None:
        """The entity a token stands for as an actor (subject, speaker, object)."""
        return self.decide(token)[1]

    def decide(self, token: Token) -> tuple[ActorRule | None, Mention | None]:
        """The first rule of :data:`ACTOR_RULES` that applies and decides, and its answer."""
        for rule in ACTOR_RULES:
            if rule.applies(self, token):
                found = rule.resolve(self, token)
                if found is not None or rule.final:
                    return rule, found
        return None, None

    def actors(self, token: Token) -> list[Mention]:
        """Actors for a token and the tokens conjoined with it ('Putin and Xi')."""
        grouped = self.pair_of(token)
        if len(grouped) >= 2:
            return grouped
        found = []
        for modifier in (c for c in token.children if c.dep_ == "amod" and gazetteer().demonym(c.text)):
            # "Iranian and American envoys": one actor per conjoined demonym
            for extra in conjuncts(modifier):
                target = gazetteer().demonym(extra.text)
                if target and self.actor(token) is not None:
                    found.append(self.country(target, extra))
        for t in [token, *conjuncts(token)]:
            mention = self.actor(t)
            if mention is None or mention.kind != "Person":
                # "the EU's High Representative ..., Josep Borrell" -> Josep Borrell
                named = next((self._by_token[a.i] for a in t.children if a.dep_ == "appos" and a.i in self._by_token
                              and (mention is None or self._by_token[a.i].kind == "Person")), None)
                mention = named or mention
            if mention is not None and mention not in found:
                found.append(mention)
        return found

    def recent_speaker(self, token: Token) -> Mention | None:
        """Who spoke last, if that was recent enough to be what 'the accusation' or 'he said' refers to."""
        turn = self.turn
        if turn is not None and -len(token.sent.text) <= token.idx - turn.sentence.end_char <= self.reach:
            return turn.speaker
        return None

    def pair_of(self, token: Token) -> list[Mention]:
        """The pair a group reference points back to: 'Putin and Xi met. The two leaders ...' -> [Putin, Xi].

        Countries are asked for ("the two countries"), the people's countries are given.
        """
        pair_words = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "predet")} | {token.lower_}
        if not (token.lower_ in PAIR_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass")) and not (
                token.lemma_.lower() in PAIR_NOUNS and pair_words & PAIR_WORDS):
            return []
        people = token.lemma_.lower() in PAIRS_OF_PEOPLE
        places = token.lemma_.lower() in PAIRS_OF_COUNTRIES
        latest: list[Mention] = []
        for t in self.doc[max(0, token.i - self.windows["pair"]):token.i]:
            if t.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") and any(c.dep_ == "conj" for c in t.children):
                named = list({self._by_token[x.i].name: self._by_token[x.i] for x in (t, *conjuncts(t)) if x.i in self._by_token}.values())
                if places:
                    named = [self.country(m.affiliation, token) if m.kind == "Person" and gazetteer().lookup(m.affiliation) else m
                             for m in named]
                if len(named) == 2 and all((m.kind == "Person") if people else (m.kind == "Country") if places else True for m in named):
                    latest = named
        if not latest and places:
            latest = self._clause_pair(token)
        if not latest and people:
            # no conjoined pair: the two people named last ("Putin thanked Xi ... The two leaders ...")
            recent: dict[str, Mention] = {}
            for i in range(token.i - 1, max(0, token.i - self.windows["people"]), -1):
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
            window = self.doc[max(0, root.sent.start - self.windows["country"]):sentence_start]
            second = next((m for m in (self._by_token.get(t.i) for t in reversed(window))
                           if m is not None and m.kind == "Country" and m.name != first.name), None)
        if first and second and first.kind == second.kind == "Country" and first.name != second.name:
            return [first, second]
        return []

    def last_subject(self, token: Token) -> Mention | None:
        """What 'it' refers to: the first country or organisation that is a subject earlier in the
        same sentence (its topic), else the last one that was a main-clause subject before it."""
        same_sentence, before = None, None
        sentence_start = token.sent.start
        for t in self.doc[max(0, sentence_start - self.windows["subject"]):token.i]:
            mention = self._by_token.get(t.i)
            if mention is None or t.dep_ not in ("nsubj", "nsubjpass") or mention.kind in PERSON_OR_PLACE_KINDS:
                continue
            if t.i >= sentence_start:
                same_sentence = same_sentence or mention
            elif t.head.dep_ in ("ROOT", "conj") or t.head.head == t.head:
                before = mention
        best = same_sentence or before
        return self.actor(self.doc[self._token_of(best)]) if best is not None else None

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

    def title_holder(self, token: Token) -> Mention | None:
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

    def group_actor(self, token: Token) -> Mention | None:
        """A group noun as an actor ("police", "protesters"), attached to the country or organisation the
        text gives it ("Russian police", "police in Paris", "Hamas fighters"). A singular count noun ("the
        officer") is one person, not the group."""
        group = rules().group(token.lemma_.lower(), token.lower_)
        if group is None or token.pos_ not in ("NOUN", "PROPN") or (token.tag_ in ("NN", "NNP") and group.noun != group.plural):
            return None
        speaker = self.recent_speaker(token)
        if speaker is not None and token.lemma_.lower() in self.turn.words and all(c.dep_ == "det" for c in token.children):
            return speaker  # "The officials said ..." after "senior US officials told Reuters"
        owner = None
        for child in token.children:
            if child.dep_ == "amod" and gazetteer().demonym(child.text):
                owner = self.country(gazetteer().demonym(child.text), child)
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


# --- the rules of References.actor, in the order they are tried ------------------------------------------

def _is_relative_pronoun(refs: References, token: Token) -> bool:
    return token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl"


def _antecedent(refs: References, token: Token) -> Mention | None:
    return refs.actor(token.head.head)  # "Von der Leyen, who arrived ..." -> Von der Leyen


def _is_apposition_to_name(refs: References, token: Token) -> bool:
    return refs.get(token) is None and token.dep_ == "appos" and refs.get(token.head) is not None


def _apposed_name(refs: References, token: Token) -> Mention | None:
    return refs.actor(token.head)  # "the institute, a school that ..." -> the institute


def _is_named(refs: References, token: Token) -> bool:
    return refs.get(token) is not None


def _named(refs: References, token: Token) -> Mention | None:
    mention = refs.get(token)
    if gazetteer().is_metonym(mention.name):  # "the Kremlin said" -> Russia
        return refs.country(gazetteer().lookup(mention.name).label, refs.doc.char_span(mention.start, mention.end) or token)
    return mention


def _is_personal_pronoun(refs: References, token: Token) -> bool:
    return token.lower_ in PERSON_PRONOUNS


def _personal(mention: Mention) -> bool:
    return mention.kind == "Person" or mention.text.split()[-1].lower() in PERSON_NOUNS


def _pronoun_referent(refs: References, token: Token) -> Mention | None:
    """The latest of: the last speaker who is a person ("a Russian source said ... He added"), and the last
    person who was a subject; else the last person named."""
    speaker = refs.recent_speaker(token)
    if speaker is not None and not _personal(speaker):
        speaker = None
    subject = refs.last_person(token.idx, subject=True)
    candidates = [m for m in (speaker, subject) if m is not None]
    if speaker is not None and subject is not None:
        return speaker if refs.turn.sentence.end_char > subject.start else subject
    return candidates[0] if candidates else refs.last_person(token.idx)


def _is_plural_pronoun(refs: References, token: Token) -> bool:
    return token.lower_ in PLURAL_PRONOUNS


def _is_it_subject(refs: References, token: Token) -> bool:
    return token.lower_ in SUBJECT_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass")


def _is_definite_description(refs: References, token: Token) -> bool:
    return token.pos_ == "NOUN" and any(c.lower_ in DEFINITE_ARTICLES for c in token.children) and not any(
        c.dep_ in ("compound", "amod", "poss", "nummod") for c in token.children)


def _is_demonym(refs: References, token: Token) -> bool:
    return token.ent_type_ == "NORP"


def _demonym_country(refs: References, token: Token) -> Mention | None:
    target = gazetteer().demonym(normalise_name(token.text))
    return refs.country(target, token) if target else None


def _is_actor_noun(refs: References, token: Token) -> bool:
    return token.lemma_.lower() in ACTOR_NOUNS or token.lower_ in ACTOR_NOUNS


def _is_office_noun(refs: References, token: Token) -> bool:
    return _is_actor_noun(refs, token) and token.lemma_.lower() in OFFICE_NOUNS | PERSON_NOUNS


def _apposed_person(refs: References, token: Token) -> Mention | None:
    # "India's commerce minister Piyush Goyal" -> Piyush Goyal
    return next((refs.get(c) for c in token.children if c.dep_ == "appos" and refs.get(c) is not None), None)


def _is_unnamed_person(refs: References, token: Token) -> bool:
    return _is_actor_noun(refs, token) and token.lemma_.lower() in UNNAMED_NOUNS


def _nobody(refs: References, token: Token) -> Mention | None:
    return None  # a counterpart is a person; better no actor than the country for them


def _speaker_of_noun(refs: References, token: Token) -> Mention | None:
    """"The officials indicated ..." after "U.S. officials told Reuters": the speaker the noun was part of."""
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod", "prep")]
    speaker = refs.recent_speaker(token)
    if not any(c.ent_type_ or c.dep_ == "poss" for c in modifiers) and speaker is not None and token.lemma_.lower() in speaker.text.lower():
        return speaker
    return None


def _owning_modifier(refs: References, token: Token) -> tuple[Token, str | None] | None:
    """The nearest modifier of an actor noun that says whom it acts for: a name (with no country given),
    or a demonym (with its country)."""
    for cand in noun_phrase(token):
        found = refs.get(cand)
        if found is not None and (found.kind != "Person" or cand.dep_ == "nmod" or token.lemma_.lower() in PERSONAL_NOUNS):
            return cand, None
        if cand.ent_type_ == "NORP" or (cand.pos_ in ("ADJ", "PROPN") and cand.is_title):
            target = gazetteer().demonym(normalise_name(cand.text))
            if target:
                return cand, target
    return None


def _is_owned_actor_noun(refs: References, token: Token) -> bool:
    return _is_actor_noun(refs, token) and _owning_modifier(refs, token) is not None


def _modifier_owner(refs: References, token: Token) -> Mention | None:
    """Whom the noun's modifiers name: "Chinese officials" -> China, "sources close to the Russian government"."""
    cand, country = _owning_modifier(refs, token)
    if country is None:
        return refs.actor(cand)
    return refs.country(country, refs.doc[min(cand.i, token.i):max(cand.i, token.i) + 1])


def _any(refs: References, token: Token) -> bool:
    return True


#: who a token stands for, tried in order (see :class:`ActorRule`)
ACTOR_RULES: tuple[ActorRule, ...] = (
    ActorRule("a relative pronoun stands for its antecedent", _is_relative_pronoun, _antecedent,
              "Ursula von der Leyen, [who] arrived on Monday, spoke.", "Ursula von der Leyen", final=True),
    ActorRule("an apposition to a name stands for the name", _is_apposition_to_name, _apposed_name,
              "The Harbin Institute, a [school] that trains engineers, was sanctioned.", "Harbin Institute", final=True),
    ActorRule("a name is its mention; a seat of power stands for its country", _is_named, _named,
              "[Beijing] said the talks would resume.", "China", final=True),
    ActorRule("he/she: the last person who spoke or was a subject", _is_personal_pronoun, _pronoun_referent,
              "Putin spoke on Monday. [He] said the talks would resume.", "Putin", final=True),
    ActorRule("they/them: the last speaker", _is_plural_pronoun, References.recent_speaker,
              "U.S. officials told Reuters the talks failed. [They] said the deal was off.", "United States", final=True),
    ActorRule("'it' as a subject: the topic the text is about", _is_it_subject, References.last_subject,
              "China is Russia's largest partner. [It] buys its oil.", "China", final=True),
    ActorRule("'the court', 'the newspaper': the last one named", _is_definite_description, References.described,
              "The International Criminal Court issued a warrant. The [court] said it was final.", "International Criminal Court"),
    ActorRule("a demonym stands for its country", _is_demonym, _demonym_country,
              "[Chinese] troops crossed the border.", "China"),
    ActorRule("an office noun with a name in apposition is that person", _is_office_noun, _apposed_person,
              "India's commerce [minister] Piyush Goyal arrived.", "Piyush Goyal"),
    ActorRule("'the Russian president': the one holder of the office", _is_actor_noun, References.title_holder,
              "Russian President Vladimir Putin arrived. The Russian [president] said the talks failed.", "Vladimir Putin"),
    ActorRule("a counterpart is nobody the text names", _is_unnamed_person, _nobody,
              "Wang Yi met his [counterpart] on Monday.", "_", final=True),
    ActorRule("'the official' after 'a senior official said': that speaker", _is_actor_noun, _speaker_of_noun,
              "A senior official told Reuters the talks failed. The [official] said the deal was off.", "senior official"),
    ActorRule("'Chinese officials': whom the noun's modifiers name", _is_owned_actor_noun, _modifier_owner,
              "Chinese [officials] said the talks failed.", "China", final=True),
    ActorRule("a group noun ('police', 'protesters') is a group", _any, References.group_actor,
              "The [police] arrested 40 people.", "police", final=True),
)
