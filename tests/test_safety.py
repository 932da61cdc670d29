"""The user's existing export is never lost: a failed, interrupted or empty build leaves it byte for byte, a
successful one replaces it whole, two builds never share a folder, and a full or read-only disk is a clear error.

Every comparison covers the whole folder except ``.cache`` (which keeps what an interrupted build parsed, so the
next run resumes) and includes files that are not kg's (a user's notes, ``.gitkeep``).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.export.rdf
import kg.extract
import kg.pipeline.builder
import kg.pipeline.runners
import kg.pipeline.stages
from kg import atomic
from kg.cli import app
from kg.config import Settings
from kg.errors import EXIT_FAILED, EXIT_OK, OutputError, OutputLocked
from kg.lock import LOCK_NAME, BuildLock
from kg.pipeline import build
from synthetic import write_corpus

runner = CliRunner()
IS_ROOT = os.geteuid() == 0


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but the cache, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(folder).parts}


def leftovers(out: Path) -> list[str]:
    """Anything a build left beside ``out`` (staged folders) or in it (a lock, a temporary file)."""
    beside = [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}")]
    inside = [p.name for p in out.iterdir() if p.name == LOCK_NAME or p.name.endswith(".tmp")]
    return beside + inside


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    """Two different small corpora: A is the export to protect, B the build that fails."""
    root = tmp_path_factory.mktemp("corpora")
    write_corpus(root / "a", 3, seed=11)
    write_corpus(root / "b", 4, seed=12)
    return root / "a", root / "b"


@pytest.fixture
def export_a(corpora, tmp_path):
    """A finished export of corpus A in ``tmp_path/out``, with an nt file and the user's own files in it."""
    out = tmp_path / "out"
    build([corpora[0]], out, Settings(), formats=("turtle", "jsonld", "nt"))
    (out / "notes.txt").write_text("my own notes\n", encoding="utf-8")
    (out / ".gitkeep").write_bytes(b"")
    (out / "figures").mkdir()
    (out / "figures" / "plot.svg").write_text("<svg/>", encoding="utf-8")
    return out


# --- 1. a failed build changes nothing; a successful one replaces the export whole ------------------

def test_a_typo_in_the_input_leaves_the_previous_export_byte_for_byte(export_a, tmp_path):
    before = snapshot(export_a)
    result = runner.invoke(app, ["build", str(tmp_path / "seedz"), "--out", str(export_a), "--quiet"])
    assert result.exit_code == EXIT_FAILED
    assert f"error: no article could be read; {export_a} was left as it was" in result.stderr
    assert snapshot(export_a) == before
    assert leftovers(export_a) == []


def _raise(*_args, **_kwargs):
    raise KeyboardInterrupt  # Ctrl-C, or any failure: the export must not care which


def _failing_stream(*_args, **_kwargs):
    yield from ()
    raise RuntimeError("disk read error")


#: (module, name) of each stage a build goes through, in order, and how to make it fail
STAGES = {
    "ingest": (kg.pipeline.runners, "read_articles", _failing_stream),
    "extract": (kg.extract, "extract_article", _raise),
    "resolve": (kg.pipeline.stages, "resolve", _raise),
    "rdf": (kg.export.rdf, "triple_groups", _raise),
    "turtle": (kg.export.rdf._TurtleWriter, "write", _raise),
    "ontology": (kg.pipeline.stages, "write_ontology", _raise),
    "graphml": (kg.pipeline.stages, "write_graphml", _raise),
    "node-link": (kg.pipeline.stages, "write_node_link", _raise),
    "viewer": (kg.pipeline.stages, "write_html", _raise),
    "report": (kg.pipeline.builder, "write_text", _raise),
    "swap": (atomic, "exchange", _raise),
}


@pytest.mark.parametrize("stage", STAGES)
def test_a_build_that_fails_at_any_stage_leaves_the_previous_export_byte_for_byte(stage, corpora, export_a, monkeypatch):
    module, name, failure = STAGES[stage]
    before = snapshot(export_a)
    monkeypatch.setattr(module, name, failure)
    with pytest.raises((KeyboardInterrupt, RuntimeError)):
        build([corpora[1]], export_a, Settings(), formats=("turtle", "jsonld"))
    assert snapshot(export_a) == before
    assert leftovers(export_a) == []


def test_the_export_is_never_a_mix_of_old_and_new_files(corpora, export_a, monkeypatch):
    """Die at every file rename of a build in turn: with files renamed into OUT one by one, some would be new."""
    before = snapshot(export_a)
    real_replace, renames = os.replace, []

    def replace(src, dst):
        if Path(src).is_file():  # the folders carried across after the swap are another test's matter
            renames.append(dst)
            if len(renames) == fail_at:
                raise KeyboardInterrupt
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    fail_at = 0
    build([corpora[1]], export_a.parent / "dry-run", Settings(cache=False))
    total, renames[:] = len(renames), []
    assert total >= 7
    for fail_at in range(1, total + 1):
        renames.clear()
        with pytest.raises(KeyboardInterrupt):
            build([corpora[1]], export_a, Settings(cache=False))
        assert snapshot(export_a) == before, f"mixed after dying at rename {fail_at} of {total}"
    fail_at = 0
    build([corpora[1]], export_a, Settings(cache=False))
    assert snapshot(export_a)["graph.ttl"] != before["graph.ttl"]


