"""Claims: who said what, asserted or denied.

Rules, one per construction:

- a speech verb with a subject ("Putin said", "China denies supplying ...");
  passive speech verbs take their speaker from the "by" phrase;
- "according to X" when no other speech verb in the sentence has a speaker;
- a claim noun owned by an actor ("Moscow's claims that ...", "Beijing's denials of ...");
- evaluations with a quoted label ("condemned the sanctions as 'economic terrorism'");
- the content is the quotation the speech verb governs, else its reported
  clause; the stance is Deny for denial cues, denial phrases ("not consistent
  with reality") and a speaker negating an accusable act of its own.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.entities import MentionIndex
from kg.extract.entities import normalise_name
from kg.extract.lexicon import ACCUSABLE_VERBS, CLAIM_NOUNS, DENIAL_NOUNS, DENIAL_PHRASES, REPORT_NOUNS
from kg.extract.rules import Cue, rules
from kg.model import ClaimMention, Evidence, Mention

__all__ = ["sentence_claims", "quotations"]

#: paired quotation marks; a single quote only closes when no letter follows (not "wouldn't")
_QUOTES = re.compile(
    r"“([^”“]+)”|\"([^\"]+)\"|„([^“”\"]+)[“”\"]|«([^»]+)»|‘([^’]+?)’(?![a-z])|(?<![A-Za-z])'([^']+?)'(?![a-z])"
)
#: a quotation shorter than this is a scare quote ("hostility"), not a statement
_MIN_QUOTE = 12
_CONTENT_DEPS = ("ccomp", "dobj", "xcomp", "prep", "attr", "advcl", "npadvmod", "oprd", "acomp")
_SKIP_PREPS = ("in", "on", "during", "at", "with", "after", "before", "to", "for", "since")
_KEYWORD_POS = {"NOUN", "VERB", "PROPN", "ADJ"}


def quotations(text: str, min_length: int = _MIN_QUOTE) -> list[tuple[int, int]]:
    """(start, end) character offsets of the quoted passages in a text, at least ``min_length`` long."""
    spans = []
    for match in _QUOTES.finditer(text):
        group = next(i for i in range(1, 7) if match.group(i) is not None)
        if match.end(group) - match.start(group) >= min_length:
            spans.append((match.start(group), match.end(group)))
    return spans


def _content_tokens(cue: Token) -> list[Token]:
    tokens: list[Token] = []
    for child in cue.children:
        if child.dep_ in _CONTENT_DEPS and not (child.dep_ == "prep" and child.lower_ in _SKIP_PREPS):
            tokens.extend(child.subtree)
    return sorted(tokens, key=lambda t: t.i)


def _stance(cue_stance: str, content: list[Token], text: str, speaker: Mention, index: MentionIndex) -> str:
    """Deny for denial cues, denial phrases, or a speaker negating an accusable act of its own."""
    if cue_stance == "Deny":
        return "Deny"
    lowered = text.casefold()
    if any(p in lowered for p in DENIAL_PHRASES):
        return "Deny"
    inside = {t.i for t in content}
    own_side = {speaker.name, speaker.affiliation} - {""}
    for root in (t for t in content if t.head.i not in inside or t.head == t):
        if root.lemma_ not in ACCUSABLE_VERBS or not any(c.dep_ == "neg" for c in root.children):
            continue
        if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in root.children):
            continue  # counterfactuals ("we would not have been able") deny nothing
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            if root.lemma_ != "be":
                return "Deny"  # "... has never provided lethal weapons": the speaker's own side, elided
            continue
        actor = index.actor(subject)
        if subject.lower_ in ("we", "i") or (actor is not None and actor.name in own_side):
            return "Deny"
    return "Assert"


def _keywords(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(sorted({t.lemma_.lower() for t in tokens if t.pos_ in _KEYWORD_POS and not t.is_stop and len(t) > 2}))


def _described_source(token: Token, index: MentionIndex) -> Mention | None:
    """A source the text describes but does not name ("a senior official", "the poll", "one analyst"): kept as
    its phrase, a Document for reports and polls, else an anonymous Source."""
    # a name NER missed: a proper noun, or a capitalised singular noun with no determiner ("Trump boasted")
    bare = token.tag_ == "NN" and not any(c.dep_ == "det" for c in token.children)
    if token.is_title and (token.pos_ == "PROPN" or bare):
        return Mention(token.text, token.text, "Person", index.article_id, token.idx, token.idx + len(token.text))
    if token.pos_ != "NOUN":
        return None
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "poss", "punct") and not t.is_space]
    phrase = normalise_name(" ".join(t.text for t in words))
    if not phrase:
        return None
    phrase = phrase.lower()
    kind = "Document" if token.lemma_.lower() in REPORT_NOUNS | {"poll", "survey", "study"} else "Source"
    start = min(t.idx for t in words)
    return Mention(index.text[start:token.idx + len(token.text)], phrase, kind, index.article_id, start,
                   token.idx + len(token.text))


def _reporter(token: Token, index: MentionIndex) -> Mention | None:
    """The actor behind a subject, including "a report by X" and "data from Chinese customs"; else the source
    as the text describes it."""
    actor = index.actor(token)
    if actor is not None:
        return actor
    if token.lemma_.lower() not in REPORT_NOUNS:
        return _described_source(token, index)
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss"):
            actor = index.actor(child)
            if actor is not None:
                return actor
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for obj in child.children:
                actor = index.actor(obj)
                if actor is not None:
                    return actor
    return _described_source(token, index)


def _speaker_of(cue: Token, index: MentionIndex) -> Mention | None:
    children = list(cue.children)
    if any(c.dep_ == "nsubjpass" for c in children):
        agent = next((c for c in children if c.dep_ == "agent"), None)
        objs = [o for o in agent.children if o.dep_ == "pobj"] if agent is not None else []
        return _reporter(objs[0], index) if objs else None
    for child in children:
        if child.dep_ == "nsubj":
            return _reporter(child, index)
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.dep_ == "dobj":
        return _speaker_of(cue.head.head, index)  # "issued a statement condemning ...": the issuer speaks
    if cue.dep_ in ("conj", "xcomp", "advcl") and cue.head.pos_ == "VERB":
        enclosing = next((a for a in cue.head.ancestors if a.pos_ == "VERB" and rules().cue(a.lemma_)), None)
        if cue.dep_ == "advcl" and enclosing is not None and rules().cue(cue.head.lemma_) is None:
            # "X said that Beijing aided Russia, asserting ...": the one asserting is X, not Beijing
            return _speaker_of(enclosing, index)
        return _speaker_of(cue.head, index)
    return None


def _claim(speaker: Mention, cue_stance: str, cue: str, content: list[Token], sent: Span, index: MentionIndex,
           evidence: Evidence, quote: tuple[int, int] | None, *, labels: bool = False,
           claim_type: str = "statement") -> ClaimMention | None:
    """A claim from a cue's content or quotation; ``labels`` keeps one-word quotations ("called it 'terrorism'")."""
    short_quote = quote is not None and len(index.text[quote[0]:quote[1]].split()) < 3
    if quote is not None and (labels or not short_quote or not content):
        start, end = quote
        text, quote_type = index.text[start:end].strip(), "direct"
        content = [t for t in sent if start <= t.idx < end] or content
        if labels and short_quote:
            return ClaimMention(speaker, "Assert", text.strip(" ,.;:!?"), quote_type, cue, (), evidence, _keywords(content),
                                (start, end), claim_type=claim_type) if content else None
    elif content:
        text, quote_type = sent.doc[content[0].i:content[-1].i + 1].text.strip(" ,.;:\n"), "indirect"
    else:
        return None
    if not content or (len(text.split()) < 3 and cue_stance != "Deny"):
        return None
    about = tuple(m for m in index.in_span(content[0].i, content[-1].i + 1) if m.name != speaker.name)
    span = (content[0].idx, content[-1].idx + len(content[-1]))
    return ClaimMention(speaker, _stance(cue_stance, content, text, speaker, index), text, quote_type, cue, about,
                        evidence, _keywords(content), span, claim_type=claim_type)


