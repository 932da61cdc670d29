"""networkx exports: GraphML and node-link JSON."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.export._atomic import write_text, write_with

__all__ = ["write_graphml", "write_node_link"]


def write_graphml(g: nx.MultiDiGraph, path: Path) -> Path:
    """GraphML (every attribute is a string or number, so the writer accepts it)."""
    write_with(Path(path), lambda tmp: nx.write_graphml(g, tmp, encoding="utf-8"))
    return Path(path)


def write_node_link(g: nx.MultiDiGraph, path: Path) -> Path:
    """node-link JSON that ``networkx.node_link_graph`` reads back."""
    data = nx.node_link_data(g, edges="links")
    write_text(Path(path), json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1))
    return Path(path)
