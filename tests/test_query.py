"""The competency questions of docs/data-model.md, answered on the seed export."""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import bind_values, competency_questions, load_store, parameters, read_query, run_query

DATA_MODEL = Path(__file__).resolve().parent.parent / "docs" / "data-model.md"


@pytest.fixture(scope="module")
def store(seed_build):
    return load_store(seed_build[2])


def ask(store, name: str, **values) -> list[dict]:
    names, rows = run_query(store, bind_values(read_query(name), values))
    return [dict(zip(names, row)) for row in rows]


def test_every_competency_question_of_the_data_model_has_a_query():
    listed = re.findall(r"^(\d)\. ", DATA_MODEL.read_text(encoding="utf-8").split("## Competency questions")[1], re.M)
    shipped = sorted(name.split("_")[0] for name in competency_questions())
    assert shipped == [f"cq{n}" for n in listed]


def test_cq1_actors_by_type_with_mentions(store):
    rows = ask(store, "cq1_actors")
    by_label = {r["label"]: r for r in rows}
    assert by_label["China"]["type"] == "https://schema.org/Country"
    assert by_label["Vladimir Putin"]["type"] == "https://schema.org/Person"
    assert by_label["China"]["mentions"] > by_label["Vladimir Putin"]["mentions"] > 1


def test_cq2_putin_met_xi(store):
    pairs = {frozenset((r["a"], r["b"])) for r in ask(store, "cq2_meetings")}
    assert frozenset(("Vladimir Putin", "Xi Jinping")) in pairs


def test_cq2_includes_visits_as_meetings(store):
    types = {r["type"] for r in ask(store, "cq2_meetings")}
    assert {"meet", "make a visit"} <= types


def test_cq3_china_denials_with_the_opposite_assertions(store):
    rows = ask(store, "cq3_china_denials")
    denied = {r["denied"] for r in rows}
    assert any("weapons to Russia" in text for text in denied)
    weapons = [r for r in rows if "weapons to Russia" in r["denied"]]
    assert {r["speaker"] for r in weapons} == {"China"}
    assert any(r["asserter"] == "United States" for r in weapons)


def test_cq4_claims_of_a_speaker_each_with_its_article(store):
    putin = ask(store, "cq4_speaker_claims")
    xi = ask(store, "cq4_speaker_claims", speaker="Xi Jinping")
    assert putin and xi and not {r["claim"] for r in putin} & {r["claim"] for r in xi}
    assert all(r["article"].startswith("https://example.org/kg/article/") for r in putin + xi)
    assert any("strategic partnership" in r["text"] for r in putin)


def test_cq5_facts_from_two_or_more_independent_articles(store):
    rows = ask(store, "cq5_corroborated")
    assert rows and all(r["sources"] >= 2 for r in rows)
    assert all(len(r["articles"].split()) >= r["sources"] for r in rows)
    assert "$240 billion" in {r["label"] for r in rows}


def test_cq6_trade_figures_between_china_and_russia(store):
    rows = ask(store, "cq6_trade_figures")
    usd = {r["value"]: r for r in rows if r["unit"] == "USD"}
    assert Decimal("240000000000") in usd
    assert usd[Decimal("240000000000")]["sources"] == 3  # 001, 002 and 003 all report it
    assert usd[Decimal("240000000000")]["period"] == "2023"


def test_cq7_events_in_a_place(store):
    china = ask(store, "cq7_events_in_place")
    assert "Vladimir Putin visits China" in {r["label"] for r in china}
    assert ask(store, "cq7_events_in_place", place="Atlantis") == []


def test_parameters_are_the_values_clauses():
    assert parameters(read_query("cq7_events_in_place")) == {"place": "China"}
    assert 'VALUES ?place { "São \\"Paulo\\"" }' in bind_values(read_query("cq7_events_in_place"), {"place": 'São "Paulo"'})
    with pytest.raises(ValueError, match="parameters: place"):
        bind_values(read_query("cq7_events_in_place"), {"speaker": "x"})


def test_export_folder_loads_the_ontology_and_per_article_graphs(store):
    _, rows = run_query(store, "PREFIX kg: <https://kg-news.github.io/ns#> "
                               "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                               "SELECT ?c WHERE { kg:stance rdfs:comment ?c }")
    assert rows and "asserts or denies" in rows[0][0]
    fact = next(r for r in ask(store, "cq5_corroborated") if r["label"] == "$240 billion")["fact"]
    _, in_graphs = run_query(store, f"SELECT ?article WHERE {{ GRAPH ?article {{ <{fact}> a ?kind }} }}")
    _, derived = run_query(store, f"SELECT ?article WHERE {{ <{fact}> <http://www.w3.org/ns/prov#wasDerivedFrom> ?article }}")
    assert len(in_graphs) == 3 and sorted(in_graphs) == sorted(derived)


def test_default_graph_has_each_fact_once_even_with_trig_loaded(seed_build):
    ttl_only = load_store(seed_build[2] / "graph.ttl")
    folder = load_store(seed_build[2])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://kg-news.github.io/ns#sourceCount> ?o }"
    assert run_query(ttl_only, count) == run_query(folder, count)


def test_cli_query_prints_csv_json_and_reads_rq_files(seed_build, tmp_path):
    runner = CliRunner()
    out = runner.invoke(app, ["query", "cq2_meetings", "-d", str(seed_build[2]), "--output", "csv"])
    assert out.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert any({r["a"], r["b"]} == {"Vladimir Putin", "Xi Jinping"} for r in rows)
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/NewsArticle> }", encoding="utf-8")
    out = runner.invoke(app, ["query", str(rq), "-d", str(seed_build[2] / "graph.nt"), "--output", "json"])
    assert out.exit_code == 0 and json.loads(out.stdout) == [{"n": seed_build[1].articles}]
    out = runner.invoke(app, ["query", "cq4_speaker_claims", "-p", "speaker=Xi Jinping", "-d", str(seed_build[2]),
                              "--output", "json"])
    assert out.exit_code == 0 and json.loads(out.stdout)


def test_cli_query_errors_are_one_readable_line(seed_build):
    out = CliRunner().invoke(app, ["query", "SELECT WHERE {", "-d", str(seed_build[2])])
    assert out.exit_code == 1 and "error:" in out.output and "Traceback" not in out.output
