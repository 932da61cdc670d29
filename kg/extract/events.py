"""Events from dependency parses: who did what to whom, where and when, and how the sentence tells it.

What counts as an event is data: trigger lemmas, verb + object patterns and object classes live in
``kg/data/events/`` (see :mod:`kg.extract.rules`); this module finds the participants:

- active clauses: subject -> object, or the object of "with/to/against/on";
- passive clauses: the "by" phrase is the source, the subject the target ("40 people were arrested");
  hosting verbs in the passive ("X was welcomed at the Kremlin") are visits;
- conjoined actors ("Putin and Xi met") give one mutual event;
- nominal events ("Putin's visit to China", "trade between China and Russia", "432 arrests");
- an object owned by an actor stands for it ("rejected Russia's proposal").

Every event carries its modality (``kg/data/events/modality.tsv``): negated, future, conditional,
intended or alleged events are kept, but only asserted ones are facts. An event reported by someone
("..., officials said") stays asserted; the claim extractor names who reported it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.dayorder import DayOrder
from kg.extract.dates import read_date
from kg.extract.entities import noun_phrase
from kg.extract.lexicon import DEFINITE_ARTICLES, DEMONSTRATIVES, OFFICE_NOUNS, PERSON_NOUNS
from kg.extract.reference import References
from kg.extract.rules import NOT_AN_EVENT, Pattern, rules
from kg.gazetteer import gazetteer
from kg.model import LOCATION_KINDS, ClaimType, Evidence, EventMention, Mention, Modality
from kg.vocab import EVENT_TYPES

__all__ = ["sentence_events", "evidence_for", "modality"]

_TARGET_PREPS = {"with", "to", "against", "on", "onto", "into", "for", "from", "between"}
_PLACE_PREPS = {"in", "at", "near", "inside", "across", "around"}
#: PLOVER types whose object is a thing handed over or aimed at someone ("exported goods to Argentina")
_MATERIAL = {"COOPERATE", "AID", "SANCTION", "ASSAULT", "COERCE", "MOBILIZE"}


def evidence_for(sent: Span, article_id: str, raw_offset) -> Evidence:
    """The sentence as evidence, with offsets mapped back to the raw text."""
    return Evidence(article_id, sent.text.strip(), raw_offset(sent.start_char), raw_offset(sent.end_char))


#: how a reported clause hangs off its speech verb ("said that ...", "denied supplying ...")
_REPORTED_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "attr", "oprd", "pcomp", "advcl"}


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject (inherited through xcomp/conj/advcl chains) and whether it is passive."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child, False
            if child.dep_ == "nsubjpass":
                # "Russia is expected to attack": the raised subject of a passive governor acts in the complement
                return child, current is verb
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.dep_ == "dobj":
            current = current.head.head  # "The court issued the warrant accusing Putin": the court accuses
            continue
        governor = current.head.head if current.dep_ == "pcomp" else current.head
        controls = current.dep_ == "xcomp" or (current.dep_ == "pcomp" and current.head.lower_ in ("of", "against", "from", "into", "for"))
        if controls and governor.pos_ == "VERB":
            # "warned Beijing against aiding Russia", "accused China of helping Putin"
            controller = next((c for c in governor.children if c.dep_ in ("dobj", "dative")), None) or next(
                (o for c in governor.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children if o.dep_ == "pobj"), None)
            if controller is not None and controller.pos_ in ("PROPN", "NOUN", "PRON"):
                return controller, False  # object control: "ask Xi to boost trade" -> Xi boosts
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and current.head.pos_ in ("VERB", "AUX", "ADP", "ADJ"):
            current = current.head if current.head.pos_ != "ADP" else current.head.head  # "were due to meet"
        else:
            break
    return None, False


def _owner(token: Token, index: References) -> list[Mention]:
    """Actors a thing belongs to: "Russia's proposal", "a Chinese refinery", "a round of U.S. sanctions"."""
    token = index.referent(token)
    for child in noun_phrase(token):
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.pos_ != "PRON":
            found = index.actors(child)
            if found:
                return found
    return []


def _objects(head: Token, index: References, preps: set[str]) -> list[Mention]:
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


def _is_event_noun(token: Token) -> bool:
    return bool(rules().candidates(token.lemma_.lower(), "noun"))


def _targets(verb: Token, index: References, pattern: Pattern | None = None) -> list[Mention]:
    for child in verb.children:
        if pattern is not None and child.dep_ == "dobj" and rules().names_instrument(pattern, child.lemma_.lower(), child.lower_):
            continue  # the object is the event or what is sent ("launched its invasion", "sent troops to Lithuania")
        if child.dep_ in ("dobj", "dative", "attr"):
            # "rejected Russia's proposal", "banned Russian oil imports", "condemned the Russian strike"
            found = index.actors(child) or _owner(child, index)
            if not found and rules().names_statement(child.lemma_) and any(c.lower_ in DEFINITE_ARTICLES | DEMONSTRATIVES for c in child.children):
                speaker = index.recent_speaker(child)  # "Rwanda rejected the accusation": whoever just made it
                found = [speaker] if speaker is not None else []
            if found:
                return found
    found = _objects(verb, index, _TARGET_PREPS)
    if found:
        return found
    # "agreed to a deal with the EU": the partner of the thing agreed to
    things = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp") and c.pos_ in ("NOUN", "VERB")]
    things += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "on") for o in c.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    for child in things:
        if not _is_event_noun(child):
            found = _objects(child, index, _TARGET_PREPS | {"of"})
            if found:
                return found
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
            # "threatened to make Spain pay", "helping Russia rebuild": the object or subject of the complement
            for grandchild in child.children:
                if grandchild.dep_ in ("dobj", "nsubj") or (grandchild.dep_ == "ccomp" and grandchild.pos_ == "VERB"):
                    subject = grandchild if grandchild.dep_ != "ccomp" else next((g for g in grandchild.children if g.dep_ == "nsubj"), None)
                    found = (index.actors(subject) or _owner(subject, index)) if subject is not None else []
                    if found:
                        return found
    return []


def _agent(verb: Token, index: References) -> list[Mention]:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                found = index.actors(obj)
                if found:
                    return found
    return []


def _place(head: Token, index: References, exclude: list[Mention]) -> Mention | None:
    near = {head.i, *[c.i for c in head.children]}
    for child in head.subtree:
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS and child.head.i in near:
            for obj in child.children:
                mention = index.get(obj)
                if mention is not None and mention.kind in LOCATION_KINDS and mention.name not in {m.name for m in exclude}:
                    return mention
    return None


def _date(head: Token, ents: list[Span], anchor: dt.date | None, modality: str,
          order: DayOrder | None) -> tuple[dt.date | None, str]:
    """The day the event happened (or will happen: future and intended events read dates forward);
    ``order`` is the article's evidence for reading "07/03/2024"."""
    near = {head.i, *[c.i for c in head.children]}
    prefer = "future" if modality in ("future", "intended") else "past"
    for ent in ents:
        if ent.label_ == "DATE" and (ent.root.head.i in near or ent.root.head.head.i == head.i):
            reading = read_date(ent.text, anchor, prefer=prefer, order=order)
            if reading.date:
                return reading.date, reading.basis
    return None, ""


