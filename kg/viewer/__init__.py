"""The interactive HTML viewer: one self-contained file that works offline.

pyvis assembles the nodes and edges; the page is our own template with
vis-network (shipped inside the pyvis package) inlined, so the file makes no
request to any other host (its Content-Security-Policy forbids any).  The
layout is computed here with igraph's Fruchterman-Reingold (grid variant past
1,000 nodes), so the browser draws a still picture at once even for 5,000
nodes, instead of running physics for tens of seconds.

All article-derived text travels as JSON data and reaches the page through
``textContent`` or vis-network's plain-text tooltips, so a headline
containing ``<script>`` is shown, never run.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("person/a", node_type="entity", kind="Person", label="<b>A</b>", mention_count=3)
>>> "<b>A</b>" in render_html(g)
False
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import igraph
import networkx as nx
from pyvis.network import Network

from kg.export._atomic import write_text
from kg.model import Article

__all__ = ["render_html", "write_html", "summarise", "layout", "STYLE"]

#: colour and vis-network shape per legend group
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
#: node attributes shown as facts in the side panel, in this order
_FACTS = ("job_titles", "event_type", "trigger", "date", "stance", "cue", "quote_type", "text", "value_text", "unit",
          "period", "description", "source_count", "mention_count")
_ROLE_NAMES = {"source_actor": "source", "target_actor": "target", "place": "place"}
_LABEL_CHARS = 32
#: mean edge length of the laid-out graph, in vis-network pixels
_EDGE_LENGTH = 140.0
#: spacing of the rows of unlinked nodes
_GRID_X, _GRID_Y = 130.0, 60.0


def _group(attrs: dict) -> str:
    kind = attrs.get("kind", "")
    if attrs.get("node_type") == "claim":
        return "Denied claim" if attrs.get("stance") == "Deny" else "Claim"
    if kind in _PLACE_KINDS:
        return "Place"
    if kind in STYLE:
        return kind
    return "Organization"


def _split(value) -> list[str]:
    return [part for part in str(value or "").split("; ") if part]


def _evidence(attrs: dict) -> list[list[str]]:
    """``[[article id, sentence], ...]`` from the flattened "[id] sentence" lines of :func:`kg.graph.to_networkx`.

    A sentence may itself contain line breaks, so only a line opening with a known article id starts a new one.

    >>> _evidence({"articles": "a1", "evidence": "[a1] One.\\n[a1] Heading\\nTwo."})
    [['a1', 'One.'], ['a1', 'Heading\\nTwo.']]
    """
    articles = set(_split(attrs.get("articles")))
    items: list[list[str]] = []
    for line in str(attrs.get("evidence") or "").split("\n"):
        article, sep, sentence = line[1:].partition("] ")
        if line.startswith("[") and sep and article in articles:
            items.append([article, sentence])
        elif items:
            items[-1][1] += "\n" + line
    return items


def _size(attrs: dict) -> float:
    """Node size grows with the log of its mentions (entities) or independent sources (other nodes)."""
    count = int(attrs.get("mention_count") or attrs.get("source_count") or 1)
    return round(min(48.0, 10 + 7 * math.log2(1 + count)), 1)


def _clip(text: str, length: int = _LABEL_CHARS) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _tooltip(node: str, attrs: dict, group: str, titles: dict[str, str]) -> str:
    lines = [str(attrs.get("label", node)), f"{group} ({attrs.get('kind', '')})"]
    if attrs.get("aliases"):
        lines.append(f"also: {attrs['aliases']}")
    lines += [f"{f.replace('_', ' ')}: {attrs[f]}" for f in _FACTS[:10] if attrs.get(f) not in (None, "")]
    evidence = _evidence(attrs)
    for article, sentence in evidence[:3]:
        lines.append(f"“{_clip(sentence.replace(chr(10), ' '), 200)}” — {titles.get(article) or article}")
    articles = _split(attrs.get("articles"))
    if articles and not evidence:
        lines.append("in: " + "; ".join(titles.get(a) or a for a in articles[:3]) + (" …" if len(articles) > 3 else ""))
    return "\n".join(lines)


def layout(g: nx.MultiDiGraph, *, seed: int = 7) -> dict:
    """Node -> (x, y) in vis-network pixels, the same for the same graph.

    Linked nodes get Fruchterman-Reingold from a seeded start, scaled to a mean
    link length of about 140 px; unlinked nodes are packed in rows below, by
    kind, so they do not ring the picture and shrink the linked part when fitted.
    """
    linked = [n for n in g if any(other != n for other in nx.all_neighbors(g, n))]
    positions = _force_layout(g, linked, seed)
    isolated = sorted((n for n in g if n not in positions), key=lambda n: (g.nodes[n].get("kind", ""), str(n)))
    if isolated:
        xs, ys = [x for x, _ in positions.values()] or [0.0], [y for _, y in positions.values()] or [0.0]
        columns = max(4, int((max(xs) - min(xs)) / _GRID_X), int(math.sqrt(len(isolated))))
        top = max(ys) + 2 * _GRID_Y
        for i, n in enumerate(isolated):
            positions[n] = (round(min(xs) + (i % columns) * _GRID_X, 1), round(top + (i // columns) * _GRID_Y, 1))
    return positions


def _force_layout(g: nx.MultiDiGraph, nodes: list, seed: int) -> dict:
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted({(index[u], index[v]) for u, v in g.subgraph(nodes).edges() if u != v})
    # FR starts from random positions: a seeded generator makes the layout repeatable.  (A start passed as
    # ``seed=`` would have to be spread out like igraph's own, or the grid variant slows down 40-fold.)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = igraph.Graph(n=len(nodes), edges=pairs).layout_fruchterman_reingold(niter=500, grid="auto").coords
    finally:
        igraph.set_random_number_generator(random)
    mean = sum(math.dist(coords[a], coords[b]) for a, b in pairs) / len(pairs)
    scale = _EDGE_LENGTH / mean if mean else _EDGE_LENGTH
    return {n: (round(coords[i][0] * scale, 1), round(coords[i][1] * scale, 1)) for n, i in index.items()}


def _network(g: nx.MultiDiGraph, titles: dict[str, str]) -> Network:
    net = Network(directed=True, cdn_resources="local")
    positions = layout(g)
    for node, attrs in g.nodes(data=True):
        group = _group(attrs)
        colour, shape = STYLE[group]
        x, y = positions[node]
        label = str(attrs.get("label", node))
        denied = group == "Denied claim"
        net.add_node(  # not "group": pyvis would drop the colour for it
            node, label=_clip(label), title=_tooltip(node, attrs, group, titles), color=colour, shape=shape,
            size=_size(attrs), x=x, y=y, category=group, kind=attrs.get("kind", ""), full_label=label,
            aliases=_split(attrs.get("aliases")), articles=_split(attrs.get("articles")), evidence=_evidence(attrs),
            event_type=attrs.get("event_type", ""), borderWidth=3 if denied else 1,
            shapeProperties={"borderDashes": [6, 4] if denied else False},
            facts=[[f.replace("_", " "), str(attrs[f])] for f in _FACTS if attrs.get(f) not in (None, "")],
        )
    for u, v, key, attrs in g.edges(keys=True, data=True):
        relation = attrs.get("relation", key)
        label = relation.replace("_", " ")
        if relation in _ROLE_NAMES and g.nodes[u].get("event_type"):
            label = f"{g.nodes[u]['event_type']}: {_ROLE_NAMES[relation]}"
        contradicts = relation == "contradicts"
        net.add_edge(u, v, label=label, title=label, relation=relation, dashes=contradicts,
                     color="#b00020" if contradicts else "#9a9a9a")
    return net


def _legend(nodes: list[dict]) -> list[dict]:
    counts = Counter(n["category"] for n in nodes)
    return [{"name": name, "color": c, "shape": s, "count": counts[name]} for name, (c, s) in STYLE.items()]


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _json_for_script(data) -> str:
    """JSON safe to place inside <script>: no '</', no HTML comment or line separators."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace ``/*KG_NAME*/`` placeholders in one pass, so text put in is never searched for placeholders again."""
    return re.sub(r"/\*KG_([A-Z_]+)\*/", lambda m: values[m.group(1)], template)


