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
from dataclasses import replace
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError

__all__ = ["export_files", "load_store", "run_query", "competency_questions", "read_query", "parameters",
           "bind_values", "term_value", "named_graph_hint", "labels_of", "with_labels", "in_period", "within_period"]

_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
            ".jsonld": ox.RdfFormat.JSON_LD, ".nq": ox.RdfFormat.N_QUADS, ".rdf": ox.RdfFormat.RDF_XML}
_DATASETS = (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
#: one file is enough for the default graph; the first of these found is used
_GRAPH_FILES = ("graph.ttl", "graph.nt", "graph.jsonld")
_MERGE_NAMED_GRAPHS = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_VALUES = re.compile(r'VALUES\s+\?(\w+)\s*\{\s*"((?:[^"\\]|\\.)*)"\s*\}')
_NUMBERS = {"http://www.w3.org/2001/XMLSchema#integer": int, "http://www.w3.org/2001/XMLSchema#decimal": Decimal,
            "http://www.w3.org/2001/XMLSchema#double": float}


#: the folder of an export holding its N-Triples shards (a Dask build's, kg.pipeline.shards), and their names
SHARD_FOLDER, SHARD_NAME = "nt", "graph-{:05d}.nt"


def shard_files(folder: Path) -> list[Path]:
    """The N-Triples shards of an export folder, in order (none if it has none)."""
    return sorted((Path(folder) / SHARD_FOLDER).glob("graph-*.nt"))


def export_files(folder: Path) -> list[Path]:
    """The files of an export folder worth loading: its N-Triples shards (a Dask build's) or one graph file, the TriG file and the ontology."""
    folder = Path(folder)
    graph = shard_files(folder) or [folder / name for name in _GRAPH_FILES if (folder / name).is_file()][:1]
    extra = [folder / name for name in ("graph.trig", "ontology.ttl") if (folder / name).is_file()]
    files = graph + extra
    if not files:
        raise QueryError(f"{folder}: no graph.ttl, graph.nt, graph.jsonld or graph.trig in this folder")
    return files


def _rdf_format(path: Path) -> ox.RdfFormat:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: not an RDF file this tool reads ({', '.join(sorted(_FORMATS))})")
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
            raise QueryError(f"{path}: no such file")
        try:
            if fmt in _DATASETS:
                has_datasets = True
                store.bulk_load(path=str(path), format=fmt)
            else:
                store.bulk_load(path=str(path), format=fmt, to_graph=ox.DefaultGraph())
        except (OSError, SyntaxError) as exc:
            raise QueryError(f"{path}: {exc}") from None
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
    try:
        result = store.query(sparql)
    except SyntaxError as exc:
        raise QueryError(str(exc)) from None
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
    """A query given as SPARQL text, a .rq file path or a competency question name.

    A single word is a question name (no SPARQL query is one word), so a typo
    says so instead of failing as SPARQL:

    >>> read_query("cq9_nothing")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: no such question 'cq9_nothing'; `kg questions` lists them
    """
    questions = competency_questions()
    if query in questions:
        return questions[query]
    path = Path(query)
    if query.endswith(".rq"):
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        return path.read_text(encoding="utf-8")
    if re.fullmatch(r"[A-Za-z_][\w-]*", query.strip()):
        raise QueryError(f"no such question {query.strip()!r}; `kg questions` lists them")
    return query


_GRAPH = re.compile(r"\bGRAPH\b", re.I)
_IRI = re.compile(r"^https?://\S+$")


def named_graph_hint(store: ox.Store, sparql: str) -> str | None:
    """Why a ``GRAPH ?article { ... }`` query finds nothing, when the data has no named graphs; else None."""
    if not _GRAPH.search(re.sub(r"#[^\n]*", "", sparql)) or next(iter(store.named_graphs()), None) is not None:
        return None
    return ("this query uses GRAPH, but the data has no named graphs (one per article): build with "
            "`kg build --format trig` to write graph.trig, then query the export folder")


def labels_of(store: ox.Store, values) -> dict[str, str]:
    """IRI -> rdfs:label (an article's is its headline) for the IRIs among ``values`` that have one."""
    iris = sorted({v for v in values if isinstance(v, str) and _IRI.match(v)})
    if not iris:
        return {}
    listed = " ".join(f"<{i}>" for i in iris if ">" not in i and " " not in i)
    result = store.query("SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { " + listed + " } "
                         "?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } GROUP BY ?s")
    return {row["s"].value: row["label"].value for row in result}  # type: ignore[union-attr]


def with_labels(store: ox.Store, names: list[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """The rows with a ``NAME_label`` column after every column of IRIs that have labels.

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("https://e.org/x"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("X")))
    >>> with_labels(store, ["s"], [("https://e.org/x",)])
    (['s', 's_label'], [('https://e.org/x', 'X')])
    """
    labels = labels_of(store, (v for row in rows for v in row))
    labelled = [i for i, name in enumerate(names) if any(row[i] in labels for row in rows if isinstance(row[i], str))
                and f"{name}_label" not in names]
    if not labelled:
        return names, rows
    out_names = [n for i, name in enumerate(names) for n in ([name, f"{name}_label"] if i in labelled else [name])]
    out_rows = [tuple(v for i, value in enumerate(row) for v in ([value, labels.get(value)] if i in labelled else [value]))
                for row in rows]
    return out_names, out_rows


def in_period(day, since=None, until=None) -> bool:
    """Whether a date lies in [since, until] (either bound may be None); an unknown date is in no bounded period."""
    if since is None and until is None:
        return True
    return day is not None and (since is None or day >= since) and (until is None or day <= until)


def within_period(kg, since=None, until=None):
    """The part of a ``KnowledgeGraph`` in a period: events by their own date (an undated event by its
    articles' publication dates), claims and quantities by their articles' publication dates; the articles
    and entities those facts need are kept, so the result is a consistent graph.  Mention counts stay
    those of the whole corpus.
    """
    from kg.model import KnowledgeGraph

    if since is None and until is None:
        return kg
    published = {a.id: a.date for a in kg.articles}

    def in_period_evidence(record):
        """The record told only by the articles published in the period (None if none is)."""
        kept = tuple(e for e in record.evidence if in_period(published.get(e.article_id), since, until))
        return replace(record, evidence=kept) if kept else None

    events = tuple(e if e.date is not None else in_period_evidence(e) for e in kg.events
                   if in_period(e.date, since, until) or e.date is None)
    events = tuple(e for e in events if e is not None)
    claims = tuple(c for c in map(in_period_evidence, kg.claims) if c is not None)
    quantities = tuple(q for q in map(in_period_evidence, kg.quantities) if q is not None)
    articles = {a.id for a in kg.articles if in_period(a.date, since, until)}
    articles |= {a for record in (*events, *claims, *quantities) for a in record.articles}
    articles |= {a.duplicate_of for a in kg.articles if a.id in articles and a.duplicate_of}
    needed = {k for e in events for k in (e.source, e.target, e.place) if k}
    needed |= {k for c in claims for k in (c.speaker, *c.about, *(c.statement[1:] if c.statement else ())) if k}
    needed |= {k for q in quantities for k in q.about}
    needed |= {k for a in articles for k in kg.mentions.get(a, ())}
    by_key = {e.key: e for e in kg.entities}
    frontier = needed
    while frontier:  # the organisations and countries a kept entity points to, and theirs
        frontier = {k for key in frontier if key in by_key for k in (*by_key[key].affiliations, by_key[key].nationality) if k} - needed
        needed |= frontier
    kept_claims, kept_quantities = {c.key for c in claims}, {q.key for q in quantities}
    claims = tuple(replace(c, contradicts=tuple(k for k in c.contradicts if k in kept_claims),
                           quantities=tuple(k for k in c.quantities if k in kept_quantities)) for c in claims)
    return KnowledgeGraph(
        articles=tuple(a for a in kg.articles if a.id in articles),
        entities=tuple(e for e in kg.entities if e.key in needed),
        events=events, claims=claims, quantities=quantities,
        mentions={a: keys for a, keys in kg.mentions.items() if a in articles})


def parameters(sparql: str) -> dict[str, str]:
    """The query's parameters: each ``VALUES ?name { "default" }`` clause with one string."""
    return {name: value for name, value in _VALUES.findall(sparql)}


def bind_values(sparql: str, values: dict[str, str]) -> str:
    """Replace the default of each named parameter; unknown names are an error."""
    unknown = set(values) - set(parameters(sparql))
    if unknown:
        known = ", ".join(sorted(parameters(sparql))) or "none"
        raise QueryError(f"unknown parameter {sorted(unknown)[0]!r}; this query's parameters: {known}")

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        escaped = values[name].replace("\\", "\\\\").replace('"', '\\"')
        return f'VALUES ?{name} {{ "{escaped}" }}'

    return _VALUES.sub(replace, sparql)
