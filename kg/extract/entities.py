"""Entity mentions from a parsed ``Doc``: typed, normalised, with roles.

Pure functions over spaCy spans.  Titles ("Russian President"), possessives
and quotes are stripped from names and kept as the mention's role; metonyms
("Beijing said") and demonyms ("Chinese officials") become their country only
where they act, which :mod:`kg.extract.reference` decides.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token


from kg.gazetteer import gazetteer
from kg.model import EntityKind, Mention
from kg.tables import read_table, title_words

__all__ = ["entity_mentions", "document_mentions", "country_mention", "conjuncts", "normalise_name", "noun_phrase",
           "TITLE_WORDS"]

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
#: the currency nouns of kg/data/quantities/currencies.tsv: a name ending in one is money, not an actor
_CURRENCIES = frozenset(noun for r in read_table("quantities", "currencies.tsv") for noun in r["nouns"].split())

#: longest name a mention can have: a longer span is a sentence fragment the NER model ran on, not a name
_MAX_NAME_CHARS = 80


def _is_name(name: str, span: Span) -> bool:
    if not name or name.casefold() in gazetteer().not_names or not any(c.isalpha() for c in name):
        return False
    if name.split()[-1].lower().rstrip(".") in _CURRENCIES:
        return False  # "the Chinese Yuan" is money, not an actor
    if span.label_ == "ORG" and span.root.lower_ in _JOB_HEADS:
        return False  # "High Representative for Foreign Affairs" is a job title
    if _is_credit_line(span):
        return False  # "[People News]" under an article credits the outlet; it is no mention
    if not name[0].isupper() and not name[0].isdigit():
        return False
    # all-lowercase spans and spans that run over a line break are NER errors
    return "\n" not in span.text and len(name) <= _MAX_NAME_CHARS


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


def _in_title(token: Token) -> bool:
    """A word of the title before a name: a title word, or a capitalised compound no entity ("Prime Minister")."""
    return token.lower_ in TITLE_WORDS or (token.is_title and token.ent_type_ == "" and token.dep_ == "compound")


def _role_before(span: Span) -> tuple[str, str]:
    """Title words right before a person's name and the entity they belong to."""
    doc = span.doc
    i = span.start - 1
    words: list[Token] = []
    while i >= 0 and _in_title(doc[i]):
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


def _role_from_apposition(span: Span, by_token: dict[int, Mention]) -> tuple[str, str]:
    """'X, a professor at Y' -> ('professor', 'Y')."""
    for child in span.root.children:
        if child.dep_ != "appos" or child.ent_type_:
            continue
        title = " ".join(t.text for t in child.lefts if t.dep_ in ("compound", "amod") and not t.ent_type_) + " " + child.text
        affiliation = ""
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "of", "for", "with"):
                for obj in prep.children:
                    mention = by_token.get(obj.i)
                    if mention is not None:
                        affiliation = mention.name
        return title.strip(), affiliation
    return "", ""


def entity_mentions(doc: Doc, article_id: str) -> list[tuple[Span, Mention]]:
    """Every actor or place named in ``doc`` with its normalised name and kind.

    NORP spans (demonyms) are not entities by themselves; they only become
    actors through :meth:`kg.extract.reference.References.actor`.
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
    while i >= 0 and _in_title(doc[i]):
        i -= 1
    if i >= 0 and doc[i].ent_type_ == "NORP" and gazetteer().demonym(doc[i].text):
        return doc[i:i + 1]
    return None


def country_mention(label: str, span: Span, article_id: str) -> Mention:
    """A country (or the gazetteer's entity named ``label``) as the words of ``span`` mention it."""
    known = gazetteer().lookup(label)
    kind = known.kind if known else "Country"
    return Mention(span.text, known.label if known else label, kind, article_id, span.start_char, span.end_char)


def document_mentions(doc: Doc, article_id: str = "") -> list[tuple[Span, Mention]]:
    """The mentions of :func:`entity_mentions` as actors: a seat of power that acts is its country ("Beijing
    said" -> China), and a person takes a role from an apposition ("X, a professor at Y")."""
    found: list[tuple[Span, Mention]] = []
    by_token: dict[int, Mention] = {}
    for span, mention in entity_mentions(doc, article_id):
        if gazetteer().is_metonym(mention.name) and _acts(span):
            mention = country_mention(gazetteer().lookup(mention.name).label, span, article_id)
        found.append((span, mention))
        for token in span:
            by_token[token.i] = mention
    # roles from appositions need the mentions, so they are added in a second pass
    for span in doc.ents:
        mention = by_token.get(span.start)
        if mention is not None and mention.kind == "Person" and not mention.role:
            role, affiliation = _role_from_apposition(span, by_token)
            if role:
                updated = Mention(mention.text, mention.name, mention.kind, mention.article_id, mention.start, mention.end, role, affiliation)
                at = [m for _, m in found].index(mention)
                found[at] = (found[at][0], updated)
                for token in span:
                    by_token[token.i] = updated
    return found


def _acts(span: Span) -> bool:
    """A name used as an actor: a subject, an owner, or the agent of a passive."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass", "poss") or (root.dep_ == "pobj" and root.head.dep_ == "agent") or (
        root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"))


def conjuncts(token: Token) -> Iterable[Token]:
    """The tokens conjoined with ``token`` ("Xi" in "Putin and Xi"), nearest first."""
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from conjuncts(child)


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
