"""Per-article extraction results cached by content hash, stored as plain JSON data.

Re-running a build after an interruption, or after adding articles, only
parses what is new.  An export folder can come from someone else, so a cache
entry is data, never code: JSON with a format name and version, decoded field
by field against the type hints of the ``kg.model`` dataclasses (a field added
to the model needs no change here).  Anything that does not decode to exactly
the record asked for (a truncated file, garbage, another kg version's format,
a planted pickle, a record of another article) is a miss: that article is
parsed again and the entry is listed in :attr:`ExtractionCache.rejected`.
Entries are written atomically, so a killed build never leaves a broken one.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from kg.config import EXTRACTION_SOURCES, Settings
from kg.errors import CacheFormatError
from kg.atomic import write_bytes
from kg.model import Article, ArticleExtraction
from kg.vocab import stable_hash

__all__ = ["ExtractionCache", "to_data", "from_data", "FORMAT", "FORMAT_VERSION"]

FORMAT = "kg-extraction-cache"
#: bump when the entry layout (not the model) changes; model changes already change every key
FORMAT_VERSION = 1
SUFFIX = ".json"


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hash of the extraction code and data, so a changed extractor never reuses old results."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for pattern in EXTRACTION_SOURCES:
        for path in sorted(root.glob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# --- records <-> JSON data, driven by the dataclasses' type hints ------------------------------

def to_data(value: object) -> object:
    """A model record as JSON-ready data: dataclasses become objects, tuples lists, dates and decimals strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list, frozenset, set)):
        items = [to_data(v) for v in value]
        return sorted(items, key=json.dumps) if isinstance(value, (frozenset, set)) else items
    if isinstance(value, dict):
        return [[to_data(k), to_data(v)] for k, v in value.items()]
    if isinstance(value, (dt.date, Decimal)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(f"the cache cannot store a {type(value).__name__}; add it to kg.cache.to_data/from_data")


def from_data(hint: object, data: object) -> object:
    """Rebuild a value of type ``hint`` from :func:`to_data` output; :class:`CacheFormatError` if it does not fit."""
    return _decoder(hint)(data)


@lru_cache(maxsize=None)
def _decoder(hint: object) -> Callable[[object], object]:
    """A function that checks and rebuilds one ``hint`` value; made once per type, as loading is the hot path."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _union([_decoder(a) for a in args if a is not type(None)], type(None) in args, hint)
    if origin is typing.Literal:
        return lambda data: data if data in args else _fail(f"expected one of {args}, found {data!r}")
    if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
        items = [_decoder(a) for a in args]
        return lambda data: tuple(f(d) for f, d in zip(items, _list(data, hint, len(items))))
    if origin in (tuple, list, frozenset, set):
        item = _decoder(args[0] if args else typing.Any)
        return lambda data: origin(map(item, _list(data, hint)))
    if origin is dict:
        key, value = map(_decoder, args or (typing.Any, typing.Any))
        return lambda data: {key(pair[0]): value(pair[1]) for pair in _list(data, hint)}
    if dataclasses.is_dataclass(hint):
        return _record(hint)
    return _scalar(hint)


def _fail(message: str) -> typing.NoReturn:
    raise CacheFormatError(message)


def _list(data: object, hint: object, length: int | None = None) -> list:
    if type(data) is not list:
        _fail(f"expected {hint}, found {type(data).__name__}")
    if length is not None and len(data) != length:
        _fail(f"expected {length} items, found {len(data)}")
    return data


def _union(options: list[Callable], nullable: bool, hint: object) -> Callable[[object], object]:
    def decode(data: object) -> object:
        if data is None and nullable:
            return None
        errors = []
        for option in options:
            try:
                return option(data)
            except CacheFormatError as exc:
                errors.append(str(exc))
        return _fail(" or ".join(errors) or f"expected {hint}")
    return decode


def _record(cls: type) -> Callable[[object], object]:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)]
    names = {name for name, _ in fields}

    def decode(data: object) -> object:
        if type(data) is not dict:
            _fail(f"expected {cls.__name__}, found {type(data).__name__}")
        if data.keys() != names:
            _fail(f"{cls.__name__}: fields {sorted(set(data) ^ names)} differ from the model")
        return cls(**{name: f(data[name]) for name, f in fields})
    return decode


def _scalar(hint: object) -> Callable[[object], object]:
    def expect(kinds: tuple[type, ...]) -> Callable[[object], object]:
        def check(data: object) -> object:
            if type(data) not in kinds:
                _fail(f"expected {hint}, found {type(data).__name__}")
            return data
        return check

    if hint is typing.Any:
        return lambda data: data
    if hint is type(None) or hint is None:
        return expect((type(None),))
    if hint in (str, int, bool):
        return expect((hint,))
    if hint is float:
        return lambda data: float(expect((int, float))(data))
    if hint in (dt.date, dt.datetime, Decimal):
        parse = Decimal if hint is Decimal else hint.fromisoformat
        text = expect((str,))

        def value(data: object) -> object:
            try:
                return parse(text(data))
            except (ValueError, InvalidOperation) as exc:
                raise CacheFormatError(f"bad {hint.__name__} {data!r}") from exc
        return value
    raise TypeError(f"the cache cannot read a {hint}; add it to kg.cache.to_data/from_data")


# --- the cache folder -------------------------------------------------------------------------

class ExtractionCache:
    """A folder of JSON ``ArticleExtraction`` records, one file per article version.

    ``rejected`` lists ``{"entry", "article", "reason"}`` for every entry that
    was there but could not be used; ``write_error`` is set (and writing stops)
    if an entry cannot be written, e.g. on a full disk: the build goes on.
    """

    def __init__(self, folder: Path | None, settings: Settings):
        self.folder, self.settings_key = (Path(folder) if folder else None), settings.cache_key()
        self.hits = self.misses = 0
        self.rejected: list[dict[str, str]] = []
        self.write_error: str | None = None

    def key(self, article: Article) -> str:
        """Hash of the extractor, the settings (model included) and every field of the article (its text by ``content_hash``)."""
        metadata = [(f.name, getattr(article, f.name)) for f in dataclasses.fields(article) if f.name != "text"]
        return stable_hash(extractor_fingerprint(), self.settings_key, article.content_hash or article.text, metadata, length=32)

    def path(self, article: Article) -> Path:
        return self.folder / f"{self.key(article)}{SUFFIX}"

    def get(self, article: Article) -> ArticleExtraction | None:
        if self.folder is None:
            return None
        path = self.path(article)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            return self._reject(path, article, f"cannot read ({exc.strerror or exc})")
        try:
            found = decode_entry(raw, self.key(article))
        except CacheFormatError as exc:
            return self._reject(path, article, str(exc))
        if found.article != article:
            return self._reject(path, article, "entry holds another article")
        self.hits += 1
        return found

    def put(self, extraction: ArticleExtraction) -> None:
        if self.folder is None or self.write_error:
            return
        path = self.path(extraction.article)
        try:
            write_bytes(path, encode_entry(extraction, self.key(extraction.article)))
        except OSError as exc:
            self.write_error = f"cannot write the cache in {self.folder} ({exc.strerror or exc}); caching stopped"

    def _reject(self, path: Path, article: Article, reason: str) -> None:
        self.misses += 1
        self.rejected.append({"entry": path.name, "article": article.source_path or article.id, "reason": reason})
        return None


def encode_entry(extraction: ArticleExtraction, key: str) -> bytes:
    entry = {"format": FORMAT, "version": FORMAT_VERSION, "key": key, "record": to_data(extraction)}
    return json.dumps(entry, sort_keys=True, separators=(",", ":")).encode("ascii")


def decode_entry(raw: bytes, key: str) -> ArticleExtraction:
    """The record in a cache file, or :class:`CacheFormatError` saying why it cannot be used."""
    try:
        entry = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CacheFormatError(f"not a JSON cache entry ({type(exc).__name__})") from None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT:
        raise CacheFormatError("not a kg cache entry")
    if entry.get("version") != FORMAT_VERSION:
        raise CacheFormatError(f"cache format version {entry.get('version')!r}, this kg reads {FORMAT_VERSION}")
    if entry.get("key") != key:
        raise CacheFormatError("entry was written for another key")
    try:
        return from_data(ArticleExtraction, entry.get("record"))
    except (TypeError, KeyError, IndexError) as exc:  # a pair that is not a pair, a field that takes no such value
        raise CacheFormatError(f"malformed record ({exc})") from None
