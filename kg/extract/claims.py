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
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import normalise_name
from kg.extract.lexicon import ACCUSABLE_VERBS, ANONYMOUS_NOUNS, REPORT_NOUNS
from kg.extract.rules import Cue, NominalCue, rules
from kg.config import ExtractionSettings
from kg.model import LOCATION_KINDS, ClaimMention, ClaimType, EntityKind, Evidence, Mention, QuoteType, Stance

if TYPE_CHECKING:  # kg.extract.reference finds the speakers of claims with this module
    from kg.extract.reference import References

__all__ = ["sentence_claims", "headline_claims", "continued_quotations", "quotations", "paragraph_quotes"]

#: paired quotation marks; a single quote only closes when no letter follows (not "wouldn't")
_QUOTES = re.compile(
    r"“([^”“]+)”|\"([^\"]+)\"|„([^“”\"]+)[“”\"]|«([^»]+)»|``((?:(?!'').)+)''|''((?:(?!'').)+)''"
    r"|‘([^’]+?)’(?![a-z])|(?<![A-Za-z])'([^']+?)'(?![a-z])"
)
_GROUPS = range(1, 9)
_QUOTE_MARKS = "\"“”„«‘'`"
_CONTENT_DEPS = ("ccomp", "dobj", "xcomp", "prep", "attr", "advcl", "npadvmod", "oprd", "acomp")
#: dependents that make a speech verb's own content: with one, a verb set into a sentence reports only it
_CLAUSE_DEPS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "advcl")
_SKIP_PREPS = ("in", "on", "during", "at", "with", "after", "before", "to", "for", "since")
_KEYWORD_POS = {"NOUN", "VERB", "PROPN", "ADJ"}
#: fewest words of a statement (a subject, a verb and more): fewer are a label ("terrorism") or a fragment
_MIN_STATEMENT_WORDS = 3


def quotations(text: str, min_length: int = ExtractionSettings.min_quote_chars) -> list[tuple[int, int]]:
    """(start, end) character offsets of the quoted passages in a text, at least ``min_length`` long."""
    spans = []
    for match in _QUOTES.finditer(text):
        group = next(i for i in _GROUPS if match.group(i) is not None)
        if match.end(group) - match.start(group) >= min_length:
            spans.append((match.start(group), match.end(group)))
    return spans


