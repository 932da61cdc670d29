"""Neo4j: CSV files for ``neo4j-admin database import`` and a Cypher script that loads the same files with ``LOAD CSV``.

One file per node label (``nodes_Event.csv``, ``nodes_Person.csv``: an entity
kind is a label of its own, beside ``Entity``) and per relationship type
(``rels_SOURCE_ACTOR.csv``), with headers in the import tool's form: ``iri:ID``
(one ID space: IRIs are unique over the whole graph), typed properties
(``mention_count:int``, ``date:date``, ``aliases:string[]``) and
``:START_ID``/``:END_ID``/``:TYPE`` on relationships; the command line gives
each node file its labels (``--nodes=Resource:Entity:Person=nodes_Person.csv``).
Every node has the label ``Resource`` with its IRI in ``iri``, as neosemantics (n10s) does.
List values are separated by U+001F (``--array-delimiter=U+001F``), a
character ingest removes from every text, so no value is ever split wrongly.
``import.sh`` holds the ``neo4j-admin`` command, ``load.cypher`` the script.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kg.atomic import atomic_open, write_text
from kg.export.tables import fact_tables
from kg.model import KnowledgeGraph

__all__ = ["ARRAY_DELIMITER", "neo4j_frames", "write_neo4j"]

ARRAY_DELIMITER = "\x1f"
_ID, _START, _END, _TYPE = "iri:ID", ":START_ID", ":END_ID", ":TYPE"

#: node label -> (table, IRI column, [(property, column, neo4j type)])
_NODES = {
    "Article": ("articles", "article_iri", [("label", "label", "string"), ("headline", "headline", "string"),
                                            ("url", "url", "string"), ("canonical_url", "canonical_url", "string"),
                                            ("published", "published", "date"), ("author", "author", "string"),
                                            ("publisher", "publisher", "string"), ("section", "section", "string"),
                                            ("source_path", "source_path", "string"), ("content_hash", "content_hash", "string")]),
    "Entity": ("entities", "entity_iri", [("label", "label", "string"), ("kind", "kind", "string"), ("type_iri", "type_iri", "string"),
                                          ("mention_count", "mention_count", "int"), ("article_count", "article_count", "int")]),
    "Event": ("events", "event_iri", [("label", "label", "string"), ("event_type", "event_type", "string"),
                                      ("event_type_label", "event_type_label", "string"), ("cameo", "cameo", "string"),
                                      ("plover", "plover", "string"), ("trigger", "trigger", "string"), ("date", "date", "date"),
                                      ("date_basis", "date_basis", "string"), ("source_count", "source_count", "int")]),
    "Claim": ("claims", "claim_iri", [("label", "text", "string"), ("text", "text", "string"), ("stance", "stance", "string"),
                                      ("quote_type", "quote_type", "string"), ("cue", "cue", "string"),
                                      ("statement_type", "statement_type", "string"), ("source_count", "source_count", "int")]),
    "Quantity": ("quantities", "quantity_iri", [("label", "label", "string"), ("value", "value", "double"),
                                                ("unit", "unit", "string"), ("description", "description", "string"),
                                                ("period", "period", "string"), ("source_count", "source_count", "int")]),
}
#: node label -> [(list property, child table, value column)]
_LISTS = {"Entity": [("aliases", "entity_aliases", "alias"), ("job_titles", "entity_job_titles", "job_title"),
                     ("same_as", "entity_same_as", "same_as_iri")]}
#: relationship type -> (table, start column, end column)
_RELATIONSHIPS = {
    "MENTIONS": ("mentions", "article_iri", "entity_iri"),
    "DUPLICATE_OF": ("articles", "article_iri", "duplicate_of_iri"),
    "AFFILIATED_WITH": ("entity_affiliations", "entity_iri", "affiliation_iri"),
    "NATIONALITY": ("entities", "entity_iri", "nationality_iri"),
    "SOURCE_ACTOR": ("events", "event_iri", "source_iri"),
    "TARGET_ACTOR": ("events", "event_iri", "target_iri"),
    "IN_PLACE": ("events", "event_iri", "place_iri"),
    "ATTRIBUTED_TO": ("claims", "claim_iri", "speaker_iri"),
    "STATES_SUBJECT": ("claims", "claim_iri", "statement_subject_iri"),
    "STATES_OBJECT": ("claims", "claim_iri", "statement_object_iri"),
    "ABOUT": ("claim_about", "claim_iri", "entity_iri"),
    "CONTRADICTS": ("claim_contradicts", "claim_iri", "contradicts_iri"),
    "CITES_QUANTITY": ("claim_quantities", "claim_iri", "quantity_iri"),
    "QUANTITY_ABOUT": ("quantity_about", "quantity_iri", "entity_iri"),
    "DERIVED_FROM": ("evidence", "fact_iri", "article_iri"),
}
_CYPHER_VALUE = {"string": "row.`{h}`", "int": "toInteger(row.`{h}`)", "double": "toFloat(row.`{h}`)",
                 "date": "date(row.`{h}`)", "string[]": "split(row.`{h}`, '\\u001F')"}


def _cell(value) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def _node_frames(label: str, tables: dict[str, pd.DataFrame]) -> dict[str, tuple[str, pd.DataFrame]]:
    """File name -> (its labels, its frame): one for ``label``, or one per entity kind."""
    table, id_column, props = _NODES[label]
    source = tables[table]
    df = pd.DataFrame({_ID: source[id_column]})
    for prop, column, kind in props:
        df[f"{prop}:{kind}"] = [_cell(v) for v in source[column]]
    for prop, child, column in _LISTS.get(label, []):
        values = tables[child].groupby(id_column, sort=False)[column].agg(lambda s: ARRAY_DELIMITER.join(s))
        df[f"{prop}:string[]"] = df[_ID].map(values)
    if label != "Entity":
        return {label: (f"Resource:{label}", df)}
    return {kind: (f"Resource:Entity:{kind}", df[source["kind"] == kind].reset_index(drop=True))
            for kind in sorted(set(source["kind"]))}


def _relationship_frame(kind: str, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    table, start, end = _RELATIONSHIPS[kind]
    source = tables[table].dropna(subset=[end])
    if kind == "DERIVED_FROM":  # one relationship per fact and article, its sentences as a list
        grouped = source.groupby([start, end], sort=True)["sentence"].agg(lambda s: ARRAY_DELIMITER.join(dict.fromkeys(s)))
        df = grouped.reset_index().rename(columns={start: _START, end: _END, "sentence": "evidence:string[]"})
        df[_TYPE] = kind
        return df[[_START, _END, _TYPE, "evidence:string[]"]]
    df = pd.DataFrame({_START: source[start].astype(str), _END: source[end].astype(str)}).drop_duplicates()
    df[_TYPE] = kind
    return df.sort_values([_START, _END]).reset_index(drop=True)


def neo4j_frames(kg: KnowledgeGraph, base_iri: str | None = None) -> tuple[dict[str, tuple[str, pd.DataFrame]], dict[str, pd.DataFrame]]:
    """(node file name -> (labels, frame), relationship type -> frame), with import-tool headers as column names."""
    tables = fact_tables(kg, base_iri)
    nodes = {name: pair for label in _NODES for name, pair in _node_frames(label, tables).items()}
    relationships = {kind: _relationship_frame(kind, tables) for kind in _RELATIONSHIPS}
    return nodes, relationships


def _import_command(nodes: dict, relationships: dict) -> str:
    args = [f"  --nodes={labels}=import/nodes_{name}.csv" for name, (labels, _) in nodes.items()]
    args += [f"  --relationships=import/rels_{kind}.csv" for kind, df in relationships.items() if len(df)]
    return ("#!/bin/sh\n# Copy these files into $NEO4J_HOME/import, stop Neo4j, then run this from $NEO4J_HOME.\n"
            "# Creates the database 'neo4j' (it must not exist yet; add --overwrite-destination to replace it).\n"
            "bin/neo4j-admin database import full neo4j --id-type=string --array-delimiter=U+001F --multiline-fields=true \\\n"
            + " \\\n".join(args) + "\n")


def _properties(df: pd.DataFrame, skip: tuple[str, ...]) -> str:
    parts = []
    for header in df.columns:
        if header in skip:
            continue
        name, kind = header.split(":", 1)
        parts.append(f"{name}: {_CYPHER_VALUE[kind].format(h=header)}")
    return ", ".join(parts)


def _cypher(nodes: dict[str, pd.DataFrame], relationships: dict[str, pd.DataFrame]) -> str:
    lines = ["// Load the kg export into Neo4j with LOAD CSV: copy the CSV files into Neo4j's import folder, then run",
             "// this script (cypher-shell -f load.cypher, or paste it into Neo4j Browser).",
             "CREATE CONSTRAINT kg_resource_iri IF NOT EXISTS FOR (n:Resource) REQUIRE n.iri IS UNIQUE;", ""]
    for name, (labels, df) in nodes.items():
        lines += [f"LOAD CSV WITH HEADERS FROM 'file:///nodes_{name}.csv' AS row",
                  f"CREATE (n:{labels} {{iri: row.`{_ID}`, {_properties(df, (_ID,))}}});", ""]
    for kind, df in relationships.items():
        if not len(df):
            continue
        props = _properties(df, (_START, _END, _TYPE))
        lines += [f"LOAD CSV WITH HEADERS FROM 'file:///rels_{kind}.csv' AS row",
                  f"MATCH (a:Resource {{iri: row.`{_START}`}}), (b:Resource {{iri: row.`{_END}`}})",
                  f"CREATE (a)-[:{kind}{' {' + props + '}' if props else ''}]->(b);", ""]
    return "\n".join(lines)


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    with atomic_open(path, "w", encoding="utf-8", newline="") as handle:
        df.to_csv(handle, index=False, lineterminator="\n")


def write_neo4j(kg: KnowledgeGraph, folder: Path, base_iri: str | None = None) -> list[Path]:
    """Write the node and relationship CSV files, ``import.sh`` and ``load.cypher`` into ``folder``."""
    folder = Path(folder)
    nodes, relationships = neo4j_frames(kg, base_iri)
    paths = []
    files = [(f"nodes_{name}.csv", df) for name, (_, df) in nodes.items()]
    files += [(f"rels_{kind}.csv", df) for kind, df in relationships.items() if len(df)]
    for name, df in files:
        _write_csv(df, folder / name)
        paths.append(folder / name)
    for name, text in (("import.sh", _import_command(nodes, relationships)), ("load.cypher", _cypher(nodes, relationships))):
        write_text(folder / name, text)
        paths.append(folder / name)
    return paths
