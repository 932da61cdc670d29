"""Keep the layout true: the layers contract of pyproject.toml (import-linter) and mypy on kg/."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint(config: Path) -> int:
    from importlinter.cli import lint_imports

    return lint_imports(config_filename=str(config), no_cache=True, no_logo=True)


def test_data_flows_one_way_through_the_layers(capsys):
    assert _lint(ROOT / "pyproject.toml") == 0, capsys.readouterr().out


def test_the_layers_contract_catches_an_import_against_the_flow(tmp_path, capsys):
    # kg.vocab imports kg.model: with the model put above the vocabulary, that import goes upwards
    config = tmp_path / "layers.toml"
    config.write_text('[tool.importlinter]\nroot_package = "kg"\n\n[[tool.importlinter.contracts]]\nname = "upside down"\n'
                      'type = "layers"\nlayers = ["kg.model", "kg.vocab"]\n', encoding="utf-8")
    assert _lint(config) == 1
    assert "kg.vocab is not allowed to import kg.model" in capsys.readouterr().out


@pytest.mark.slow
def test_mypy_finds_no_type_errors_in_kg():
    from mypy import api

    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", "/dev/null", str(ROOT / "kg")])
    assert status == 0, out + err
