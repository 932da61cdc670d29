"""Extraction: pure functions from a parsed ``Doc`` to data-model records.

Who a token refers to is recorded on the Doc by the reference components of the pipeline
(:mod:`kg.extract.reference`); the extractors only read the Doc, one sentence at a time, in any order.
spaCy objects stop here; everything downstream works on ``kg.model`` records.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.config import ExtractionSettings
from kg.dayorder import DayOrder
from kg.extract.claims import continued_quotations, headline_claims, paragraph_quotes, sentence_claims
from kg.extract.events import evidence_for, sentence_events
from kg.extract.quantities import sentence_quantities
from kg.extract.reference import References
from dataclasses import replace

from kg.model import Article, ArticleExtraction, ClaimMention, Evidence, EventMention, QuantityMention

__all__ = ["extract_article"]


def extract_article(article: Article, doc: Doc, headline: Doc | None = None,
                    settings: ExtractionSettings = ExtractionSettings()) -> ArticleExtraction:
    """Mentions, events, claims and quantities of one article; ``headline`` is its title, parsed on its own.

    An event told inside a claim ("..., officials said") is reported by the claim's speaker and is
    what the claim states; only events the sentence asserts count as facts (``EventMention.modality``).
    A headline gives claims only: its capitalised words make poor names, dates and events, and what it
    reports is told again in the text.
    """
    refs = References.of(doc, article.id)
    order = DayOrder.from_article(article.text, article.url)
    events: list[EventMention] = []
    claims: list[ClaimMention] = []
    quantities: list[QuantityMention] = []
    quotes = paragraph_quotes(refs.text)
    for sent in doc.sents:
        evidence = evidence_for(sent, article.id, article.raw_offset)
        here = refs.at(sent)
        found = list(sentence_events(sent, here, evidence, article.date, order))
        sentence = list(sentence_claims(sent, here, evidence, quotes, settings.min_quote_chars))
        for event in found:
            claim = next((c for c in sentence if c.span[0] <= event.offset < c.span[1]), None)
            events.append(replace(event, reported_by=claim.speaker) if claim is not None else event)
        claims.extend(_with_statement(c, found) for c in sentence)
        quantities.extend(sentence_quantities(sent, here, evidence, article.date))
    claims = continued_quotations(claims, doc, quotes, settings.min_quote_chars)
    if headline is not None:
        # the headline's evidence is the headline itself, placed before the text (offsets 0, 0)
        claims = headline_claims(headline, References.of(headline, article.id), Evidence(article.id, headline.text.strip(), 0, 0),
                                 refs, settings.min_quote_chars) + claims
    word_count = sum(1 for t in doc if not t.is_punct and not t.is_space)
    return ArticleExtraction(article, tuple(refs.mentions), tuple(dict.fromkeys(events)), tuple(claims), tuple(quantities), word_count)


def _with_statement(claim: ClaimMention, events: list[EventMention]) -> ClaimMention:
    """Attach the first event told inside the claim's content as what the claim states."""
    start, end = claim.span
    inside = [e for e in events if start <= e.offset < end and e.source is not None]
    return replace(claim, statement=inside[0]) if inside else claim
