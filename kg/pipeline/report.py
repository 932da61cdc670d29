"""What a build did, for report.json, the CLI summary and the benchmarks."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["BuildReport"]


@dataclass
class BuildReport:
    """What a build did: counts, skipped inputs, warnings and time per stage."""

    inputs: list[str]
    articles: int = 0
    duplicates: int = 0
    words: int = 0
    entities: int = 0
    events: int = 0
    claims: int = 0
    quantities: int = 0
    triples: int = 0
    cache_hits: int = 0
    #: cache entries that were there but unusable (corrupt, foreign, another version): those articles were parsed again
    cache_rejected: list[dict] = field(default_factory=list)
    #: what the user should hear about besides skipped inputs (a stale lock taken over, a rejected cache entry)
    notices: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = dict(self.__dict__)
        total = sum(self.seconds.values())
        data["seconds"] = {k: round(v, 3) for k, v in self.seconds.items()} | {"total": round(total, 3)}
        data["words_per_second"] = round(self.words / total) if total else 0
        return data