def _pattern(token: Token, passive: bool) -> Pattern | None:
    """The most specific pattern of the tables that the trigger and its dependents satisfy."""
    pos = "verb" if token.pos_ == "VERB" else "noun"
    table = rules()
    children = list(token.children)
    objects = [c for c in children if c.dep_ in ("dobj", "prt") or (passive and c.dep_ == "nsubjpass")]
    objects += [g for c in children if c.dep_ in ("prep", "dative") for g in c.children]  # "called for a ceasefire"
    # "launched one of the heaviest air attacks", "a series of strikes"
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
    preps = {c.lower_ for c in children if c.dep_ in ("prep", "prt", "agent", "advmod")}
    for pattern in table.candidates(token.lemma_.lower(), pos):
        if pattern.passive and not passive:
            continue
        if pattern.intransitive and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in children):
            continue
        if pattern.preps and not pattern.preps & preps:
            continue
        if (pattern.objects or pattern.object_classes) and not any(
                table.object_matches(pattern, o.lemma_.lower(), o.lower_) for o in objects):
            continue
        return None if pattern.event_type == NOT_AN_EVENT else pattern
    return None


#: modality of what a cue of each class reports, where modality.tsv does not name the cue
_CUE_CLASS_MODALITY: dict[ClaimType, Modality] = {"statement": "alleged", "belief": "alleged", "evidence": "asserted", "intention": "intended"}


