"""A read-only SPARQL 1.1 endpoint over exports: a small HTTP server over pyoxigraph, one query per worker process.

The exports are loaded (as ``kg query`` loads them, see ``kg.query``) into an
on-disk Oxigraph store; ``GET/POST /query`` speaks the SPARQL 1.1 protocol and
``/`` is a query form.  It binds 127.0.0.1 (this machine only) unless told otherwise.

Why not ``oxigraph serve-read-only`` (which kg used before): with oxigraph
0.5.13 its ``--timeout-s`` does cancel a long query, but only after the
``200 OK`` status and the start of the results are sent, so a client gets a
success status and a truncated body ending in "The SPARQL operation has been
cancelled".  Here every query runs in a process of a pool (``pebble``) that
opens the store read-only: the result is serialised whole before a byte is
sent, so every failure is an HTTP status -- 400 with the parser's message for
a malformed query, 503 for a query over the time limit, whose worker process
is killed (a query running inside Oxigraph cannot be interrupted otherwise)
and replaced.  Workers are also replaced every ``MAX_TASKS`` queries, so
memory cannot creep up over a long run.
"""
from __future__ import annotations

import argparse
import gc
import multiprocessing
import shutil
import signal
import subprocess
import sys
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import OutputError
from kg.query import load_store

__all__ = ["DEFAULT_BIND", "prepare_store", "make_server", "start_server", "answer", "main"]

DEFAULT_BIND = "127.0.0.1:7878"
#: queries a worker process answers before it is replaced by a fresh one
MAX_TASKS = 1000
#: the longest query text accepted (bytes)
MAX_QUERY_BYTES = 1 << 20

_SOLUTION_TYPES = {  # media type -> pyoxigraph QueryResultsFormat name, first one is the default
    "application/sparql-results+json": "JSON", "application/json": "JSON",
    "application/sparql-results+xml": "XML", "application/xml": "XML",
    "text/csv": "CSV", "text/tab-separated-values": "TSV",
}
_GRAPH_TYPES = {  # media type -> pyoxigraph RdfFormat name, for CONSTRUCT / DESCRIBE
    "text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
_FORM = b"""<!doctype html><meta charset="utf-8"><title>kg SPARQL endpoint</title>
<h1>kg SPARQL endpoint</h1><form method="post" action="/query">
<textarea name="query" rows="12" cols="90">SELECT * WHERE { ?s ?p ?o } LIMIT 10</textarea><br>
<button>Run</button></form>
<p>Or: <code>curl http://HOST:PORT/query --data-urlencode 'query=...'</code></p>
"""


def prepare_store(paths: list[Path], location: Path) -> Path:
    """Load the RDF files or export folders into a fresh on-disk store at ``location``.

    An earlier store there is replaced; any other non-empty folder is refused.
    """
    import pyoxigraph as ox

    location = Path(location)
    if location.is_dir() and any(location.iterdir()):
        if not (location / "CURRENT").is_file():  # every RocksDB (Oxigraph) store has one
            raise OutputError(f"{location}: not empty and not an Oxigraph store; choose another folder")
        shutil.rmtree(location)
    try:
        store = ox.Store(str(location))
    except OSError as exc:  # not writable, or another server holds it
        raise OutputError(f"{location}: cannot open the store ({exc})") from None
    store = load_store(paths, store)
    store.flush()
    del store
    gc.collect()  # the store's lock is released only when the object is gone
    return location


# --- in a worker process ----------------------------------------------------------------------

_store = None


def _open_store(location: str) -> None:
    global _store
    import pyoxigraph as ox

    # a stop request must end the process at once, even inside a query (which never returns to Python);
    # Ctrl-C is for the server, which stops its workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _store = ox.Store.read_only(location)


def _negotiate(accept: str, types: dict[str, str]) -> str:
    """The first media type of ``types`` the Accept header allows (the default when it allows anything)."""
    wanted = [part.split(";")[0].strip().lower() for part in accept.split(",") if part.strip()]
    return next((t for t in wanted if t in types), next(iter(types)))


def answer(query: str, accept: str = "") -> tuple[int, str, bytes]:
    """Run ``query`` on this worker's store: (HTTP status, content type, body), the body complete."""
    import pyoxigraph as ox

    try:
        result = _store.query(query)
    except SyntaxError as exc:
        return HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"malformed query: {exc}\n".encode()
    if isinstance(result, ox.QueryTriples):
        media = _negotiate(accept, _GRAPH_TYPES)
        return HTTPStatus.OK, media, result.serialize(format=getattr(ox.RdfFormat, _GRAPH_TYPES[media]))
    media = _negotiate(accept, _SOLUTION_TYPES)
    return HTTPStatus.OK, media, result.serialize(format=getattr(ox.QueryResultsFormat, _SOLUTION_TYPES[media]))


# --- the HTTP side ----------------------------------------------------------------------------

class _Handler(BaseHTTPRequestHandler):
    server: "SparqlServer"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - the http.server interface
        url = urlsplit(self.path)
        if url.path == "/":
            return self._send(HTTPStatus.OK, "text/html; charset=utf-8", _FORM)
        if url.path != "/query":
            return self._send(HTTPStatus.NOT_FOUND, "text/plain", b"not found: the endpoint is /query\n")
        self._query(parse_qs(url.query).get("query", [""])[0])

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path == "/update":
            return self._send(HTTPStatus.FORBIDDEN, "text/plain", b"this endpoint is read-only\n")
        if url.path != "/query":
            return self._send(HTTPStatus.NOT_FOUND, "text/plain", b"not found: the endpoint is /query\n")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_QUERY_BYTES:
            self.close_connection = True
            return self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "text/plain", b"query too long\n")
        body = self.rfile.read(length).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            return self._query(body)
        self._query(parse_qs(body).get("query", [""])[0])

    def _query(self, text: str) -> None:
        if not text.strip():
            return self._send(HTTPStatus.BAD_REQUEST, "text/plain", b"no query: send query=... (SPARQL 1.1 protocol)\n")
        self._send(*self.server.run(text, self.headers.get("Accept") or ""))

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:  # one line per request would drown the console under load
        pass


