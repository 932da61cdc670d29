"""Extraction: pure functions from a parsed ``Doc`` to data-model records.

spaCy objects stop here; everything downstream works on ``kg.model`` records.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.claims import sentence_claims
from kg.extract.entities import MentionIndex
from kg.extract.events import evidence_for, sentence_events_and_statements
from kg.extract.quantities import sentence_quantities
from dataclasses import replace

from kg.model import Article, ArticleExtraction, ClaimMention, EventMention

__all__ = ["extract_article"]


def extract_article(article: Article, doc: Doc) -> ArticleExtraction:
    """Mentions, events, claims and quantities of one article.

    Events stated inside a claim are left to the claim: a reported or denied
    statement is never asserted as a fact.
    """
    index = MentionIndex(doc, article.id)
    events, claims, quantities = [], [], []
    for sent in doc.sents:
        evidence = evidence_for(sent, article.id, article.raw_offset)
        found = list(sentence_events_and_statements(sent, index, evidence, article.date))
        statements = [event for event, is_fact in found if not is_fact]
        claims.extend(_with_statement(c, statements) for c in sentence_claims(sent, index, evidence))
        events.extend(event for event, is_fact in found if is_fact)
        quantities.extend(sentence_quantities(sent, index, evidence, article.date))
    word_count = sum(1 for t in doc if not t.is_punct and not t.is_space)
    return ArticleExtraction(article, tuple(index.mentions), tuple(dict.fromkeys(events)), tuple(claims), tuple(quantities), word_count)


def _with_statement(claim: ClaimMention, statements: list[EventMention]) -> ClaimMention:
    """Attach the first reported event inside the claim's content as what the claim states."""
    start, end = claim.span
    inside = [e for e in statements if start <= e.offset < end]
    return replace(claim, statement=inside[0]) if inside else claim