def paragraph_quotes(text: str) -> list[tuple[int, int]]:
    """Quotations of a whole text, paired within each paragraph (one line of the cleaned text): a quotation may
    run over several sentences, and an unpaired mark in one paragraph cannot swallow the next."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + start, offset + end) for start, end in quotations(line, min_length=3))
        offset += len(line) + 1
    return spans


def _tokens(doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if not t.is_space] if span is not None else []


def _content_tokens(cue: Token) -> list[Token]:
    tokens: list[Token] = []
    for child in cue.children:
        if child.dep_ in _CONTENT_DEPS and not (child.dep_ == "prep" and child.lower_ in _SKIP_PREPS):
            tokens.extend(child.subtree)
    interrupted = _interrupted_clause(cue)
    return interrupted if interrupted else sorted(tokens, key=lambda t: t.i)


def _interrupted_clause(cue: Token) -> list[Token]:
    """'Even if the venture fails, Mr. Morgan said, he has done the work': a reporting clause set into the
    sentence it reports (parsed as parataxis, with no clause of its own) reports the rest of that sentence."""
    if cue.dep_ != "parataxis" or any(c.dep_ in _CLAUSE_DEPS for c in cue.children):
        return []
    inside = {t.i for t in cue.subtree}
    return [t for t in cue.head.subtree if t.i not in inside and not t.is_space]


def _stance(cue_stance: Stance, content: list[Token], text: str, speaker: Mention, index: References) -> Stance:
    """Deny for denial cues, denial phrases, or a speaker negating an accusable act of its own."""
    if cue_stance == "Deny":
        return "Deny"
    lowered = text.casefold()
    if any(p in lowered for p in rules().denial_phrases):
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


def _described_source(token: Token, index: References) -> Mention | None:
    """A source the text describes but does not name ("a senior official", "the poll", "one analyst"): kept as
    its phrase, a Document for reports and polls, else an anonymous Source, affiliated with whoever the phrase
    says it speaks for ("a senior Russian source", "Clinton's communications director")."""
    # a name NER missed: a proper noun, or a capitalised singular noun with no determiner ("Trump boasted")
    bare = token.tag_ == "NN" and not any(c.dep_ == "det" for c in token.children)
    if token.is_title and (token.pos_ == "PROPN" or bare):
        return Mention(token.text, token.text, "Person", index.article_id, token.idx, token.idx + len(token.text))
    if token.pos_ != "NOUN":
        return None
    named = next((index.get(c) for c in token.children if c.dep_ == "appos" and index.get(c) is not None), None)
    if named is not None and named.kind == "Person":
        return named  # "Clinton's communications director, Jennifer Palmieri, said"
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "punct") and not t.is_space]
    while words and words[0].dep_ == "case":
        words.pop(0)
    if not words:
        return None
    # who it speaks for, after the noun: "a spokesman for the Labour Party", "sources close to the Kremlin"
    after = [p for c in token.children for p in (c, *c.children) if p.dep_ == "prep" and p.i > token.i]
    for prep in after:
        owner = next((index.actor(o) for o in prep.children if o.dep_ == "pobj" and index.actor(o) is not None), None)
        if owner is not None:
            words += [t for t in token.doc[token.i + 1:max(t.i for t in prep.subtree) + 1] if not t.is_space]
            break
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    # ordinary words in lower case, names as written: "senior Russian source", "Clinton's communications director"
    phrase = normalise_name("".join((t.text if t.ent_type_ or t.pos_ == "PROPN" else t.lower_) + t.whitespace_
                                    for t in words).strip())
    if not phrase:
        return None
    document = token.lemma_.lower() in (REPORT_NOUNS | {"poll", "survey", "study"}) - ANONYMOUS_NOUNS
    kind: EntityKind = "Document" if document else "Source"
    owner = next((index.actor(t) for t in words if t.i != token.i and index.actor(t) is not None), None)
    owner = owner if owner is None or owner.kind != "Person" or kind == "Source" else None
    return Mention(index.text[start:end], phrase, kind, index.article_id, start, end,
                   affiliation=owner.name if owner is not None else "")


def _reporter(token: Token, index: References) -> Mention | None:
    """The actor behind a subject, including "a report by X" and "data from Chinese customs"; else the source
    as the text describes it."""
    if token.lemma_.lower() in ANONYMOUS_NOUNS:
        return _described_source(token, index)  # "a Russian source": anonymous, of Russian nationality
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


def _speaker_of(cue: Token, index: References) -> Mention | None:
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


def _claim(speaker: Mention, cue_stance: Stance, cue: str, content: list[Token], sent: Span, index: References,
           evidence: Evidence, parts: tuple[tuple[int, int], ...] = (), *, labels: bool = False,
           claim_type: ClaimType = "statement", quote_type: QuoteType = "indirect") -> ClaimMention | None:
    """A claim from a cue's content or from its quotation, given as its parts ("A," he said. "B."); ``labels``
    keeps one-word quotations ("called it 'terrorism'") and then says what was labelled."""
    short_quote = bool(parts) and len(" ".join(index.text[s:e] for s, e in parts).split()) < _MIN_STATEMENT_WORDS
    if parts and labels and short_quote and content:
        # "called Trump's supporters 'deplorables'": what was called so, and the label
        start, end = content[0].idx, max(content[-1].idx + len(content[-1]), parts[-1][1] + 1)
        text = index.text[start:end].strip(" ,.;:\n")
        return ClaimMention(speaker, _stance(cue_stance, content, text, speaker, index), text, "direct", cue, (),
                            evidence, _keywords(content), (start, end), claim_type=claim_type)
    if parts and (labels or not short_quote or not content):
        text, quote_type = " ".join(index.text[s:e].strip() for s, e in parts), "direct"
        content = [t for s, e in parts for t in _tokens(sent.doc, s, e)] or content
    elif content:
        text = _running_text(content)
    else:
        return None
    if not content or (len(text.split()) < _MIN_STATEMENT_WORDS and cue_stance != "Deny"):
        return None
    about = tuple(m for m in index.in_span(content[0].i, content[-1].i + 1) if m.name != speaker.name)
    span = (content[0].idx, content[-1].idx + len(content[-1]))
    return ClaimMention(speaker, _stance(cue_stance, content, text, speaker, index), text, quote_type, cue, about,
                        evidence, _keywords(content), span, claim_type=claim_type)


def _running_text(tokens: list[Token]) -> str:
    """The text of content tokens; where a reporting clause was cut out of them ("A, he said, B"), the pieces
    joined with a space."""
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    doc = tokens[0].doc
    pieces = (doc[run[0].i:run[-1].i + 1].text.strip(" ,;:\n") for run in runs)
    return " ".join(p for p in pieces if p).strip(" ,.;:\n")


def _owned_quote(cue: Token, quotes: list[tuple[int, int]], sent: Span, cues: list[Token], text: str) -> tuple[int, int] | None:
    """The quotation a speech verb introduces: the part of it in this sentence lies inside the verb's clause, or
    it is the only one when the verb is the only cue."""
    # the cue's own clause: "criticised Madrid as 'terrible' and threatened ..." stops before "and threatened"
    conjoined = {t.i for c in cue.children if c.dep_ == "conj" for t in c.subtree}
    own = [t for t in cue.subtree if t.i not in conjoined]
    lo, hi = own[0].idx, own[-1].idx + len(own[-1])
    starts_in_conjunct = {t.idx for t in cue.doc[own[0].i:own[-1].i + 1] if t.i in conjoined}

    def in_conjunct(start: int, end: int) -> bool:
        return any(start <= idx < end for idx in starts_in_conjunct)

    # a cue inside a quotation is part of what is quoted, never its reporting verb
    # (a quotation's closing punctuation often hangs on the main verb: 'has called it "void."')
    here = [(start, end, max(start, sent.start_char), min(start + len(text[start:end].rstrip(" .,;:!?")), sent.end_char))
            for start, end in quotes if not start <= cue.idx < end]
    # a quotation in a phrase of place, time or medium names a show or a book ('said on "Face the Nation"')
    named = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in cue.children
             if c.dep_ == "prep" and c.lower_ in _SKIP_PREPS]
    here = [q for q in here if not any(a <= q[2] and q[3] <= b for a, b in named)]
    inside = [(start, end) for start, end, first, last in here
              if lo <= first and last <= hi and not in_conjunct(first, last)
              and not any(other is not cue and other.idx < first and cue.idx < other.idx for other in cues)]
    if inside:
        # the statement, not a quoted name ("the '13th EU-China Dialogue'"): the longest quotation
        return max(inside, key=lambda q: (q[1] - q[0], -q[0]))
    outside = [(start, end) for start, end, _, _ in here]
    if len(cues) == 1 and outside:
        return outside[0]
    return None


#: longest reporting clause between two parts of one quotation ("A," said Caddell, a pollster. "B."): such a clause
#: is a name and a few words of apposition; more text between two quotations is narration, so they are two
_MAX_CLAUSE_GAP_CHARS = 200


def _continuation(quote: tuple[int, int], cue: Token, sent: Span, quotes: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """The second part of a quotation its reporting clause splits ("A," said Caddell, a pollster. "B."): it follows
    in the same paragraph with nothing but that clause between, and no other cue claims it."""
    later = [q for q in quotes if q[0] > quote[1]]
    if not later or not quote[1] <= cue.idx < later[0][0]:
        return None
    following = later[0]
    doc = sent.doc
    gap = text[quote[1]:following[0]]
    if "\n" in gap or len(gap) > _MAX_CLAUSE_GAP_CHARS:
        return None
    if any(not (t.is_punct or t.is_quote) and not sent.start <= t.i < sent.end for t in _tokens(doc, quote[1], following[0])):
        return None
    tail = _tokens(doc, following[1] - 1, following[1])
    if not tail:
        return None
    return None if any(t.idx >= following[1] and t.pos_ == "VERB" and rules().cue(t.lemma_) for t in tail[0].sent) else following


def _next_paragraph_quote(sent: Span, quotes: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """What a cue ending its paragraph with a colon introduces ("Caddell continued:"): the next paragraph's
    quotation, or the whole paragraph when its quotation marks do not pair."""
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text != ":" or not text[words[-1].idx + 1:].lstrip(" ").startswith("\n"):
        return None
    start = text.index("\n", words[-1].idx) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if start >= end or not text[start].strip() or _QUOTE_MARKS.find(text[start]) < 0:
        return None
    return next(((s, e) for s, e in quotes if start <= s <= start + 2), (start + 1, end))


def _enclosing_clause(cue: Token, quote: tuple[int, int]) -> list[Token] | None:
    """A quoted fragment inside a reported clause ('said that his "only experience" was ...') gives the clause."""
    # the quotation's own closing punctuation may hang outside the clause ("''... at the top,'' Mr. Kamin said")
    quote_end = quote[0] + len(cue.doc.text[quote[0]:quote[1]].rstrip(" .,;:!?"))
    clauses = [sorted(c.subtree, key=lambda t: t.i) for c in cue.children if c.dep_ in ("ccomp", "xcomp")]
    for tokens in [*clauses, _interrupted_clause(cue)]:
        if not tokens:
            continue
        outside = [t for t in tokens if not quote[0] <= t.idx < quote[1] and not (t.is_punct or t.is_space)]
        if tokens[0].idx <= quote[0] and quote_end <= tokens[-1].idx + len(tokens[-1]) and len(outside) >= 3:
            return tokens
    return None


#: a paragraph that is a quotation signed with a dash: '"We need better schools." ― Maria Lopez, teacher'
_SIGNED_QUOTE = re.compile(r"^\s*[\"“”](?P<quote>.{12,}?)[\"“”]\s*[.,]?\s*[―—–]\s*(?P<who>[^―—–\n,(]{2,60})[^\n]*$")
#: a transcript line: the speaker's name in capitals, a colon, what they said ("PENCE: Well, look, ...")
_TRANSCRIPT = re.compile(r"^(?P<who>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s+(?P<said>\S.*)$")


#: a headline that gives its source before a colon ("Poll: Voters Abandon Trump", "Pence: Flowers Won't Be at Debate")
_HEADLINE_SOURCE = re.compile(r"^(?P<who>[^:]{2,60}?):\s+(?P<said>\S.*?)[.\s]*$")


def headline_claims(headline: Doc, index: References, evidence: Evidence, text: References,
                    min_quote: int = ExtractionSettings.min_quote_chars) -> list[ClaimMention]:
    """Claims of a headline, parsed on its own (``index``): its speech verbs ("De Blasio says explosion was
    'intentional'") and a source named before a colon ("Sanders: Clinton needs to ..."; "Poll: ..."). Capitalised
    headline words make unreliable names, so a speaker must be one the article's text names (``text``), taken
    from there, or a document ("Poll")."""
    quotes = paragraph_quotes(index.text)
    claims = [c for sent in headline.sents for c in sentence_claims(sent, index.at(sent), evidence, quotes, min_quote)]
    colon = _HEADLINE_SOURCE.match(headline.text)
    if colon is not None and not any(c.span[0] >= colon.start("said") for c in claims):
        who = _tokens(headline, colon.start("who"), colon.end("who"))
        if len(who) == 1 and who[0].lower_ in REPORT_NOUNS | {"poll"}:
            source = Mention(who[0].text, who[0].lower_, "Document", index.article_id, who[0].idx, who[0].idx + len(who[0]))
        else:
            name = colon["who"]
            source = Mention(name, normalise_name(name), "Person", index.article_id, colon.start("who"), colon.end("who"))
        claim = _claim(source, "Assert", "headline", [], who[0].sent, index.at_end(), evidence,
                       ((colon.start("said"), colon.end("said")),)) if source is not None and who else None
        if claim is not None:
            claims.append(claim)
    named = [(c, c.speaker if c.speaker.kind == "Document" else _named_in_text(c.speaker, text)) for c in claims]
    return [replace(c, speaker=speaker) for c, speaker in named if speaker is not None]


def _named_in_text(speaker: Mention, text: References) -> Mention | None:
    """The text's mention of a headline's speaker: the same name, or a person or organisation whose last name is
    one of the speaker's words ("Obama Says" -> Barack Obama)."""
    words = set(speaker.name.casefold().split())
    candidates = [m for m in text.mentions if m.kind in ("Person", "Organization")]
    same = next((m for m in candidates if m.name.casefold() == speaker.name.casefold()), None)
    return same or next((m for m in candidates if m.name.split() and m.name.split()[-1].casefold() in words), None)


def _paragraph(sent: Span, text: str) -> tuple[int, int]:
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.start_char)
    return start, len(text) if end < 0 else end


