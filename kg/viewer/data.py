"""The page's data: the KnowledgeGraph records as plain JSON-able lists, with no markup anywhere.

Records are read defensively (``getattr`` with defaults) for the fields the model is still gaining
(an event's modality, its PLOVER type and CAMEO code, a report's source), so the viewer keeps
working while they arrive.  Sentences are stored once in a table and referenced by index: events
and claims read from the same sentence share it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.model import PLACE_KINDS, KnowledgeGraph, Modality
from kg.vocab import EVENT_TYPES

__all__ = ["ASSERTED", "actor_group", "event_kind", "modality", "page_records"]

#: the modality of a fact that happened; every other modality (negated, intended, ...) is not counted as a fact
ASSERTED: Modality = "asserted"
_GROUP_KINDS = {"Person": "Person", "Country": "Country", "Group": "Group"}


def actor_group(kind: str) -> str:
    """The legend group of an entity kind: every organisation subtype is an Organization, every place a Place.

    >>> actor_group("GovernmentOrganization"), actor_group("City"), actor_group("Person")
    ('Organization', 'Place', 'Person')
    """
    if kind in PLACE_KINDS:
        return "Place"
    return _GROUP_KINDS.get(kind, "Group" if "group" in kind.lower() else "Organization")


def event_kind(event) -> tuple[str, str]:
    """(PLOVER type, CAMEO code) of an event: its own fields when the model has them, else the scheme's.

    >>> from types import SimpleNamespace
    >>> event_kind(SimpleNamespace(event_type="attack"))
    ('ASSAULT', '19')
    >>> event_kind(SimpleNamespace(event_type="protest", plover="PROTEST", cameo="14"))
    ('PROTEST', '14')
    """
    scheme = EVENT_TYPES.get(getattr(event, "event_type", ""))
    plover = getattr(event, "plover", None) or (scheme.plover if scheme else str(event.event_type).upper())
    cameo = getattr(event, "cameo", None) or (getattr(scheme, "cameo", "") if scheme else "")
    return str(plover), str(cameo)


def modality(record) -> str:
    """``asserted`` unless the record says otherwise (negated, intended, future, conditional, ...).

    >>> from types import SimpleNamespace
    >>> modality(SimpleNamespace()), modality(SimpleNamespace(modality="Intended")), modality(SimpleNamespace(modality=None))
    ('asserted', 'intended', 'asserted')
    """
    value = getattr(record, "modality", None)
    return str(value).lower() if value else ASSERTED


@dataclass
class _Sentences:
    """Each distinct evidence sentence once; records point at it by index."""

    index: dict[str, int] = field(default_factory=dict)

    def ref(self, sentence: str) -> int:
        return self.index.setdefault(sentence, len(self.index))

    def table(self) -> list[str]:
        return list(self.index)


def _evidence(record, articles: dict[str, int], sentences: _Sentences) -> list[list[int]]:
    return [[articles[e.article_id], sentences.ref(e.sentence)] for e in record.evidence if e.article_id in articles]


def _article_rows(kg: KnowledgeGraph) -> tuple[list[dict], dict[str, int]]:
    """Articles in id order, with every article an evidence cites (even one missing from ``kg.articles``)."""
    known = {a.id: a for a in kg.articles}
    cited = {e.article_id for rs in (kg.events, kg.claims, kg.quantities) for r in rs for e in r.evidence}
    cited |= {a for e in kg.entities for a in e.articles}
    ids = sorted(known.keys() | cited)
    rows = []
    for aid in ids:
        a = known.get(aid)
        rows.append({"id": aid, "title": a.title if a else "", "date": a.date.isoformat() if a and a.date else "",
                     "url": a.url if a else "", "source": str(getattr(a, "source", "") or "") if a else ""})
    return rows, {aid: i for i, aid in enumerate(ids)}


def _reporters(event, entity_keys: set[str]) -> list[str]:
    """Who the sentence says reports the event: entity keys, or names when the model gives names."""
    value = getattr(event, "reported_by", None) or getattr(event, "report_source", None) or ()
    return [str(v) for v in ((value,) if isinstance(value, str) else value)]


def _report_date(record, article_rows: list[dict], articles: dict[str, int]) -> str:
    """When a claim was reported: its earliest article's date ("" when no article is dated)."""
    dates = [article_rows[articles[e.article_id]]["date"] for e in record.evidence if e.article_id in articles]
    return min((d for d in dates if d), default="")


def page_records(kg: KnowledgeGraph) -> dict:
    """Articles, sentences, entities, events, claims and quantities as the page's script reads them."""
    article_rows, articles = _article_rows(kg)
    sentences = _Sentences()
    entity_keys = {e.key for e in kg.entities}
    events = []
    for ev in kg.events:
        plover, cameo = event_kind(ev)
        events.append({
            "id": f"event/{ev.key}", "type": ev.event_type, "plover": plover, "cameo": cameo, "trigger": ev.trigger,
            "source": ev.source if ev.source in entity_keys else None,
            "target": ev.target if ev.target in entity_keys else None,
            "place": ev.place if ev.place in entity_keys else None,
            "date": ev.date.isoformat() if ev.date else "", "modality": modality(ev), "label": ev.label,
            "sources": kg.source_count(ev), "evidence": _evidence(ev, articles, sentences),
            "reporters": _reporters(ev, entity_keys),
        })
    claims = []
    for c in kg.claims:
        claims.append({
            "id": f"claim/{c.key}", "speaker": c.speaker if c.speaker in entity_keys else None, "stance": c.stance,
            "text": c.text, "quote": c.quote_type, "cue": c.cue, "about": [a for a in c.about if a in entity_keys],
            "contradicts": [f"claim/{k}" for k in c.contradicts], "sources": kg.source_count(c),
            "date": _report_date(c, article_rows, articles), "evidence": _evidence(c, articles, sentences),
        })
    quantities = [{
        "id": f"quantity/{q.key}", "text": q.text, "value": str(q.value), "unit": q.unit, "description": q.description,
        "period": q.period, "about": [a for a in q.about if a in entity_keys], "sources": kg.source_count(q),
        "evidence": _evidence(q, articles, sentences),
    } for q in kg.quantities]
    said = Counter(c["speaker"] for c in claims)
    entities = [{
        "id": e.key, "label": e.label, "kind": e.kind, "group": actor_group(e.kind), "aliases": list(e.aliases),
        "mentions": e.mention_count, "articles": [articles[a] for a in e.articles if a in articles],
        "titles": list(e.job_titles), "affiliations": [a for a in e.affiliations if a in entity_keys],
        "claims": said[e.key],
    } for e in kg.entities]
    return {"articles": article_rows, "sentences": sentences.table(), "entities": entities, "events": events,
            "claims": claims, "quantities": quantities}
