"""Exports people load elsewhere: fact tables (pandas, CSV, Parquet), Neo4j import files, GEXF for Gephi, GraphML."""
from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from dataclasses import replace

import networkx as nx
import pandas as pd
import pytest

from kg.api import GraphResult
from kg.config import Settings
from kg.export.gexf import gexf_text, write_gexf
from kg.export.neo4j import ARRAY_DELIMITER, write_neo4j
from kg.export.nx import write_graphml
from kg.export.tables import TABLES, fact_tables, write_tables
from kg.graph import to_networkx
from kg.model import Article, Claim, Entity, Event, Evidence, KnowledgeGraph, Quantity
from kg.query import within_period
from kg.vocab import Instances


def small_graph() -> KnowledgeGraph:
    """Two dated articles, people with several aliases and titles, a dated event, a claim and a figure."""
    a1 = Article("a1", "Putin met Xi in Beijing.", title="Putin meets Xi", url="https://www.bbc.co.uk/news/1",
                 date=dt.date(2024, 5, 16), author="A. Writer", publisher="BBC", section="Asia")
    a2 = Article("a2", "China denied it.", title="China denies", date=dt.date(2024, 6, 2))
    ev1, ev2 = Evidence("a1", "Putin met Xi in Beijing.", 0, 24), Evidence("a2", "China denied it; it said so.", 0, 28)
    entities = (
        Entity("person/vladimir-putin", "Vladimir Putin", "Person", aliases=("Putin", "President Putin"), mention_count=3,
               articles=("a1",), job_titles=("President", "Leader"), affiliations=("country/russia",), nationality="country/russia",
               same_as=("Q7747",)),
        Entity("person/xi-jinping", "Xi Jinping", "Person", aliases=("Xi",), mention_count=2, articles=("a1",)),
        Entity("country/russia", "Russia", "Country", mention_count=1, articles=("a1",)),
        Entity("country/china", "China", "Country", mention_count=2, articles=("a2",)),
        Entity("city/beijing", "Beijing", "City", mention_count=1, articles=("a1",)),
    )
    event = Event("e1", "meet", "meet", "person/vladimir-putin", "person/xi-jinping", "city/beijing", dt.date(2024, 5, 16),
                  (ev1,), label="Vladimir Putin meets Xi Jinping", date_basis="'on Thursday': the Thursday on or before ...")
    claim = Claim("c1", "country/china", "Deny", "it supplied weapons", "indirect", "deny", ("country/russia",), (ev2,),
                  statement=("aid", "country/china", "country/russia"), quantities=("q1",))
    quantity = Quantity("q1", __import__("decimal").Decimal("240000000000"), "USD", "$240 billion", "trade", ("country/china", "country/russia"),
                        "2023", (ev1, ev2))
    return KnowledgeGraph((a1, a2), entities, (event,), (claim,), (quantity,),
                          mentions={"a1": ("person/vladimir-putin", "person/xi-jinping", "city/beijing"), "a2": ("country/china",)})


# --- fact tables -----------------------------------------------------------------------------------------------


def test_one_row_per_fact_with_iris_and_labels():
    kg = small_graph()
    tables = fact_tables(kg)
    assert set(tables) == set(TABLES)
    for name in ("articles", "entities", "events", "claims", "quantities"):
        assert len(tables[name]) == len(getattr(kg, name))
        assert tables[name].iloc[:, 0].is_unique
    event = tables["events"].iloc[0]
    iri = Instances()
    assert event["event_iri"] == str(iri.event("e1"))
    assert (event["source_label"], event["target_label"], event["place_label"]) == ("Vladimir Putin", "Xi Jinping", "Beijing")
    assert event["source_iri"] == str(iri.entity("person/vladimir-putin"))
    assert (event["event_type"], event["cameo"]) == ("meet", "04") or event["event_type_label"]
    assert event["date"] == pd.Timestamp("2024-05-16") and event["date_basis"].startswith("'on Thursday'")
    assert (event["first_headline"], event["first_url"]) == ("Putin meets Xi", "https://www.bbc.co.uk/news/1")
    claim = tables["claims"].iloc[0]
    assert (claim["speaker_label"], claim["stance"], claim["statement_object_label"]) == ("China", "Deny", "Russia")
    quantity = tables["quantities"].iloc[0]
    assert (quantity["value"], quantity["source_count"], quantity["first_published"]) == (240e9, 2, pd.Timestamp("2024-05-16"))
    article = tables["articles"].set_index("article_id").loc["a1"]
    assert (article["author"], article["publisher"], article["section"]) == ("A. Writer", "BBC", "Asia")