def _named(doc, start: int, end: int, index: References) -> Mention | None:
    """The person or organisation a signature names: a mention there, else its capitalised words as a person."""
    tokens = _tokens(doc, start, end)
    if not tokens:
        return None
    found = [m for m in index.in_span(tokens[0].i, tokens[-1].i + 1) if m.kind not in LOCATION_KINDS]
    if found:
        return found[0]
    words = [t for t in tokens if not t.is_punct]
    if 2 <= len(words) <= 4 and all(t.is_title or (len(t) <= 2 and t.text[:1].isupper()) for t in words):
        first, last = words[0], words[-1]
        name = index.text[first.idx:last.idx + len(last)]
        return Mention(name, normalise_name(name), "Person", index.article_id, first.idx, last.idx + len(last))
    return None


def _layout_claims(sent: Span, index: References, evidence: Evidence,
                   quotes: list[tuple[int, int]]) -> Iterator[ClaimMention]:
    """Attributions the layout makes, not a verb: a quotation signed with a dash, a transcript line."""
    start, end = _paragraph(sent, index.text)
    line = index.text[start:end]
    signed = _SIGNED_QUOTE.match(line)
    if signed is not None and sent.start_char <= start + signed.start("who") < sent.end_char:
        speaker = _named(sent.doc, start + signed.start("who"), start + signed.end("who"), index)
        quote = next(((s, e) for s, e in quotes if start <= s <= start + 2), (start + signed.start("quote"), start + signed.end("quote")))
        if speaker is not None:
            claim = _claim(speaker, "Assert", "signed", [], sent, index, evidence, (quote,))
            if claim is not None:
                yield claim
    transcript = _TRANSCRIPT.match(line)
    if transcript is not None and sent.start_char <= start + transcript.end("who") < sent.end_char:
        surname = transcript["who"].split()[-1].casefold()
        speaker = next((m for m in index.mentions if m.kind == "Person" and m.name.split()[-1].casefold() == surname), None)
        if speaker is not None:
            claim = _claim(speaker, "Assert", "transcript", [], sent, index, evidence, ((start + transcript.start("said"), end),))
            if claim is not None:
                yield claim


