"""`kg serve` under load: N concurrent clients asking the competency questions for a set time.

Prints requests per second, p50 / p99 latency, errors, and the resident memory of
the server with its worker processes (after a warm-up, at the end, and the
peak), then checks that an expensive query (a cross product over the whole
store) is stopped by the timeout with an HTTP error and that a malformed query
gets 400.  ``--server oxigraph`` runs the same load against
``oxigraph serve-read-only`` (what kg used before) for comparison.

    python benchmarks/serve_load.py [--data EXPORT] [--clients 20] [--seconds 30] [--timeout 5] [--server kg|oxigraph]

Without ``--data`` it builds ../shared/seeds (or the bundled samples) into a temporary folder first.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from kg.query import competency_questions, read_query
from kg.serve import prepare_store, start_server

CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_rss_mib(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total / 1024


def post(conn: http.client.HTTPConnection, query: str) -> tuple[int, bytes]:
    body = urllib.parse.urlencode({"query": query})
    conn.request("POST", "/query", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    response = conn.getresponse()
    return response.status, response.read()


def start_kind(kind: str, location: Path, port: int, timeout: int, workers: int) -> subprocess.Popen:
    bind = f"127.0.0.1:{port}"
    if kind == "oxigraph":  # the server of the PyPI oxigraph package, beside this Python
        command = shutil.which("oxigraph") or str(Path(sysconfig.get_path("scripts")) / "oxigraph")
        return subprocess.Popen([command, "serve-read-only", "--location", str(location), "--bind", bind,
                                 "--timeout-s", str(timeout)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return start_server(location, bind, timeout_s=timeout, workers=workers, quiet=True)


def wait_ready(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            if post(conn, "ASK {}")[0] == 200:
                return
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("the server exited") from None
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def load(port: int, clients: int, seconds: float, questions: list[str]) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        i = offset
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                status, body = post(conn, questions[i % len(questions)])
                if status != 200:
                    errors.append(f"HTTP {status}: {body[:80]!r}")
                else:
                    json.loads(body)  # a complete result, not a cut one
            except Exception as exc:  # noqa: BLE001 - counted and reported
                errors.append(repr(exc))
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            latencies.append(time.perf_counter() - start)
            i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def run(data: Path, kind: str, clients: int, seconds: float, timeout: int, workers: int) -> dict:
    questions = [read_query(name) for name in competency_questions()]
    with tempfile.TemporaryDirectory(prefix="kg-serve-load-") as tmp:
        location = prepare_store([data], Path(tmp) / "store")
        port = free_port()
        server = start_kind(kind, location, port, timeout, workers)
        try:
            wait_ready(port, server)
            load(port, clients, 2, questions)  # warm-up: workers started, store pages cached
            rss_start = tree_rss_mib(server.pid)
            peak = [rss_start]
            done = threading.Event()

            def sample() -> None:
                while not done.wait(0.5):
                    peak.append(tree_rss_mib(server.pid))

            sampler = threading.Thread(target=sample)
            sampler.start()
            start = time.perf_counter()
            latencies, errors = load(port, clients, seconds, questions)
            wall = time.perf_counter() - start
            done.set()
            sampler.join()
            rss_end = tree_rss_mib(server.pid)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout + 30)
            t = time.perf_counter()
            try:
                status, body = post(conn, CROSS_PRODUCT)
            except TimeoutError:
                status, body = 0, f"no answer within {timeout + 30} s".encode()
            expensive = {"status": status, "seconds": round(time.perf_counter() - t, 2), "body": body[-120:].decode("utf-8", "replace")}
            after = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            t = time.perf_counter()
            expensive["next_query_status"] = post(after, "ASK { ?s ?p ?o }")[0]
            expensive["next_query_seconds"] = round(time.perf_counter() - t, 2)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            status, body = post(conn, "SELECT * WHERE { ?s ?p ")
            malformed = {"status": status, "body": body[:80].decode("utf-8", "replace")}
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {
        "server": kind, "clients": clients, "seconds": round(wall, 1), "requests": len(latencies),
        "requests_per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1), "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "errors": len(errors), "first_errors": errors[:3],
        "rss_mib_after_warmup": round(rss_start, 1), "rss_mib_end": round(rss_end, 1), "rss_mib_peak": round(max(peak), 1),
        "expensive_query": expensive, "malformed_query": malformed,
    }


def default_export(tmp: Path) -> Path:
    from kg.config import SAMPLES_DIR, Settings
    from kg.pipeline import build

    build([SEEDS if SEEDS.is_dir() else SAMPLES_DIR], tmp / "export", Settings(cache=False), formats=("turtle", "trig"))
    return tmp / "export"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="an export folder (default: build the seeds)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--timeout", type=int, default=5, help="the server's per-query limit in seconds")
    parser.add_argument("--workers", type=int, default=2, help="query worker processes (kg server)")
    parser.add_argument("--server", choices=["kg", "oxigraph"], nargs="+", default=["kg"])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-serve-data-") as tmp:
        data = args.data or default_export(Path(tmp))
        results = [run(data, kind, args.clients, args.seconds, args.timeout, args.workers) for kind in args.server]
    for r in results:
        print(f"{r['server']}: {r['clients']} clients x {r['seconds']} s: {r['requests']} requests, "
              f"{r['requests_per_second']} req/s, p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms, {r['errors']} errors")
        print(f"  memory (server + workers): {r['rss_mib_after_warmup']} MiB after warm-up, {r['rss_mib_end']} MiB at the end, "
              f"peak {r['rss_mib_peak']} MiB")
        e, m = r["expensive_query"], r["malformed_query"]
        print(f"  cross product: HTTP {e['status']} after {e['seconds']} s: ...{e['body'].strip()!r}; "
              f"the next query: HTTP {e['next_query_status']} in {e['next_query_seconds']} s")
        print(f"  malformed query: HTTP {m['status']}: {m['body'].strip()!r}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    sys.exit(1 if any(r["errors"] for r in results) else 0)


if __name__ == "__main__":
    main()