def _report_modality(verb: Token) -> Modality:
    """Modality of a clause reported by ``verb``: "said" keeps it asserted, "alleged" makes it alleged,
    "a report found" asserts it, "plans" intends it."""
    table = rules()
    cue = table.cue(verb.lemma_)
    return table.modality("report", verb.lemma_.lower()) or _CUE_CLASS_MODALITY[cue.kind if cue else "statement"]


def modality(token: Token) -> Modality:
    """How the sentence tells the event at ``token`` (see ``kg/data/events/modality.tsv``)."""
    table = rules()
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # a nominal event takes the modality of its clause ("made three arrests")
    if verb.pos_ not in ("VERB", "AUX"):
        return "asserted"
    own: Modality | None = None
    for child in verb.children:
        if child.dep_ == "neg":
            return table.modality("neg", child.lower_) or "negated"
        if child.dep_ in ("aux", "auxpass"):
            own = own or table.modality("aux", child.lower_)
        if child.dep_ == "mark" and verb.dep_ == "advcl":
            own = own or table.modality("mark", child.lower_)
        if child.dep_ in ("nsubj", "nsubjpass"):  # "no one was injured", "nobody attacked"
            nobody = [child.lower_] + [c.lower_ for c in child.children if c.dep_ == "det"]
            if any(table.modality("subject", w) for w in nobody):
                return "negated"
    if own:
        return own
    below = verb
    for ancestor in verb.ancestors:
        if ancestor.pos_ == "NOUN" and rules().names_statement(ancestor.lemma_) and below.dep_ in ("acl", "ccomp", "relcl") \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in below.children):
            # "Moscow's claims that the West forced Russia to attack"; "rejected claims that ..." denies them
            denier = ancestor.head if ancestor.dep_ in ("dobj", "pobj") and ancestor.head.pos_ == "VERB" else None
            return "negated" if denier is not None and table.modality("report", denier.lemma_.lower()) == "negated" else "alleged"
        if ancestor.pos_ == "VERB":
            lemma = ancestor.lemma_.lower()
            governed = table.modality("governor", lemma)
            if governed and below.dep_ in ("xcomp", "ccomp", "pcomp", "prep"):
                return governed
            # "Speaking with Xi, Putin said ...": a participle before the speech verb is a fact
            participle = below.dep_ == "advcl" and below.i < ancestor.i and below.tag_ == "VBG"
            about = below.dep_ in ("prep", "pcomp") and below.lower_ in ("of", "about", "against", "for")  # "accused X of"
            cue = table.cue(lemma)
            reporting = cue is not None or table.modality("report", lemma) is not None
            clause_only = cue is not None and ((cue.requires == "clause" and below.dep_ not in ("ccomp", "xcomp"))
                                               or (cue.requires == "that" and below.dep_ != "ccomp"))
            if reporting and not clause_only and ((below.dep_ in _REPORTED_DEPS and not participle) or about):
                return "alleged" if any(c.dep_ == "neg" for c in ancestor.children) else _report_modality(ancestor)
        below = ancestor
    return "asserted"


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


