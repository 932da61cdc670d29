"""The knowledge graph as a networkx graph, for analysis and the viewer.

Nodes are entities, events, claims and quantities; edges are the roles
between them (source/target actor, place, speaker, about).  List-valued
attributes are flattened to strings so every networkx writer accepts them.
"""
from __future__ import annotations

import networkx as nx

from kg.model import PLACE_KINDS, KnowledgeGraph
from kg.vocab import EVENT_TYPES

__all__ = ["to_networkx", "actor_graph"]


def _evidence_text(record) -> str:
    return "\n".join(f"[{e.article_id}] {e.sentence}" for e in record.evidence)


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """A directed multigraph of the whole knowledge graph.

    >>> from kg.model import KnowledgeGraph
    >>> to_networkx(KnowledgeGraph((), (), (), (), ())).number_of_nodes()
    0
    """
    g = nx.MultiDiGraph(name="kg")
    for e in kg.entities:
        g.add_node(e.key, node_type="entity", kind=e.kind, label=e.label, aliases="; ".join(e.aliases),
                   mention_count=e.mention_count, articles="; ".join(e.articles), job_titles="; ".join(e.job_titles))
        for target in e.affiliations:
            g.add_edge(e.key, target, key="affiliation", relation="affiliation")
    for ev in kg.events:
        node = f"event/{ev.key}"
        g.add_node(node, node_type="event", kind="Event", label=ev.label, event_type=ev.event_type,
                   cameo=EVENT_TYPES[ev.event_type].cameo, trigger=ev.trigger, date=ev.date.isoformat() if ev.date else "",
                   articles="; ".join(ev.articles), source_count=kg.source_count(ev),
                   evidence=_evidence_text(ev))
        for role, target in (("source_actor", ev.source), ("target_actor", ev.target), ("place", ev.place)):  # type: ignore[assignment]
            if target:
                g.add_edge(node, target, key=role, relation=role)
    for c in kg.claims:
        node = f"claim/{c.key}"
        g.add_node(node, node_type="claim", kind="Claim", label=c.text[:80], text=c.text, stance=c.stance,
                   cue=c.cue, quote_type=c.quote_type, articles="; ".join(c.articles),
                   source_count=kg.source_count(c), evidence=_evidence_text(c))
        g.add_edge(node, c.speaker, key="attributed_to", relation="attributed_to")
        for about in c.about:
            g.add_edge(node, about, key="about", relation="about")
        for other in c.contradicts:
            g.add_edge(node, f"claim/{other}", key="contradicts", relation="contradicts")
    for q in kg.quantities:
        node = f"quantity/{q.key}"
        g.add_node(node, node_type="quantity", kind="Quantity", label=f"{q.text} ({q.description})" if q.description else q.text,
                   value=float(q.value), value_text=str(q.value), unit=q.unit, description=q.description, period=q.period,
                   articles="; ".join(q.articles), source_count=kg.source_count(q),
                   evidence=_evidence_text(q))
        for about in q.about:
            g.add_edge(node, about, key="about", relation="about")
    return g


def actor_graph(kg: KnowledgeGraph) -> nx.Graph:
    """Actors linked by the events between them, weighted by how many; for centrality and communities."""
    g = nx.Graph()
    labels = {e.key: e.label for e in kg.entities}
    for e in kg.entities:
        if e.kind not in PLACE_KINDS:
            g.add_node(e.key, label=e.label, kind=e.kind, mention_count=e.mention_count)
    for ev in kg.events:
        if ev.source in g and ev.target in g and ev.source != ev.target:
            weight = g.get_edge_data(ev.source, ev.target, {}).get("weight", 0) + len(ev.evidence)
            g.add_edge(ev.source, ev.target, weight=weight, label=f"{labels[ev.source]} – {labels[ev.target]}")  # type: ignore[index]
    for c in kg.claims:
        for about in c.about:
            if c.speaker in g and about in g and about != c.speaker:
                weight = g.get_edge_data(c.speaker, about, {}).get("weight", 0) + 1
                g.add_edge(c.speaker, about, weight=weight)
    return g
