"""Files, folders, JSONL and HTML in; cleaned, de-duplicated ``Article`` records out.

Every problem with an input becomes a ``Skipped`` record naming the file and
the reason, so one bad file never stops a batch.
"""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import itertools
import json
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.clean import clean_text, split_passages
from kg.config import Settings
from kg.dayorder import DayOrder, read_numeric
from kg.errors import InputError
from kg.model import Article, Skipped

__all__ = [
    "SUPPORTED_SUFFIXES", "MAX_FILE_BYTES", "MAX_ARTICLE_CHARS", "discover", "read_file", "read_articles",
    "decode", "sanitise", "Deduplicator", "parse_date", "blank_captions", "is_caption", "count_articles",
]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES | HTML_SUFFIXES
#: bytes at the start of a file that show UTF-16 without a BOM (a NUL in every other byte of ASCII text)
_SNIFF_BYTES = 4096
#: bytes charset_normalizer reads to guess an encoding: enough text to tell, quick on a large file
_CHARSET_SAMPLE_BYTES = 1024 * 1024
#: characters of decoded text checked for control characters (binary data decoded as text)
_BINARY_SAMPLE_CHARS = 65536
#: a file larger than this is refused rather than read into memory
MAX_FILE_BYTES = 64 * 1024 * 1024
#: one article longer than this is refused: it is not a news article, and
#: spaCy's default ``max_length`` would refuse it anyway
MAX_ARTICLE_CHARS = 1_000_000


