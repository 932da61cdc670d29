"""Where each node of a view sits: communities laid out one by one, with no two shapes overlapping.

The page packs communities side by side (and unlinked nodes in their own area) itself, from these
coordinates, every time a filter changes what is shown; here each community gets its own
Fruchterman-Reingold picture, centred on 0, scaled to a fixed link length and pushed apart until no
two node shapes touch.  Communities come from igraph's multilevel (Louvain) modularity; both it and
the layout are seeded, so the same graph gives the same numbers.
"""
from __future__ import annotations

import math
import random
from collections import defaultdict

import igraph
import numpy as np

__all__ = ["ISOLATED", "view_layout"]

#: community number of a node with no link in its view: the page gives these their own area
ISOLATED = -1
#: mean link length inside a community, in vis-network units
LINK_LENGTH = 90.0
#: empty space kept between two node shapes, as a share of their radii
_GAP = 1.6
#: communities larger than this use the grid variant of Fruchterman-Reingold (linear instead of quadratic per step)
_GRID_ABOVE = 200
#: a cell and the neighbours after it (the rest see it as their neighbour): every pair of cells compared once
_NEIGHBOUR_CELLS = ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1))
#: candidate pairs compared at once when looking for shapes that touch: bounds the memory of one round
_PAIR_CHUNK = 1_000_000
#: share of a large community's picture its node shapes (with their gaps) may cover before the picture is spread
_FILL = 0.5


def _merged_edges(index: dict[str, int], edges) -> dict[tuple[int, int], float]:
    merged: dict[tuple[int, int], float] = defaultdict(float)
    for u, v, weight in edges:
        a, b = index[u], index[v]
        if a != b:
            merged[(min(a, b), max(a, b))] += weight
    return merged


def _communities(n: int, merged: dict[tuple[int, int], float]) -> list[int]:
    """Community number per node (largest community first, ties by first node); ISOLATED for unlinked nodes."""
    pairs = sorted(merged)
    g = igraph.Graph(n=n, edges=pairs)
    membership = g.community_multilevel(weights=[merged[p] for p in pairs]).membership if pairs else [0] * n
    degree = g.degree()
    members: dict[int, list[int]] = defaultdict(list)
    for node, community in enumerate(membership):
        if degree[node]:
            members[community].append(node)
    order = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    result = [ISOLATED] * n
    for number, nodes in enumerate(order):
        for node in nodes:
            result[node] = number
    return result