class SparqlServer(ThreadingHTTPServer):
    """HTTP threads hand each query to a pool of worker processes with a time limit."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, location: Path, bind: str, timeout_s: float, workers: int):
        host, _, port = bind.rpartition(":")
        self.timeout_s = timeout_s
        from pebble import ProcessPool

        self.pool = ProcessPool(max_workers=workers, max_tasks=MAX_TASKS, initializer=_open_store,
                                initargs=(str(location),), context=multiprocessing.get_context("spawn"))
        #: queries waiting or running at once; past that, 503 at once instead of an unbounded queue
        self.slots = threading.BoundedSemaphore(workers * 32)
        super().__init__((host or "127.0.0.1", int(port)), _Handler)

    def run(self, text: str, accept: str) -> tuple[int, str, bytes]:
        from pebble import ProcessExpired

        if not self.slots.acquire(blocking=False):
            return HTTPStatus.SERVICE_UNAVAILABLE, "text/plain", b"too many queries at once; try again\n"
        try:
            return self.pool.schedule(answer, args=(text, accept), timeout=self.timeout_s).result()
        except FutureTimeout:
            message = (f"query stopped: it ran longer than the endpoint's limit of {self.timeout_s:g} s "
                       "(kg serve --timeout); narrow it down or add a LIMIT\n")
            return HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", message.encode()
        except ProcessExpired as exc:
            return HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain", f"the query's worker process died ({exc})\n".encode()
        except OSError as exc:
            return HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain", f"cannot read the store: {exc}\n".encode()
        finally:
            self.slots.release()

    def server_close(self) -> None:
        super().server_close()
        self.pool.stop()
        self.pool.join()


def make_server(location: Path, bind: str = DEFAULT_BIND, *, timeout_s: float = 60, workers: int = 2) -> SparqlServer:
    """The endpoint over a prepared store; call ``serve_forever()``, and ``server_close()`` to stop its workers."""
    return SparqlServer(Path(location), bind, timeout_s, workers)


def start_server(location: Path, bind: str = DEFAULT_BIND, *, timeout_s: float | None = None, workers: int = 2,
                 quiet: bool = False) -> subprocess.Popen:
    """Run the endpoint on a prepared store in a child process; the caller stops it (``terminate``)."""
    command = [sys.executable, "-m", "kg.serve", "--location", str(location), "--bind", bind,
               "--timeout", str(timeout_s or 60), "--workers", str(workers)]
    output = subprocess.DEVNULL if quiet else None
    return subprocess.Popen(command, stdout=output, stderr=output)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m kg.serve", description="Serve a prepared Oxigraph store over SPARQL.")
    parser.add_argument("--location", required=True, type=Path)
    parser.add_argument("--bind", default=DEFAULT_BIND)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    try:
        server = make_server(args.location, args.bind, timeout_s=args.timeout, workers=args.workers)
    except OSError as exc:
        sys.exit(f"error: cannot serve on {args.bind}: {exc.strerror or exc}")
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
