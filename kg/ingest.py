"""Files, folders, JSONL and HTML in; cleaned, de-duplicated ``Article`` records out.

Every problem with an input becomes a ``Skipped`` record naming the file and
the reason, so one bad file never stops a batch.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kg.clean import clean_text, split_passages
from kg.model import Article, Skipped

__all__ = ["SUPPORTED_SUFFIXES", "discover", "read_articles", "decode", "Deduplicator", "parse_date"]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES | HTML_SUFFIXES
#: a text file larger than this is refused rather than parsed
MAX_FILE_BYTES = 64 * 1024 * 1024


class InputError(ValueError):
    """An input that cannot be turned into articles; the message says why."""


def discover(paths: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """Expand files and folders into (path, id-prefix) pairs, sorted for determinism.

    The id prefix is the path relative to the folder it was found in (or the
    file name), so ids do not depend on where the corpus lives on disk.
    """
    found: dict[str, Path] = {}
    skipped: list[Skipped] = []
    for root in paths:
        root = Path(root)
        if root.is_file():
            found.setdefault(root.name, root)
            continue
        if not root.is_dir():
            skipped.append(Skipped(str(root), "no such file or folder"))
            continue
        for folder, dirs, files in os.walk(root, onerror=lambda e: skipped.append(Skipped(e.filename, f"cannot list folder: {e.strerror}"))):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(folder) / name
                if name.startswith("."):
                    continue
                rel = path.relative_to(root).as_posix()
                if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                    skipped.append(Skipped(str(path), f"unsupported file type {path.suffix or '(none)'!r}"))
                    continue
                found.setdefault(rel, path)
    return sorted(((p, rel) for rel, p in found.items()), key=lambda pr: pr[1]), skipped


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text, detecting the encoding; returns (text, encoding name)."""
    if not data.strip():
        raise InputError("empty file")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM has a NUL in every other byte of ASCII text
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        codec = "utf-16-le" if odd > even * 4 else "utf-16-be" if even > odd * 4 else ""
        if codec:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
        raise InputError("binary file (not text)")
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None:
        raise InputError("binary file or unknown text encoding")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"cannot decode as {best.encoding}: {exc}") from None


def parse_date(value: object) -> dt.date | None:
    """ISO dates and datetimes quickly, anything else through dateparser."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


def _control_free(text: str) -> str:
    """Drop control characters other than newline and tab; normalise line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)


def _articles_from_text(raw: str, article_id: str, source: str, *, title: str = "", url: str = "", date=None) -> Iterator[Article | Skipped]:
    passages = split_passages(raw)
    for n, (offset, passage) in enumerate(passages, start=1):
        cleaned = clean_text(passage, title=title if n == 1 else "", base_offset=offset)
        pid = article_id if n == 1 else f"{article_id}-part{n}"
        if not cleaned.text.strip():
            yield Skipped(source, "no article text left after removing boilerplate")
            continue
        yield Article(
            id=pid,
            text=cleaned.text,
            title=cleaned.title or (title if n > 1 else ""),
            url=url,
            date=date,
            source_path=source if n == 1 else f"{source}#part{n}",
            content_hash=hashlib.sha256(cleaned.text.encode("utf-8", "surrogatepass")).hexdigest(),
            offsets=cleaned.offsets,
        )


def _records(text: str, suffix: str) -> Iterator[tuple[int, object]]:
    if suffix == ".json":
        data = json.loads(text)
        records = data.get("articles", [data]) if isinstance(data, dict) else data
        if not isinstance(records, list):
            raise InputError("JSON must be a record, a list of records or {'articles': [...]}")
        yield from enumerate(records, start=1)
        return
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, InputError(f"invalid JSON ({exc.msg} at column {exc.colno})")


