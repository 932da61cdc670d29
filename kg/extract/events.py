"""Events from dependency parses: who did what to whom, where and when.

One rule per construction:

- active clauses: subject -> object, or the object of "with/to/against/on";
- passive clauses: the "by" phrase is the source, the subject the target;
  hosting verbs in the passive ("X was welcomed at the Kremlin") are visits;
- conjoined actors ("Putin and Xi met") give one symmetric event;
- light verbs take their type from the object ("launch an attack");
- nominal events ("Putin's visit to China", "trade between China and
  Russia", "a meeting with Borrell" inside a clause whose subject acts);
- an object owned by an actor stands for it ("rejected Russia's proposal").

Clauses under a speech verb are reported, not facts: they belong to claims.
Events need a source and a target actor; an event with only one side is not
a who-did-what-to-whom fact.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.dates import resolve_date
from kg.extract.entities import MentionIndex, noun_phrase
from kg.extract.lexicon import (
    CLAIM_NOUNS, EVENT_NOUNS, EVENT_VERBS, HOSTING_VERBS, INTENT_VERBS, OFFICE_NOUNS, PERSON_NOUNS, SPEECH_VERBS, SYMMETRIC,
    VERB_OBJECTS,
)
from kg.gazetteer import gazetteer
from kg.model import Evidence, EventMention, Mention

__all__ = ["sentence_events_and_statements", "evidence_for", "is_reported"]

_TARGET_PREPS = {"with", "to", "against", "on", "onto", "into", "for", "from", "between"}
_PLACE_PREPS = {"in", "at", "near", "inside", "across", "around"}
_PLACE_KINDS = {"Place", "City", "AdministrativeArea", "Country"}
#: events whose object is a thing handed over or aimed at someone ("exported goods to Argentina")
_MATERIAL = {"trade", "aid", "sanction", "attack"}


def evidence_for(sent: Span, article_id: str, raw_offset) -> Evidence:
    """The sentence as evidence, with offsets mapped back to the raw text."""
    return Evidence(article_id, sent.text.strip(), raw_offset(sent.start_char), raw_offset(sent.end_char))


#: how a reported clause hangs off its speech verb ("said that ...", "denied supplying ...")
_REPORTED_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "attr", "oprd", "pcomp", "advcl"}


def is_reported(token: Token) -> bool:
    """True when a token sits in what a speech verb reports (a claim, not a fact).

    Modifiers of the speech act itself ("Speaking with Xi, Putin said ...")
    are facts; the content under "said that" / "denied" / "accused X of" is not.
    """
    below = token
    for ancestor in token.ancestors:
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in CLAIM_NOUNS and below.dep_ in ("acl", "ccomp", "relcl") \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children):
            return True  # "Moscow's claims that the West forced Russia to attack"
        if ancestor.lemma_ in INTENT_VERBS and below.dep_ == "xcomp":
            return True  # "pressured China to ask Russia to end the war": asked for, not done
        if ancestor.lemma_ in SPEECH_VERBS and ancestor.pos_ == "VERB":
            starts_with_participle = below.dep_ == "advcl" and below.i < ancestor.i and below.tag_ == "VBG"
            # "accused China of helping", "blamed the West for threatening", "warned against aiding"
            about = below.dep_ == "prep" and below.lower_ in ("of", "about", "against", "for")
            if (below.dep_ in _REPORTED_DEPS and not starts_with_participle) or about:
                return True
        below = ancestor
    return False


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "neg" for c in token.head.children if token.dep_ in ("xcomp", "aux"))


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject (inherited through xcomp/conj/advcl chains) and whether it is passive."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child, False
            if child.dep_ == "nsubjpass":
                return child, True
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.dep_ == "dobj":
            current = current.head.head  # "The court issued the warrant accusing Putin": the court accuses
            continue
        governor = current.head.head if current.dep_ == "pcomp" else current.head
        controls = current.dep_ == "xcomp" or (current.dep_ == "pcomp" and current.head.lower_ in ("of", "against", "from", "into"))
        if controls and governor.pos_ == "VERB":
            # "warned Beijing against aiding Russia", "accused China of helping Putin"
            controller = next((c for c in governor.children if c.dep_ in ("dobj", "dative")), None)
            if controller is not None and controller.pos_ in ("PROPN", "NOUN", "PRON"):
                return controller, False  # object control: "ask Xi to boost trade" -> Xi boosts
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and current.head.pos_ in ("VERB", "AUX", "ADP", "ADJ"):
            current = current.head if current.head.pos_ != "ADP" else current.head.head  # "were due to meet"
        else:
            break
    return None, False


def _referent(token: Token) -> Token:
    """The noun a relative pronoun or a demonstrative phrase stands for.

    "exports, which Beijing refused to allow" -> exports; "These proposals were rejected" -> the
    "proposals" named in the sentences before.
    """
    if token.tag_ in ("WDT", "WP"):
        verb = token.head
        while verb.dep_ in ("xcomp", "ccomp") and verb.head is not verb:
            verb = verb.head
        return verb.head if verb.dep_ == "relcl" else token
    if token.pos_ == "NOUN" and any(c.lower_ in ("these", "those", "this", "that") for c in token.children):
        for earlier in reversed(token.doc[max(0, token.sent.start - 60):token.sent.start]):
            if earlier.lemma_ == token.lemma_ and any(c.dep_ in ("poss", "amod", "compound") for c in earlier.children):
                return earlier
    return token


def _owner(token: Token, index: MentionIndex) -> list[Mention]:
    """Actors a thing belongs to: "Russia's proposal", "a Chinese refinery", "a round of U.S. sanctions"."""
    token = _referent(token)
    for child in noun_phrase(token):
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.pos_ != "PRON":
            found = index.actors(child)
            if found:
                return found
    return []


def _objects(head: Token, index: MentionIndex, preps: set[str]) -> list[Mention]:
    for child in head.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    # "a Chinese refinery" stands for China; "his Chinese counterpart" is a person, not China
                    personal = obj.lemma_.lower() in OFFICE_NOUNS | PERSON_NOUNS
                    found = index.actors(obj) or ([] if personal else _owner(obj, index))
                    if found:
                        return found
    return []


def _targets(verb: Token, index: MentionIndex) -> list[Mention]:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "attr"):
            # "rejected Russia's proposal", "banned Russian oil imports", "condemned the Russian strike";
            # but a light verb's object is the event itself ("launched its invasion")
            found = index.actors(child) or (_owner(child, index) if verb.lemma_ not in VERB_OBJECTS else [])
            if not found and child.lemma_.lower() in CLAIM_NOUNS and any(c.lower_ in ("the", "this", "that", "these", "those") for c in child.children):
                speaker = index.recent_speaker(child)  # "Rwanda rejected the accusation": whoever just made it
                found = [speaker] if speaker is not None else []
            if found:
                return found
    found = _objects(verb, index, _TARGET_PREPS)
    if found:
        return found
    for child in verb.children:
        if child.dep_ in ("dobj", "xcomp", "ccomp") and child.pos_ in ("NOUN", "VERB") and child.lemma_.lower() not in EVENT_NOUNS:
            found = _objects(child, index, _TARGET_PREPS | {"of"})
            if found:
                return found
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
            # "threatened to make Spain pay", "helping Russia rebuild": the object or subject of the complement
            for grandchild in child.children:
                if grandchild.dep_ in ("dobj", "nsubj") or (grandchild.dep_ == "ccomp" and grandchild.pos_ == "VERB"):
                    subject = grandchild if grandchild.dep_ != "ccomp" else next((g for g in grandchild.children if g.dep_ == "nsubj"), None)
                    found = (index.actors(subject) or _owner(subject, index)) if subject is not None else []
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
    near = {head.i, *[c.i for c in head.children]}
    for child in head.subtree:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS and child.head.i in near:
            for obj in child.children:
                mention = index.get(obj)
                if mention is not None and mention.kind in _PLACE_KINDS and mention.name not in {m.name for m in exclude}:
                    return mention
    return None


def _date(head: Token, ents: list[Span], anchor: dt.date | None) -> dt.date | None:
    near = {head.i, *[c.i for c in head.children]}
    for ent in ents:
        if ent.label_ == "DATE" and (ent.root.head.i in near or ent.root.head.head.i == head.i):
            resolved = resolve_date(ent.text, anchor)
            if resolved:
                return resolved
    return None


def _verb_type(verb: Token) -> str | None:
    lemma = verb.lemma_.lower()
    if lemma in VERB_OBJECTS:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "prt", "prep")]  # "called on M23 to withdraw"
        objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children]
        # "launched one of the heaviest air attacks", "a series of strikes"
        objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        for obj in objects:
            event_type = VERB_OBJECTS[lemma].get(obj.lemma_.lower()) or VERB_OBJECTS[lemma].get(obj.lower_)
            if event_type:
                return event_type
    return EVENT_VERBS.get(lemma)


def _as_country(mention: Mention) -> Mention:
    """A seat of power used as a destination stands for its country ("welcomed at the Kremlin"); cities stay cities."""
    known = gazetteer().lookup(mention.name)
    place = gazetteer().place(mention.name)
    if gazetteer().is_metonym(mention.name) and known is not None and (place is None or place.kind != "City"):
        return Mention(mention.text, known.label, known.kind, mention.article_id, mention.start, mention.end)
    return mention


def _as_place(mention: Mention) -> Mention:
    """A city named as a destination or a target stays the city ("an airstrike on Kyiv")."""
    place = gazetteer().place(mention.text)
    if place is not None and place.kind == "City" and mention.name != place.label:
        return Mention(mention.text, place.label, place.kind, mention.article_id, mention.start, mention.end)
    return mention


def _verb_event(token: Token, index: MentionIndex, reported: bool) -> tuple[str, list[Mention], list[Mention]] | None:
    event_type = _verb_type(token)
    if event_type is None or (_negated(token) and not reported):
        return None
    subject, passive = _subject(token)
    if subject is None:
        return None
    if passive and token.lemma_ in HOSTING_VERBS:
        place = _place(token, index, [])
        hosts = _agent(token, index)
        return "visit", index.actors(subject), hosts or ([_as_country(place)] if place is not None else [])
    if event_type == "aid" and any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in token.children):
        event_type = "cooperate"  # "supported the Kremlin's assertions" endorses, it does not supply
    if passive:
        # "These proposals were rejected by Ukraine": the rejected thing's owner is the target
        return event_type, _agent(token, index), index.actors(subject) or _owner(subject, index)
    targets = _targets(token, index)
    sources = index.actors(subject) or (_owner(subject, index) if subject.lemma_.lower() in EVENT_NOUNS else [])
    if not targets and (token.lemma_ in VERB_OBJECTS or event_type in _MATERIAL):
        # "imposed sanctions on Iran", "launched one of the heaviest attacks of the war on Kyiv",
        # "exported goods worth $13.7 billion to Argentina"
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            for prep in (t for t in obj.subtree if t.dep_ == "prep"):
                # "invasion of Ukraine" names the target; "one of the attacks" does not
                if prep.lower_ in ("on", "against", "to", "with", "into") or (prep.lower_ == "of" and prep.head.lemma_.lower() in EVENT_NOUNS):
                    targets = targets or _objects(prep.head, index, {prep.lower_})
    return event_type, sources, targets


def _clause_subject(noun: Token, index: MentionIndex) -> list[Mention]:
    """Who acts in a nominal event that hangs off a clause.

    "in a meeting with X, Wang Yi admitted" -> Wang Yi; "Putin and Xi continue their meeting" -> both.
    """
    head = noun.head
    while head.dep_ in ("prep", "pobj", "dobj") and head.head is not head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        subject, passive = _subject(head)
        if subject is not None and not passive:
            return index.actors(subject)
    return []


def _noun_event(token: Token, index: MentionIndex) -> tuple[str, list[Mention], list[Mention]] | None:
    if token.dep_ == "dobj" and token.head.lemma_ in VERB_OBJECTS:
        return None
    event_type = EVENT_NOUNS[token.lemma_.lower()]
    between = _objects(token, index, {"between"})
    if len(between) >= 2:
        return event_type, between[:1], between[1:2]
    sources = [m for c in token.children if c.dep_ in ("poss", "amod", "compound") for m in index.actors(c)]
    sources += _objects(token, index, {"by"})
    targets = _objects(token, index, {"to", "of", "with", "against", "on", "in"} if event_type == "visit" else {"to", "of", "with", "against", "on"})
    collective = any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in token.children)
    if (not sources and targets) or (collective and event_type in SYMMETRIC):
        sources = _clause_subject(token, index)
    if not sources and not targets and event_type == "meet" and token.head.dep_ == "prep":
        # "At a summit in Beijing, Putin thanked Xi": the clause's two actors met
        verb = token.head.head
        if verb.pos_ == "VERB" and verb.lemma_ not in SPEECH_VERBS:
            sources, targets = _clause_subject(token, index), _targets(verb, index)
    if event_type == "visit":
        targets = [_as_country(t) for t in targets]
    return event_type, sources, targets


def _pairs(event_type: str, sources: list[Mention], targets: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    if targets:
        for s in sources:
            for t in targets:
                if s.name != t.name:
                    yield s, t
    elif len(sources) >= 2 and event_type in SYMMETRIC:
        yield sources[0], sources[1]


def sentence_events_and_statements(sent: Span, index: MentionIndex, evidence: Evidence,
                                   anchor: dt.date | None) -> Iterator[tuple[EventMention, bool]]:
    """Every event in a sentence, each with whether it is stated as fact.

    Facts become events; the rest are what someone only says or denies ("China denies
    supplying weapons to Russia"): claims carry them as their statement, never as facts.
    One parse walk serves both.
    """
    for token in sent:
        if token.pos_ == "VERB" and (token.lemma_.lower() in EVENT_VERBS or token.lemma_.lower() in VERB_OBJECTS):
            reported = is_reported(token)
            found = _verb_event(token, index, reported)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in EVENT_NOUNS:
            reported = is_reported(token)
            found = _noun_event(token, index)
        else:
            continue
        if found is None:
            continue
        event_type, sources, targets = found
        if not sources:
            continue
        place = _place(token, index, [*sources, *targets])
        if event_type in ("visit", "attack") and not targets and place is not None:
            targets = [_as_country(place)]  # "travelled to Harbin", "strikes killed 73 people across Gaza"
        if event_type in ("attack", "visit"):
            targets = [_as_place(t) for t in targets]
        date = _date(token, index.ents(sent), anchor)
        for source, target in _pairs(event_type, sources, targets):
            if event_type in SYMMETRIC and target.name < source.name:
                source, target = target, source
            yield EventMention(event_type, token.lemma_.lower(), source, target, evidence, place, date,
                               negated=_negated(token), offset=token.idx), not reported
