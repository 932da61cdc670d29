"""The HTML viewer as a file: self-contained, drawn from the records, article text carried as escaped data, stable bytes.

What the page does in a browser is in test_viewer_browser.py.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from decimal import Decimal
from types import SimpleNamespace

import numpy as np
import pytest

from kg.model import Article, Claim, Entity, Event, Evidence, KnowledgeGraph, Quantity
from kg.viewer import STYLE, page_data, render_html
from kg.viewer.data import actor_group, event_kind, modality
from kg.viewer.layout import ISOLATED, _close_pairs, view_layout

HOSTILE = ['<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "\"quoted\" & 'single'", "</script><b>",
           "/*KG_VIS_JS*/ /*KG_DATA*/", "\u2028line separator"]


def page_json(page: str) -> dict:
    """The JSON the page's own script starts from."""
    return json.loads(re.search(r"const KG = (.*?);\n", page).group(1))


def small_kg(text: str = "plain", *, event_extra: dict | None = None) -> KnowledgeGraph:
    """Two actors, a place, one event between them, a denied claim, a figure; ``text`` in every string."""
    article = Article(id="a1", text=text, title=f"Headline {text}", url="https://example.com/x", date=dt.date(2024, 5, 1))
    ev = Evidence("a1", f"X met Y, {text}.", 0, 10)
    entities = (Entity("person/x", f"Person {text}", "Person", aliases=(text, "X"), mention_count=9, articles=("a1",)),
                Entity("country/y", "Country Y", "Country", mention_count=1, articles=("a1",)),
                Entity("city/z", "City Z", "City", mention_count=1, articles=("a1",)))
    event = Event("e1", "attack", "strike", "person/x", "country/y", "city/z", dt.date(2024, 4, 30), (ev,), label=f"X attacks Y {text}")
    if event_extra:
        event = SimpleNamespace(**{**event.__dict__, **event_extra})  # a record with fields the model may gain
    claim = Claim("c1", "person/x", "Deny", text, "direct", "deny", ("country/y",), (Evidence("a1", f"X denied {text}.", 0, 5),))
    quantity = Quantity("q1", Decimal(5), "USD", f"$5 {text}", text, ("country/y",), "", (ev,))
    return KnowledgeGraph((article,), entities, (event,), (claim,), (quantity,))


def test_the_page_requests_nothing_from_another_host():
    page = render_html(small_kg())
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", page)
    assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", page)
    assert "default-src 'none'" in page  # the browser refuses any request the page might still try


def test_the_content_security_policy_allows_exactly_the_pages_own_scripts():
    page = render_html(small_kg())
    allowed = set(re.findall(r"'sha256-([^']+)'", page))
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 2
    assert allowed == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert "unsafe-inline" not in re.search(r"script-src[^;]*", page).group(0)


@pytest.mark.parametrize("text", HOSTILE)
def test_article_text_is_data_never_markup(text):
    page = render_html(small_kg(text))
    body = page.split("const KG = ", 1)[1]
    for markup in ("<script", "<img", "</script><b>"):
        assert markup not in body
    data = page_json(page)  # the page parses back, and every string arrives unchanged
    assert data["articles"][0]["title"] == f"Headline {text}"
    assert f"Person {text}" in {e["label"] for e in data["entities"]}
    assert data["claims"][0]["text"] == text
    assert f"X denied {text}." in data["sentences"]


def test_a_placeholder_inside_article_text_is_not_filled():
    page = render_html(small_kg("/*KG_VIS_JS*/"))
    assert page_json(page)["entities"][0]["label"] == "Person /*KG_VIS_JS*/"


def test_the_same_records_give_the_same_bytes():
    assert render_html(small_kg()) == render_html(small_kg())


@pytest.mark.parametrize("kind, group", [
    ("Person", "Person"), ("Country", "Country"), ("City", "Place"), ("AdministrativeArea", "Place"), ("Place", "Place"),
    ("GovernmentOrganization", "Organization"), ("NewsMediaOrganization", "Organization"), ("Organization", "Organization"),
    ("ArmedGroup", "Group"), ("Group", "Group"),
])
def test_each_kind_gets_a_legend_group_with_a_colour_and_a_shape(kind, group):
    assert actor_group(kind) == group
    assert group in STYLE


def test_events_carry_their_plover_type_cameo_code_and_modality():
    event = page_json(render_html(small_kg()))["events"][0]
    assert (event["plover"], event["cameo"], event["modality"]) == ("ASSAULT", "19", "asserted")
    assert (event["source"], event["target"], event["place"], event["date"]) == ("person/x", "country/y", "city/z", "2024-04-30")


def test_fields_the_model_is_gaining_are_read_when_present():
    kg = small_kg(event_extra={"modality": "Intended", "plover": "THREATEN", "cameo": "13", "reported_by": ("country/y",)})
    event = page_json(render_html(kg))["events"][0]
    assert (event["plover"], event["cameo"], event["modality"], event["reporters"]) == ("THREATEN", "13", "intended", ["country/y"])
    assert modality(SimpleNamespace(modality="")) == "asserted"
    assert event_kind(SimpleNamespace(event_type="unknown-type")) == ("UNKNOWN-TYPE", "")