def _read_records(text: str, path: Path, rel: str) -> Iterator[Article | Skipped]:
    stem = rel.rsplit(".", 1)[0]
    try:
        records = list(_records(text, path.suffix.lower()))
    except (json.JSONDecodeError, InputError) as exc:
        yield Skipped(str(path), f"invalid JSON: {exc}")
        return
    for n, record in records:
        where = f"{rel}#{n}"
        if isinstance(record, Exception):
            yield Skipped(f"{path}:{n}", str(record))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield Skipped(f"{path}:{n}", "record has no 'text' string")
            continue
        yield from _articles_from_text(
            _control_free(record["text"]), f"{stem}-{n}", where,
            title=_control_free(str(record.get("title") or "")).strip(),
            url=str(record.get("url") or ""), date=parse_date(record.get("date")),
        )


def _read_html(text: str, path: Path, rel: str) -> Iterator[Article | Skipped]:
    import trafilatura

    extracted = trafilatura.extract(text, output_format="json", with_metadata=True, include_comments=False, include_tables=False, deduplicate=True)
    if not extracted:
        yield Skipped(str(path), "no article text found in HTML")
        return
    data = json.loads(extracted)
    yield from _articles_from_text(
        _control_free(data.get("text") or ""), rel.rsplit(".", 1)[0], rel,
        title=_control_free(data.get("title") or "").strip(), url=data.get("url") or "", date=parse_date(data.get("date")),
    )


def read_file(path: Path, rel: str) -> Iterator[Article | Skipped]:
    """All articles in one file, or ``Skipped`` records saying what went wrong."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Skipped(str(path), f"file too large ({size // 2**20} MiB > {MAX_FILE_BYTES // 2**20} MiB)")
            return
        text, _encoding = decode(path.read_bytes())
    except InputError as exc:
        yield Skipped(str(path), str(exc))
        return
    except OSError as exc:
        yield Skipped(str(path), f"cannot read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        yield from _read_records(text, path, rel)
    elif suffix in HTML_SUFFIXES:
        yield from _read_html(text, path, rel)
    else:
        yield from _articles_from_text(_control_free(text), rel.rsplit(".", 1)[0], rel)


class Deduplicator:
    """Marks exact and near-duplicate articles, in one pass, without all-pairs.

    Near duplicates are found with a bottom-k MinHash sketch of word 4-gram
    shingles: articles sharing sketch values become candidates and are
    compared by estimated Jaccard similarity.
    """

    def __init__(self, threshold: float = 0.6, k: int = 64):
        self.threshold, self.k = threshold, k
        self._by_hash: dict[str, str] = {}
        self._sketches: dict[str, frozenset[int]] = {}
        self._index: dict[int, list[str]] = {}

    def _sketch(self, text: str) -> frozenset[int]:
        words = re.findall(r"\w+", text.casefold())
        shingles = {" ".join(words[i:i + 4]) for i in range(max(1, len(words) - 3))}
        hashes = sorted(int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles)
        return frozenset(hashes[: self.k])

    def _similarity(self, a: frozenset[int], b: frozenset[int]) -> float:
        union = sorted(a | b)[: self.k]
        return sum(1 for h in union if h in a and h in b) / len(union) if union else 0.0

    def __call__(self, article: Article) -> Article:
        original = self._by_hash.get(article.content_hash)
        if original:
            return replace(article, duplicate_of=original)
        self._by_hash[article.content_hash] = article.id
        sketch = self._sketch(article.text)
        candidates = sorted({aid for h in sketch for aid in self._index.get(h, ())})
        best = max(((self._similarity(sketch, self._sketches[c]), c) for c in candidates), default=(0.0, ""))
        self._sketches[article.id] = sketch
        for h in sketch:
            self._index.setdefault(h, []).append(article.id)
        if best[0] >= self.threshold:
            return replace(article, duplicate_of=best[1])
        return article


def read_articles(paths: Iterable[Path], *, near_duplicate: float = 0.6) -> Iterator[Article | Skipped]:
    """Stream articles from files and folders, duplicates marked, problems as ``Skipped``."""
    files, skipped = discover(paths)
    yield from skipped
    dedup = Deduplicator(near_duplicate)
    for path, rel in files:
        for item in read_file(path, rel):
            yield dedup(item) if isinstance(item, Article) else item
