"""The HTML viewer as a file: self-contained, article text carried as escaped data, readable styling, a stable layout.

What the page does in a browser is in test_viewer_browser.py.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re

import networkx as nx
import pytest

from kg.model import Article
from kg.viewer import STYLE, layout, render_html

HOSTILE = ['<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "\"quoted\" & 'single'", "</script><b>",
           "/*KG_VIS_JS*/ /*KG_DATA*/", "\u2028line separator"]


def page_data(page: str) -> dict:
    """The JSON the page's own script starts from."""
    return json.loads(re.search(r"const KG = (.*?);\n", page).group(1))


def small_graph(text: str = "plain") -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("person/x", node_type="entity", kind="Person", label=f"Person {text}", aliases=f"{text}; X",
               mention_count=9, articles="a1", job_titles="")
    g.add_node("country/y", node_type="entity", kind="Country", label="Country Y", aliases="", mention_count=1, articles="a1")
    g.add_node("event/1", node_type="event", kind="Event", label=f"X meets Y {text}", event_type="meet", articles="a1",
               source_count=1, evidence=f"[a1] X met Y, {text}.")
    g.add_node("claim/1", node_type="claim", kind="Claim", label=text, text=text, stance="Deny", articles="a1",
               source_count=1, evidence=f"[a1] X denied {text}.")
    g.add_edge("event/1", "person/x", key="source_actor", relation="source_actor")
    g.add_edge("event/1", "country/y", key="target_actor", relation="target_actor")
    g.add_edge("claim/1", "person/x", key="attributed_to", relation="attributed_to")
    return g


def test_the_page_requests_nothing_from_another_host():
    page = render_html(small_graph())
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", page)
    assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", page)
    assert "default-src 'none'" in page  # the browser refuses any request the page might still try


def test_the_content_security_policy_allows_exactly_the_pages_own_scripts():
    page = render_html(small_graph())
    allowed = set(re.findall(r"'sha256-([^']+)'", page))
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 2
    assert allowed == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert "unsafe-inline" not in re.search(r"script-src[^;]*", page).group(0)


@pytest.mark.parametrize("text", HOSTILE)
def test_article_text_is_data_never_markup(text):
    article = Article(id="a1", text=text, title=f"Headline {text}", url="https://example.com/x", date=dt.date(2024, 5, 1))
    page = render_html(small_graph(text), articles=[article])
    body = page.split("const KG = ", 1)[1]
    for markup in ("<script", "<img", "</script><b>"):
        assert markup not in body
    data = page_data(page)  # the page parses back, and every string arrives unchanged
    assert data["articles"]["a1"]["title"] == f"Headline {text}"
    labels = {n["full_label"] for n in data["nodes"]}
    assert f"Person {text}" in labels and text in labels
    assert [["a1", f"X denied {text}."]] in [n["evidence"] for n in data["nodes"]]


def test_a_placeholder_inside_article_text_is_not_filled():
    page = render_html(small_graph("/*KG_VIS_JS*/"))
    assert page_data(page)["nodes"][0]["full_label"] == "Person /*KG_VIS_JS*/"


@pytest.mark.parametrize("attrs, group", [
    ({"node_type": "entity", "kind": "Person"}, "Person"),
    ({"node_type": "entity", "kind": "City"}, "Place"),
    ({"node_type": "entity", "kind": "AdministrativeArea"}, "Place"),
    ({"node_type": "entity", "kind": "GovernmentOrganization"}, "Organization"),
    ({"node_type": "event", "kind": "Event", "event_type": "meet"}, "Event"),
    ({"node_type": "claim", "kind": "Claim", "stance": "Assert"}, "Claim"),
    ({"node_type": "claim", "kind": "Claim", "stance": "Deny"}, "Denied claim"),
    ({"node_type": "quantity", "kind": "Quantity"}, "Quantity"),
])
def test_each_kind_gets_its_legend_colour_and_shape(attrs, group):
    g = nx.MultiDiGraph()
    g.add_node("n", label="n", **attrs)
    node = page_data(render_html(g))["nodes"][0]
    assert node["category"] == group
    assert (node["color"], node["shape"]) == STYLE[group]


def test_denied_claims_have_a_dashed_thick_border_and_asserted_ones_do_not():
    g = small_graph()
    g.add_node("claim/2", node_type="claim", kind="Claim", label="said", stance="Assert", articles="a1")
    nodes = {n["id"]: n for n in page_data(render_html(g))["nodes"]}
    assert nodes["claim/1"]["shapeProperties"]["borderDashes"] and nodes["claim/1"]["borderWidth"] > 1
    assert nodes["claim/2"]["shapeProperties"]["borderDashes"] is False


def test_the_legend_counts_nodes_per_type():
    legend = {item["name"]: item["count"] for item in page_data(render_html(small_graph()))["legend"]}
    assert legend["Person"] == legend["Country"] == legend["Event"] == legend["Denied claim"] == 1
    assert legend["Claim"] == legend["Quantity"] == 0


def test_more_mentions_draw_a_bigger_node():
    nodes = {n["id"]: n for n in page_data(render_html(small_graph()))["nodes"]}
    assert nodes["person/x"]["size"] > nodes["country/y"]["size"]


def test_edges_are_labelled_with_the_relation_and_the_event_type():
    labels = {(e["from"], e["to"]): e["label"] for e in page_data(render_html(small_graph()))["edges"]}
    assert labels[("event/1", "person/x")] == "meet: source"
    assert labels[("event/1", "country/y")] == "meet: target"
    assert labels[("claim/1", "person/x")] == "attributed to"


def test_tooltips_are_plain_text_with_name_aliases_evidence_and_headline():
    article = Article(id="a1", text="t", title="Leaders meet")
    node = next(n for n in page_data(render_html(small_graph(), articles=[article]))["nodes"] if n["id"] == "event/1")
    assert node["title"].splitlines()[0] == "X meets Y plain"
    assert "X met Y, plain." in node["title"] and "Leaders meet" in node["title"]
    person = next(n for n in page_data(render_html(small_graph()))["nodes"] if n["id"] == "person/x")
    assert "also: plain; X" in person["title"] and person["aliases"] == ["plain", "X"]


def test_the_layout_is_repeatable_and_puts_unlinked_nodes_below_the_rest():
    g = small_graph()
    g.add_node("place/alone", node_type="entity", kind="Place", label="Alone")
    first, second = layout(g), layout(g)
    assert first == second
    assert first["place/alone"][1] > max(y for n, (_, y) in first.items() if n != "place/alone")


def test_the_seed_viewer_carries_aliases_evidence_and_headlines(seed_build):
    kg, _, out = seed_build
    data = page_data((out / "graph.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == len(kg.entities) + len(kg.events) + len(kg.claims) + len(kg.quantities)
    assert {a.id for a in kg.articles} <= set(data["articles"])
    assert any(a["title"] for a in data["articles"].values())
    zelensky = next(n for n in data["nodes"] if n["full_label"].startswith("Volodymyr Zelensk"))
    assert zelensky["category"] == "Person" and zelensky["articles"]
    assert any(n["evidence"] for n in data["nodes"] if n["category"] == "Event")
    assert all(n["x"] is not None and n["y"] is not None for n in data["nodes"])
