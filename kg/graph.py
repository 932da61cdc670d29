"""The knowledge graph as a networkx graph, for analysis and the viewer.

Nodes are entities, events, claims and quantities; edges are the roles
between them (source/target actor, place, speaker, about).  List-valued
attributes are flattened to strings so every networkx writer accepts them.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import networkx as nx

from kg.model import PLACE_KINDS, KnowledgeGraph
from kg.vocab import EVENT_TYPES

__all__ = ["to_networkx", "RecordGraph", "actor_graph"]


def _evidence_text(record) -> str:
    return "\n".join(f"[{e.article_id}] {e.sentence}" for e in record.evidence)


def _operations(kg: KnowledgeGraph) -> Iterator[tuple]:
    """The graph as a sequence of ``("node", id, attributes)`` and ``("edge", u, v, key, attributes)`` steps.

    A node's attributes come as a function that makes them, so a stream over
    the steps (:class:`RecordGraph`) holds no attribute dict longer than it writes it.
    """
    for e in kg.entities:
        yield "node", e.key, partial(_entity_attributes, e)
        for target in e.affiliations:
            yield "edge", e.key, target, "affiliation", {"relation": "affiliation"}
    for ev in kg.events:
        node = f"event/{ev.key}"
        yield "node", node, partial(_event_attributes, kg, ev)
        for role, linked in (("source_actor", ev.source), ("target_actor", ev.target), ("place", ev.place)):
            if linked:
                yield "edge", node, linked, role, {"relation": role}
    for c in kg.claims:
        node = f"claim/{c.key}"
        yield "node", node, partial(_claim_attributes, kg, c)
        yield "edge", node, c.speaker, "attributed_to", {"relation": "attributed_to"}
        for about in c.about:
            yield "edge", node, about, "about", {"relation": "about"}
        for other in c.contradicts:
            yield "edge", node, f"claim/{other}", "contradicts", {"relation": "contradicts"}
    for q in kg.quantities:
        node = f"quantity/{q.key}"
        yield "node", node, partial(_quantity_attributes, kg, q)
        for about in q.about:
            yield "edge", node, about, "about", {"relation": "about"}


def _entity_attributes(e) -> dict:
    return dict(node_type="entity", kind=e.kind, label=e.label, aliases="; ".join(e.aliases),
                mention_count=e.mention_count, articles="; ".join(e.articles), job_titles="; ".join(e.job_titles))


def _event_attributes(kg: KnowledgeGraph, ev) -> dict:
    return dict(node_type="event", kind="Event", label=ev.label, event_type=ev.event_type,
                cameo=EVENT_TYPES[ev.event_type].cameo, trigger=ev.trigger, date=ev.date.isoformat() if ev.date else "",
                articles="; ".join(ev.articles), source_count=kg.source_count(ev), evidence=_evidence_text(ev))


def _claim_attributes(kg: KnowledgeGraph, c) -> dict:
    return dict(node_type="claim", kind="Claim", label=c.text[:80], text=c.text, stance=c.stance,
                cue=c.cue, quote_type=c.quote_type, articles="; ".join(c.articles),
                source_count=kg.source_count(c), evidence=_evidence_text(c))


def _quantity_attributes(kg: KnowledgeGraph, q) -> dict:
    return dict(node_type="quantity", kind="Quantity", label=f"{q.text} ({q.description})" if q.description else q.text,
                value=float(q.value), value_text=str(q.value), unit=q.unit, description=q.description, period=q.period,
                articles="; ".join(q.articles), source_count=kg.source_count(q), evidence=_evidence_text(q))


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """A directed multigraph of the whole knowledge graph.

    >>> from kg.model import KnowledgeGraph
    >>> to_networkx(KnowledgeGraph((), (), (), (), ())).number_of_nodes()
    0
    """
    g = nx.MultiDiGraph(name="kg")
    for step in _operations(kg):
        if step[0] == "node":
            g.add_node(step[1], **step[2]())
        else:
            g.add_edge(step[1], step[2], key=step[3], **step[4])
    return g


class RecordGraph:
    """What the exporters read of :func:`to_networkx`'s graph, made from the records on every pass.

    Nodes and edges come in the multigraph's order (a node where it first
    appears, as a node or an edge's end; edges by source node, then target, then
    key) with the same attributes, but only the node ids, the records behind
    them and the small edge dicts are held: each node's attributes (evidence
    sentences and all) are made when asked for and dropped after, so writing
    GraphML or node-link JSON never holds the whole attributed graph.
    """

    def __init__(self, kg: KnowledgeGraph):
        self.graph = {"name": "kg"}
        self._makers: dict[str, list] = {}
        self._adjacency: dict[str, dict[str, dict[str, dict]]] = {}
        for step in _operations(kg):
            if step[0] == "node":
                self._makers.setdefault(step[1], []).append(step[2])
                continue
            _, u, v, key, data = step
            self._makers.setdefault(u, [])
            self._makers.setdefault(v, [])
            self._adjacency.setdefault(u, {}).setdefault(v, {}).setdefault(key, {}).update(data)

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def nodes(self, data: bool = False) -> Iterator:
        """Each node id, or ``(id, attributes)`` with ``data=True``: as ``MultiDiGraph.nodes(data=True)``."""
        for node, makers in self._makers.items():
            if not data:
                yield node
                continue
            attributes: dict = {}
            for make in makers:
                attributes.update(make())
            yield node, attributes

    def edges(self, keys: bool = False, data: bool = False) -> Iterator[tuple]:
        """``(u, v, key, attributes)`` in ``MultiDiGraph.edges(keys=True, data=True)`` order (both flags as there)."""
        for u in self._makers:
            for v, by_key in self._adjacency.get(u, {}).items():
                for key, attributes in by_key.items():
                    yield (u, v) + ((key,) if keys else ()) + ((attributes,) if data else ())


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
