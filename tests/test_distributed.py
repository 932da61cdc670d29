"""A build on a Dask cluster gives the same graph as a local build.

The cluster is a ``LocalCluster`` of two in-process workers, so the test is
quick; tasks still go through the scheduler and each worker loads its own
spaCy pipeline, as on a real cluster.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed")

import pyoxigraph as ox  # noqa: E402

from kg.config import Settings  # noqa: E402
from kg.errors import OutputError  # noqa: E402
from kg.export.rdf import write_streamed  # noqa: E402
from kg.pipeline.shards import ShardWriter  # noqa: E402
from kg.query import load_store, shard_files  # noqa: E402
from kg.pipeline.dask import partitions  # noqa: E402
from kg.pipeline import build  # noqa: E402


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def dask_build(scheduler, seed_build, tmp_path_factory):
    out = tmp_path_factory.mktemp("dask-export")
    settings = Settings(cache=False, scheduler=scheduler, partition_size=2)
    kg, report = build([SEEDS], out, settings, formats=("turtle", "jsonld", "nt", "trig"))
    return kg, report, out


@pytest.mark.slow
def test_dask_build_writes_the_same_turtle_as_the_local_build(seed_build, dask_build):
    local_out, dask_out = seed_build[2], dask_build[2]
    assert (dask_out / "graph.ttl").read_bytes() == (local_out / "graph.ttl").read_bytes()
    assert (dask_out / "graph.nt").read_bytes() == (local_out / "graph.nt").read_bytes()


@pytest.mark.slow
def test_dask_build_writes_sorted_shards_that_together_are_graph_nt(seed_build, dask_build):
    shards = shard_files(dask_build[2])
    assert shards and dask_build[1].outputs["nt-shards"] == "nt/"
    lines = [shard.read_bytes().splitlines(keepends=True) for shard in shards]
    assert all(part == sorted(part) for part in lines)
    assert b"".join(shard.read_bytes() for shard in shards) == (seed_build[2] / "graph.nt").read_bytes()


@pytest.mark.slow
def test_a_store_of_the_sharded_export_holds_the_local_graph(seed_build, dask_build):
    def named(store):  # the ontology's blank nodes get new names in every store
        return {q for q in store if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}

    sharded, local = load_store(dask_build[2]), load_store(seed_build[2])
    assert len(sharded) == len(local) and named(sharded) == named(local)


def test_shard_writer_cuts_between_subjects(seed_build, tmp_path):
    writer = ShardWriter(tmp_path / "nt", triples_per_shard=100)
    count = write_streamed(seed_build[0], {"nt": tmp_path / "graph.nt"}, extra_writers=(writer,))
    shards = shard_files(tmp_path)
    assert shards == writer.files and len(shards) > 1
    assert b"".join(f.read_bytes() for f in shards) == (tmp_path / "graph.nt").read_bytes()
    assert sum(len(f.read_bytes().splitlines()) for f in shards) == count
    subjects = [{t.subject for t in ox.parse(path=str(f), format=ox.RdfFormat.N_TRIPLES)} for f in shards]
    assert all(not (a & b) for a, b in zip(subjects, subjects[1:]))


@pytest.mark.slow
def test_a_failed_shard_write_leaves_the_previous_export(scheduler, dask_build, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([SEEDS], out, Settings(cache=False), formats=("turtle",))
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def full_disk(self, group):
        raise OSError(28, "No space left on device", str(out.parent / f".{out.name}-stage" / "nt" / "graph-00000.nt"))

    monkeypatch.setattr(ShardWriter, "write", full_disk)
    with pytest.raises((OutputError, OSError)):
        build([SEEDS], out, Settings(cache=False, scheduler=scheduler, partition_size=2), formats=("turtle",))
    assert not (out / "nt").exists()
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.slow
def test_dask_build_gives_the_same_knowledge_graph(seed_build, dask_build):
    assert dask_build[0] == seed_build[0]
    assert dask_build[1].articles == seed_build[1].articles > 1


@pytest.mark.slow
def test_the_work_was_spread_over_both_workers(scheduler, dask_build):
    with distributed.Client(scheduler) as client:
        loaded = client.run(lambda dask_worker: sorted(dask_worker.__dict__.get("_kg_nlp", {})))
    assert len(loaded) == 2
    assert all(models == [(Settings().model, Settings().extraction)] for models in loaded.values())


@pytest.mark.slow
def test_the_distributed_build_reuses_the_cache(scheduler, tmp_path):
    settings = Settings(scheduler=scheduler, partition_size=2)
    _, first = build([SEEDS], tmp_path, settings, formats=("turtle",))
    _, again = build([SEEDS], tmp_path, replace(settings, partition_size=3), formats=("turtle",))
    assert first.cache_hits == 0
    assert again.cache_hits == again.articles == first.articles


def test_partitions_keep_order_and_cover_everything():
    assert partitions(list("abcde"), 2) == [["a", "b"], ["c", "d"], ["e"]]
    assert partitions([], 3) == []
