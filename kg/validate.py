"""Check exported RDF against the SHACL shapes of the data model (``kg/data/shapes.ttl``).

>>> from rdflib import Graph
>>> validate(Graph()).conforms
True
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.errors import InputError
from kg.vocab import PREFIXES, RDF, RDFS

__all__ = ["Violation", "ValidationReport", "shapes_graph", "read_graph", "validate", "validate_file"]

#: file suffix -> rdflib parser; datasets (TriG, N-Quads) are read as the union of their graphs
_PARSERS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig", ".nq": "nquads", ".rdf": "xml"}


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with every IRI already shortened for people."""

    severity: str  #: "Violation", "Warning" or "Info"
    focus: str  #: the node that breaks the rule, e.g. "<https://example.org/kg/claim/ab12>"
    focus_label: str  #: its rdfs:label, or its class, when it has one
    path: str  #: the property, e.g. "kg:stance" ("" for node-level rules)
    message: str
    value: str = ""  #: the offending value, when there is one

    def __str__(self) -> str:
        where = f"{self.focus} ({self.focus_label})" if self.focus_label else self.focus
        line = f"{self.severity}: {where}"
        line += f" {self.path}: {self.message}" if self.path else f": {self.message}"
        return line + (f"\n    value: {self.value}" if self.value else "")


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, and every violation found."""

    conforms: bool
    violations: tuple[Violation, ...]

    def __str__(self) -> str:
        if self.conforms:
            return "conforms to the kg shapes"
        head = f"{len(self.violations)} problem(s) with the kg shapes:"
        return "\n".join([head, *(f"- {v}" for v in self.violations)])


def shapes_graph() -> Graph:
    """The SHACL shapes shipped with kg."""
    with resources.as_file(resources.files("kg") / "data" / "shapes.ttl") as path:
        return Graph().parse(path, format="turtle")


def read_graph(path: Path) -> Graph:
    """Parse an RDF file (or an export folder's ``graph.ttl``) into one graph."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.ttl"
    parser = _PARSERS.get(path.suffix.lower())
    if parser is None:
        raise InputError(f"{path}: not an RDF file this tool reads ({', '.join(sorted(_PARSERS))})")
    if parser in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(path, format=parser)
        union = Graph()
        for s, p, o, _ in ds.quads():
            union.add((s, p, o))
        return union
    return Graph().parse(path, format=parser)


def _short(term, g: Graph) -> str:
    """A compact readable form of an RDF term: a prefixed name, an <IRI> or a quoted literal."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if term.startswith(str(ns)) and len(term) > len(str(ns)):
                return f"{prefix}:{term[len(str(ns)):]}"
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term) if len(term) <= 80 else str(term)[:77] + "..."
        kind = f"^^{_short(term.datatype, g)}" if term.datatype else (f"@{term.language}" if term.language else "")
        return f'"{text}"{kind}'
    if (term, SH.alternativePath, None) in g:
        return "|".join(_short(item, g) for item in g.items(g.value(term, SH.alternativePath)))
    return str(term)


def _focus_label(node, data: Graph) -> str:
    label = data.value(node, RDFS.label)
    if label is not None:
        return str(label)[:60]
    kinds = sorted(_short(k, data) for k in data.objects(node, RDF.type))
    return ", ".join(kinds)


def _violation(result, results: Graph, data: Graph) -> Violation:
    focus, value = results.value(result, SH.focusNode), results.value(result, SH.value)
    severity = results.value(result, SH.resultSeverity)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    return Violation(
        severity=str(severity).rsplit("#", 1)[-1],
        focus=_short(focus, data),
        focus_label=_focus_label(focus, data),
        path=_short(results.value(result, SH.resultPath), results),
        message="; ".join(messages) or "breaks " + _short(results.value(result, SH.sourceShape), results),
        value="" if value == focus else _short(value, data),
    )


def validate(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``data`` against ``shapes`` (default: the kg shapes); no inference is done."""
    from pyshacl import validate as shacl_validate

    conforms, results, _ = shacl_validate(data, shacl_graph=shapes or shapes_graph(), inference="none",
                                          advanced=True, allow_warnings=True)
    found = {_violation(r, results, data) for r in results.subjects(RDF.type, SH.ValidationResult)}
    violations = sorted(found, key=lambda v: (v.severity, v.focus, v.path, v.message, v.value))
    return ValidationReport(bool(conforms), tuple(violations))


def validate_file(path: Path, shapes: Path | None = None) -> ValidationReport:
    """Validate an RDF file or an export folder (its ``graph.ttl``) against the kg shapes or ``shapes``."""
    try:
        graphs = read_graph(path), read_graph(shapes) if shapes else None
    except InputError:
        raise
    except (OSError, ValueError, SyntaxError) as exc:  # rdflib's parsers raise these for a broken file
        raise InputError(f"{exc}") from None
    return validate(*graphs)
