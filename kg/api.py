"""The notebook API: build a graph and get networkx, rdflib, SPARQL and the viewer from one object."""
from __future__ import annotations

import html
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from kg.config import Settings
from kg.model import KnowledgeGraph
from kg.pipeline import BuildReport, build

__all__ = ["build_graph", "GraphResult"]


class GraphResult:
    """A built knowledge graph and every view of it a notebook user needs.

    Attributes are computed on first use: ``networkx`` (MultiDiGraph),
    ``actors`` (weighted actor graph), ``rdf`` (rdflib Graph), ``store``
    (pyoxigraph store for fast SPARQL).
    """

    def __init__(self, kg: KnowledgeGraph, report: BuildReport, settings: Settings, out: Path | None):
        self.kg, self.report, self.settings, self.out = kg, report, settings, out

    @cached_property
    def networkx(self):
        from kg.graph import to_networkx

        return to_networkx(self.kg)

    @cached_property
    def actors(self):
        from kg.graph import actor_graph

        return actor_graph(self.kg)

    @cached_property
    def rdf(self):
        from kg.export.rdf import to_rdf

        return to_rdf(self.kg, self.settings.base_iri)

    @cached_property
    def store(self):
        import pyoxigraph as ox

        from kg.export.rdf import serialize

        store = ox.Store()
        store.load(serialize(self.rdf, "nt"), format=ox.RdfFormat.N_TRIPLES)
        return store

    def query(self, sparql: str) -> list[dict]:
        """Run SPARQL (text, a .rq path or a competency question name such as 'cq2_meetings'); rows as dicts."""
        from kg.query import read_query, run_query

        names, rows = run_query(self.store, read_query(sparql))
        return [dict(zip(names, row)) for row in rows]

    def query_df(self, sparql: str):
        """Like :meth:`query`, as a pandas DataFrame."""
        import pandas as pd

        from kg.query import read_query, run_query

        names, rows = run_query(self.store, read_query(sparql))
        return pd.DataFrame(rows, columns=names)

    def html(self) -> str:
        """The viewer page as a string."""
        from kg.viewer import render_html, summarise

        shown, note = summarise(self.networkx, self.settings.viewer_max_nodes)
        return render_html(shown, title=f"kg: {len(self.kg.articles)} articles", note=note, articles=self.kg.articles)

    def show(self, height: int = 650):
        """Display the viewer inline in Jupyter (a sandboxed iframe; works offline)."""
        from IPython.display import HTML

        return HTML(self._iframe(height))

    def _iframe(self, height: int = 650) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html(), quote=True)}" style="width:100%;height:{height}px;border:0" '
                'sandbox="allow-scripts"></iframe>')

    def _repr_html_(self) -> str:
        r = self.report
        return (f"<b>kg graph</b>: {r.articles} articles, {r.entities} entities, {r.events} events, "
                f"{r.claims} claims, {r.quantities} quantities")

    def __repr__(self) -> str:
        r = self.report
        return f"<GraphResult {r.articles} articles, {r.entities} entities, {r.events} events, {r.claims} claims, {r.quantities} quantities>"


def build_graph(paths: Iterable[str | Path] | None = None, *, out: str | Path | None = None,
                settings: Settings | None = None, **options) -> GraphResult:
    """Build a knowledge graph from files/folders (default: the bundled samples).

    ``out`` writes the export files there too; ``options`` override
    :class:`kg.config.Settings` fields (e.g. ``base_iri=...``).
    """
    settings = settings or Settings(**options)
    out_path = Path(out) if out is not None else None
    kg, report = build([Path(p) for p in paths] if paths else None, out_path, settings)
    return GraphResult(kg, report, settings, out_path)
