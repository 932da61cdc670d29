"""kg: a knowledge-graph builder for news.

Articles in; actors, places, events, claims and quantities out, as RDF,
networkx graphs and an interactive HTML viewer.

>>> from kg import build_graph            # doctest: +SKIP
>>> g = build_graph(["articles/"])       # doctest: +SKIP
>>> g.query("SELECT ?s WHERE { ?s a <https://schema.org/Person> }")  # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["build_graph", "GraphResult", "__version__"]


def __getattr__(name: str):
    # keep `import kg` light: spaCy loads only when a graph is built
    if name in ("build_graph", "GraphResult"):
        from kg import api

        return getattr(api, name)
    raise AttributeError(name)
