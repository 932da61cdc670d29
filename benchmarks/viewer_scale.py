"""How the HTML viewer copes with a big graph: 5,000 nodes and 15,000 edges.

Builds a synthetic graph shaped like :func:`kg.graph.to_networkx` output
(entities, events, claims and quantities with the same attributes), writes
the viewer page, opens it in headless Chromium with every non-file request
blocked, and prints the time until the network is laid out and still, and
the HTML file size.

    python benchmarks/viewer_scale.py [--nodes 5000] [--edges 15000] [--out graph-5k.html]
"""
from __future__ import annotations

import argparse
import itertools
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.viewer import write_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
_KINDS = [("Person", 0.2), ("Country", 0.03), ("City", 0.05), ("Organization", 0.12), ("Event", 0.3),
          ("Claim", 0.25), ("Quantity", 0.05)]
_EVENT_TYPES = ["meet", "visit", "accuse", "sanction", "aid", "trade", "attack", "praise"]


def synthetic_graph(n_nodes: int = 5000, n_edges: int = 15000, *, seed: int = 7, n_articles: int = 400) -> nx.MultiDiGraph:
    """A random graph with the node and edge attributes the viewer reads; hubs get more edges."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    kinds = rng.choices([k for k, _ in _KINDS], weights=[w for _, w in _KINDS], k=n_nodes)
    for i, kind in enumerate(kinds):
        articles = sorted({f"a{rng.randrange(n_articles):04d}" for _ in range(rng.randint(1, 4))})
        attrs = {"kind": kind, "label": f"{kind} {i}", "articles": "; ".join(articles)}
        if kind == "Event":
            attrs |= {"node_type": "event", "event_type": rng.choice(_EVENT_TYPES), "source_count": len(articles),
                      "evidence": "\n".join(f"[{a}] Sentence about event {i}." for a in articles)}
        elif kind == "Claim":
            attrs |= {"node_type": "claim", "stance": rng.choice(["Assert", "Assert", "Deny"]), "text": f"claim {i}",
                      "source_count": len(articles), "evidence": f"[{articles[0]}] Someone said claim {i}."}
        elif kind == "Quantity":
            attrs |= {"node_type": "quantity", "value_text": str(i), "unit": "USD", "source_count": 1}
        else:
            attrs |= {"node_type": "entity", "aliases": f"alias {i}", "mention_count": int(rng.paretovariate(1.2))}
        g.add_node(f"n{i}", **attrs)
    hubs = list(itertools.accumulate(1.0 / (1 + i) ** 0.6 for i in range(n_nodes)))  # a few hubs, a long tail
    edges: set[tuple[int, int, str]] = set()
    while len(edges) < n_edges:
        u, v = rng.randrange(n_nodes), rng.choices(range(n_nodes), cum_weights=hubs)[0]
        if u != v:
            edges.add((u, v, rng.choice(["about", "source_actor", "target_actor", "attributed_to", "place"])))
    for u, v, relation in sorted(edges):
        g.add_edge(f"n{u}", f"n{v}", key=relation, relation=relation)
    return g


def load_in_browser(path: Path, browser=None, timeout_s: float = 120) -> dict:
    """Open the page headless (in ``browser`` if given); seconds until the viewer is drawn and still, counts, moves."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return load_in_browser(path, browser, timeout_s)
            finally:
                browser.close()
    blocked: list[str] = []
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
               else (blocked.append(route.request.url), route.abort()))
    start = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => window.kgStable === true", timeout=timeout_s * 1000, polling=50)
    seconds = time.perf_counter() - start
    counts = page.evaluate("() => ({nodes: kgNetwork.body.data.nodes.length, edges: kgNetwork.body.data.edges.length})")
    before = page.evaluate("() => kgNetwork.getPositions()")
    page.wait_for_timeout(2000)
    after = page.evaluate("() => kgNetwork.getPositions()")
    moved = max(abs(before[n]["x"] - after[n]["x"]) + abs(before[n]["y"] - after[n]["y"]) for n in before)
    page.close()
    return {"seconds_to_stable": seconds, "blocked_requests": blocked, "moved_px": moved, **counts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--out", type=Path, default=None, help="keep the page here (default: a temporary file)")
    args = parser.parse_args()
    g = synthetic_graph(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.out or Path(tmp) / "graph.html"
        start = time.perf_counter()
        write_html(g, path, title=f"synthetic {args.nodes} nodes")
        render_s = time.perf_counter() - start
        result = load_in_browser(path)
        size = path.stat().st_size
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    print(f"write_html: {render_s:.2f} s")
    print(f"HTML file: {size / 1e6:.2f} MB")
    print(f"browser: {result['nodes']} nodes, {result['edges']} edges drawn; "
          f"stable after {result['seconds_to_stable']:.2f} s; largest move in the next 2 s: {result['moved_px']:.1f} px; "
          f"requests blocked: {len(result['blocked_requests'])}")


if __name__ == "__main__":
    main()
