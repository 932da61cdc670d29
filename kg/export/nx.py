"""networkx exports: GraphML and node-link JSON.

GraphML has no list type, so a list or tuple attribute is written as its
values joined with "; " (readable in yEd, Gephi and Cytoscape), a date as
its ISO string, and a missing value is left out; node-link JSON keeps lists.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import IO

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriterLxml

from kg.atomic import atomic_open, write_with

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


class _Flat:
    """A view of a graph (a ``MultiDiGraph`` or :class:`kg.graph.RecordGraph`) with the attributes of
    :func:`flat_attributes`, made as each node or edge is read, so nothing is copied."""

    def __init__(self, g):
        self.g = g
        self.graph = {k: _flat(v) for k, v in g.graph.items() if v is not None}

    def is_directed(self) -> bool:
        return self.g.is_directed()

    def is_multigraph(self) -> bool:
        return self.g.is_multigraph()

    def nodes(self, data: bool = False):
        for node, attributes in self.g.nodes(data=True):
            yield (node, {k: _flat(v) for k, v in attributes.items() if v is not None}) if data else node

    def edges(self, keys: bool = False, data: bool = False):
        for u, v, key, attributes in self.g.edges(keys=True, data=True):
            flat = {k: _flat(x) for k, x in attributes.items() if x is not None}
            yield (u, v) + ((key,) if keys else ()) + ((flat,) if data else ())


def write_graphml(g, path: Path) -> Path:
    """GraphML, with list values readable as "a; b" (see the module docstring).

    ``g`` is a ``MultiDiGraph`` or a :class:`kg.graph.RecordGraph`; networkx's
    lxml writer reads it node by node and writes each element as it goes, so
    the file is the one ``nx.write_graphml`` writes, without a copy of the graph.
    """
    write_with(Path(path), lambda tmp: GraphMLWriterLxml(tmp, graph=_Flat(g), encoding="utf-8").dump())
    return Path(path)


def _json_items(items, handle: IO[str]) -> None:
    """A JSON list, one item at a time, laid out as ``json.dumps(..., indent=1)`` lays it out one level down."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, sort_keys=True, indent=1, default=_flat).replace("\n", "\n  ")
        handle.write(("[\n  " if first else ",\n  ") + text)
        first = False
    handle.write("[]" if first else "\n ]")


def write_node_link(g, path: Path) -> Path:
    """node-link JSON that ``networkx.node_link_graph`` reads back: the bytes of
    ``json.dumps(nx.node_link_data(g, edges="links"), sort_keys=True, indent=1)``, written a node or link at a time
    (``g`` as for :func:`write_graphml`)."""
    graph = json.dumps(g.graph, ensure_ascii=False, sort_keys=True, indent=1, default=_flat).replace("\n", "\n ")

    def write(handle: IO[str]) -> None:
        handle.write(f'{{\n "directed": {json.dumps(g.is_directed())},\n "graph": {graph},\n "links": ')
        _json_items(({**data, "source": u, "target": v, "key": key} for u, v, key, data in g.edges(keys=True, data=True)),
                    handle)
        handle.write(f',\n "multigraph": {json.dumps(g.is_multigraph())},\n "nodes": ')
        _json_items(({**data, "id": node} for node, data in g.nodes(data=True)), handle)
        handle.write("\n}")

    with atomic_open(Path(path), "w", encoding="utf-8", newline="") as handle:
        write(handle)
    return Path(path)
