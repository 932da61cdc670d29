"""The error hierarchy and how the CLI reports it: a KgError is one line and its exit code, a bug exits 70."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import kg.errors as errors
import kg.query
from kg.cli import app
from kg.errors import EXIT_FAILED, EXIT_INTERNAL, EXIT_USAGE, KgError

runner = CliRunner()

ERRORS = [cls for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, KgError)]
#: the exit code each error class must give
EXPECTED_EXIT = {
    errors.KgError: EXIT_FAILED, errors.InputError: EXIT_FAILED, errors.GoldError: EXIT_FAILED,
    errors.ConfigError: EXIT_USAGE, errors.MissingDependency: EXIT_FAILED, errors.ModelNotInstalled: EXIT_FAILED,
    errors.OutputError: EXIT_FAILED, errors.OutputLocked: EXIT_FAILED, errors.ExportError: EXIT_USAGE,
    errors.QueryError: EXIT_FAILED, errors.CacheFormatError: EXIT_FAILED,
}


def _failing_with(exc: BaseException):
    def fail(*_args, **_kwargs):
        raise exc
    return fail


def test_every_error_class_has_its_own_code_and_a_mapped_exit_code():
    assert set(ERRORS) == set(EXPECTED_EXIT)
    codes = [cls.code for cls in ERRORS]
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize("cls", ERRORS, ids=lambda cls: cls.__name__)
def test_the_cli_prints_a_kg_error_as_one_line_with_its_code_and_exit_code(cls, monkeypatch):
    monkeypatch.setattr(kg.query, "competency_questions", _failing_with(cls("the reason")))
    result = runner.invoke(app, ["questions"])
    assert result.exit_code == EXPECTED_EXIT[cls]
    assert result.stderr == f"error: the reason [{cls.code}]\n"


def test_an_unexpected_exception_is_a_bug_with_exit_70_and_a_pointer_to_debug(monkeypatch):
    monkeypatch.setattr(kg.query, "competency_questions", _failing_with(KeyError("oops")))
    result = runner.invoke(app, ["questions"])
    assert result.exit_code == EXIT_INTERNAL
    assert result.stderr.count("\n") == 1 and "internal error: KeyError" in result.stderr and "--debug" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("how", [["--debug"], "KG_DEBUG"])
def test_debug_lets_the_traceback_through(how, monkeypatch):
    monkeypatch.setattr(kg.query, "competency_questions", _failing_with(KeyError("oops")))
    if how == "KG_DEBUG":
        monkeypatch.setenv("KG_DEBUG", "1")
    result = runner.invoke(app, [*(how if isinstance(how, list) else []), "questions"])
    assert isinstance(result.exception, KeyError)
    assert result.exit_code != EXIT_INTERNAL


def test_library_callers_can_catch_the_builtin_exception_too():
    assert issubclass(errors.InputError, ValueError) and issubclass(errors.OutputError, OSError)
    assert issubclass(errors.OutputLocked, errors.OutputError) and issubclass(errors.ModelNotInstalled, errors.MissingDependency)


# --- the real failures behind each mapping ------------------------------------------------------

def test_a_missing_spacy_model_is_model_not_installed():
    from kg.nlp import load_model

    with pytest.raises(errors.ModelNotInstalled, match="not installed"):
        load_model("no_such_model_xyz")


@pytest.mark.parametrize("content, reason", [
    ("{", "not JSON"), ("[]", "is an object"), ('{"events": {}}', "'events' must be a list"),
    ('{"entities": [{"label": "X"}]}', "entities item 1 has no 'type'"),
    ('{"entities": [{"label": "X", "type": "Animal"}]}', "type 'Animal' is not one of"),
    ('{"events": [{"article": "a", "source": "X", "type": "teleport"}]}', "unknown event type 'teleport'"),
])
def test_kg_eval_names_the_gold_file_and_what_is_wrong(content, reason, tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(tmp_path)])
    assert result.exit_code == EXIT_FAILED
    assert result.stderr.startswith(f"error: {gold}: ") and reason in result.stderr and "[E102]" in result.stderr


def test_kg_eval_on_a_corpus_without_articles_is_an_input_error(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"entities": []}), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(tmp_path / "missing")])
    assert result.exit_code == EXIT_FAILED and "no article could be read" in result.stderr and "[E101]" in result.stderr


@pytest.mark.parametrize("output", ["xml", "TABLE", ""])
def test_an_unknown_output_format_is_a_usage_error_not_a_table(output, tmp_path):
    result = runner.invoke(app, ["query", "cq1_actors", "--data", str(tmp_path), "--output", output])
    assert result.exit_code == EXIT_USAGE and "--output" in result.output and "┃" not in result.output


def test_a_query_on_a_folder_without_rdf_is_a_query_error(tmp_path):
    result = runner.invoke(app, ["query", "cq1_actors", "--data", str(tmp_path)])
    assert result.exit_code == EXIT_FAILED and "no graph.ttl" in result.stderr and "[E501]" in result.stderr


def test_a_broken_sparql_query_is_a_query_error(tmp_path):
    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["query", "SELECT WHERE {", "--data", str(tmp_path)])
    assert result.exit_code == EXIT_FAILED and "[E501]" in result.stderr and "Traceback" not in result.output


def test_a_param_without_a_value_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["query", "cq1_actors", "--data", str(tmp_path), "-p", "speaker"])
    assert result.exit_code == EXIT_USAGE and "NAME=VALUE" in result.output


def test_validating_a_file_that_is_not_rdf_is_an_input_error(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == EXIT_FAILED and "[E101]" in result.stderr and "Traceback" not in result.output