def discover(paths: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[Skipped]]:
    """Expand files and folders into (path, id-prefix) pairs, sorted for determinism.

    The id prefix is the path relative to the folder it was found in (or the
    file name), so ids do not depend on where the corpus lives on disk.
    Symlinked folders are followed once; a link back into a folder already
    walked is reported as a symlink loop instead of being walked forever.
    """
    found: dict[str, Path] = {}
    skipped: list[Skipped] = []

    def add(rel: str, path: Path, root: Path) -> None:
        if rel in found and not _same_file(found[rel], path):
            rel = f"{root.name}/{rel}"  # two inputs share a relative path: keep both
        if rel in found and not _same_file(found[rel], path):
            skipped.append(Skipped(str(path), f"another input already has the id {rel!r}"))
            return
        found.setdefault(rel, path)

    for root in paths:
        root = Path(root)
        if root.is_file() or (root.exists() and not root.is_dir()):
            add(root.name, root, root.parent)
            continue
        if not root.is_dir():
            reason = "broken symlink or symlink loop" if root.is_symlink() else "no such file or folder"
            skipped.append(Skipped(str(root), reason))
            continue
        walked: set[tuple[int, int]] = set()
        for folder, dirs, files in os.walk(root, followlinks=True, onerror=lambda e: skipped.append(Skipped(e.filename, f"cannot list folder: {e.strerror}"))):
            here = os.stat(folder)
            if (here.st_dev, here.st_ino) in walked:
                skipped.append(Skipped(folder, "symlink loop: folder already read through another path"))
                dirs[:] = []
                continue
            walked.add((here.st_dev, here.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(folder) / name
                if name.startswith("."):
                    continue
                rel = path.relative_to(root).as_posix()
                if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                    skipped.append(Skipped(str(path), f"unsupported file type {path.suffix or '(none)'!r}"))
                    continue
                add(rel, path, root)
    return sorted(((p, rel) for rel, p in found.items()), key=lambda pr: pr[1]), skipped


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a == b


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
#: characters that make decoded "text" look like binary data
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
#: legacy single-byte encodings that charset_normalizer often cannot tell apart
#: on Western text; the web's default (WHATWG) wins a tie
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text, detecting the encoding; returns (text, encoding name).

    BOMs first, then UTF-16 without a BOM (NUL bytes in every other position),
    then strict UTF-8, then charset_normalizer, preferring Windows-1252 when it
    fits as well as any other single-byte encoding.  Raises ``InputError`` for
    empty and binary data.

    >>> decode("café".encode("cp1252"))
    ('café', 'cp1252')
    """
    if not data.strip(b" \t\r\n\x0b\x0c\x00"):
        raise InputError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(data, codec)
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        # UTF-16 without a BOM has a NUL in every other byte of ASCII text
        even, odd = head[0::2].count(0), head[1::2].count(0)
        frequent = max(even, odd) > len(head) // 8  # not just a stray NUL in binary data
        codec = "" if not frequent else "utf-16-le" if odd > even * 4 else "utf-16-be" if even > odd * 4 else ""
        if not codec:
            raise InputError("binary file (not text)")
        return _checked(data, codec)
    try:
        return _checked(data, "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    sample = data[:_CHARSET_SAMPLE_BYTES]
    matches = list(from_bytes(sample))
    if not matches:
        raise InputError("binary file or unknown text encoding")
    least = min(m.chaos for m in matches)
    fitting = [m.encoding for m in matches if m.chaos <= least + 0.01]
    codec = next((c for c in _WESTERN if c in fitting or _reads_as(sample, c, fitting)), matches[0].encoding)
    try:
        return _checked(data, codec)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(f"cannot decode as {codec}: {exc}") from None


def _reads_as(data: bytes, codec: str, others: list[str]) -> bool:
    """Whether ``data`` decodes to the same text in ``codec`` as in one of ``others``."""
    try:
        text = data.decode(codec)
        return any(data.decode(other, errors="replace") == text for other in others)
    except (UnicodeDecodeError, LookupError):
        return False


def _checked(data: bytes, codec: str) -> tuple[str, str]:
    """Decode strictly; text that is mostly control characters is binary."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        if codec == "utf-8":
            raise
        raise InputError(f"cannot decode as {codec} (corrupt or binary)") from None
    sample = text[:_BINARY_SAMPLE_CHARS]
    if len(_BINARY_CHARS.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(f"binary file (control characters in {codec} text)")
    return text, codec


def parse_date(value: object, url: str = "") -> dt.date | None:
    """ISO dates and datetimes quickly; numeric dates in the day/month order the URL gives
    (its own date, or the outlet's locale), None when nothing tells; anything else through dateparser.

    >>> parse_date("07/03/2024", "https://www.bbc.co.uk/news/world-1")
    datetime.date(2024, 3, 7)
    >>> parse_date("07/03/2024", "https://example.com/a") is None
    True
    """
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    numeric = read_numeric(text, DayOrder.from_article("", url))
    if numeric is not None:
        return numeric.date
    import dateparser

    parsed = dateparser.parse(text, settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


#: C0 controls other than tab and line ends, DEL, lone surrogates and the
#: non-characters U+FFFE/U+FFFF: none is text, and XML and UTF-8 reject them
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def sanitise(text: str) -> str:
    r"""Replace characters that are not text with spaces, keeping every offset.

    Line ends are left as they are (cleaning splits on any of them), so
    offsets in the cleaned text still point into the decoded file.

    >>> sanitise("Putin\x00met\r\nXi")
    'Putin met\r\nXi'
    """
    return _NOT_TEXT.sub(" ", text)


@lru_cache(maxsize=1)
def _caption_patterns() -> tuple[list[re.Pattern], list[re.Pattern]]:
    with resources.as_file(resources.files("kg") / "data" / "captions.json") as path:
        table = json.loads(path.read_text(encoding="utf-8"))
    return [re.compile(p) for p in table["sentence_patterns"]], [re.compile(p) for p in table["line_patterns"]]


#: a sentence: up to its end punctuation (and closing quotes/brackets) before a capital, or to the end of the line
_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"'”’)\]]*(?=\s+[\"“(\[]?[A-Z])|$)")


def is_caption(sentence: str) -> bool:
    """Whether a sentence (or a line) is a photo caption or credit (``kg/data/captions.json``)."""
    sentence_patterns, line_patterns = _caption_patterns()
    return any(p.search(sentence) for p in sentence_patterns + line_patterns)


#: longest sentence that can be a photo caption
_CAPTION_MAX_CHARS = 400


def blank_captions(text: str) -> str:
    """Replace photo captions and credit lines with spaces, keeping every offset.

    A line ending in a credit is blanked whole (the caption it credits comes
    first); otherwise only the sentences with a position marker ("(front left)").

    >>> blank_captions("Putin (left) greets Xi. Trade rose.\\nThey met. (Photo: AFP)").split()
    ['Trade', 'rose.']
    """
    sentence_patterns, line_patterns = _caption_patterns()
    out, position = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if any(p.search(body) for p in line_patterns):
            out.append(" " * len(body) + line[len(body):])
            continue
        for match in _SENTENCE.finditer(body):
            # a caption is one short sentence: a long "sentence" is text the splitter could not cut
            # (lower-cased text), and "if you (centre) allow" inside it is no position marker
            if len(match[0]) <= _CAPTION_MAX_CHARS and any(p.search(match[0]) for p in sentence_patterns):
                body = body[:match.start()] + " " * len(match[0]) + body[match.end():]
        out.append(body + line[len(line.rstrip("\r\n")):])
    return "".join(out)


def _one_line(text: str) -> str:
    """A title or other single-line field: sanitised, whitespace collapsed."""
    return " ".join(sanitise(text).split())


def _articles_from_text(
    raw: str, article_id: str, source: str, shown: str, *, title: str = "", url: str = "", date=None,
    metadata: dict[str, str] | None = None,
) -> Iterator[Article | Skipped]:
    """Articles of one text (one per passage); ``shown`` names it in ``Skipped`` messages.

    ``metadata`` holds the page's canonical URL, author, publisher and section.
    """
    passages = split_passages(blank_captions(raw))
    if not passages:
        yield Skipped(shown, "no text (only whitespace)")
    for n, (offset, passage) in enumerate(passages, start=1):
        pid = article_id if n == 1 else f"{article_id}-part{n}"
        where = source if n == 1 else f"{source}#part{n}"
        if len(passage) > MAX_ARTICLE_CHARS:
            yield Skipped(shown if n == 1 else f"{shown}#part{n}", f"article too long ({len(passage):,} characters > {MAX_ARTICLE_CHARS:,}); "
                                 "separate articles with a line of dashes (-----)")
            continue
        cleaned = clean_text(passage, title=title if n == 1 else "", base_offset=offset)
        if not cleaned.text.strip():
            yield Skipped(shown if n == 1 else f"{shown}#part{n}", "no article text left after removing boilerplate")
            continue
        yield Article(
            id=pid,
            text=cleaned.text,
            title=cleaned.title or (title if n > 1 else ""),
            url=url,
            date=date or cleaned.date,
            source_path=where,
            content_hash=hashlib.sha256(cleaned.text.encode("utf-8", "surrogatepass")).hexdigest(),
            offsets=cleaned.offsets,
            origin="" if n == 1 else article_id,
            **(metadata or {}),
        )


def _records(text: str, suffix: str) -> Iterator[tuple[int, object]]:
    """(record number, record or ``InputError``) pairs; JSONL is read line by line."""
    if suffix == ".json":
        data = json.loads(text)
        records = data.get("articles", [data]) if isinstance(data, dict) else data
        if not isinstance(records, list):
            raise InputError("JSON must be a record, a list of records or {'articles': [...]}")
        yield from enumerate(records, start=1)
        return
    for n, line in enumerate(io.StringIO(text, newline=None), start=1):
        if line.strip():
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, InputError(f"invalid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})")


def _read_records(text: str, path: Path, rel: str) -> Iterator[Article | Skipped]:
    stem = rel.rsplit(".", 1)[0]
    try:
        records = _records(text, path.suffix.lower())
        first = next(records, None)
    except (json.JSONDecodeError, InputError) as exc:
        yield Skipped(str(path), f"invalid JSON: {exc}")
        return
    if first is None:
        yield Skipped(str(path), "no records")
        return
    for n, record in itertools.chain([first], records):
        where = f"{rel}#{n}"
        if isinstance(record, Exception):
            yield Skipped(f"{path}:{n}", str(record))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield Skipped(f"{path}:{n}", "record has no 'text' string")
            continue
        url = _one_line(str(record.get("url") or ""))
        yield from _articles_from_text(
            sanitise(record["text"]), f"{stem}-{n}", where, f"{path}:{n}",
            title=_one_line(str(record.get("title") or "")), url=url, date=parse_date(record.get("date"), url),
            metadata=_metadata(record, _RECORD_METADATA),
        )


def _read_html(text: str, path: Path, rel: str) -> Iterator[Article | Skipped]:
    import trafilatura

    extracted = trafilatura.extract(text, output_format="json", with_metadata=True, include_comments=False, include_tables=False, deduplicate=True)
    if not extracted:
        yield Skipped(str(path), "no article text found in HTML")
        return
    data = json.loads(extracted)
    url = _one_line(data.get("url") or data.get("source") or "")
    yield from _articles_from_text(
        sanitise(data.get("text") or ""), rel.rsplit(".", 1)[0], rel, str(path),
        title=_one_line(data.get("title") or ""), url=url, date=parse_date(data.get("date"), url),
        metadata=_metadata(data, _HTML_METADATA),
    )


#: Article field -> keys that may hold it, first found wins: trafilatura's JSON metadata, and JSONL records
_HTML_METADATA = {"canonical_url": ("source", "url"), "author": ("author",), "publisher": ("source-hostname", "sitename"),
                  "section": ("categories",)}
_RECORD_METADATA = {"canonical_url": ("canonical_url",), "author": ("author",), "publisher": ("publisher", "source"),
                    "section": ("section",)}


def _metadata(data: dict, keys: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """The page metadata ``data`` holds, as one-line strings (a list, e.g. of categories, is comma-joined as shown)."""
    found = {}
    for field, names in keys.items():
        value = next((data[name] for name in names if data.get(name)), "")
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value:
            found[field] = _one_line(str(value))
    return found


def read_file(path: Path, rel: str) -> Iterator[Article | Skipped]:
    """All articles in one file, or ``Skipped`` records saying what went wrong."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield Skipped(str(path), "not a regular file (device, socket or pipe)")
            return
        if info.st_size > MAX_FILE_BYTES:
            yield Skipped(str(path), f"file too large ({info.st_size / 2**20:.0f} MiB > {MAX_FILE_BYTES // 2**20} MiB)")
            return
        text, _encoding = decode(path.read_bytes())
    except InputError as exc:
        yield Skipped(str(path), str(exc))
        return
    except OSError as exc:
        reason = "symlink loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        yield Skipped(str(path), f"cannot read: {reason}")
        return
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        yield from _read_records(text, path, rel)
    elif suffix in HTML_SUFFIXES:
        yield from _read_html(text, path, rel)
    else:
        yield from _articles_from_text(sanitise(text), rel.rsplit(".", 1)[0], rel, str(path))


class Deduplicator:
    """Marks exact and near-duplicate articles, in one pass, without all-pairs.

    Near duplicates are found with a bottom-k MinHash sketch of word 4-gram
    shingles: articles sharing sketch values become candidates and are
    compared by estimated Jaccard similarity, but only those sharing enough
    sketch values to reach the threshold, so templated corpora (shared
    boilerplate) do not degrade into all-pairs comparisons.
    """

    def __init__(self, threshold: float = Settings.near_duplicate, k: int = Settings.near_duplicate_sketch):
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
        shared = Counter(aid for h in sketch for aid in self._index.get(h, ()))
        # the estimate is at most shared / len(sketch): fewer shared values can never reach the threshold
        candidates = sorted(aid for aid, n in shared.items() if n >= self.threshold * len(sketch))
        best = max(((self._similarity(sketch, self._sketches[c]), c) for c in candidates), default=(0.0, ""))
        self._sketches[article.id] = sketch
        for h in sketch:
            self._index.setdefault(h, []).append(article.id)
        if best[0] >= self.threshold:
            return replace(article, duplicate_of=best[1])
        return article


def count_articles(paths: Iterable[Path]) -> int:
    """About how many articles the inputs hold, cheaply, for a progress total: one per text or HTML file,
    one per non-blank JSONL line, one per JSON file (a JSON list may hold more)."""
    files, _ = discover(paths)
    total = 0
    for path, _rel in files:
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            try:
                with open(path, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                continue
        else:
            total += 1
    return total


def read_articles(paths: Iterable[Path], *, near_duplicate: float = Settings.near_duplicate,
                  sketch_size: int = Settings.near_duplicate_sketch) -> Iterator[Article | Skipped]:
    """Stream articles from files and folders, duplicates marked, problems as ``Skipped``."""
    files, skipped = discover(paths)
    yield from skipped
    dedup = Deduplicator(near_duplicate, sketch_size)
    for path, rel in files:
        for item in read_file(path, rel):
            yield dedup(item) if isinstance(item, Article) else item
