"""Events from dependency parses: who did what to whom, where and when.

One rule per construction: active and passive clauses, conjoined actors,
prepositional targets ("met with", "visit to"), light verbs ("launch an
attack"), and nominal events ("Putin's visit to China").  Clauses under a
speech verb are reported, not facts: they belong to claims.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.dates import resolve_date
from kg.extract.entities import MentionIndex
from kg.extract.lexicon import EVENT_NOUNS, EVENT_VERBS, LIGHT_VERB_TYPES, SPEECH_VERBS, SYMMETRIC, VERB_OBJECTS
from kg.model import Evidence, EventMention, Mention

__all__ = ["sentence_events", "evidence_for", "is_reported"]

_TARGET_PREPS = {"with", "to", "against", "on", "into", "for", "from"}
_PLACE_PREPS = {"in", "at", "near", "inside"}
_PLACE_KINDS = {"Place", "City", "AdministrativeArea", "Country"}


def evidence_for(sent: Span, article_id: str, raw_offset) -> Evidence:
    """The sentence as evidence, with offsets mapped back to the raw text."""
    return Evidence(article_id, sent.text.strip(), raw_offset(sent.start_char), raw_offset(sent.end_char))


def is_reported(token: Token) -> bool:
    """True when a token sits in a clause reported by a speech verb (a claim, not a fact)."""
    for ancestor in token.ancestors:
        if ancestor.lemma_ in SPEECH_VERBS and ancestor.pos_ == "VERB":
            return True
        if ancestor.dep_ == "pcomp" and ancestor.head.lower_ == "of" and ancestor.head.head.lemma_ == "accuse":
            return True
    return False


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "neg" for c in token.head.children if token.dep_ in ("xcomp", "aux"))


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject (inherited through xcomp/conj chains) and whether it is passive."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        if current.dep_ in ("xcomp", "conj", "advcl") and current.head.pos_ in ("VERB", "AUX"):
            current = current.head
        else:
            break
    return None, False


def _targets(verb: Token, index: MentionIndex) -> list[Mention]:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "attr"):
            found = index.actors(child)
            if found:
                return found
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = index.actors(obj)
                    if found:
                        return found
    for child in verb.children:
        if child.dep_ in ("dobj", "xcomp", "ccomp") and child.pos_ in ("NOUN", "VERB"):
            for grandchild in child.children:
                if grandchild.dep_ == "prep" and grandchild.lower_ in _TARGET_PREPS | {"of"}:
                    for obj in grandchild.children:
                        found = index.actors(obj)
                        if found:
                            return found
    return []


def _agent(verb: Token, index: MentionIndex) -> list[Mention]:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                found = index.actors(obj)
                if found:
                    return found
    return []


def _place(head: Token, index: MentionIndex, exclude: list[Mention]) -> Mention | None:
    for child in head.subtree:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS and child.head.i in (head.i, *[c.i for c in head.children]):
            for obj in child.children:
                mention = index.get(obj)
                if mention is not None and mention.kind in _PLACE_KINDS and mention not in exclude:
                    return mention
    return None


def _date(head: Token, sent: Span, anchor: dt.date | None) -> dt.date | None:
    for ent in sent.ents:
        if ent.label_ == "DATE" and (ent.root.head.i == head.i or ent.root.head.head.i == head.i or ent.root.head.i in [c.i for c in head.children]):
            resolved = resolve_date(ent.text, anchor)
            if resolved:
                return resolved
    return None


def _verb_type(verb: Token) -> str | None:
    lemma = verb.lemma_.lower()
    if lemma in VERB_OBJECTS:
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "prep", "prt")}
        objects |= {g.lemma_.lower() for c in verb.children if c.dep_ == "prep" for g in c.children}
        if objects & VERB_OBJECTS[lemma]:
            return LIGHT_VERB_TYPES[lemma]
        if lemma not in EVENT_VERBS:
            return None
    return EVENT_VERBS.get(lemma)


def _pairs(event_type: str, sources: list[Mention], targets: list[Mention]) -> Iterator[tuple[Mention, Mention | None]]:
    if targets:
        for s in sources:
            for t in targets:
                if s.name != t.name:
                    yield s, t
    elif len(sources) >= 2 and event_type in SYMMETRIC:
        yield sources[0], sources[1]
    elif event_type not in SYMMETRIC:
        for s in sources:
            yield s, None


def sentence_events(sent: Span, index: MentionIndex, evidence: Evidence, anchor: dt.date | None) -> Iterator[EventMention]:
    """Every event one sentence states as fact."""
    for token in sent:
        if token.pos_ == "VERB":
            event_type = _verb_type(token)
            if event_type is None or _negated(token) or is_reported(token):
                continue
            subject, passive = _subject(token)
            if subject is None:
                continue
            if passive:
                sources, targets = _agent(token, index), index.actors(subject)
            else:
                sources, targets = index.actors(subject), _targets(token, index)
            head = token
        elif token.pos_ == "NOUN" and token.lemma_.lower() in EVENT_NOUNS:
            if is_reported(token):
                continue
            event_type = EVENT_NOUNS[token.lemma_.lower()]
            sources = [m for c in token.children if c.dep_ == "poss" for m in index.actors(c)]
            sources += [m for c in token.children if c.dep_ in ("amod", "compound") for m in index.actors(c)]
            targets = []
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("to", "of", "with", "against", "on"):
                    targets += [m for obj in child.children for m in index.actors(obj)]
            if child_by := [c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"]:
                sources += [m for obj in child_by[0].children for m in index.actors(obj)]
            head = token
            if not sources and event_type == "attack" and targets:
                continue
        else:
            continue
        if not sources:
            continue
        place = _place(head, index, [*sources, *targets])
        if event_type == "visit" and not targets and place is not None:
            targets = [place]
        date = _date(head, sent, anchor)
        for source, target in _pairs(event_type, sources, targets):
            if event_type in SYMMETRIC and target is not None and target.name < source.name:
                source, target = target, source
            yield EventMention(event_type, head.lemma_.lower(), source, target, evidence, place, date)
