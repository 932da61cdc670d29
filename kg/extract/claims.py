"""Claims: who said what, asserted or denied.

Speech verbs with a subject ("Putin said", "China denies"), "according to X"
and "X told Reuters" give the speaker; the quoted text or the reported
clause gives the content; the cue and negation give the stance.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.entities import MentionIndex
from kg.extract.lexicon import DENIAL_PHRASES, SPEECH_VERBS
from kg.model import ClaimMention, Evidence

__all__ = ["sentence_claims"]

_QUOTE = re.compile(r"[\"“„«‘']([^\"“”„«»‘’]{12,})[\"”“»’']")
_CONTENT_DEPS = ("ccomp", "dobj", "xcomp", "prep", "attr", "advcl", "npadvmod", "oprd")
_KEYWORD_POS = {"NOUN", "VERB", "PROPN", "ADJ"}


def _content_tokens(cue: Token) -> list[Token]:
    tokens: list[Token] = []
    for child in cue.children:
        if child.dep_ in _CONTENT_DEPS and not (child.dep_ == "prep" and child.lower_ in ("in", "on", "during", "at", "with", "after", "before")):
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


def _stance(cue_stance: str, content: list[Token], text: str, speaker, index: MentionIndex) -> str:
    """Deny for denial cues, denial phrases, or a speaker negating a statement about itself."""
    if cue_stance == "Deny":
        return "Deny"
    lowered = text.casefold()
    if any(p in lowered for p in DENIAL_PHRASES):
        return "Deny"
    inside = {t.i for t in content}
    for root in (t for t in content if t.head.i not in inside or t.head == t):
        if root.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "neg" for c in root.children):
            continue
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if subject.lower_ in ("we", "i") or (index.actor(subject) is not None and index.actor(subject).name == speaker.name):
            return "Deny"
    return "Assert"


def _keywords(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(sorted({t.lemma_.lower() for t in tokens if t.pos_ in _KEYWORD_POS and not t.is_stop and len(t) > 2}))


def _speaker_of(cue: Token, index: MentionIndex):
    for child in cue.children:
        if child.dep_ == "nsubj":
            return index.actor(child)
    if cue.dep_ in ("conj", "xcomp", "advcl") and cue.head.pos_ == "VERB":
        return _speaker_of(cue.head, index)
    return None


def sentence_claims(sent: Span, index: MentionIndex, evidence: Evidence) -> list[ClaimMention]:
    """Every claim one sentence reports, with speaker, stance and content.

    Several cues sharing one statement ("denied it and reiterated: '...'")
    give one claim; a denial cue wins over an assertion.
    """
    found: dict[tuple[str, str], ClaimMention] = {}
    for claim in _candidate_claims(sent, index, evidence):
        key = (claim.speaker.name, claim.text)
        if key not in found or (claim.stance == "Deny" and found[key].stance != "Deny"):
            found[key] = claim
    claims = list(found.values())
    if claims:
        index.last_speaker = claims[-1].speaker
    return claims


def _candidate_claims(sent: Span, index: MentionIndex, evidence: Evidence) -> Iterator[ClaimMention]:
    quote = _QUOTE.search(sent.text)
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_ in SPEECH_VERBS:
            speaker = _speaker_of(token, index)
            if speaker is None:
                continue
            content = _content_tokens(token)
            if quote and (not content or len(quote.group(1)) > 20):
                text, quote_type = quote.group(1).strip(), "direct"
                start = sent.start_char + quote.start(1)
                content = [t for t in sent if start <= t.idx < start + len(text)] or content
            elif content:
                text = sent.doc[content[0].i:content[-1].i + 1].text.strip()
                quote_type = "indirect"
            else:
                continue
            if len(text.split()) < 3:
                continue
            about = tuple(m for m in index.in_span(content[0].i, content[-1].i + 1) if m.name != speaker.name) if content else ()
            yield ClaimMention(speaker, _stance(SPEECH_VERBS[token.lemma_], content, text, speaker, index), text, quote_type,
                               token.lemma_.lower(), about, evidence, _keywords(content))
        elif token.lower_ == "according" and token.dep_ == "prep":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            objs = [o for o in (to.children if to is not None else ()) if o.dep_ == "pobj"]
            speaker = index.actor(objs[0]) if objs else None
            if speaker is None:
                continue
            skip = {t.i for t in token.subtree}
            content = [t for t in sent if t.i not in skip]
            if not content:
                continue
            text = sent.doc[content[0].i:content[-1].i + 1].text.strip(" ,.")
            about = tuple(m for m in index.in_span(content[0].i, content[-1].i + 1) if m.name != speaker.name)
            yield ClaimMention(speaker, _stance("Assert", content, text, speaker, index), text, "indirect", "according to", about, evidence, _keywords(content))
