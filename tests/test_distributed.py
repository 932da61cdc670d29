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

from kg.config import Settings  # noqa: E402
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
