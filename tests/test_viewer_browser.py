"""The viewer in headless Chromium, with every request that is not a local file blocked and recorded.

Skipped only when /usr/bin/chromium is missing; CI installs it.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from kg.model import Article, ArticleExtraction, ClaimMention, EventMention, Evidence, KnowledgeGraph, Mention, QuantityMention
from kg.resolve import resolve
from kg.viewer import write_html
from kg.viewer.data import PLACE_KINDS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"
SCRIPT = "<script>document.title='INJECTED'</script>"
IMG = '<img src=x onerror="document.body.dataset.injected=1">'
#: share of drawn nodes whose box (shape plus label) may overlap another's at fit-to-view
MAX_OVERLAP = 0.10


def _benchmark():
    spec = importlib.util.spec_from_file_location("viewer_scale", ROOT / "benchmarks" / "viewer_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _benchmark()


class Visit:
    """One page load: what it requested, said on the console and raised."""

    def __init__(self, page):
        self.page, self.requests, self.errors, self.dialogs = page, [], [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.route("**/*", self._route)

    def _route(self, route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def open(self, path: Path):
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("() => window.kgStable === true", timeout=60_000)
        return self.page


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed (CI installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def visit(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    yield Visit(page)
    page.close()


def nodes(page) -> list[str]:
    return page.evaluate("() => kgViewer.visibleNodes()")


def edges(page) -> list[dict]:
    return page.evaluate("() => kgViewer.visibleEdges()")


def figures(page) -> dict:
    return bench.view_figures(page)


def actors(kg) -> set[str]:
    return {e.key for e in kg.entities if e.kind not in PLACE_KINDS}


def test_the_seed_viewer_opens_on_the_actors_and_asks_no_other_host(visit, seed_build):
    kg, _, out = seed_build
    page = visit.open(out / "graph.html")
    assert set(nodes(page)) == actors(kg)  # people, organisations, countries; places and facts in the panel
    assert page.evaluate("() => Object.keys(kgNetwork.body.nodes).length") == len(actors(kg))
    assert page.locator("#stats").inner_text().startswith(f"Actors: {len(actors(kg))} nodes")
    assert visit.requests == [] and visit.errors == [] and visit.dialogs == []


def test_events_between_actors_are_typed_links_with_counts(visit, seed_build):
    kg, _, out = seed_build
    page = visit.open(out / "graph.html")
    links = [e for e in edges(page) if e["kind"] == "event"]
    known = actors(kg)
    between = [ev for ev in kg.events if ev.source in known and ev.target in known and ev.source != ev.target]
    assert sum(len(e["facts"]) for e in links) == len(between)  # every event between two actors, once
    assert len(links) < len(between)  # repeated ones are merged
    for e in links:
        assert re.fullmatch(r"[A-Z_]+( \(\w+(, \w+)*\))?( ×\d+)?", e["label"])
        assert e["title"].startswith(f"{kg_label(kg, e['from'])} → {kg_label(kg, e['to'])}: {e['label']}")
        modality = {f"event/{ev.key}": getattr(ev, "modality", "asserted") for ev in kg.events}
        assert e["count"] == (len(e["facts"]) if all(modality[f] == "asserted" for f in e["facts"]) else 0)


def kg_label(kg, key: str) -> str:
    return next(e.label for e in kg.entities if e.key == key)


def test_at_fit_to_view_labels_do_not_pile_up_on_the_seed_build(visit, seed_build):
    _, _, out = seed_build
    page = visit.open(out / "graph.html")
    seen = figures(page)
    assert seen["overlap"] < MAX_OVERLAP
    assert seen["labelled"] >= 0.5  # not by hiding every label
    boxes = page.evaluate("() => kgViewer.labelBoxes()")
    assert len(boxes) == seen["nodes"] and all(x0 < x1 and y0 < y1 for x0, y0, x1, y1 in boxes)
    page.click("[data-view=full]")
    seen = figures(page)
    assert seen["nodes"] > 150 and seen["overlap"] < MAX_OVERLAP and seen["labelled"] >= 0.15


def test_at_fit_to_view_labels_do_not_pile_up_on_a_300_article_graph(visit, tmp_path):
    kg = bench.synthetic_kg(300)
    page = visit.open(write_html(kg, tmp_path / "graph.html"))
    seen = figures(page)
    assert seen["nodes"] > 250 and seen["overlap"] < MAX_OVERLAP
    # the best-known actors are the ones named
    labelled = set(page.evaluate("() => kgViewer.labelled()"))
    top = page.evaluate("() => current.nodes.filter(n => entities.has(n.id)).sort((a, b) => b.rank - a.rank).slice(0, 5).map(n => n.id)")
    assert len(labelled & set(top)) >= 4
    assert visit.errors == [] and visit.requests == []


def test_labels_of_smaller_nodes_appear_as_you_zoom_in(visit, tmp_path):
    page = visit.open(write_html(bench.synthetic_kg(300), tmp_path / "graph.html"))
    at_fit = set(page.evaluate("() => kgViewer.labelled()"))
    page.evaluate("() => kgNetwork.moveTo({scale: kgNetwork.getScale() * 4})")
    zoomed = set(page.evaluate("() => kgViewer.labelled()"))
    assert zoomed - at_fit  # names that had no room at fit-to-view
    assert figures(page)["overlap"] < MAX_OVERLAP


def test_filtering_lays_out_again_and_reset_puts_everything_back(visit, seed_build):
    kg, _, out = seed_build
    page = visit.open(out / "graph.html")
    start = page.evaluate("() => ({scale: kgNetwork.getScale(), positions: kgNetwork.getPositions()})")
    page.locator("#legend label", has_text="Country").locator("input").uncheck()
    after = page.evaluate("() => kgNetwork.getPositions()")
    countries = {e.key for e in kg.entities if e.kind == "Country"}
    assert set(after) == actors(kg) - countries
    moved = [n for n in after if (after[n]["x"], after[n]["y"]) != (start["positions"][n]["x"], start["positions"][n]["y"])]
    assert len(moved) > len(after) / 2  # packed again, not left with holes
    page.fill("#search", "Zelenskyy")
    page.press("#search", "Enter")
    page.mouse.wheel(0, -300)
    page.click("#reset")
    assert page.evaluate("() => kgNetwork.getScale()") == pytest.approx(start["scale"])
    assert page.evaluate("() => kgNetwork.getPositions()") == start["positions"]
    assert page.input_value("#search") == "" and page.evaluate("() => window.kgSelected") is None
    assert page.locator("#legend input:not(:checked)").count() == 0


def test_search_by_alias_focuses_zelensky_and_fills_the_side_panel(visit, seed_build):
    kg, _, out = seed_build
    zelensky = next(e for e in kg.entities if e.label.startswith("Volodymyr Zelensk"))
    page = visit.open(out / "graph.html")
    page.fill("#search", "Zelenskyy")
    assert page.locator("#results button").first.inner_text().startswith(zelensky.label)
    page.press("#search", "Enter")
    assert page.evaluate("() => window.kgFocused") == zelensky.key
    assert page.evaluate("() => kgNetwork.getSelectedNodes()") == [zelensky.key]
    details = page.locator("#details").inner_text()
    assert zelensky.label in details and "Person" in details
    assert all(alias in details for alias in zelensky.aliases)
    assert "source articles" in details.lower() and "claims" in details.lower()
    assert zelensky.key in page.evaluate("() => kgViewer.labelled()")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "viewer-focus.png"))
    assert visit.requests == [] and visit.errors == []


def test_the_default_view_screenshot(visit, seed_build):
    _, _, out = seed_build
    page = visit.open(out / "graph.html")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "viewer.png"))
    assert (ARTIFACTS / "viewer.png").stat().st_size > 20_000


def test_the_neighbourhood_view_shows_an_actor_with_what_it_took_part_in(visit, seed_build):
    kg, _, out = seed_build
    zelensky = next(e for e in kg.entities if e.label.startswith("Volodymyr Zelensk"))
    page = visit.open(out / "graph.html")
    assert page.locator("[data-view=ego]").is_disabled()
    page.evaluate(f"() => kgViewer.select({zelensky.key!r})")
    page.click("[data-view=ego]")
    shown = set(nodes(page))
    own = {f"event/{e.key}" for e in kg.events if zelensky.key in (e.source, e.target, e.place)}
    own |= {f"claim/{c.key}" for c in kg.claims if zelensky.key == c.speaker or zelensky.key in c.about}
    assert zelensky.key in shown and own <= shown
    assert figures(page)["overlap"] < MAX_OVERLAP


def seed_dates(kg) -> list[str]:
    return sorted({e.date.isoformat() for e in kg.events if e.date})


def test_the_timeline_brush_filters_by_date_and_undated_facts_stay_unless_hidden(visit, tmp_path):
    kg = bench.synthetic_kg(60)
    page = visit.open(write_html(kg, tmp_path / "graph.html"))
    box = page.locator("#histogram").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=4)
    page.mouse.up()
    low, high = page.evaluate("() => kgViewer.state.range")
    assert low < high
    dates = {f"event/{e.key}": e.date.isoformat() if e.date else "" for e in kg.events}
    shown = {f for e in edges(page) for f in e["facts"] if f.startswith("event/")}
    assert shown and all(dates[f] == "" or low <= dates[f] <= high for f in shown)
    assert any(dates[f] == "" for f in shown)  # undated events stay
    assert any(low <= d <= high for d in dates.values()) and any(d and not low <= d <= high for d in dates.values())
    page.uncheck("#undated")
    shown = {f for e in edges(page) for f in e["facts"] if f.startswith("event/")}
    assert shown and all(low <= dates[f] <= high for f in shown)
    page.click("#clear-range")
    assert page.evaluate("() => kgViewer.state.range") is None


def test_tables_sort_filter_and_focus_the_graph_with_the_evidence(visit, seed_build):
    kg, _, out = seed_build
    page = visit.open(out / "graph.html")
    page.click("#show-tables")
    rows = page.evaluate("() => kgViewer.tableRows()")
    assert len(rows) == len(kg.claims)
    page.click("#t-head th:has-text('stance')")
    page.click("#t-head th:has-text('stance')")  # descending: the Deny claims are not first, Assert are
    page.select_option("#t-stance", "Deny")
    denied = {f"claim/{c.key}" for c in kg.claims if c.stance == "Deny"}
    assert set(page.evaluate("() => kgViewer.tableRows()")) == denied
    page.select_option("#t-stance", "")
    page.click("#tables [data-tab=events]")
    assert len(page.evaluate("() => kgViewer.tableRows()")) == len(kg.events)
    page.locator("#t-head th", has_text="date").click()
    event_dates = [c for c in page.locator("#t-body tr td:first-child").all_inner_texts()]
    assert event_dates == sorted(event_dates)
    page.select_option("#t-type", "CONSULT")
    consult = page.evaluate("() => kgViewer.tableRows()")
    assert consult and all(page.evaluate(f"() => facts.get({fid!r}).plover") == "CONSULT" for fid in consult)
    page.locator("#t-body tr").first.click()
    assert page.evaluate("() => window.kgFocused") == consult[0]
    event = next(e for e in kg.events if f"event/{e.key}" == consult[0])
    details = page.locator("#details").inner_text()
    article = next(a for a in kg.articles if a.id == event.evidence[0].article_id)
    assert event.evidence[0].sentence.split("\n")[0][:40] in details
    assert (article.title or article.id) in details
    assert visit.errors == []


def test_events_that_did_not_happen_are_drawn_apart_and_not_counted(visit, tmp_path, seed_build):
    kg, _, _ = seed_build
    known = actors(kg)
    first = next(e for e in kg.events if e.source in known and e.target in known and e.source != e.target)
    intended = SimpleNamespace(**{**replace(first, key="intended-one").__dict__, "modality": "intended"})
    page = visit.open(write_html(replace(kg, events=kg.events + (intended,)), tmp_path / "graph.html"))
    link = next(e for e in edges(page) if "event/intended-one" in e["facts"])
    assert link["facts"] == ["event/intended-one"] and link["count"] == 0 and "(intended)" in link["label"]
    assert page.evaluate(f"() => kgNetwork.body.edges[{_edge_id(page, 'event/intended-one')!r}].options.dashes") is not False
    counted = sum(e["count"] for e in edges(page) if e["kind"] == "event")
    assert f"{counted} events counted" in page.locator("#stats").inner_text()
    assert counted == sum(1 for e in kg.events if e.source in known and e.target in known and e.source != e.target
                          and getattr(e, "modality", "asserted") == "asserted")


def _edge_id(page, fact: str) -> str:
    return page.evaluate(f"() => current.links.find(l => l.facts.includes({fact!r})).id")


def test_a_big_graph_opens_on_communities_that_open_on_click(visit, tmp_path):
    kg = bench.synthetic_kg(900)
    page = visit.open(write_html(kg, tmp_path / "graph.html"))
    page.evaluate("() => kgViewer.setView('full')")
    grouped = [n for n in nodes(page) if n.startswith("group/")]
    assert grouped and len(nodes(page)) < 5000
    assert "grouped" in page.locator("#stats").inner_text()
    before = len(nodes(page))
    page.evaluate(f"() => kgViewer.select({grouped[0]!r})")
    position = page.evaluate(f"() => kgNetwork.canvasToDOM(kgNetwork.getPositions([{grouped[0]!r}])[{grouped[0]!r}])")
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    assert len(nodes(page)) > before and grouped[0] not in nodes(page)
    assert figures(page)["overlap"] < MAX_OVERLAP
    assert visit.errors == []


def hostile_kg() -> KnowledgeGraph:
    """A graph resolved from one article whose headline, names and sentences carry markup and script."""
    name = f"Evil {IMG} Name"
    aid = "evil-article"
    person = Mention(text=name, name=name, kind="Person", article_id=aid, start=0, end=len(name))
    country = Mention(text="Ruritania", name="Ruritania", kind="Country", article_id=aid, start=0, end=9)
    evidence = Evidence(aid, f"{name} met Ruritania {SCRIPT} and said \"{IMG}\".", 0, 10)
    article = Article(id=aid, text=f"{SCRIPT} {name} met Ruritania.", title=f"{SCRIPT} Headline {IMG} \"quoted\"",
                      url="javascript:alert(1)", date=dt.date(2024, 1, 1))
    extraction = ArticleExtraction(
        article, (person, country), (EventMention("meet", "meet", person, country, evidence),),
        (ClaimMention(person, "Deny", f"{SCRIPT} nothing happened", "direct", "deny", (country,), evidence),),
        (QuantityMention(Decimal(5), "USD", f"$5 {IMG}", IMG, (country,), evidence),), 10)
    return resolve([extraction])


def test_html_and_script_in_an_article_are_shown_and_never_run(visit, tmp_path):
    kg = hostile_kg()
    path = write_html(kg, tmp_path / "graph.html", title=f"{SCRIPT} title")
    page = visit.open(path)
    assert len(nodes(page)) == 2
    page.evaluate("() => kgViewer.setView('full')")
    assert len(nodes(page)) == len(kg.entities) + len(kg.events) + len(kg.claims) + len(kg.quantities)
    page.select_option("#article", "0")
    page.fill("#search", "Evil")
    page.press("#search", "Enter")
    details = page.locator("#details").inner_text()
    assert f"Evil {IMG} Name" in details and "claims (1, 1 denied)" in details.lower()
    page.evaluate(f"() => kgViewer.focusFact({'claim/' + kg.claims[0].key!r})")
    details = page.locator("#details").inner_text()
    assert SCRIPT in details and "javascript:alert(1)" in details  # evidence and the URL, as text
    page.click("#show-tables")
    assert SCRIPT in page.locator("#tables").inner_text()
    assert "Headline" in page.locator("#article").inner_text()
    assert page.evaluate("() => document.title") == f"{SCRIPT} title"
    assert page.evaluate("() => document.body.dataset.injected") is None
    assert page.evaluate("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("() => [...document.querySelectorAll('a[href]')].every(a => /^https?:/.test(a.href))")
    assert page.evaluate("() => document.scripts.length") == 2
    assert visit.dialogs == [] and visit.errors == [] and visit.requests == []


def test_evidence_links_to_the_article_when_it_has_a_web_address(visit, tmp_path):
    kg = bench.synthetic_kg(20)
    page = visit.open(write_html(kg, tmp_path / "graph.html"))
    claim = kg.claims[0]
    page.evaluate(f"() => kgViewer.focusFact({'claim/' + claim.key!r})")
    link = page.locator("#details cite a").first
    article = next(a for a in kg.articles if a.id == claim.evidence[0].article_id)
    assert link.get_attribute("href") == article.url and link.get_attribute("rel") == "noopener noreferrer"
    assert article.title in page.locator("#details cite").first.inner_text()


def test_the_scale_benchmark_runs_on_a_small_synthetic_graph(browser, tmp_path):
    kg = bench.synthetic_kg(40)
    result = bench.measure(write_html(kg, tmp_path / "graph.html"), browser, full=True)
    assert result["default"]["nodes"] > 0 and result["full"]["nodes"] > result["default"]["nodes"]
    assert result["blocked"] == [] and result["full"]["overlap"] < MAX_OVERLAP
