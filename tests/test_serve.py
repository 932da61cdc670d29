"""`kg serve`: a real SPARQL 1.1 endpoint (pyoxigraph in worker processes) over the seed export, queried over HTTP.

The load test here is short (20 clients for a few seconds); benchmarks/serve_load.py runs it for longer and
measures throughput, latency and memory.
"""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.errors import OutputError
from kg.query import competency_questions, read_query
from kg.serve import prepare_store, start_server

TIMEOUT_S = 2
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sparql(url: str, query: str, timeout: float = 10) -> dict:
    """POST a query the way the SPARQL 1.1 protocol says; JSON results back."""
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def _error(url: str, query: str) -> tuple[int, str]:
    """Status and body of a query that must fail."""
    with pytest.raises(urllib.error.HTTPError) as failure:
        _sparql(url, query, timeout=30)
    return failure.value.code, failure.value.read().decode()


@pytest.fixture(scope="module")
def endpoint(seed_build, tmp_path_factory):
    location = prepare_store([seed_build[2]], tmp_path_factory.mktemp("serve") / "store")
    port = _free_port()
    server = start_server(location, f"127.0.0.1:{port}", timeout_s=TIMEOUT_S, quiet=True)
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                _sparql(url, "ASK {}")
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the oxigraph server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_endpoint_answers_a_competency_question_over_http(endpoint):
    result = _sparql(endpoint, read_query("cq2_meetings"))
    pairs = {frozenset((b["a"]["value"], b["b"]["value"])) for b in result["results"]["bindings"]}
    assert frozenset(("Vladimir Putin", "Xi Jinping")) in pairs


def test_endpoint_serves_the_ontology_and_article_graphs(endpoint):
    comment = _sparql(endpoint, "SELECT ?c WHERE { <https://kg-news.github.io/ns#sourceActor> "
                                "<http://www.w3.org/2000/01/rdf-schema#comment> ?c }")
    assert comment["results"]["bindings"]
    graphs = _sparql(endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert all("/kg/article/" in b["g"]["value"] for b in graphs["results"]["bindings"])


def test_endpoint_is_read_only(endpoint):
    update = urllib.request.Request(endpoint.replace("/query", "/update"), data=b"update=CLEAR ALL",
                                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(update, timeout=10)


def test_prepare_store_refuses_a_folder_that_is_not_a_store(tmp_path, seed_build):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError):
        prepare_store([seed_build[2]], tmp_path)
    assert (tmp_path / "notes.txt").exists()


def test_a_malformed_query_gets_400_with_the_parsers_message(endpoint):
    status, body = _error(endpoint, "SELECT * WHERE { ?s ?p ")
    assert status == 400
    assert body.startswith("malformed query: error at 1:24: expected one of")


def test_an_expensive_query_is_stopped_by_the_timeout_with_a_clear_error(endpoint):
    start = time.monotonic()
    status, body = _error(endpoint, CROSS_PRODUCT)
    seconds = time.monotonic() - start
    assert status == 503
    assert f"query stopped: it ran longer than the endpoint's limit of {TIMEOUT_S} s" in body
    assert TIMEOUT_S <= seconds < TIMEOUT_S + 5
    assert _sparql(endpoint, "ASK { ?s ?p ?o }")["boolean"] is True  # the server is free again


def test_twenty_concurrent_clients_get_the_same_answers_as_one(endpoint):
    questions = {name: read_query(name) for name in competency_questions()}
    expected = {name: _sparql(endpoint, text) for name, text in questions.items()}
    failures, answered = [], []

    def client(offset: int) -> None:
        names = list(questions)
        deadline = time.monotonic() + 3
        i = offset
        while time.monotonic() < deadline:
            name = names[i % len(names)]
            try:
                if _sparql(endpoint, questions[name]) != expected[name]:
                    failures.append(f"{name}: different answer")
                answered.append(name)
            except Exception as exc:  # noqa: BLE001 - every failure is collected and reported
                failures.append(f"{name}: {exc!r}")
            i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert len(answered) >= 20 * len(questions) // 2


def test_get_and_the_query_form(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"}), timeout=10) as r:
        assert json.load(r)["boolean"] is True
    with urllib.request.urlopen(endpoint.replace("/query", "/"), timeout=10) as r:
        assert b"<form" in r.read()


def test_prepare_store_bulk_loads_the_shards_of_a_sharded_export(tmp_path, seed_build):
    from kg.export.rdf import triple_groups, write_ontology
    from kg.pipeline.shards import shard_path, write_shard
    from kg.query import load_store

    export = tmp_path / "export"
    groups = list(triple_groups(seed_build[0]))
    for number, start in enumerate(range(0, len(groups), 40)):
        write_shard(shard_path(export / "nt", number), groups[start:start + 40])
    write_ontology(export)
    location = prepare_store([export], tmp_path / "store")
    import pyoxigraph as ox

    store = ox.Store.read_only(str(location))
    assert len(store) == len(load_store([seed_build[2] / "graph.ttl", seed_build[2] / "ontology.ttl"])) and len(list((export / "nt").iterdir())) > 1