def test_every_fact_points_at_its_sentence_and_article():
    data = page_json(render_html(small_kg()))
    for fact in data["events"] + data["claims"] + data["quantities"]:
        assert fact["evidence"]
        for article, sentence in fact["evidence"]:
            assert data["articles"][article]["id"] == "a1" and data["articles"][article]["url"] == "https://example.com/x"
            assert data["sentences"][sentence].startswith("X ")
    claim = data["claims"][0]
    assert (claim["speaker"], claim["stance"], claim["date"]) == ("person/x", "Deny", "2024-05-01")  # the day it was reported


def test_the_actors_view_leaves_places_to_the_panel_and_the_full_view_has_every_record():
    layouts = page_json(render_html(small_kg()))["layouts"]
    assert set(layouts["actors"]["ids"]) == {"person/x", "country/y"}
    assert set(layouts["full"]["ids"]) == {"person/x", "country/y", "city/z", "event/e1", "claim/c1", "quantity/q1"}


def test_speakers_carry_their_claim_count():
    entities = {e["id"]: e for e in page_json(render_html(small_kg()))["entities"]}
    assert (entities["person/x"]["claims"], entities["country/y"]["claims"]) == (1, 0)


def test_the_layout_is_repeatable_and_separates_communities_and_unlinked_nodes():
    clique = lambda p: [(f"{p}{i}", f"{p}{j}", 1.0) for i in range(5) for j in range(i + 1, 5)]
    nodes = [f"a{i}" for i in range(5)] + [f"b{i}" for i in range(5)] + ["alone"]
    edges = clique("a") + clique("b") + [("a0", "b0", 0.1)]
    sizes = {n: 10.0 for n in nodes}
    first, second = view_layout(nodes, edges, sizes), view_layout(nodes, edges, sizes)
    assert first == second
    community = dict(zip(first["ids"], first["community"]))
    assert community["alone"] == ISOLATED
    assert len({community[f"a{i}"] for i in range(5)}) == 1 and len({community[f"b{i}"] for i in range(5)}) == 1
    assert community["a1"] != community["b1"]


def test_no_two_shapes_of_a_community_overlap_in_the_seed_layout(seed_build):
    kg, _, _ = seed_build
    for view in page_data(kg)["layouts"].values():
        points = np.column_stack([view["x"], view["y"]])
        sizes, community = np.array(view["size"]), np.array(view["community"])
        for c in set(view["community"]) - {ISOLATED}:
            inside = np.flatnonzero(community == c)
            for a in inside:
                for b in inside[inside > a]:
                    assert np.hypot(*(points[a] - points[b])) >= sizes[a] + sizes[b]


def test_close_pairs_are_every_pair_within_reach_in_the_order_of_a_sweep_along_x():
    rng = np.random.default_rng(3)
    points = np.vstack([rng.normal(0, 200, (400, 2)), np.zeros((40, 2))])  # a crowd at one spot too
    reach = 60.0
    a, b = _close_pairs(points, reach)
    rank = np.argsort(np.argsort(points[:, 0], kind="stable"), kind="stable")
    brute = sorted((i, j) if rank[i] < rank[j] else (j, i) for i in range(len(points)) for j in range(i + 1, len(points))
                   if abs(points[i, 0] - points[j, 0]) <= reach and abs(points[i, 1] - points[j, 1]) < reach)
    assert list(zip(a.tolist(), b.tolist())) == sorted(brute, key=lambda p: (rank[p[0]], rank[p[1]]))


def test_a_hub_with_two_thousand_leaves_is_spread_until_no_two_shapes_overlap():
    leaves = [f"leaf{i}" for i in range(2000)]
    view = view_layout(["hub", *leaves], [("hub", leaf, 1.0) for leaf in leaves], {n: 10.0 for n in ["hub", *leaves]})
    assert set(view["community"]) == {0}
    points = np.column_stack([view["x"], view["y"]])
    a, b = _close_pairs(points, 20.0)
    assert (np.hypot(*(points[a] - points[b]).T) >= 20.0).all()


def test_the_seed_viewer_carries_every_record_with_its_headline(seed_build):
    kg, _, out = seed_build
    data = page_json((out / "graph.html").read_text(encoding="utf-8"))
    assert len(data["entities"]) == len(kg.entities) and len(data["events"]) == len(kg.events)
    assert len(data["claims"]) == len(kg.claims) and len(data["quantities"]) == len(kg.quantities)
    assert {a.id for a in kg.articles} <= {a["id"] for a in data["articles"]}
    assert any(a["title"] for a in data["articles"])
    zelensky = next(e for e in data["entities"] if e["label"].startswith("Volodymyr Zelensk"))
    assert zelensky["group"] == "Person" and zelensky["articles"] and zelensky["id"] in data["layouts"]["actors"]["ids"]
    assert all(ev["evidence"] for ev in data["events"])
