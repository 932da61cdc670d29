"""The viewer in headless Chromium, with every request that is not a local file blocked and recorded.

Skipped only when /usr/bin/chromium is missing; CI installs it.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from kg.graph import to_networkx
from kg.model import Article, ArticleExtraction, ClaimMention, EventMention, Evidence, Mention, QuantityMention
from kg.resolve import resolve
from kg.viewer import write_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
SCRIPT = "<script>document.title='INJECTED'</script>"
IMG = '<img src=x onerror="document.body.dataset.injected=1">'


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


def count(page, what: str) -> int:
    return page.evaluate(f"() => window.kgData.{what}.length")


def test_the_seed_viewer_draws_the_graph_and_asks_no_other_host(visit, seed_build):
    kg, _, out = seed_build
    page = visit.open(out / "graph.html")
    drawn = page.evaluate("() => [Object.keys(kgNetwork.body.nodes).length, Object.keys(kgNetwork.body.edges).length]")
    assert drawn[0] == len(kg.entities) + len(kg.events) + len(kg.claims) + len(kg.quantities)
    assert drawn[1] == count(page, "edges") > 100
    assert page.locator("#stats").inner_text().startswith(f"{drawn[0]} of {drawn[0]} nodes")
    assert visit.requests == [] and visit.errors == [] and visit.dialogs == []


def test_search_by_alias_focuses_zelensky_and_fills_the_side_panel(visit, seed_build):
    kg, _, out = seed_build
    zelensky = next(e for e in kg.entities if e.label.startswith("Volodymyr Zelensk"))
    page = visit.open(out / "graph.html")
    page.fill("#search", "Zelenskyy")
    assert page.locator("#results button").first.inner_text() == zelensky.label
    page.press("#search", "Enter")
    assert page.evaluate("() => window.kgFocused") == zelensky.key
    assert page.evaluate("() => kgNetwork.getSelectedNodes()") == [zelensky.key]
    details = page.locator("#details").inner_text()
    assert zelensky.label in details and "Person" in details
    assert all(alias in details for alias in zelensky.aliases)
    assert "source articles" in details.lower() and "evidence" in details.lower()
    # the neighbourhood stays in colour, the rest is dimmed
    dimmed = page.evaluate("() => kgData.nodes.get({filter: n => n.color === DIM}).map(n => n.id)")
    neighbours = page.evaluate(f"() => kgNetwork.getConnectedNodes({zelensky.key!r})")
    assert dimmed and zelensky.key not in dimmed and not set(neighbours) & set(dimmed)
    page.wait_for_timeout(400)  # let the focus animation finish
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "viewer.png"))
    assert visit.requests == [] and visit.errors == []


def test_filters_by_type_event_type_and_article(visit, seed_build):
    kg, _, out = seed_build
    page = visit.open(out / "graph.html")
    total = count(page, "nodeView")
    page.locator("#legend label", has_text="Claim").first.locator("input").uncheck()
    assert count(page, "nodeView") == total - sum(1 for c in kg.claims if c.stance != "Deny")
    page.click("#reset")
    assert count(page, "nodeView") == total
    page.click("#event-filter summary")
    page.locator("#events label", has_text="visit").locator("input").uncheck()
    assert count(page, "nodeView") == total - sum(1 for e in kg.events if e.event_type == "visit")
    article = kg.articles[0].id
    page.select_option("#article", article)
    shown = page.evaluate("() => kgData.nodeView.get().map(n => n.id)")
    assert shown and all(article in n for n in page.evaluate("() => kgData.nodeView.get().map(n => n.articles)"))
    assert count(page, "edgeView") < count(page, "edges")


def hostile_graph():
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
    kg = resolve([extraction])
    return to_networkx(kg), kg.articles


def test_html_and_script_in_an_article_are_shown_and_never_run(visit, tmp_path):
    g, articles = hostile_graph()
    path = write_html(g, tmp_path / "graph.html", title=f"{SCRIPT} title", articles=articles)
    page = visit.open(path)
    assert count(page, "nodeView") == g.number_of_nodes()
    page.select_option("#article", "evil-article")
    page.fill("#search", "Evil")
    page.press("#search", "Enter")
    details = page.locator("#details").inner_text()
    assert f"Evil {IMG} Name" in details and SCRIPT in details  # shown as text, evidence included
    assert "Headline" in page.locator("#article").inner_text()
    assert page.evaluate("() => document.title") == f"{SCRIPT} title"
    assert page.evaluate("() => document.body.dataset.injected") is None
    assert page.evaluate("() => document.querySelectorAll('img, iframe, object, embed, a[href]').length") == 0
    assert page.evaluate("() => document.scripts.length") == 2
    assert visit.dialogs == [] and visit.errors == [] and visit.requests == []


def test_the_scale_benchmark_runs_on_a_small_synthetic_graph(browser, tmp_path):
    import importlib.util

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "viewer_scale.py"
    spec = importlib.util.spec_from_file_location("viewer_scale", script)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    g = bench.synthetic_graph(300, 900)
    assert (g.number_of_nodes(), g.number_of_edges()) == (300, 900)
    result = bench.load_in_browser(write_html(g, tmp_path / "graph.html"), browser)
    assert (result["nodes"], result["edges"]) == (300, 900)
    assert result["blocked_requests"] == [] and result["moved_px"] == 0
