"""N-Triples shards: the graph cut into files of at most ``SHARD_TRIPLES`` triples, for bulk loading.

A Dask build writes ``nt/graph-00000.nt``, ``nt/graph-00001.nt`` (``kg.query.SHARD_FOLDER``), ... beside
its other exports.  Subjects come in the order of :func:`kg.export.rdf.triple_groups`
(sorted by N-Triples line) and a subject is never split, so every shard is
sorted, and the shards concatenated in name order are exactly ``graph.nt``.
Each shard is written atomically, and the whole export folder is swapped in
only when every file is complete (:func:`kg.pipeline.builder.build`), so a
failed shard write leaves no half-written output.  A store loads the shards
one by one (:func:`kg.query.load_store`, ``kg serve``): no process needs the
whole graph as one file.
"""
from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.atomic import atomic_open
from kg.query import SHARD_NAME

__all__ = ["SHARD_TRIPLES", "ShardWriter"]

#: the most triples a shard holds (a subject's triples stay in one shard, which may then hold a few more)
SHARD_TRIPLES = 250_000


class ShardWriter:
    """A writer for :func:`kg.export.rdf.write_streamed` that cuts the groups it gets into shards of ``folder``."""

    def __init__(self, folder: Path, triples_per_shard: int = SHARD_TRIPLES):
        self.folder, self.limit = Path(folder), triples_per_shard
        self.folder.mkdir(parents=True, exist_ok=True)
        self.files: list[Path] = []
        self._stack = ExitStack()
        self._handle: IO[bytes] | None = None
        self._count = 0

    def write(self, group: list[ox.Triple]) -> None:
        if self._handle is None or self._count >= self.limit:
            self._handle = self._next_shard()
        ox.serialize(group, self._handle, format=ox.RdfFormat.N_TRIPLES)
        self._count += len(group)

    def _next_shard(self) -> IO[bytes]:
        self._stack.close()  # the shard before is complete: renamed into place
        path = self.folder / SHARD_NAME.format(len(self.files))
        self.files.append(path)
        self._count = 0
        return self._stack.enter_context(atomic_open(path, "wb"))

    def close(self) -> None:
        self._stack.close()
