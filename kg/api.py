"""The notebook API: build a graph and get networkx, rdflib, SPARQL and the viewer from one object."""
from __future__ import annotations

import html
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from kg.config import Settings
from kg.errors import ConfigError
from kg.model import KnowledgeGraph
from kg.pipeline import BuildReport, build

__all__ = ["build_graph", "GraphResult"]


class GraphResult:
    """A built knowledge graph and every view of it a notebook user needs.

    Attributes are computed on first use: ``networkx`` (MultiDiGraph),
    ``actors`` (weighted actor graph), ``rdf`` (rdflib Graph), ``store``
    (pyoxigraph store for fast SPARQL); ``tables()`` gives the fact tables as
    pandas DataFrames and ``between(since, until)`` the graph of a period.
    """

    def __init__(self, kg: KnowledgeGraph | None, report: BuildReport, settings: Settings, out: Path | None):
        self._kg, self._report, self.settings, self.out = kg, report, settings, out

    @property
    def kg(self) -> KnowledgeGraph:
        """The records; a build on a Dask cluster leaves them in its export folder, read by ``store`` and ``query``."""
        if self._kg is None:
            raise ConfigError(f"this graph was built on a Dask cluster and is not held in this process: use .query() or "
                              f".store, which read the export in {self.out}, or build without workers for the records")
        return self._kg

    @property
    def report(self) -> BuildReport:
        """What the build did; ``triples`` is the size of ``rdf`` also when nothing was exported."""
        if not self._report.triples and self._kg is not None and (self._kg.articles or self._kg.entities):
            self._report.triples = len(self.rdf)
        return self._report

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

        if self._kg is None:
            from kg.query import load_store

            return load_store(self.out)
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

    def tables(self) -> dict:
        """The fact tables (``kg.export.tables.TABLES``) as pandas DataFrames: one row per fact, IRIs and labels,
        lists as child tables (``entity_aliases``, ``claim_about``, ...) that merge back on the IRI columns."""
        from kg.export.tables import fact_tables

        return fact_tables(self.kg, self.settings.base_iri)

    def between(self, since=None, until=None) -> "GraphResult":
        """The graph of a period (dates or "YYYY-MM-DD"): events by their date, other facts by publication date."""
        import datetime as dt

        from kg.query import within_period

        def day(value):
            return dt.date.fromisoformat(value) if isinstance(value, str) else value

        part = within_period(self.kg, day(since), day(until))
        report = BuildReport(inputs=self._report.inputs, articles=len(part.articles),
                             duplicates=sum(1 for a in part.articles if a.duplicate_of), entities=len(part.entities),
                             events=len(part.events), claims=len(part.claims), quantities=len(part.quantities))
        return GraphResult(part, report, self.settings, None)

    def html(self) -> str:
        """The viewer page as a string."""
        from kg.viewer import render_html

        return render_html(self.kg, title=f"kg: {len(self.kg.articles)} articles")

    def show(self, height: int = 650):
        """Display the viewer inline in Jupyter (a sandboxed iframe; works offline)."""
        from IPython.display import HTML

        return HTML(self._iframe(height))

    def _iframe(self, height: int = 650) -> str:
        # inside a <div>: IPython warns about HTML that starts with <iframe> (it suggests IFrame, which needs a URL)
        return (f'<div><iframe srcdoc="{html.escape(self.html(), quote=True)}" style="width:100%;height:{height}px;border:0" '
                'sandbox="allow-scripts"></iframe></div>')

    def _repr_html_(self) -> str:
        r = self._report
        return (f"<b>kg graph</b>: {r.articles} articles, {r.entities} entities, {r.events} events, "
                f"{r.claims} claims, {r.quantities} quantities")

    def __repr__(self) -> str:
        r = self._report
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
