"""Same input in any order, anywhere on disk, with any hash seed: the same bytes in every export."""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from synthetic import write_corpus

from tests.conftest import SEEDS
EXPORTS = ["graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.graphml", "graph.json", "graph.html"]


def corpus_copy(source: Path, target: Path, order_seed: int) -> Path:
    """Copy ``source`` to ``target``, creating the files in a shuffled order."""
    files = sorted(p for p in source.rglob("*") if p.is_file())
    random.Random(order_seed).shuffle(files)
    for path in files:
        dest = target / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    return target


def build_in_subprocess(corpus: Path, out: Path, hash_seed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    command = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out), "-q", "--no-cache",
               "-f", "turtle", "-f", "nt", "-f", "jsonld", "-f", "trig"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, cwd=corpus.parent)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_shuffled_input_in_another_folder_gives_identical_bytes(tmp_path):
    source = tmp_path / "source"
    write_corpus(source / "synthetic", 8, seed=7)
    if SEEDS.is_dir():
        shutil.copytree(SEEDS, source / "seeds")
    first = corpus_copy(source, tmp_path / "a" / "corpus", order_seed=1)
    second = corpus_copy(source, tmp_path / "somewhere" / "else" / "corpus", order_seed=2)
    build_in_subprocess(first, tmp_path / "out-a", hash_seed="1")
    build_in_subprocess(second, tmp_path / "out-b", hash_seed="4242")
    for name in EXPORTS:
        a, b = (tmp_path / "out-a" / name).read_bytes(), (tmp_path / "out-b" / name).read_bytes()
        assert a == b, f"{name} differs between builds"
        assert str(tmp_path).encode() not in a  # no absolute path leaks into an export