def test_a_partial_success_replaces_the_export_as_a_whole(corpora, export_a, tmp_path):
    (corpora[1].parent / "b-bad").mkdir(exist_ok=True)
    (corpora[1].parent / "b-bad" / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(corpora[1]), str(corpora[1].parent / "b-bad"), "--out", str(export_a), "-q"])
    assert result.exit_code == 3, result.output
    clean = tmp_path / "clean"
    build([corpora[1], corpora[1].parent / "b-bad"], clean, Settings(cache=False))
    after = snapshot(export_a)
    # exactly the new export plus the user's own files; A's graph.nt (not asked for this time) is gone, not stale
    user = {"notes.txt": b"my own notes\n", ".gitkeep": b"", "figures/plot.svg": b"<svg/>"}
    expected = snapshot(clean) | user
    assert sorted(after) == sorted(expected)
    for name in expected:
        if name not in ("report.json", "ontology.ttl"):  # timings differ; the ontology's blank nodes are not our concern here
            assert after[name] == expected[name], name
    assert (export_a / ".cache").is_dir() and leftovers(export_a) == []


def _has_files(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except FileNotFoundError:  # gone between listing and looking
        return False


def test_a_killed_build_leaves_the_export_and_the_next_build_takes_over_its_lock(corpora, export_a, tmp_path):
    """SIGKILL (no clean-up at all) while the new export is being written, then build again."""
    big = tmp_path / "big"
    write_corpus(big, 12, seed=13)
    before = snapshot(export_a)
    child = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(big), "--out", str(export_a), "-q", "--no-cache"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while child.poll() is None and time.monotonic() < deadline:
        if any(_has_files(p) for p in export_a.parent.glob(f".{export_a.name}{atomic.STAGE_MARK}*")):
            # the new export is being written
            child.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    assert child.wait(timeout=30) == -signal.SIGKILL, "the build finished before it could be killed"
    assert {k: v for k, v in snapshot(export_a).items() if k != LOCK_NAME} == before
    assert (export_a / LOCK_NAME).exists()  # left behind by the dead build

    _, report = build([corpora[1]], export_a, Settings())
    assert any(f"stale lock of a kg build that did not finish (pid {child.pid}" in n for n in report.notices)
    assert leftovers(export_a) == []  # its staged folder is cleaned up too
    assert report.articles == 4


def test_a_terminated_build_cleans_up_and_leaves_the_export(export_a, tmp_path):
    """`kill` (SIGTERM) while the build parses: exit 1, no staged folder, no lock, the export as it was."""
    big = tmp_path / "big"
    write_corpus(big, 12, seed=14)
    before = snapshot(export_a)
    child = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(big), "--out", str(export_a), "-q", "--no-cache"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while child.poll() is None and time.monotonic() < deadline and not (export_a / LOCK_NAME).exists():
        time.sleep(0.005)
    time.sleep(0.5)
    child.terminate()
    assert child.wait(timeout=60) == EXIT_FAILED
    assert snapshot(export_a) == before and leftovers(export_a) == []


def test_a_cache_stranded_by_a_kill_during_the_swap_is_moved_back(corpora, export_a, monkeypatch):
    cached = sorted(p.name for p in (export_a / ".cache").iterdir())
    real_replace = os.replace

    def die_moving_folders(src, dst):
        if Path(src).name == ".cache":
            raise KeyboardInterrupt  # after the swap, before the cache is carried across
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", die_moving_folders)
    with pytest.raises(KeyboardInterrupt):
        build([corpora[0]], export_a, Settings())
    monkeypatch.undo()
    assert not (export_a / ".cache").exists()
    _, report = build([corpora[0]], export_a, Settings())
    assert report.cache_hits == 3 and sorted(p.name for p in (export_a / ".cache").iterdir()) == cached


def test_a_folder_of_other_files_is_refused_not_swapped(corpora, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.docx").write_bytes(b"years of work")
    result = runner.invoke(app, ["build", str(corpora[0]), "--out", str(home), "-q"])
    assert result.exit_code == EXIT_FAILED
    assert "holds files that are not a kg export (thesis.docx" in result.stderr
    assert snapshot(home) == {"thesis.docx": b"years of work"} and leftovers(home) == []


# --- 2. two builds into one folder ------------------------------------------------------------------

def test_a_second_build_refuses_with_the_owner_pid(corpora, export_a):
    before = snapshot(export_a)
    with BuildLock(export_a):
        result = runner.invoke(app, ["build", str(corpora[1]), "--out", str(export_a), "-q"])
    assert result.exit_code == EXIT_FAILED
    assert f"{export_a} is being built by another kg build (pid {os.getpid()} on" in result.stderr
    assert "--wait" in result.stderr
    assert snapshot(export_a) == before


def test_a_second_build_waits_for_the_first(corpora, export_a):
    lock = BuildLock(export_a).acquire()
    threading.Timer(1.0, lock.release).start()
    start = time.monotonic()
    _, report = build([corpora[1]], export_a, Settings(), wait=30)
    assert time.monotonic() - start >= 1.0
    assert report.articles == 4 and not report.notices


def test_the_lock_holds_across_the_swap(corpora, export_a, monkeypatch):
    """Right after the new folder is swapped in, the lock must still be taken (it moved with the folder)."""
    real_exchange, tried = atomic.exchange, []

    def exchange_then_try_the_lock(a, b):
        done = real_exchange(a, b)
        with pytest.raises(OutputLocked):
            BuildLock(b).acquire()
        tried.append(b)
        return done

    monkeypatch.setattr(atomic, "exchange", exchange_then_try_the_lock)
    build([corpora[1]], export_a, Settings())
    assert tried and leftovers(export_a) == []


def test_two_real_processes_never_interleave(corpora, tmp_path):
    out = tmp_path / "shared-out"
    command = [sys.executable, "-m", "kg.cli", "build", str(corpora[1]), "--out", str(out), "-q", "--wait", "120"]
    first, second = (subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2))
    assert first.wait(timeout=300) == EXIT_OK, first.stderr.read()
    assert second.wait(timeout=300) == EXIT_OK, second.stderr.read()
    clean = tmp_path / "clean"
    build([corpora[1]], clean, Settings(cache=False))
    assert (out / "graph.ttl").read_bytes() == (clean / "graph.ttl").read_bytes()
    assert leftovers(out) == []


# --- 3. full disk, read-only output -----------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A 4 MiB tmpfs (root only): room for the cache and two exports of corpus A, not much more."""
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("needs root to mount a size-limited tmpfs")
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, leave: int) -> Path:
    """Fill ``disk`` up to ``leave`` free bytes."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free - leave
    with open(filler, "wb") as handle:
        handle.write(b"\0" * max(free, 0))
    return filler


@pytest.mark.parametrize("leave", [0, 200_000, 900_000])
def test_a_full_disk_is_a_clear_error_and_the_export_stays(leave, corpora, small_disk):
    out = small_disk / "out"
    build([corpora[0]], out, Settings(), formats=("turtle",))
    before = snapshot(out)
    filler = fill(small_disk, leave)
    result = runner.invoke(app, ["build", str(corpora[1]), "--out", str(out), "-q"])
    assert result.exit_code == EXIT_FAILED, result.output
    message = " ".join(result.stderr.split())  # the console wraps long lines
    assert f"{out}: No space left on device" in message and f"the previous export in {out} was left as it was" in message
    assert "Traceback" not in result.output
    assert snapshot(out) == before and leftovers(out) == []
    filler.unlink()  # room again: the same build now works
    assert runner.invoke(app, ["build", str(corpora[1]), "--out", str(out), "-q"]).exit_code == EXIT_OK


def test_a_read_only_output_is_a_clear_error_and_the_export_stays(corpora, tmp_path):
    out = tmp_path / "ro" / "out"
    build([corpora[0]], out, Settings())
    before = snapshot(out)
    if IS_ROOT:  # root writes through permission bits: make the file system read-only
        if subprocess.run(["mount", "--bind", "-o", "ro", str(out.parent), str(out.parent)], capture_output=True).returncode:
            pytest.skip("cannot make a read-only bind mount here")
        subprocess.run(["mount", "-o", "remount,bind,ro", str(out.parent)], check=True)
        undo = ["umount", str(out.parent)]
        reason = "Read-only file system"
    else:
        os.chmod(out, 0o555)
        os.chmod(out.parent, 0o555)
        undo = None
        reason = "Permission denied"
    try:
        start = time.monotonic()
        result = runner.invoke(app, ["build", str(corpora[1]), "--out", str(out), "-q"])
        assert result.exit_code == EXIT_FAILED
        assert f"cannot lock {out}: {reason}" in result.stderr
        assert "Traceback" not in result.output
        assert time.monotonic() - start < 10  # refused before any parsing
        assert snapshot(out) == before
        with pytest.raises(OutputError):
            build([corpora[1]], out, Settings())
    finally:
        if undo:
            subprocess.run(undo, check=False)
        else:
            os.chmod(out.parent, 0o755)
            os.chmod(out, 0o755)