def _close_pairs(points: np.ndarray, reach: float) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs of points at most ``reach`` apart in x and less in y, in the order of a sweep along x.

    Points are binned into square cells of side ``reach``, and only points of the same or a neighbouring
    cell are compared, a bounded number of candidates at a time: work and memory grow with the pairs that
    are close, not with the points sharing a strip of x (a sweep along x alone made 24 million candidate
    pairs per round in one 11,000-node community of a 4,000-article graph, and 10 GB at 10,000 articles).
    """
    n = len(points)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(points[:, 0], kind="stable")] = np.arange(n)
    cells = np.floor(points / reach).astype(np.int64)
    cells -= cells.min(axis=0)
    width = int(cells[:, 1].max()) + 3
    key = cells[:, 0] * width + cells[:, 1] + 1
    by_cell = np.argsort(key, kind="stable")
    sorted_key = key[by_cell]
    position = np.empty(n, dtype=np.int64)
    position[by_cell] = np.arange(n)
    lows, highs = [], []
    for dx, dy in _NEIGHBOUR_CELLS:
        target = key + dx * width + dy
        end = np.searchsorted(sorted_key, target, side="right")
        start = position + 1 if (dx, dy) == (0, 0) else np.searchsorted(sorted_key, target, side="left")
        counts = end - start
        total = np.cumsum(counts)
        cuts = np.searchsorted(total, np.arange(_PAIR_CHUNK, int(total[-1]), _PAIR_CHUNK), side="right")
        for owners in np.split(np.arange(n), cuts):
            if not len(owners):
                continue
            own_counts = counts[owners]
            a = np.repeat(owners, own_counts)
            offsets = np.arange(len(a)) - np.repeat(np.cumsum(own_counts) - own_counts, own_counts)
            b = by_cell[np.repeat(start[owners], own_counts) + offsets]
            near = (np.abs(points[a, 0] - points[b, 0]) <= reach) & (np.abs(points[a, 1] - points[b, 1]) < reach)
            a, b = a[near], b[near]
            first = rank[a] < rank[b]
            lows.append(np.where(first, a, b))
            highs.append(np.where(first, b, a))
    low, high = np.concatenate(lows), np.concatenate(highs)
    order = np.lexsort((rank[high], rank[low]))
    return low[order], high[order]


def _separate(points: np.ndarray, radii: np.ndarray, rounds: int = 40) -> np.ndarray:
    """Push overlapping shapes apart (each pair by half of what they lack) until none overlap."""
    if len(points) < 2:
        return points
    reach = 2 * radii.max() * (1 + _GAP)
    for _ in range(rounds):
        i, j = _close_pairs(points, reach)
        delta = points[j] - points[i]
        dist = np.hypot(delta[:, 0], delta[:, 1])
        need = (radii[i] + radii[j]) * (1 + _GAP)
        short = dist < need
        if not short.any():
            break
        i, j, delta, dist, need = i[short], j[short], delta[short], dist[short], need[short]
        stuck = dist < 1e-6  # the same spot: part them along a fixed, pair-dependent direction
        angle = (i[stuck] * 7 + j[stuck] * 13) % 360 * math.pi / 180
        delta[stuck] = np.column_stack([np.cos(angle), np.sin(angle)])
        dist[stuck] = 1.0
        push = delta / dist[:, None] * ((need - dist) / 2)[:, None]
        n = len(points)
        moves = np.column_stack([np.bincount(j, push[:, k], n) - np.bincount(i, push[:, k], n) for k in (0, 1)])
        points = points + moves
    return points


def _room(points: np.ndarray, radii: np.ndarray) -> float:
    """How far to spread a large picture so that its area can hold its shapes at :data:`_FILL`.

    At a fixed mean link length, Fruchterman-Reingold squeezes a community of thousands of nodes (hubs
    with hundreds of leaves) into a fiftieth of the room its shapes need, and pushing them apart then
    runs all its rounds without ending; the picture's area is that of a disc of the same spread.
    """
    need = float((np.pi * (radii * (1 + _GAP)) ** 2).sum())
    spread_x, spread_y = points.std(axis=0)
    area = 4 * math.pi * float(spread_x) * float(spread_y)
    return max(1.0, math.sqrt(need / (_FILL * area))) if area else 1.0


def _community_picture(nodes: list[int], merged: dict[tuple[int, int], float], radii: np.ndarray) -> np.ndarray:
    """Coordinates of one community's nodes, centred on 0, from the links ``merged`` between them."""
    if len(nodes) == 1:
        return np.zeros((1, 2))
    local = {n: i for i, n in enumerate(nodes)}
    pairs = sorted((local[a], local[b]) for a, b in merged)
    if len(nodes) == 2:
        points = np.array([[-LINK_LENGTH / 2, 0.0], [LINK_LENGTH / 2, 0.0]])
    else:
        g = igraph.Graph(n=len(nodes), edges=pairs)
        weights = [merged[(nodes[a], nodes[b])] for a, b in pairs]
        points = np.array(g.layout_fruchterman_reingold(weights=weights, niter=300, grid=len(nodes) > _GRID_ABOVE).coords)
        ends = np.array(pairs).reshape(-1, 2)
        mean = float(np.hypot(*(points[ends[:, 0]] - points[ends[:, 1]]).T).mean()) if len(ends) else 0.0
        points = points * (LINK_LENGTH / mean if mean else 1.0)
        if len(nodes) > _GRID_ABOVE:
            points = points * _room(points, radii[nodes])
    points = _separate(points, radii[nodes])
    return points - points.mean(axis=0)


def view_layout(nodes: list[str], edges, sizes: dict[str, float], *, seed: int = 7) -> dict[str, list]:
    """``{"ids", "community", "x", "y"}`` for one view's nodes and weighted ``(u, v, weight)`` links.

    >>> out = view_layout(["a", "b", "c"], [("a", "b", 1.0)], {"a": 10, "b": 10, "c": 10})
    >>> out["community"], out["y"]
    ([0, 0, -1], [0.0, 0.0, 0.0])
    """
    index = {n: i for i, n in enumerate(nodes)}
    merged = _merged_edges(index, edges)
    radii = np.array([float(sizes[n]) for n in nodes]) if nodes else np.zeros(0)
    # FR and Louvain draw random numbers: a seeded generator makes them repeatable
    igraph.set_random_number_generator(random.Random(seed))
    try:
        community = _communities(len(nodes), merged)
        members: dict[int, list[int]] = defaultdict(list)
        for node, number in enumerate(community):
            if number != ISOLATED:
                members[number].append(node)
        inside: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)  # each community's own links
        for (a, b), weight in merged.items():
            if community[a] == community[b] != ISOLATED:
                inside[community[a]][(a, b)] = weight
        coords = np.zeros((len(nodes), 2))
        for number in sorted(members):
            coords[members[number]] = _community_picture(members[number], inside[number], radii)
    finally:
        igraph.set_random_number_generator(random)
    return {"ids": nodes, "community": community,
            "x": [round(float(x), 1) + 0.0 for x in coords[:, 0]], "y": [round(float(y), 1) + 0.0 for y in coords[:, 1]]}