def test_lists_are_child_tables_never_joined_strings():
    kg = small_graph()
    tables = fact_tables(kg)
    aliases = tables["entity_aliases"]
    assert sorted(aliases[aliases.label == "Vladimir Putin"].alias) == ["President Putin", "Putin"]
    assert sorted(tables["entity_job_titles"].job_title) == ["Leader", "President"]
    assert list(tables["claim_about"].entity_label) == ["Russia"]
    assert sorted(tables["quantity_about"].entity_label) == ["China", "Russia"]
    assert len(tables["evidence"]) == 4 and set(tables["evidence"].fact_kind) == {"event", "claim", "quantity"}
    assert list(tables["mentions"][tables["mentions"].article_iri.str.endswith("a2")].entity_label) == ["China"]
    for name, df in tables.items():
        for column in df.columns:
            assert not any(isinstance(v, (list, tuple, set)) for v in df[column]), (name, column)
    merged = tables["entities"].merge(aliases, on="entity_iri", suffixes=("", "_alias"))
    assert len(merged) == sum(len(e.aliases) for e in kg.entities)


def test_tables_of_the_seed_build_hold_every_fact(seed_build):
    kg, _, _ = seed_build
    tables = fact_tables(kg)
    assert len(tables["events"]) == len(kg.events) and len(tables["claims"]) == len(kg.claims)
    assert len(tables["entity_aliases"]) == sum(len(e.aliases) for e in kg.entities)
    labels = dict(zip(tables["entities"].entity_iri, tables["entities"].label))
    events = tables["events"].dropna(subset=["source_iri"])
    assert (events.source_iri.map(labels) == events.source_label).all()
    assert len(tables["evidence"]) == sum(len(r.evidence) for r in (*kg.events, *kg.claims, *kg.quantities))


def test_g_tables_gives_dataframes():
    kg = small_graph()
    g = GraphResult(kg, __import__("kg.pipeline", fromlist=["BuildReport"]).BuildReport(inputs=[]), Settings(), None)
    tables = g.tables()
    assert all(isinstance(df, pd.DataFrame) for df in tables.values())
    assert pd.api.types.is_datetime64_any_dtype(tables["events"]["date"])
    assert str(tables["entities"]["mention_count"].dtype) == "Int64"


