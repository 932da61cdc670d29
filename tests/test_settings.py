"""Settings: one dataclass, loaded from defaults < kg.toml < KG_* variables < options, all of it in the cache key."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from typer.testing import CliRunner

from kg.cache import ExtractionCache
from kg.cli import app
from kg.config import ExtractionSettings, Settings, env_names, load_settings
from kg.errors import EXIT_FAILED, EXIT_USAGE, ConfigError
from kg.model import Article

runner = CliRunner()


def test_each_source_overrides_the_one_before(tmp_path):
    config = tmp_path / "kg.toml"
    config.write_text('model = "from_file"\nbatch_size = 8\nfuzzy_name = 85\n[extraction]\nmin_quote_chars = 20\n',
                      encoding="utf-8")
    environ = {"KG_BATCH_SIZE": "16", "KG_EXTRACTION_MIN_QUOTE_CHARS": "30", "KG_SHARED": "/not/a/setting"}
    settings = load_settings(config, environ=environ, batch_size=None, model="from_flag")
    assert (settings.model, settings.batch_size, settings.fuzzy_name) == ("from_flag", 16, 85.0)
    assert settings.extraction == ExtractionSettings(min_quote_chars=30)
    assert load_settings(None, environ={}) == Settings()


def test_kg_toml_in_the_working_folder_is_read_unless_another_file_is_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings(environ={}) == Settings()
    (tmp_path / "kg.toml").write_text("since = 2024-01-01\nuntil = \"2024-06-30\"\n", encoding="utf-8")
    assert (load_settings(environ={}).since, load_settings(environ={}).until) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    other = tmp_path / "other.toml"
    other.write_text("fuzzy_name = 80\n", encoding="utf-8")
    assert load_settings(other, environ={}) == Settings(fuzzy_name=80.0)


def test_environment_values_are_parsed_by_the_field_type():
    settings = load_settings(None, environ={"KG_CACHE": "no", "KG_NEAR_DUPLICATE": "0.8", "KG_UNTIL": "2025-02-01"})
    assert (settings.cache, settings.near_duplicate, settings.until) == (False, 0.8, dt.date(2025, 2, 1))


def test_every_field_has_its_variable():
    names = env_names()
    assert "KG_EXTRACTION_MIN_QUOTE_CHARS" in names and "KG_MODEL" in names
    assert len(names) == len(dataclasses.fields(Settings)) - 1 + len(dataclasses.fields(ExtractionSettings))


@pytest.mark.parametrize("content, reason", [
    ("extration = 1", "unknown setting extration"),
    ("[extraction]\nmin_quote = 3", "unknown setting extraction.min_quote"),
    ('batch_size = "many"', "setting batch_size = 'many': expected int"),
    ("cache = 1", "setting cache = 1: expected bool"),
    ("extraction = 3", "setting extraction is a section"),
    ("batch_size = -1", "batch_size = -1: must not be negative"),
    ("since = 2024-05-01\nuntil = 2024-01-01", "is after until"),
    ("model = ", "not TOML"),
])
def test_a_bad_settings_file_is_a_config_error_naming_the_file(content, reason, tmp_path):
    config = tmp_path / "kg.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match="kg.toml: .*" + reason.replace("(", r"\(").replace(")", r"\)")):
        load_settings(config, environ={})


def test_a_bad_variable_is_a_config_error_naming_it():
    with pytest.raises(ConfigError, match="KG_BATCH_SIZE='x': expected int"):
        load_settings(None, environ={"KG_BATCH_SIZE": "x"})


def test_the_cache_key_covers_every_setting_that_changes_the_output_and_only_those():
    base = ExtractionCache(None, Settings()).key(Article("a", "text"))

    def key(**changes) -> str:
        return ExtractionCache(None, dataclasses.replace(Settings(), **changes)).key(Article("a", "text"))
    assert key(model="other_model") != base
    assert key(extraction=ExtractionSettings(min_quote_chars=5)) != base
    assert key(near_duplicate=0.9) != base and key(since=dt.date(2024, 1, 1)) != base
    assert key(batch_size=8, n_process=2, workers=3, cache=False, partition_size=5) == base


def test_kg_build_model_names_the_missing_model(tmp_path):
    result = runner.invoke(app, ["build", "--model", "no_such_model_xyz", "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == EXIT_FAILED and "'no_such_model_xyz' is not installed" in result.stderr
    assert "[E302]" in result.stderr and not (tmp_path / "out").exists()


def test_kg_build_refuses_a_bad_config_file_with_exit_2(tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text("batch_size = 0.5\n", encoding="utf-8")
    result = runner.invoke(app, ["build", "--config", str(config), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == EXIT_USAGE and f"{config}: setting batch_size = 0.5: expected int [E201]" in result.stderr


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(ExtractionSettings)])
def test_every_extraction_setting_changes_the_cache_key(name):
    base = ExtractionCache(None, Settings()).key(Article("a", "text"))
    changed = dataclasses.replace(ExtractionSettings(), **{name: getattr(ExtractionSettings(), name) + 1})
    assert ExtractionCache(None, Settings(extraction=changed)).key(Article("a", "text")) != base


def test_reference_look_back_from_kg_toml_reaches_the_pipeline_config(tmp_path):
    """kg.toml's [extraction] windows become the spaCy config of the reference components."""
    from kg.nlp import build_nlp

    config = tmp_path / "kg.toml"
    config.write_text("[extraction]\nspeaker_reach_chars = 7\npair_window = 3\nmin_quote_chars = 20\n", encoding="utf-8")
    settings = load_settings(config, environ={})
    nlp = build_nlp.__wrapped__(settings.model, settings.extraction)
    assert nlp.get_pipe_config("kg_speakers") == {"factory": "kg_speakers", "reach": 7, "min_quote_chars": 20}
    assert nlp.get_pipe_config("kg_mentions")["pair_window"] == 3
    assert nlp.get_pipe_config("kg_mentions")["people_window"] == ExtractionSettings().people_window
