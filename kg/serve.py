"""A read-only SPARQL 1.1 endpoint over exports: the ``oxigraph`` server from PyPI.

The exports are loaded (as ``kg query`` loads them, see ``kg.query``) into an
on-disk Oxigraph store, then ``oxigraph serve-read-only`` serves it over HTTP:
``GET/POST /query`` speaks the SPARQL 1.1 protocol, and ``/`` is a query page.
It binds 127.0.0.1 (this machine only) unless told otherwise.
"""
from __future__ import annotations

import gc
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from kg.query import load_store

__all__ = ["DEFAULT_BIND", "oxigraph_command", "prepare_store", "start_server"]

DEFAULT_BIND = "127.0.0.1:7878"


def oxigraph_command() -> str:
    """Path of the ``oxigraph`` executable installed with the PyPI ``oxigraph`` package."""
    beside_python = Path(sysconfig.get_path("scripts")) / "oxigraph"
    found = shutil.which("oxigraph") or (str(beside_python) if beside_python.is_file() else None)
    if found is None:
        raise FileNotFoundError("the oxigraph server is not installed: pip install oxigraph")
    return found


def prepare_store(paths: list[Path], location: Path) -> Path:
    """Load the RDF files or export folders into a fresh on-disk store at ``location``.

    An earlier store there is replaced; any other non-empty folder is refused.
    """
    import pyoxigraph as ox

    location = Path(location)
    if location.is_dir() and any(location.iterdir()):
        if not (location / "CURRENT").is_file():  # every RocksDB (Oxigraph) store has one
            raise FileExistsError(f"{location}: not empty and not an Oxigraph store; choose another folder")
        shutil.rmtree(location)
    store = load_store(paths, ox.Store(str(location)))
    store.flush()
    del store
    gc.collect()  # the store's lock is released only when the object is gone
    return location


def start_server(location: Path, bind: str = DEFAULT_BIND, *, timeout_s: int | None = None,
                 quiet: bool = False) -> subprocess.Popen:
    """Start ``oxigraph serve-read-only`` on a prepared store; the caller stops it (``terminate``)."""
    command = [oxigraph_command(), "serve-read-only", "--location", str(location), "--bind", bind]
    if timeout_s:
        command += ["--timeout-s", str(timeout_s)]
    output = subprocess.DEVNULL if quiet else sys.stderr
    return subprocess.Popen(command, stdout=output, stderr=output)
