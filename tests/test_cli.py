"""The `kg` command line: help that teaches, thin commands, documented exit codes."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
ARTICLE = """Leaders Meet in Geneva
President Emmanuel Macron met German Chancellor Olaf Scholz in Geneva on Monday.
"We agree on the need for more support to Ukraine," Macron said.
Trade between France and Germany rose 4.5% to $210 billion last year.
Share on Facebook
"""


def command_names():
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help(name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) > 3


def test_build_then_query(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "geneva.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert json.loads((out / "report.json").read_text())["articles"] == 1
    result = runner.invoke(app, ["query", "cq2_meetings", "--data", str(out), "--output", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {rows[0]["a"], rows[0]["b"]} == {"Emmanuel Macron", "Olaf Scholz"}


def test_skipped_input_gives_exit_code_3_and_names_the_file(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 3
    assert "empty.txt" in result.output and "empty file" in result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [s["reason"] for s in report["skipped"]] == ["empty file"]


def test_nothing_readable_gives_exit_code_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_unknown_format_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["build", "--format", "xml", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown format" in result.output


def test_questions_lists_competency_questions():
    result = runner.invoke(app, ["questions"])
    assert result.exit_code == 0
    assert "cq2_meetings" in result.output


def build_articles(tmp_path, *extra: str):
    folder = tmp_path / "in"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "geneva.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--out", str(out), "--quiet", *extra])
    assert result.exit_code == 0, result.output
    return out


def test_version():
    from kg import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"kg {__version__}"


def test_an_unknown_question_name_says_where_the_names_are(tmp_path):
    out = build_articles(tmp_path)
    result = runner.invoke(app, ["query", "cq9_nothing", "--data", str(out)])
    assert result.exit_code == 1
    assert "no such question 'cq9_nothing'; `kg questions` lists them" in result.output
    assert "parse" not in result.output.lower()


def test_output_accepts_only_known_values(tmp_path):
    result = runner.invoke(app, ["query", "cq1_actors", "--data", str(tmp_path), "--output", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of 'table', 'csv', 'json'" in result.output


def test_a_graph_query_without_trig_says_how_to_get_it(tmp_path):
    out = build_articles(tmp_path)
    query = "SELECT ?g ?e WHERE { GRAPH ?g { ?e a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> } }"
    result = runner.invoke(app, ["query", query, "--data", str(out), "--output", "json"])
    assert result.exit_code == 0 and "kg build --format trig" in result.output
    with_trig = build_articles(tmp_path / "t", "--format", "trig")
    result = runner.invoke(app, ["query", query, "--data", str(with_trig), "--output", "json"])
    assert "kg build --format trig" not in result.output and json.loads(result.stdout)


def test_query_tables_show_labels_beside_iris(tmp_path):
    out = build_articles(tmp_path)
    result = runner.invoke(app, ["query", "SELECT ?person WHERE { ?person a <https://schema.org/Person> } ORDER BY ?person",
                                 "--data", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "person" in line)
    assert "person_label" in header
    assert "Emmanuel Macron" in result.stdout and "https://example.org/kg/entity/person/" in result.stdout


def test_build_writes_tables_neo4j_and_gexf(tmp_path):
    out = build_articles(tmp_path, "--format", "csv", "--format", "neo4j", "--format", "gexf")
    report = json.loads((out / "report.json").read_text())
    assert {report["outputs"][f] for f in ("csv", "neo4j", "gexf")} == {"tables/", "neo4j/", "graph.gexf"}
    assert (out / "tables" / "events.csv").is_file() and (out / "neo4j" / "load.cypher").is_file()
    assert (out / "graph.gexf").read_text(encoding="utf-8").startswith("<?xml")


def test_since_and_until_keep_the_facts_of_a_period(tmp_path):
    records = [{"title": "Geneva", "date": "2024-03-04", "text": ARTICLE},
               {"title": "Paris", "date": "2024-06-10", "text": "Xi Jinping met Emmanuel Macron in Paris on Monday."}]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    runs = {}
    for name, extra in (("all", []), ("june", ["--since", "2024-06-01"]), ("march", ["--until", "2024-03-31"])):
        out = tmp_path / name
        result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(out), "--quiet", *extra])
        assert result.exit_code == 0, result.output
        runs[name] = json.loads((out / "report.json").read_text())
    assert runs["all"]["articles"] == 2 and runs["june"]["articles"] == 1 == runs["march"]["articles"]
    assert runs["june"]["events"] + runs["march"]["events"] == runs["all"]["events"]
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "x"), "--since", "June"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_progress_names_the_stage_and_the_summary_fits_the_terminal(tmp_path):
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"a{n}.txt").write_text(ARTICLE.replace("Geneva", f"Geneva{n}"))
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")], env={"COLUMNS": "50"})
    assert result.exit_code == 0, result.output
    shown = result.output.replace("\r", "\n")
    assert "/3 [" in shown  # a total, with elapsed time and ETA
    for stage in ("read + parse", "resolve", "export", "viewer"):
        assert f"{stage}:" in shown
    summary = [line for line in result.output.splitlines()[-3:] if "triples" in line or "articles" in line]
    assert summary and all(len(line) <= 50 for line in summary), summary


def test_shared_data_is_found_through_kg_shared(monkeypatch, tmp_path):
    from pathlib import Path

    from kg.config import shared_dir

    monkeypatch.setenv("KG_SHARED", str(tmp_path))
    assert shared_dir() == tmp_path
    monkeypatch.delenv("KG_SHARED")
    assert shared_dir() == Path(__file__).resolve().parent.parent.parent / "shared"


def test_a_test_run_without_the_shared_data_says_how_many_tests_it_skipped_and_why(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "KG_SHARED": str(tmp_path / "nowhere")}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_query.py", "-k", "cq1 or cq2"],
                         cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert "tests skipped: seed corpus not found at" in run.stdout and "set KG_SHARED" in run.stdout, run.stdout[-2000:]
    assert re.search(r"(\d+) tests skipped", run.stdout) and "nowhere" in run.stdout


def test_parquet_without_pyarrow_is_refused_before_building(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = runner.invoke(app, ["build", "--format", "parquet", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "pip install 'kg[parquet]'" in result.output
    assert not (tmp_path / "out").exists()