def _owned_quote(cue: Token, quotes: list[tuple[int, int]], sent: Span, cues: list[Token]) -> tuple[int, int] | None:
    """The quotation a speech verb introduces: inside its clause, or the only one when it is the only cue."""
    # the cue's own clause: "criticised Madrid as 'terrible' and threatened ..." stops before "and threatened"
    conjoined = {t.i for c in cue.children if c.dep_ == "conj" for t in c.subtree}
    own = [t for t in cue.subtree if t.i not in conjoined]
    lo, hi = own[0].idx, own[-1].idx + len(own[-1])
    starts_in_conjunct = {t.idx for t in cue.doc[own[0].i:own[-1].i + 1] if t.i in conjoined}

    def in_conjunct(start: int, end: int) -> bool:
        return any(start <= idx < end for idx in starts_in_conjunct)

    inside = [(start, end) for start, end in quotes
              if lo <= start and end <= hi and not in_conjunct(start, end)
              and not any(other is not cue and other.idx < start and cue.idx < other.idx for other in cues)]
    if inside:
        # the statement, not a quoted name ("the '13th EU-China Dialogue'"): the longest quotation
        return max(inside, key=lambda q: (q[1] - q[0], -q[0]))
    if len(cues) == 1 and quotes:
        return quotes[0]
    return None


