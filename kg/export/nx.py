"""networkx exports: GraphML and node-link JSON.

GraphML has no list type, so a list or tuple attribute is written as its
values joined with "; " (readable in yEd, Gephi and Cytoscape), a date as
its ISO string, and a missing value is left out; node-link JSON keeps lists.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import networkx as nx

from kg.atomic import write_text, write_with

__all__ = ["flat_attributes", "write_graphml", "write_node_link"]

LIST_SEPARATOR = "; "


def _flat(value):
    if isinstance(value, (list, tuple, set, frozenset)):
        values = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return LIST_SEPARATOR.join(str(v) for v in values)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def flat_attributes(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` whose attributes are all strings, numbers or booleans (what GraphML and GEXF can hold).

    >>> g = nx.MultiDiGraph(); g.add_node("a", aliases=["A", "Alpha"], date=dt.date(2024, 3, 7), gone=None)
    >>> flat_attributes(g).nodes["a"]
    {'aliases': 'A; Alpha', 'date': '2024-03-07'}
    """
    out = g.__class__()
    out.graph.update({k: _flat(v) for k, v in g.graph.items() if v is not None})
    for node, data in g.nodes(data=True):
        out.add_node(node, **{k: _flat(v) for k, v in data.items() if v is not None})
    for u, v, key, data in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: _flat(x) for k, x in data.items() if x is not None})
    return out


def write_graphml(g: nx.MultiDiGraph, path: Path) -> Path:
    """GraphML, with list values readable as "a; b" (see the module docstring)."""
    flat = flat_attributes(g)
    write_with(Path(path), lambda tmp: nx.write_graphml(flat, tmp, encoding="utf-8"))
    return Path(path)


def write_node_link(g: nx.MultiDiGraph, path: Path) -> Path:
    """node-link JSON that ``networkx.node_link_graph`` reads back."""
    data = nx.node_link_data(g, edges="links")
    write_text(Path(path), json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1, default=_flat))
    return Path(path)
