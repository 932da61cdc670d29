"""GEXF for Gephi, written by networkx: node types, colours, sizes and dates, so Gephi's timeline works.

Every node keeps the attributes of ``kg.graph.to_networkx`` (``node_type``,
``kind``, ``label``, counts) and gets a ``viz`` colour by type, a size that
grows with its mentions or sources, and a ``start`` date: an event's own date,
else the publication date of the first article that reports the fact or
mentions the entity.  Nodes without any date are present for the whole
timeline; an edge starts when its later end does.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import networkx as nx

from kg.atomic import write_text
from kg.export.nx import flat_attributes
from kg.model import PLACE_KINDS, KnowledgeGraph

__all__ = ["COLOURS", "gexf_graph", "gexf_text", "write_gexf"]

#: node colour by entity kind or node type (RGB)
COLOURS: dict[str, tuple[int, int, int]] = {
    "Person": (31, 119, 180), "Country": (44, 160, 44), **dict.fromkeys(sorted(PLACE_KINDS), (140, 86, 75)),
    "Organization": (255, 127, 14), "event": (214, 39, 40),
    "claim": (148, 103, 189), "quantity": (127, 127, 127),
}
_ORGANISATION = COLOURS["Organization"]


def _colour(data: dict) -> tuple[int, int, int]:
    if data.get("node_type") == "entity":
        kind = data.get("kind", "")
        return COLOURS.get(kind, _ORGANISATION if "Organization" in kind else COLOURS["Place"])
    return COLOURS.get(data.get("node_type", ""), COLOURS["quantity"])


def _size(data: dict) -> float:
    weight = data.get("mention_count") or data.get("source_count") or 1
    return round(8 + 6 * math.log2(1 + float(weight)), 2)


def _first_dates(kg: KnowledgeGraph) -> dict[str, str]:
    """Node id -> ISO date: an event's date, else the earliest publication date of its articles."""
    published = {a.id: a.date for a in kg.articles if a.date}

    def earliest(article_ids) -> str:
        dates = [published[a] for a in article_ids if a in published]
        return min(dates).isoformat() if dates else ""

    dates = {e.key: earliest(e.articles) for e in kg.entities}
    dates |= {f"event/{ev.key}": ev.date.isoformat() if ev.date else earliest(ev.articles) for ev in kg.events}
    dates |= {f"claim/{c.key}": earliest(c.articles) for c in kg.claims}
    dates |= {f"quantity/{q.key}": earliest(q.articles) for q in kg.quantities}
    return {node: date for node, date in dates.items() if date}


def gexf_graph(g: nx.MultiDiGraph, kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` with Gephi's ``viz`` colour and size and a ``start`` date on nodes and edges."""
    out = flat_attributes(g)
    dates = _first_dates(kg)
    for node, data in out.nodes(data=True):
        r, gr, b = _colour(data)
        data["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": _size(data)}
        if node in dates:
            data["start"] = dates[node]
    for u, v, data in out.edges(data=True):
        ends = [dates[n] for n in (u, v) if n in dates]
        if ends:
            data["start"] = max(ends)
    return out


def gexf_text(g: nx.MultiDiGraph, kg: KnowledgeGraph) -> str:
    """The GEXF document; its date is the latest publication date, not today's, so the same input gives the same bytes."""
    lines = nx.generate_gexf(gexf_graph(g, kg), encoding="utf-8", version="1.2draft")
    text = "<?xml version='1.0' encoding='utf-8'?>\n" + "\n".join(lines) + "\n"
    latest = max((a.date for a in kg.articles if a.date), default=None)
    stamp = f' lastmodifieddate="{latest.isoformat()}"' if latest else ""
    return re.sub(r' lastmodifieddate="[^"]*"', stamp, text, count=1)


def write_gexf(g: nx.MultiDiGraph, kg: KnowledgeGraph, path: Path) -> Path:
    """Write ``graph.gexf`` (GEXF 1.2) for Gephi."""
    write_text(Path(path), gexf_text(g, kg))
    return Path(path)
