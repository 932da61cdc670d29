"""The `kg` command line: help that teaches, thin commands, documented exit codes."""
from __future__ import annotations

import json

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