def _is_statement(cue: Token) -> bool:
    """A rejection is a claim only when what is rejected is a statement or a clause."""
    for child in cue.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return True
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in CLAIM_NOUNS:
            return True
    return False


def _candidate_claims(sent: Span, index: MentionIndex, evidence: Evidence) -> Iterator[ClaimMention]:
    quotes = [(sent.start_char + s, sent.start_char + e) for s, e in quotations(sent.text)]
    labels = [(sent.start_char + s, sent.start_char + e) for s, e in quotations(sent.text, min_length=3)]
    cues = [t for t in sent if t.pos_ == "VERB" and rules().cue(t.lemma_)]
    spoken = False
    for cue in cues:
        kind: Cue = rules().cue(cue.lemma_)
        if kind.requires == "statement" and not _is_statement(cue):
            continue  # "rejected the proposal" is an act, "rejected claims that ..." a denial
        evaluative = kind.requires == "label"
        # evaluations quote labels: "condemned the sanctions as 'economic terrorism'", "called Lula 'corrupt'"
        owned = _owned_quote(cue, labels if evaluative else quotes, sent, cues)
        if evaluative and owned is None and not any(c.dep_ == "ccomp" for c in cue.children):
            continue
        if kind.requires == "clause" and owned is None and not any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
            continue  # "found that ..." attributes; "found the bodies" does not
        if kind.requires == "that" and owned is None and not any(c.dep_ == "ccomp" for c in cue.children):
            continue  # "urged that talks resume" is a claim; "urged all sides to return" is a demand
        speaker = _speaker_of(cue, index)
        if speaker is None:
            continue
        claim = _claim(speaker, kind.stance, cue.lemma_.lower(), _content_tokens(cue), sent, index,
                       evidence, owned, labels=evaluative, claim_type=kind.kind)
        if claim is not None:
            spoken = True
            yield claim
    for token in sent:
        if token.pos_ == "NOUN" and token.lemma_.lower() in CLAIM_NOUNS | DENIAL_NOUNS:
            owner = next((index.actor(c) for c in token.children if c.dep_ == "poss" and index.actor(c)), None)
            clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)), None)
            if clause is None and token.lemma_.lower() in DENIAL_NOUNS:
                clause = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if owner is not None and clause is not None:
                stance = "Deny" if token.lemma_.lower() in DENIAL_NOUNS else "Assert"
                claim = _claim(owner, stance, token.lemma_.lower(), sorted(clause.subtree, key=lambda t: t.i), sent, index, evidence, None)
                if claim is not None:
                    spoken = True
                    yield claim
    if spoken:
        return
    for token in sent:
        if token.lower_ == "according" and token.dep_ == "prep":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            objs = [o for o in (to.children if to is not None else ()) if o.dep_ == "pobj"]
            speaker = _reporter(objs[0], index) if objs else None
            if speaker is None:
                continue
            skip = {t.i for t in token.subtree}
            content = [t for t in sent if t.i not in skip and not t.is_space]
            claim = _claim(speaker, "Assert", "according to", content, sent, index, evidence, None)
            if claim is not None:
                yield claim


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
        index.remember_speaker(claims[-1].speaker, sent)
    return claims
