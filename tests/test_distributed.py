"""A build on a Dask cluster gives the same graph as a local build.

The cluster is a ``LocalCluster`` of two in-process workers, so the test is
quick; tasks still go through the scheduler and each worker loads its own
spaCy pipeline, as on a real cluster.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed")

import pyoxigraph as ox  # noqa: E402

from kg.config import Settings  # noqa: E402
from kg.errors import ConfigError, OutputError  # noqa: E402
from kg.export.rdf import triple_groups  # noqa: E402
from kg.pipeline.shards import merged_groups, shard_path, write_shard  # noqa: E402
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
    kg, report = build([SEEDS], out, settings, formats=("turtle", "jsonld", "nt"))
    return kg, report, out


@pytest.mark.slow
def test_dask_build_writes_the_same_rdf_as_the_local_build(seed_build, dask_build):
    local_out, dask_out = seed_build[2], dask_build[2]
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "merges.tsv", "ontology.ttl"):
        assert (dask_out / name).read_bytes() == (local_out / name).read_bytes(), name


@pytest.mark.slow
def test_dask_build_keeps_no_graph_in_the_client_and_counts_what_it_wrote(seed_build, dask_build):
    kg, report, out = dask_build
    assert kg is None
    for count in ("articles", "duplicates", "words", "entities", "events", "claims", "quantities", "triples"):
        assert getattr(report, count) == getattr(seed_build[1], count), count
    assert not (out / "graph.html").exists() and any("graph.html" in w for w in report.warnings)


@pytest.mark.slow
def test_dask_build_writes_sorted_shards_that_together_are_graph_nt(seed_build, dask_build):
    shards = shard_files(dask_build[2])
    assert len(shards) > 2 and dask_build[1].outputs["nt-shards"] == "nt/"
    lines = [shard.read_bytes().splitlines(keepends=True) for shard in shards]
    assert all(part == sorted(part) for part in lines)
    assert sorted(set(line for part in lines for line in part)) == (seed_build[2] / "graph.nt").read_bytes().splitlines(keepends=True)


@pytest.mark.slow
def test_a_store_of_the_sharded_export_holds_the_local_graph(seed_build, dask_build):
    def named(store):  # the ontology's blank nodes get new names in every store
        return {q for q in store if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}

    sharded, local = load_store(dask_build[2]), load_store([seed_build[2] / "graph.ttl", seed_build[2] / "ontology.ttl"])
    assert len(sharded) == len(local) and named(sharded) == named(local)


def test_merged_shards_give_each_subject_once_in_order(seed_build, tmp_path):
    groups = list(triple_groups(seed_build[0]))
    # every third subject in one shard, the rest in another; one subject in both
    paths = [shard_path(tmp_path, 0), shard_path(tmp_path, 1)]
    write_shard(paths[0], groups[::3])
    write_shard(paths[1], [g for i, g in enumerate(groups) if i % 3 or i == 3])
    assert list(merged_groups(paths)) == groups


@pytest.mark.slow
def test_a_failed_shard_write_leaves_the_previous_export(scheduler, dask_build, tmp_path, monkeypatch):
    import kg.pipeline.dask

    out = tmp_path / "out"
    build([SEEDS], out, Settings(cache=False), formats=("turtle",))
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    write = kg.pipeline.dask.write_shard

    def full_disk(path, groups):  # the client's scheme shard is written, a worker's fails
        if path.name != shard_path(path.parent, 0).name:
            raise OSError(28, "No space left on device", str(path))
        return write(path, groups)

    monkeypatch.setattr(kg.pipeline.dask, "write_shard", full_disk)
    with pytest.raises((OutputError, OSError)):
        build([SEEDS], out, Settings(cache=False, scheduler=scheduler, partition_size=2), formats=("turtle",))
    assert not (out / "nt").exists()
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.slow
def test_a_dask_build_without_an_export_folder_gives_the_same_knowledge_graph(scheduler, seed_build):
    kg, report = build([SEEDS], None, Settings(cache=False, scheduler=scheduler, partition_size=2))
    assert kg == seed_build[0]
    assert report.articles == seed_build[1].articles > 1


@pytest.mark.slow
def test_the_notebook_object_of_a_dask_build_queries_the_export(scheduler, dask_build, tmp_path):
    from kg.api import build_graph

    result = build_graph([SEEDS], out=tmp_path / "out", settings=Settings(cache=False, scheduler=scheduler, partition_size=3))
    assert result.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/NewsArticle> }")[0]["n"] == dask_build[1].articles
    with pytest.raises(ConfigError, match="Dask cluster"):
        result.networkx


@pytest.mark.parametrize("settings, formats", [(Settings(workers=2), ("turtle", "trig")), (Settings(workers=2), ("gexf",)),
                                               (Settings(workers=2, since=dt.date(2024, 1, 1)), ("turtle",))])
def test_what_needs_the_whole_graph_is_refused_before_any_work(tmp_path, settings, formats):
    with pytest.raises(ConfigError, match="whole graph"):
        build([SEEDS], tmp_path / "out", settings, formats=formats)
    assert not (tmp_path / "out").exists()


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