def _verb_event(token: Token, index: References) -> tuple[Pattern, str, list[Mention], list[Mention], bool] | None:
    """(pattern, type, sources, targets, has a participant) of a verb trigger.

    """
    subject, passive = _subject(token)
    pattern = _pattern(token, passive)
    if pattern is None:
        return None
    event_type = pattern.event_type
    participant = subject is not None or any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)
    if subject is None:
        owner = next((c for c in token.children if c.dep_ in ("compound", "poss", "nmod")), None)  # "police firing"
        return pattern, event_type, index.actors(owner) if owner is not None else [], [], participant or owner is not None
    if pattern.roles == "visitor":
        place = _place(token, index, [])
        hosts = _agent(token, index)
        return pattern, event_type, index.actors(subject), hosts or ([_as_country(place)] if place is not None else []), True
    if EVENT_TYPES[event_type].plover == "AID" and any(c.dep_ == "dobj" and rules().names_statement(c.lemma_) for c in token.children):
        event_type = "support"  # "supported the Kremlin's assertions" endorses, it does not supply
    if passive:
        # "These proposals were rejected by Ukraine": the rejected thing's owner is the target
        return pattern, event_type, _agent(token, index), index.actors(subject) or _owner(subject, index), True
    targets = _targets(token, index, pattern)
    sources = index.actors(subject) or (_owner(subject, index) if _is_event_noun(subject) else [])
    if not targets and pattern.objects:
        # "expressed support for Venezuela", "held talks with China": the named object's partner
        named = [c for c in token.children if c.dep_ == "dobj" and rules().names_instrument(pattern, c.lemma_.lower(), c.lower_)]
        targets = next((found for obj in named if (found := _objects(obj, index, _TARGET_PREPS))), [])
    if not targets and (pattern.objects or pattern.object_classes or EVENT_TYPES[event_type].plover in _MATERIAL):
        # "imposed sanctions on Iran", "launched one of the heaviest attacks of the war on Kyiv",
        # "exported goods worth $13.7 billion to Argentina"
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            for prep in (t for t in obj.subtree if t.dep_ == "prep"):
                # "invasion of Ukraine" names the target; "one of the attacks" does not
                if prep.lower_ in ("on", "against", "to", "with", "into", "at") or (prep.lower_ == "of" and _is_event_noun(prep.head)):
                    targets = targets or _objects(prep.head, index, {prep.lower_})
    if not targets and EVENT_TYPES[event_type].plover == "ASSAULT":
        targets = _objects(token, index, {"at"})  # "fired teargas shells at the mob"
    return pattern, event_type, sources, targets, True


def _clause_subject(noun: Token, index: References) -> list[Mention]:
    """Who acts in a nominal event that hangs off a clause.

    "in a meeting with X, Wang Yi admitted" -> Wang Yi; "Putin and Xi continue their meeting" -> both.
    """
    head = noun.head
    while head.dep_ in ("prep", "pobj", "dobj") and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if head.pos_ in ("VERB", "AUX"):
        subject, passive = _subject(head)
        if subject is not None and not passive:
            return index.actors(subject)
    return []


def _named_by_light_verb(token: Token) -> bool:
    """The trigger is the object a light verb's pattern names ("launched an attack", "resorted to firing")."""
    verb = token.head.head if token.head.dep_ == "prep" else token.head
    if verb is token or verb.pos_ != "VERB" or token.dep_ not in ("dobj", "nsubjpass", "pobj", "pcomp"):
        return False
    pattern = _pattern(verb, token.dep_ == "nsubjpass")
    return pattern is not None and rules().object_matches(pattern, token.lemma_.lower(), token.lower_)