def _is_statement(cue: Token) -> bool:
    """A rejection is a claim only when what is rejected is a statement or a clause."""
    for child in cue.children:
        if child.dep_ in ("ccomp", "xcomp"):
            return True
        if child.dep_ in ("dobj", "nsubjpass") and rules().names_statement(child.lemma_):
            return True
    return False


def _nominal_content(noun: Token, cue: NominalCue) -> Token | None:
    """What a nominal cue says: its that-clause ("the claim that ..."), or for some its of-phrase ("denial of ...")."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(g.lower_ == "that" and g.dep_ == "mark" for g in child.children):
            return child
    if "of" in cue.content:
        return next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return None


def _nominal_owner(noun: Token, index: References) -> Mention | None:
    """Whose claim, fear or hope a nominal cue names: its possessor ("Moscow's claim"), the object of "by",
    "from" or "among" ("fears among officials"), or the subject of a support verb ("Putin expressed hope")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return _reporter(child, index)
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "among"):
            owner = next((_reporter(o, index) for o in child.children if o.dep_ == "pobj"), None)
            if owner is not None:
                return owner
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in rules().support_verbs:
        return _speaker_of(noun.head, index)
    return None


def _candidate_claims(sent: Span, index: References, evidence: Evidence,
                      paragraph: list[tuple[int, int]], min_quote: int) -> Iterator[ClaimMention]:
    labels = [(s, e) for s, e in paragraph if s < sent.end_char and e > sent.start_char]
    quotes = [(s, e) for s, e in labels if e - s >= min_quote]  # a shorter one is a scare quote ("hostility")
    # a cue inside a quotation is part of what is quoted, never a claim of its own or the quotation's reporting
    # verb ('"Everybody knew what to expect," he said')
    cues = [t for t in sent if t.pos_ == "VERB" and rules().cue(t.lemma_)
            and not any(start <= t.idx < end for start, end in quotes)]
    spoken = False
    # what a cue ending the paragraph with a colon introduces: the same for every cue of the sentence
    introduced = _next_paragraph_quote(sent, paragraph, index.text)
    for cue in cues:
        kind: Cue = rules().cue(cue.lemma_)  # type: ignore[assignment]
        if kind.requires == "statement" and not _is_statement(cue):
            continue  # "rejected the proposal" is an act, "rejected claims that ..." a denial
        if kind.kind != "statement" and any(a in cues and rules().cue(a.lemma_).kind == "statement" for a in cue.ancestors):  # type: ignore[union-attr]
            continue  # "he said he doubted any court would enforce it": a belief told inside a statement is its content
        evaluative = kind.requires == "label"
        # evaluations quote labels: "condemned the sanctions as 'economic terrorism'", "called Lula 'corrupt'"
        owned = _owned_quote(cue, labels if evaluative else quotes, sent, cues, index.text)
        clauses = {c.dep_ for c in cue.children}
        if evaluative and owned is None and not clauses & {"ccomp", "oprd"}:
            continue
        quoted = owned is not None or introduced is not None
        if kind.requires == "clause" and not quoted and not clauses & {"ccomp", "xcomp"} and not _interrupted_clause(cue):
            continue  # "found that ..." attributes; "found the bodies" does not
        if kind.requires == "that" and not quoted and "ccomp" not in clauses:
            continue  # "urged that talks resume" is a claim; "urged all sides to return" is a demand
        if kind.requires == "quote" and not quoted:
            continue  # '"...," he continued' reports; "he continued to fight" does not
        speaker = _speaker_of(cue, index)
        if speaker is None:
            continue
        parts: tuple[tuple[int, int], ...] = ()
        quote_type: QuoteType = "indirect"
        content = _content_tokens(cue)
        if owned is not None:
            clause = None if evaluative else _enclosing_clause(cue, owned)
            if clause is not None:
                content, quote_type = clause, "mixed"  # a quoted fragment inside the reported clause
            else:
                following = _continuation(owned, cue, sent, paragraph, index.text)
                parts = (owned,) if following is None else (owned, following)
        elif not any(t.dep_ in _CONTENT_DEPS for t in cue.children):
            parts = (introduced,) if introduced is not None else ()
        claim = _claim(speaker, kind.stance, cue.lemma_.lower(), content, sent, index, evidence, parts,
                       labels=evaluative, claim_type=kind.kind, quote_type=quote_type)
        if claim is not None:
            spoken = True
            yield claim
    for token in sent:
        nominal = rules().nominal_cue(token.lemma_) if token.pos_ == "NOUN" else None
        content = _nominal_content(token, nominal) if nominal is not None else None  # type: ignore[assignment]
        owner = _nominal_owner(token, index) if content is not None else None
        if nominal is not None and content is not None and owner is not None:
            claim = _claim(owner, nominal.stance, token.lemma_.lower(), sorted(content.subtree, key=lambda t: t.i), sent,  # type: ignore[attr-defined]
                           index, evidence, claim_type=nominal.kind)
            if claim is not None:
                spoken = True
                yield claim
    for claim in _layout_claims(sent, index, evidence, paragraph):
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
            claim = _claim(speaker, "Assert", "according to", content, sent, index, evidence)
            if claim is not None:
                yield claim


