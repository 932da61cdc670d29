"""Exports: RDF (``rdf``), networkx formats (``nx``), and the formats other tools load.

``kg build --format`` takes an RDF format (``kg.export.rdf.FORMATS``) or one of
``OTHER_FORMATS``: ``csv`` and ``parquet`` fact tables (``tables/``), ``neo4j``
import files (``neo4j/``) and ``gexf`` for Gephi (``graph.gexf``).
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import ExportError

__all__ = ["OTHER_FORMATS", "write_other_format"]

#: --format name -> what it writes, relative to the export folder
OTHER_FORMATS = {"csv": "tables/", "parquet": "tables/", "neo4j": "neo4j/", "gexf": "graph.gexf"}


def write_other_format(fmt: str, kg, out: Path, base_iri: str | None = None) -> str:
    """Write one of ``OTHER_FORMATS`` into ``out``; returns what it wrote (a file or folder name).

    Only GEXF needs the networkx graph, so only it builds one.
    """
    out = Path(out)
    if fmt in ("csv", "parquet"):
        from kg.export.tables import TABLES_DIR, write_tables

        write_tables(kg, out / TABLES_DIR, fmt, base_iri)
    elif fmt == "neo4j":
        from kg.export.neo4j import write_neo4j

        write_neo4j(kg, out / "neo4j", base_iri)
    elif fmt == "gexf":
        from kg.export.gexf import write_gexf
        from kg.graph import to_networkx

        write_gexf(to_networkx(kg), kg, out / "graph.gexf")
    else:
        raise ExportError(f"unknown format {fmt!r}; choose from {', '.join(OTHER_FORMATS)}")
    return OTHER_FORMATS[fmt]
