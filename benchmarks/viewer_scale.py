"""How the HTML viewer copes with size, and how readable it is at first sight.

Two sources of graphs:

* ``--synthetic N``: a KnowledgeGraph of records shaped like a build of N articles (actors in stories, a
  few hubs, events mostly within a story, many claims, figures), made directly, in a second;
* ``--build DIR``: a real build of the articles in DIR (e.g. ``../shared/seeds``), through the pipeline.

For each it writes the viewer page, opens it in headless Chromium (1400x900, every non-file request
blocked) and prints: seconds until drawn, nodes and links drawn, the share of drawn nodes whose box
(shape plus label) overlaps another's at fit-to-view, and the share that carry a label.  ``--full``
also opens the full graph view and times it (the 5,000-visible-node case).

    python benchmarks/viewer_scale.py --synthetic 300
    python benchmarks/viewer_scale.py --synthetic 1200 --full        # about 5,000 nodes in the full view
    python benchmarks/viewer_scale.py --build ../shared/seeds
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from kg.model import Article, Claim, Entity, Event, Evidence, KnowledgeGraph, Quantity
from kg.viewer import write_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
_KINDS = [("Person", 0.55), ("Country", 0.1), ("Organization", 0.2), ("GovernmentOrganization", 0.05), ("City", 0.1)]
_EVENT_TYPES = ["meet", "visit", "accuse", "sanction", "aid", "trade", "attack", "praise", "reject", "demand"]


def synthetic_kg(n_articles: int = 300, *, seed: int = 7) -> KnowledgeGraph:
    """Records in the proportions of a real 300-article build (per article: ~7 actors, 0.5-5 events, ~4 claims)."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    articles = tuple(Article(id=f"a{i:05d}", text="", title=f"Headline {i}", url=f"https://news.example/{i}",
                             date=start + dt.timedelta(days=rng.randrange(400)) if rng.random() < 0.9 else None)
                     for i in range(n_articles))
    n_entities = 8 * n_articles
    stories = max(3, n_articles // 12)
    kinds = rng.choices([k for k, _ in _KINDS], weights=[w for _, w in _KINDS], k=n_entities)
    story_of = [min(stories - 1, int(rng.paretovariate(0.9)) - 1) if i % 3 else rng.randrange(stories) for i in range(n_entities)]
    members: dict[int, list[int]] = {}
    for i, s in enumerate(story_of):
        members.setdefault(s, []).append(i)

    def pick(story: int) -> int:
        pool = members[story] if rng.random() < 0.85 else range(n_entities)
        return pool[min(len(pool) - 1, int(rng.paretovariate(1.1)) - 1)]  # a few hubs, a long tail

    def evidence(k: int) -> tuple[Evidence, ...]:
        return tuple(Evidence(rng.choice(articles).id, f"Sentence {rng.randrange(10**6)} about it.", 0, 10) for _ in range(k))

    mentions: dict[int, int] = {i: 1 + int(rng.paretovariate(1.3)) for i in range(n_entities)}
    keys = [f"{kinds[i].lower()}/e{i}" for i in range(n_entities)]
    events, claims, quantities = [], [], []
    for k in range(int(1.5 * n_articles)):
        story = rng.randrange(stories)
        a, b = pick(story), pick(story)
        if a == b or kinds[a] == "City" or kinds[b] == "City":
            continue
        date = start + dt.timedelta(days=rng.randrange(400)) if rng.random() < 0.6 else None
        place = next((i for i in members[story] if kinds[i] == "City"), None)
        events.append(Event(f"ev{k}", rng.choice(_EVENT_TYPES), "do", keys[a], keys[b], keys[place] if place is not None and rng.random() < 0.3 else None,
                            date, evidence(rng.randint(1, 3)), label=f"e{a} acts on e{b}"))
    for k in range(4 * n_articles):
        story = rng.randrange(stories)
        speaker, about = pick(story), pick(story)
        if kinds[speaker] == "City":
            continue
        claims.append(Claim(f"c{k}", keys[speaker], "Deny" if rng.random() < 0.1 else "Assert", f"claim number {k} about e{about}",
                            "direct", "say", (keys[about],) if about != speaker else (), evidence(rng.randint(1, 2))))
    for k in range(n_articles):
        about = pick(rng.randrange(stories))
        quantities.append(Quantity(f"q{k}", Decimal(rng.randrange(1, 1000)), "USD", f"${k} billion", "trade", (keys[about],), "",
                                   evidence(1)))
    entities = tuple(Entity(keys[i], f"{kinds[i]} {i} of story {story_of[i]}", kinds[i], mention_count=mentions[i],
                            articles=tuple(sorted({rng.choice(articles).id for _ in range(min(5, mentions[i]))})))
                     for i in range(n_entities))
    return KnowledgeGraph(articles, entities, tuple(events), tuple(claims), tuple(quantities))


def built_kg(folder: Path) -> KnowledgeGraph:
    """A real build of the articles in ``folder`` (no exports kept)."""
    from kg.config import Settings
    from kg.pipeline import build

    with tempfile.TemporaryDirectory() as out:
        kg, _ = build([folder], Path(out), Settings(cache=False))
    return kg


def overlap_share(boxes: list[list[float]]) -> float:
    """Share of boxes that overlap at least one other box."""
    def touch(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    hit = sum(1 for i, a in enumerate(boxes) if any(touch(a, b) for j, b in enumerate(boxes) if j != i))
    return hit / len(boxes) if boxes else 0.0


def open_page(browser, path: Path):
    """A 1400x900 page on ``path`` with every non-file request blocked (listed in ``page.blocked``)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.blocked = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
               else (page.blocked.append(route.request.url), route.abort()))
    return page


def view_figures(page) -> dict:
    """What is drawn now: nodes, links, overlapping share, labelled share."""
    boxes = page.evaluate("() => kgViewer.labelBoxes()")
    nodes = page.evaluate("() => kgViewer.visibleNodes().length")
    return {"nodes": nodes, "links": page.evaluate("() => kgViewer.visibleEdges().length"), "overlap": overlap_share(boxes),
            "labelled": len(page.evaluate("() => kgViewer.labelled()")) / max(1, nodes)}


def measure(path: Path, browser, *, full: bool = False, timeout_s: float = 120) -> dict:
    """Open the page; seconds until drawn, the default view's figures, and the full view's when asked."""
    page = open_page(browser, path)
    start = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => window.kgStable === true", timeout=timeout_s * 1000, polling=50)
    result = {"seconds": time.perf_counter() - start, "default": view_figures(page)}
    if full:
        seconds = page.evaluate("""() => new Promise(done => {
            const t = performance.now();
            kgViewer.setView("full");  // lays out and draws before it returns
            requestAnimationFrame(() => done((performance.now() - t) / 1000));
        })""")
        result["full"] = view_figures(page) | {"seconds": seconds}
    result["blocked"] = page.blocked
    page.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--synthetic", type=int, metavar="ARTICLES")
    source.add_argument("--build", type=Path, metavar="DIR")
    parser.add_argument("--full", action="store_true", help="also open and time the full graph view")
    parser.add_argument("--out", type=Path, default=None, help="keep the page here (default: a temporary file)")
    args = parser.parse_args()
    kg = synthetic_kg(args.synthetic) if args.synthetic else built_kg(args.build)
    print(f"records: {len(kg.articles)} articles, {len(kg.entities)} entities, {len(kg.events)} events, "
          f"{len(kg.claims)} claims, {len(kg.quantities)} quantities")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = args.out or Path(tmp) / "graph.html"
        start = time.perf_counter()
        write_html(kg, path, title="viewer benchmark")
        print(f"write_html: {time.perf_counter() - start:.2f} s, {path.stat().st_size / 1e6:.2f} MB")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        r = measure(path, browser, full=args.full)
        browser.close()
    for name in ("default", "full"):
        if name in r:
            v = r[name]
            when = f"drawn {r['seconds']:.2f} s after opening" if name == "default" else f"drawn {v['seconds']:.2f} s after switching"
            print(f"{name} view: {v['nodes']} nodes, {v['links']} links, {when}; at fit-to-view {v['overlap']:.1%} of nodes "
                  f"overlap another, {v['labelled']:.0%} labelled")
    print(f"requests blocked: {len(r['blocked'])}")


if __name__ == "__main__":
    main()
