"""N-Triples shards: a Dask build's graph as the files its workers write, for bulk loading.

A Dask build (:mod:`kg.pipeline.dask`) writes ``nt/graph-00000.nt`` (the
event-type scheme), then one shard per partition of articles (the articles'
own triples) and one per bucket of resolved facts (entities, events, claims,
quantities), all beside its other exports (``kg.query.SHARD_FOLDER``).  Each
shard holds whole subjects sorted by N-Triples line, and together they hold
``graph.nt``'s triples: :func:`merged_groups` reads them back as one stream in
that file's order, holding one line per shard, which is how the client writes
``graph.ttl`` without holding the graph.  Each shard is written atomically,
and the whole export folder is swapped in only when every file is complete
(:func:`kg.pipeline.builder.build`), so a failed shard write leaves no
half-written output.  A store loads the shards one by one
(:func:`kg.query.load_store`, ``kg serve``).
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pyoxigraph as ox

from kg.atomic import atomic_open
from kg.query import SHARD_NAME

__all__ = ["shard_path", "write_shard", "merged_groups"]


def shard_path(folder: Path, number: int) -> Path:
    return Path(folder) / SHARD_NAME.format(number)


def write_shard(path: Path, groups: Iterable[list[ox.Triple]]) -> int:
    """Write triples grouped by subject, subjects in order (:func:`kg.export.rdf.triple_groups`), as one shard; the count."""
    count = 0
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(Path(path), "wb") as handle:
        for group in groups:
            ox.serialize(group, handle, format=ox.RdfFormat.N_TRIPLES)
            count += len(group)
    return count


def merged_groups(paths: Iterable[Path]) -> Iterator[list[ox.Triple]]:
    """The triples of sorted shards as :func:`kg.export.rdf.triple_groups` gives them: one sorted list per subject,
    subjects in order, a triple two shards hold given once."""
    with ExitStack() as stack:
        files = [stack.enter_context(open(path, "rb")) for path in paths]
        subject, previous, lines = b"", b"", list[bytes]()
        for line in heapq.merge(*files):
            if line == previous:
                continue
            previous = line
            this = line[:line.index(b" ")]
            if this != subject and lines:
                yield _group(lines)
                lines = []
            subject = this
            lines.append(line)
        if lines:
            yield _group(lines)


def _group(lines: list[bytes]) -> list[ox.Triple]:
    return sorted((ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(b"".join(lines), format=ox.RdfFormat.N_TRIPLES)), key=str)