def _script_hashes(template: str, values: dict[str, str]) -> str:
    """CSP sources allowing exactly the page's own scripts: an injected script or ``onerror=`` would be refused."""
    scripts = (_fill(body, values) for body in re.findall(r"<script>(.*?)</script>", template, flags=re.S))
    return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)


def render_html(g: nx.MultiDiGraph, *, title: str = "kg knowledge graph", note: str = "",
                articles: Iterable[Article] = ()) -> str:
    """The viewer page for a graph made by :func:`kg.graph.to_networkx`; ``articles`` supply headlines for its ids."""
    articles = {a.id: {"title": a.title, "date": a.date.isoformat() if a.date else "", "url": a.url} for a in articles}
    net = _network(g, {k: v["title"] for k, v in articles.items()})
    for article in {a for n in net.nodes for a in n["articles"]} - articles.keys():
        articles[article] = {"title": "", "date": "", "url": ""}
    event_types = Counter(n["event_type"] for n in net.nodes if n["event_type"])
    data = {"nodes": net.nodes, "edges": net.edges, "legend": _legend(net.nodes), "title": title, "note": note,
            "articles": articles, "eventTypes": sorted(event_types.items())}
    js, css = _vis_assets()
    template = (resources.files("kg.viewer") / "template.html").read_text(encoding="utf-8")
    values = {"CSS": css, "DATA": _json_for_script(data), "VIS_JS": js.replace("</script", "<\\/script")}
    values["SCRIPT_HASHES"] = _script_hashes(template, values)
    return _fill(template, values)


def write_html(g: nx.MultiDiGraph, path: Path, **kwargs) -> Path:
    """Write :func:`render_html` to ``path`` atomically."""
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