def test_csv_tables_read_back_in_pandas(tmp_path):
    kg = small_graph()
    paths = write_tables(kg, tmp_path, "csv")
    assert sorted(p.name for p in paths) == sorted(f"{name}.csv" for name in TABLES)
    events = pd.read_csv(tmp_path / "events.csv", parse_dates=["date"])
    assert list(events.columns) == list(TABLES["events"])
    assert events.loc[0, "date"] == pd.Timestamp("2024-05-16")
    with open(tmp_path / "entities.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["label"] for r in rows} >= {"Vladimir Putin", "China"}
    again = tmp_path / "again"
    write_tables(kg, again, "csv")
    assert (again / "claims.csv").read_bytes() == (tmp_path / "claims.csv").read_bytes()


def test_parquet_tables_keep_their_types(tmp_path):
    pytest.importorskip("pyarrow")
    write_tables(small_graph(), tmp_path, "parquet")
    events = pd.read_parquet(tmp_path / "events.parquet")
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    assert events.loc[0, "source_label"] == "Vladimir Putin"


def test_parquet_without_pyarrow_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(RuntimeError, match=r"pip install 'kg\[parquet\]'"):
        write_tables(small_graph(), tmp_path / "t", "parquet")
    assert not (tmp_path / "t").exists()


# --- Neo4j -----------------------------------------------------------------------------------------------------

#: what the import tool accepts in a header: an ID, a typed property, or a relationship's start, end and type
_TYPES = r"(?:int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)"
_NODE_HEADER = re.compile(rf"^(?:\w+:ID|\w+:{_TYPES}(?:\[\])?)$")
_REL_HEADER = re.compile(rf"^(?::START_ID|:END_ID|:TYPE|\w+:{_TYPES}(?:\[\])?)$")


def read_csv_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def neo4j_folder(seed_build, tmp_path_factory):
    folder = tmp_path_factory.mktemp("neo4j")
    write_neo4j(seed_build[0], folder)
    return folder


def test_neo4j_headers_are_in_the_import_tools_form(neo4j_folder):
    nodes, rels = sorted(neo4j_folder.glob("nodes_*.csv")), sorted(neo4j_folder.glob("rels_*.csv"))
    assert {p.name for p in nodes} >= {"nodes_Article.csv", "nodes_Event.csv", "nodes_Claim.csv", "nodes_Person.csv", "nodes_Country.csv"}
    for path in nodes:
        header = read_csv_rows(path)[0]
        assert header[0] == "iri:ID" and all(_NODE_HEADER.match(h) for h in header), (path.name, header)
    for path in rels:
        header = read_csv_rows(path)[0]
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"] and all(_REL_HEADER.match(h) for h in header), (path.name, header)
        assert {row[2] for row in read_csv_rows(path)[1:]} == {path.stem.removeprefix("rels_")}


def test_neo4j_ids_are_unique_and_every_relationship_end_exists(neo4j_folder, seed_build):
    kg = seed_build[0]
    ids = [row[0] for path in neo4j_folder.glob("nodes_*.csv") for row in read_csv_rows(path)[1:]]
    assert len(ids) == len(set(ids)) == len(kg.articles) + len(kg.entities) + len(kg.events) + len(kg.claims) + len(kg.quantities)
    known = set(ids)
    count = 0
    for path in neo4j_folder.glob("rels_*.csv"):
        for start, end, *_ in read_csv_rows(path)[1:]:
            assert start in known and end in known, (path.name, start, end)
            count += 1
    assert count > len(kg.events)


def test_neo4j_lists_are_arrays_and_the_scripts_name_every_file(neo4j_folder, seed_build):
    rows = read_csv_rows(neo4j_folder / "nodes_Person.csv")
    aliases = rows[0].index("aliases:string[]")
    values = [row[aliases].split(ARRAY_DELIMITER) for row in rows[1:] if row[aliases]]
    assert any(len(v) > 1 for v in values)
    command = (neo4j_folder / "import.sh").read_text()
    cypher = (neo4j_folder / "load.cypher").read_text()
    assert "neo4j-admin database import full" in command and "--array-delimiter=U+001F" in command
    assert "--nodes=Resource:Entity:Person=import/nodes_Person.csv" in command
    for path in [*neo4j_folder.glob("nodes_*.csv"), *neo4j_folder.glob("rels_*.csv")]:
        assert f"import/{path.name}" in command and f"'file:///{path.name}'" in cypher
    assert cypher.count("LOAD CSV WITH HEADERS") == len(list(neo4j_folder.glob("*.csv")))
    assert "split(row.`aliases:string[]`, '\\u001F')" in cypher


# --- GEXF and GraphML --------------------------------------------------------------------------------------------


def test_gexf_has_types_colours_sizes_and_dates_for_the_timeline(tmp_path):
    kg = small_graph()
    path = write_gexf(to_networkx(kg), kg, tmp_path / "graph.gexf")
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    g = nx.read_gexf(path)
    event = g.nodes["event/e1"]
    assert event["node_type"] == "event" and event["start"] == "2024-05-16"
    assert g.nodes["claim/c1"]["start"] == "2024-06-02"  # its article's publication date
    colours = {(n, tuple(d["viz"]["color"][c] for c in "rgb")) for n, d in g.nodes(data=True)}
    assert len({c for _, c in colours}) >= 4  # person, country, city, event, claim, quantity differ
    assert all(d["viz"]["size"] > 0 for _, d in g.nodes(data=True))
    assert g.nodes["person/vladimir-putin"]["viz"]["size"] > g.nodes["country/russia"]["viz"]["size"]


def test_gexf_bytes_do_not_depend_on_the_day(seed_build):
    kg = seed_build[0]
    text = gexf_text(to_networkx(kg), kg)
    assert dt.date.today().isoformat() not in text.split("</meta>")[0] or any(a.date == dt.date.today() for a in kg.articles)
    assert text == gexf_text(to_networkx(kg), kg)


def test_graphml_keeps_list_values_readable(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("x", aliases=["Putin", "President Putin"], date=dt.date(2024, 5, 16), nothing=None)
    write_graphml(g, tmp_path / "g.graphml")
    node = nx.read_graphml(tmp_path / "g.graphml").nodes["x"]
    assert node == {"aliases": "Putin; President Putin", "date": "2024-05-16"}



def _networkx_bytes(g: nx.MultiDiGraph, tmp_path) -> tuple[bytes, bytes]:
    """What networkx's own writers make of ``g`` (the way the exports were written before they were streamed)."""
    import json

    from kg.export.nx import _flat, flat_attributes

    nx.write_graphml(flat_attributes(g), tmp_path / "nx.graphml", encoding="utf-8")
    text = json.dumps(nx.node_link_data(g, edges="links"), ensure_ascii=False, sort_keys=True, indent=1, default=_flat)
    return (tmp_path / "nx.graphml").read_bytes(), text.encode("utf-8")


@pytest.mark.parametrize("which", ["small", "shared keys", "empty", "seeds"])
def test_streamed_graphml_and_node_link_are_networkx_bytes(which, tmp_path, request):
    """RecordGraph + the streamed writers write what networkx writes from to_networkx's graph, byte for byte:
    a node first seen as an edge's end (an affiliation to a later entity), two facts under one key, no fact at all."""
    from kg.export.nx import write_node_link
    from kg.graph import RecordGraph

    kg = small_graph()
    if which == "shared keys":
        kg = replace(kg, events=(*kg.events, replace(kg.events[0], target="country/china", trigger="meets")))
    elif which == "empty":
        kg = KnowledgeGraph((), (), (), (), ())
    elif which == "seeds":
        kg = request.getfixturevalue("seed_build")[0]
    write_graphml(RecordGraph(kg), tmp_path / "g.graphml")
    write_node_link(RecordGraph(kg), tmp_path / "g.json")
    graphml, node_link = _networkx_bytes(to_networkx(kg), tmp_path)
    assert (tmp_path / "g.graphml").read_bytes() == graphml
    assert (tmp_path / "g.json").read_bytes() == node_link
    assert nx.utils.graphs_equal(nx.node_link_graph(__import__("json").loads(node_link), edges="links"), to_networkx(kg))

# --- a period -----------------------------------------------------------------------------------------------------


def test_within_period_keeps_a_consistent_graph():
    from rdflib import RDF, URIRef

    from kg.export.rdf import to_rdf

    kg = small_graph()
    may = within_period(kg, dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    assert [a.id for a in may.articles] == ["a1"] and len(may.events) == 1 and may.claims == ()
    assert [q.articles for q in may.quantities] == [("a1",)]  # told only by the article in the period
    assert {e.key for e in may.entities} >= {"person/vladimir-putin", "country/russia"}  # Putin's nationality comes along
    june = within_period(kg, since=dt.date(2024, 6, 1))
    assert june.events == () and [c.key for c in june.claims] == ["c1"] and june.claims[0].quantities == ("q1",)
    for part in (may, june):  # every instance a fact points to is in the graph
        g = to_rdf(part)
        typed = set(g.subjects(RDF.type, None))
        pointed = {o for o in g.objects() if isinstance(o, URIRef) and str(o).startswith(Instances().base)}
        assert pointed <= typed, pointed - typed
    undated = replace(kg, articles=tuple(replace(a, date=None) for a in kg.articles))
    assert within_period(undated, until=dt.date(2030, 1, 1)).events == kg.events  # a dated event stays
    assert within_period(undated, until=dt.date(2030, 1, 1)).claims == ()
