"""`kg serve`: a real SPARQL 1.1 endpoint (Oxigraph) over the seed export, queried over HTTP."""
from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.query import read_query
from kg.serve import prepare_store, start_server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sparql(url: str, query: str) -> dict:
    """POST a query the way the SPARQL 1.1 protocol says; JSON results back."""
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def endpoint(seed_build, tmp_path_factory):
    location = prepare_store([seed_build[2]], tmp_path_factory.mktemp("serve") / "store")
    port = _free_port()
    server = start_server(location, f"127.0.0.1:{port}", quiet=True)
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
    with pytest.raises(FileExistsError):
        prepare_store([seed_build[2]], tmp_path)
    assert (tmp_path / "notes.txt").exists()
