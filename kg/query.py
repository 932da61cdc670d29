"""SPARQL over exported RDF with pyoxigraph, plus the data model's competency questions.

pyoxigraph is 10-1000x faster than rdflib's own engine on large graphs; the
queries are plain SPARQL 1.1, so any endpoint (``kg serve``) answers them the
same way.

How exports are loaded: the default graph holds the whole knowledge graph (the
Turtle, N-Triples or JSON-LD file, the union of every TriG graph, and the
``ontology.ttl`` beside them), and a TriG file's per-article named graphs are
kept too, so ``GRAPH ?article { ... }`` asks which article a fact comes from.

A competency question may have parameters: a ``VALUES ?name { "default" }``
line that ``bind_values`` replaces (``kg query cq4_speaker_claims -p speaker="Xi Jinping"``).

>>> sorted(competency_questions())[:2]
['cq1_actors', 'cq2_meetings']
>>> parameters(read_query("cq4_speaker_claims"))
{'speaker': 'Vladimir Putin'}
"""
from __future__ import annotations

import re
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

__all__ = ["export_files", "load_store", "run_query", "competency_questions", "read_query", "parameters",
           "bind_values", "term_value"]

_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
            ".jsonld": ox.RdfFormat.JSON_LD, ".nq": ox.RdfFormat.N_QUADS, ".rdf": ox.RdfFormat.RDF_XML}
_DATASETS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
#: one file is enough for the default graph; the first of these found is used
_GRAPH_FILES = ("graph.ttl", "graph.nt", "graph.jsonld")
_MERGE_NAMED_GRAPHS = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_VALUES = re.compile(r'VALUES\s+\?(\w+)\s*\{\s*"((?:[^"\\]|\\.)*)"\s*\}')
_NUMBERS = {"http://www.w3.org/2001/XMLSchema#integer": int, "http://www.w3.org/2001/XMLSchema#decimal": Decimal,
            "http://www.w3.org/2001/XMLSchema#double": float}


def export_files(folder: Path) -> list[Path]:
    """The files of an export folder worth loading: one graph file, the TriG file and the ontology."""
    folder = Path(folder)
    graph = next((folder / name for name in _GRAPH_FILES if (folder / name).is_file()), None)
    extra = [folder / name for name in ("graph.trig", "ontology.ttl") if (folder / name).is_file()]
    files = ([graph] if graph else []) + extra
    if not files:
        raise ValueError(f"{folder}: no graph.ttl, graph.nt, graph.jsonld or graph.trig in this folder")
    return files


def _rdf_format(path: Path) -> ox.RdfFormat:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: not an RDF file this tool reads ({', '.join(sorted(_FORMATS))})")
    return fmt


def load_store(paths: list[Path] | Path, store: ox.Store | None = None) -> ox.Store:
    """A store (in memory unless given) holding every RDF file or export folder given."""
    store = ox.Store() if store is None else store
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    files = [f for item in map(Path, items) for f in (export_files(item) if item.is_dir() else [item])]
    has_datasets = False
    for path in files:
        fmt = _rdf_format(path)
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such file")
        if fmt in _DATASETS:
            has_datasets = True
            store.bulk_load(path=str(path), format=fmt)
        else:
            store.bulk_load(path=str(path), format=fmt, to_graph=ox.DefaultGraph())
    if has_datasets:
        store.update(_MERGE_NAMED_GRAPHS)
    return store


def term_value(term) -> object:
    """A plain Python value for an oxigraph term: numbers as int/Decimal/float, everything else as a string."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value in _NUMBERS:
        try:
            return _NUMBERS[term.datatype.value](term.value)
        except (ArithmeticError, ValueError):
            return term.value
    return term.value


def run_query(store: ox.Store, sparql: str) -> tuple[list[str], list[tuple]]:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query; returns column names and rows of plain values."""
    result = store.query(sparql)
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [(bool(result),)]
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return names, [tuple(term_value(row[name]) for name in names) for row in result]
    return ["subject", "predicate", "object"], [tuple(term_value(t) for t in triple) for triple in result]


def competency_questions() -> dict[str, str]:
    """Name -> SPARQL text of each shipped competency question."""
    folder = resources.files("kg") / "queries"
    return {p.name[:-3]: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir(), key=lambda p: p.name) if p.name.endswith(".rq")}


def read_query(query: str) -> str:
    """A query given as SPARQL text, a .rq file path or a competency question name."""
    questions = competency_questions()
    if query in questions:
        return questions[query]
    path = Path(query)
    if query.endswith(".rq"):
        if not path.is_file():
            raise FileNotFoundError(f"{query}: no such query file")
        return path.read_text(encoding="utf-8")
    return query


def parameters(sparql: str) -> dict[str, str]:
    """The query's parameters: each ``VALUES ?name { "default" }`` clause with one string."""
    return {name: value for name, value in _VALUES.findall(sparql)}


def bind_values(sparql: str, values: dict[str, str]) -> str:
    """Replace the default of each named parameter; unknown names are an error."""
    unknown = set(values) - set(parameters(sparql))
    if unknown:
        known = ", ".join(sorted(parameters(sparql))) or "none"
        raise ValueError(f"unknown parameter {sorted(unknown)[0]!r}; this query's parameters: {known}")

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        escaped = values[name].replace("\\", "\\\\").replace('"', '\\"')
        return f'VALUES ?{name} {{ "{escaped}" }}'

    return _VALUES.sub(replace, sparql)
