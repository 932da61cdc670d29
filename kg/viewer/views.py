"""The two laid-out views of the page, as nodes, weighted links and node sizes.

* ``actors``: people, organisations, countries and groups; links are the events between two of them
  (every modality), who speaks about whom, and memberships.  Places and figures stay in the panel.
* ``full``: every entity, event, claim and quantity as a node, linked by its roles.

The third view, one actor's neighbourhood, is small enough for the page to lay out as rings.
"""
from __future__ import annotations

import math
from collections import Counter

from kg.viewer.layout import view_layout

__all__ = ["actor_importance", "layouts"]

#: weight of one link of each kind in the layout: events pull hardest, talk about someone least
_WEIGHTS = {"event": 1.0, "affiliation": 1.0, "claim": 0.4}


def actor_importance(records: dict) -> dict[str, float]:
    """How much an actor matters to the story: mentions, plus three per event and one per claim it takes part in."""
    score = Counter({e["id"]: e["mentions"] for e in records["entities"]})
    for ev in records["events"]:
        for role in ("source", "target"):
            if ev[role]:
                score[ev[role]] += 3
    for c in records["claims"]:
        for actor in {c["speaker"], *c["about"]} - {None}:
            score[actor] += 1
    return dict(score)


def _size(importance: float, base: float = 5.0, cap: float = 22.0) -> float:
    return round(min(cap, base + 2.6 * math.log2(1 + importance)), 1)


def _actors(records: dict) -> tuple[list[str], list, dict[str, float]]:
    actors = [e["id"] for e in records["entities"] if e["group"] != "Place"]
    known = set(actors)
    edges = [(ev["source"], ev["target"], _WEIGHTS["event"]) for ev in records["events"]
             if ev["source"] in known and ev["target"] in known]
    edges += [(c["speaker"], about, _WEIGHTS["claim"]) for c in records["claims"] if c["speaker"] in known
              for about in c["about"] if about in known]
    edges += [(e["id"], a, _WEIGHTS["affiliation"]) for e in records["entities"] if e["id"] in known
              for a in e["affiliations"] if a in known]
    importance = actor_importance(records)
    return actors, edges, {a: _size(importance[a]) for a in actors}


def _full(records: dict) -> tuple[list[str], list, dict[str, float]]:
    importance = actor_importance(records)
    nodes = [e["id"] for e in records["entities"]]
    sizes = {e["id"]: _size(importance[e["id"]]) for e in records["entities"]}
    edges = [(e["id"], a, 1.0) for e in records["entities"] for a in e["affiliations"]]
    for ev in records["events"]:
        nodes.append(ev["id"])
        sizes[ev["id"]] = _size(ev["sources"], 5.0, 12.0)
        edges += [(ev["id"], ev[role], 1.0) for role in ("source", "target", "place") if ev[role]]
    for c in records["claims"]:
        nodes.append(c["id"])
        sizes[c["id"]] = _size(c["sources"], 4.0, 10.0)
        edges += [(c["id"], other, 1.0) for other in [c["speaker"], *c["about"]] if other]
    claim_ids = {c["id"] for c in records["claims"]}
    edges += [(c["id"], other, 0.5) for c in records["claims"] for other in c["contradicts"] if other in claim_ids]
    for q in records["quantities"]:
        nodes.append(q["id"])
        sizes[q["id"]] = _size(q["sources"], 4.0, 10.0)
        edges += [(q["id"], about, 1.0) for about in q["about"]]
    return nodes, edges, sizes


def layouts(records: dict) -> dict[str, dict]:
    """``{view: {"ids", "community", "x", "y", "size"}}`` for the actors and full views."""
    out = {}
    for name, make in (("actors", _actors), ("full", _full)):
        nodes, edges, sizes = make(records)
        out[name] = view_layout(nodes, edges, sizes) | {"size": [sizes[n] for n in nodes]}
    return out
