"""Per-article extraction results cached by content hash.

Re-running a build after an interruption, or after adding articles, only
parses what is new.  Entries are written atomically, so a killed build never
leaves a broken entry; an unreadable entry is treated as a miss.
"""
from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

from kg.config import EXTRACTION_SOURCES
from kg.export._atomic import write_bytes
from kg.model import Article, ArticleExtraction
from kg.vocab import stable_hash

__all__ = ["ExtractionCache"]


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


class ExtractionCache:
    """A folder of pickled ``ArticleExtraction`` records, one per article version."""

    def __init__(self, folder: Path | None, model: str):
        self.folder, self.model = (Path(folder) if folder else None), model
        self.hits = self.misses = 0

    def key(self, article: Article) -> str:
        return stable_hash(extractor_fingerprint(), self.model, article.id, article.content_hash, article.title,
                           article.date, article.url, article.source_path, article.duplicate_of, article.offsets, length=32)

    def get(self, article: Article) -> ArticleExtraction | None:
        if self.folder is None:
            return None
        path = self.folder / f"{self.key(article)}.pkl"
        try:
            with open(path, "rb") as handle:
                found = pickle.load(handle)
        except Exception:  # noqa: BLE001 - a truncated or stale pickle can fail in many ways; all are misses
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, extraction: ArticleExtraction) -> None:
        if self.folder is not None:
            write_bytes(self.folder / f"{self.key(extraction.article)}.pkl", pickle.dumps(extraction, protocol=5))