def sentence_claims(sent: Span, index: References, evidence: Evidence, quotes: list[tuple[int, int]] | None = None,
                    min_quote: int = ExtractionSettings.min_quote_chars) -> list[ClaimMention]:
    """Every claim one sentence reports, with speaker, stance and content.

    ``quotes`` are the text's quotations (:func:`paragraph_quotes`); a quotation may begin or end outside the
    sentence, and the parts of one split by its reporting clause make one claim.
    Several cues sharing one statement ("denied it and reiterated: '...'")
    give one claim; a denial cue wins over an assertion.
    """
    found: dict[tuple[str, str], ClaimMention] = {}
    paragraph = paragraph_quotes(index.text) if quotes is None else quotes
    for claim in _candidate_claims(sent, index, evidence, paragraph, min_quote):
        key = (claim.speaker.name, claim.text)
        if key not in found or (claim.stance == "Deny" and found[key].stance != "Deny"):
            found[key] = claim
    return list(found.values())


def continued_quotations(claims: list[ClaimMention], doc: Doc, quotes: list[tuple[int, int]],
                         min_quote: int = ExtractionSettings.min_quote_chars) -> list[ClaimMention]:
    """A quotation with no reporting verb of its own continues the claim before it in its paragraph
    ('"A," Obama said. He did not suggest retaliation. "B."'): news names a speaker once a paragraph."""
    claims = list(claims)
    text = doc.text
    for start, end in sorted(q for q in quotes if q[1] - q[0] >= min_quote):
        if any(c.span[0] < end and start < c.span[1] for c in claims):
            continue
        inside = _tokens(doc, start, end)
        sentences = {t.sent for t in inside}
        if not inside or any(t.pos_ == "VERB" and rules().cue(t.lemma_) and not any(s <= t.idx < e for s, e in quotes)
                             for sent in sentences for t in sent):
            continue  # it has a reporting verb of its own, with or without a speaker kg knows
        paragraph = text.rfind("\n", 0, start) + 1
        before = [i for i, c in enumerate(claims) if paragraph <= c.span[0] and c.span[1] <= start]
        if not before:
            continue
        i = max(before, key=lambda i: claims[i].span[1])
        claim = claims[i]
        claims[i] = replace(claim, text=f"{claim.text} {text[start:end].strip()}", span=(claim.span[0], end),
                            quote_type="direct" if claim.quote_type == "direct" else "mixed",
                            keywords=tuple(sorted(set(claim.keywords) | set(_keywords(inside)))))
    return claims