def _noun_event(token: Token, index: References) -> tuple[Pattern, str, list[Mention], list[Mention], bool] | None:
    pattern = _pattern(token, False)
    if pattern is None:
        return None
    event_type = pattern.event_type
    mutual = EVENT_TYPES[event_type].mutual
    between = _objects(token, index, {"between"})
    if len(between) >= 2:
        return pattern, event_type, between[:1], between[1:2], True
    sources = [m for c in token.children if c.dep_ in ("poss", "amod", "compound") for m in index.actors(c)]
    sources += _objects(token, index, {"by"})
    targets = _objects(token, index, {"to", "of", "with", "against", "on", "in"} if event_type == "visit" else {"to", "of", "with", "against", "on"})
    collective = any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in token.children)
    if (not sources and targets) or (collective and mutual):
        sources = _clause_subject(token, index)
    if not sources and not targets and EVENT_TYPES[event_type].plover == "CONSULT" and token.head.dep_ == "prep":
        # "At a summit in Beijing, Putin thanked Xi": the clause's two actors met
        verb = token.head.head
        if verb.pos_ == "VERB" and rules().cue(verb.lemma_) is None:
            sources, targets = _clause_subject(token, index), _targets(verb, index)
    if event_type == "visit":
        targets = [_as_country(t) for t in targets]
    # "432 arrests", "police firing": a counted or attributed nominal event has a participant
    participant = any(c.dep_ in ("nummod", "compound", "poss") for c in token.children) or token.dep_ in ("nsubj", "nsubjpass")
    return pattern, event_type, sources, targets, participant


def _pairs(event_type: str, sources: list[Mention], targets: list[Mention]) -> Iterator[tuple[Mention | None, Mention | None]]:
    if targets and sources:
        for s in sources:
            for t in targets:
                if s.name != t.name:
                    yield s, t
    elif len(sources) >= 2 and EVENT_TYPES[event_type].mutual:
        yield sources[0], sources[1]
    elif sources:
        yield from ((s, None) for s in sources)
    elif targets:
        yield from ((None, t) for t in targets)


def sentence_events(sent: Span, index: References, evidence: Evidence, anchor: dt.date | None,
                    order: DayOrder | None = None) -> Iterator[EventMention]:
    """Every event in a sentence, each with how the sentence tells it (``EventMention.modality``).

    One-sided events are events ("40 people were arrested", "protesters marched"); events of the
    types that may stand alone (``alone`` in types.tsv) are kept with no actor at all when the
    trigger has a participant ("five men were nabbed").
    """
    for token in sent:
        if _named_by_light_verb(token):
            continue
        if token.pos_ == "VERB" and rules().candidates(token.lemma_.lower(), "verb"):
            found = _verb_event(token, index)
        elif token.pos_ == "NOUN" and _is_event_noun(token):
            found = _noun_event(token, index)
        else:
            continue
        if found is None:
            continue
        pattern, event_type, sources, targets, participant = found
        dyads_only = pattern.origin != "curated" and not pattern.objects
        place = _place(token, index, [*sources, *targets])
        plover = EVENT_TYPES[event_type].plover
        if (event_type == "visit" or plover == "ASSAULT") and not targets and place is not None:
            targets = [_as_country(place)]  # "travelled to Harbin", "strikes killed 73 people across Gaza"
        if event_type == "visit" or plover == "ASSAULT":
            targets = [_as_place(t) for t in targets]
        pairs = list(_pairs(event_type, sources, targets))
        if dyads_only:
            # a trigger known only from a derived table codes dyads, as PETRARCH does: on its own such a word
            # is too often an everyday one ("the rebels will engage the soldiers" is coded, "engaged" alone not)
            pairs = [(s, t) for s, t in pairs if s is not None and t is not None]
        elif not pairs and EVENT_TYPES[event_type].alone and participant:
            pairs = [(None, None)]
        if not pairs:
            continue
        told = modality(token)
        date, basis = _date(token, index.ents(sent), anchor, told, order)
        for source, target in pairs:
            if EVENT_TYPES[event_type].mutual and source and target and target.name < source.name:
                source, target = target, source
            yield EventMention(event_type, token.lemma_.lower(), source, target, evidence, place, date,
                               negated=told == "negated", offset=token.idx, modality=told, date_basis=basis)
