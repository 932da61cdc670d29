"""The interactive HTML viewer: one self-contained file that works offline.

pyvis assembles the nodes and edges; the page is our own template with
vis-network (shipped inside the pyvis package) inlined, so the file makes no
request to any other host.  All article-derived text travels as JSON data
and is put on the page with ``textContent`` or as plain-text tooltips, so a
headline containing ``<script>`` is shown, never run.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.export._atomic import write_text

__all__ = ["render_html", "write_html", "summarise", "STYLE"]

#: colour and shape per node kind
STYLE = {
    "Person": ("#e4572e", "dot"),
    "Country": ("#2e86ab", "diamond"),
    "Place": ("#76b041", "triangle"),
    "Organization": ("#8e44ad", "square"),
    "Event": ("#f2a541", "box"),
    "Claim": ("#17a398", "ellipse"),
    "Denied claim": ("#b00020", "ellipse"),
    "Quantity": ("#7f8c8d", "hexagon"),
}
_PLACE_KINDS = {"Place", "City", "AdministrativeArea"}


def _group(attrs: dict) -> str:
    kind = attrs.get("kind", "")
    if attrs.get("node_type") == "claim":
        return "Denied claim" if attrs.get("stance") == "Deny" else "Claim"
    if kind in _PLACE_KINDS:
        return "Place"
    if kind in STYLE:
        return kind
    return "Organization" if attrs.get("node_type") == "entity" else kind or "Organization"


def _tooltip(node: str, attrs: dict) -> str:
    lines = [attrs.get("label", node), f"type: {attrs.get('kind', '')}"]
    for field in ("aliases", "job_titles", "event_type", "date", "stance", "cue", "value_text", "unit", "period", "description", "articles"):
        if attrs.get(field) not in (None, ""):
            lines.append(f"{field.replace('_', ' ')}: {attrs[field]}")
    if attrs.get("evidence"):
        lines.append("evidence:")
        lines.extend(str(attrs["evidence"]).split("\n")[:5])
    return "\n".join(lines)


def _network(g: nx.MultiDiGraph) -> Network:
    net = Network(directed=True, cdn_resources="local")
    for node, attrs in g.nodes(data=True):
        group = _group(attrs)
        colour, shape = STYLE.get(group, STYLE["Organization"])
        size = 10 + min(40, 3 * int(attrs.get("mention_count", 0) or attrs.get("source_count", 1) or 1))
        net.add_node(node, label=str(attrs.get("label", node))[:60], title=_tooltip(node, attrs), color=colour, shape=shape,
                     size=size, group=group, kind=attrs.get("kind", ""), node_type=attrs.get("node_type", ""),
                     aliases=attrs.get("aliases", ""), articles=attrs.get("articles", ""),
                     event_type=attrs.get("event_type", ""), evidence=attrs.get("evidence", ""),
                     stance=attrs.get("stance", ""), full_label=str(attrs.get("label", node)))
    for u, v, key, attrs in g.edges(keys=True, data=True):
        relation = attrs.get("relation", key)
        dashed = relation == "contradicts"
        net.add_edge(u, v, label=relation.replace("_", " "), title=relation, dashes=dashed,
                     color="#b00020" if dashed else "#999999", relation=relation)
    return net


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _json_for_script(data) -> str:
    """JSON safe to place inside <script>: no '</', no HTML comment or line separators."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html(g: nx.MultiDiGraph, *, title: str = "kg knowledge graph", note: str = "") -> str:
    """The viewer page for a networkx graph made by :func:`kg.graph.to_networkx`."""
    net = _network(g)
    nodes, edges = net.nodes, net.edges
    js, css = _vis_assets()
    template = (resources.files("kg.viewer") / "template.html").read_text(encoding="utf-8")
    legend = [{"name": name, "color": c, "shape": s} for name, (c, s) in STYLE.items()]
    data = {"nodes": nodes, "edges": edges, "legend": legend, "title": title, "note": note,
            "physics": len(nodes) <= 800}
    # the JS library goes in last so nothing inside it is mistaken for a placeholder
    page = template.replace("/*KG_CSS*/", css).replace("/*KG_DATA*/", _json_for_script(data))
    return page.replace("/*KG_VIS_JS*/", js.replace("</script", "<\\/script"))


def write_html(g: nx.MultiDiGraph, path: Path, **kwargs) -> Path:
    write_text(Path(path), render_html(g, **kwargs))
    return Path(path)


def summarise(g: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, str]:
    """The graph itself when small; else its ``max_nodes`` best-connected nodes, with a note saying so."""
    if g.number_of_nodes() <= max_nodes:
        return g, ""
    rank = sorted(g.nodes, key=lambda n: (-(g.degree(n) + int(g.nodes[n].get("mention_count", 0) or 0)), str(n)))
    kept = g.subgraph(rank[:max_nodes]).copy()
    note = (f"Summary: showing the {kept.number_of_nodes()} best-connected of {g.number_of_nodes()} nodes. "
            "The full graph is in graph.ttl / graph.graphml.")
    return kept, note
