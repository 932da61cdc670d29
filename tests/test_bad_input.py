"""`kg build` over a folder of broken input: good records build, every bad one is named once, no traceback.

Exit codes (documented in `kg build --help`): 0 everything built, 3 built but something was skipped
(listed in report.json), 1 nothing built.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import EXIT_FAILED, EXIT_OK, EXIT_SKIPPED
from kg.vocab import KG

REGRESSION = Path(__file__).parent / "regression"
NEWS = "Putin Meets Xi In Moscow\n\nRussian President Vladimir Putin met Chinese President Xi Jinping in Moscow on {day}, the Kremlin said.\n"
runner = CliRunner()


def nasty_corpus(folder: Path) -> dict[str, str]:
    """Write every kind of broken input into ``folder``; return {file name: expected skip reason}."""
    folder.mkdir()
    day = iter(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "in March"])

    def news(accents: str = "") -> str:
        return NEWS.format(day=next(day)) + accents

    (folder / "good.txt").write_text(news(), encoding="utf-8")
    (folder / "latin1.txt").write_bytes(news("Talks at the Café de la Paix were «naïve».\n").encode("latin-1"))
    (folder / "cp1252.txt").write_bytes(news("The minister’s “plan” cost €5 billion — officials said.\n").encode("cp1252"))
    (folder / "utf16-bom.txt").write_bytes(news("Zürich.\n").encode("utf-16"))
    (folder / "utf16-no-bom.txt").write_bytes(news("Zürich.\n").encode("utf-16-le"))
    (folder / "mixed-endings.txt").write_bytes(news().replace("\n", "\r\n", 1).encode() + b"They met again.\rThey spoke.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "feed.jsonl").write_text(
        json.dumps({"title": "Good record", "text": news()}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n",
        encoding="utf-8")
    with open(folder / "huge.txt", "w", encoding="utf-8") as huge:  # 50 MB of one "article"
        line = "Putin met Xi in Moscow and they discussed trade worth $240 billion, officials said. " * 4 + "\n"
        lines = 50 * 2**20 // len(line) + 1
        huge.write(line * lines)
    shutil.copy(REGRESSION / "scripts_and_styles.html", folder / "page.html")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    os.mkfifo(folder / "pipe.txt")
    return {
        "empty.txt": "empty file",
        "binary.txt": "binary file (not text)",
        "image.png": "unsupported file type '.png'",
        "feed.jsonl:2": "invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        "feed.jsonl:3": "record has no 'text' string",
        "huge.txt": f"article too long ({len(line) * lines:,} characters > 1,000,000); separate articles with a line of dashes (-----)",
        "loop-a.txt": "cannot read: symlink loop",
        "loop-b.txt": "cannot read: symlink loop",
        "sub/up": "symlink loop: folder already read through another path",
        "pipe.txt": "not a regular file (device, socket or pipe)",
    }


def test_a_broken_folder_builds_what_it_can_and_names_every_skipped_item(tmp_path):
    expected = nasty_corpus(tmp_path / "in")
    out = tmp_path / "out"
    start = time.perf_counter()
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(out), "--quiet", "--no-cache"])
    seconds = time.perf_counter() - start

    assert result.exit_code == EXIT_SKIPPED, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    skipped = {str(Path(s["path"]).relative_to(tmp_path / "in")): s["reason"] for s in report["skipped"]}
    assert skipped == expected
    # one line per skipped item on stderr, naming the file and the reason
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert sorted(lines) == sorted(f"skipped {tmp_path / 'in' / name}: {reason}" for name, reason in expected.items())
    # every readable file built, whatever its encoding, and the good record of the JSONL file too
    built = set(Graph().parse(out / "graph.ttl").objects(None, KG.sourcePath))
    assert sorted(map(str, built)) == [
        "cp1252.txt", "feed.jsonl#1", "good.txt", "latin1.txt", "mixed-endings.txt", "page.html", "utf16-bom.txt", "utf16-no-bom.txt"]
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert any(node.get("label") == "Vladimir Putin" for node in graph["nodes"])
    assert seconds < 120  # the 50 MB file is refused quickly, not parsed


def test_nothing_readable_exits_1_with_a_message(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == EXIT_FAILED
    assert "error: no article could be read" in result.stderr
    assert "Traceback" not in result.output


def test_everything_readable_exits_0(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(NEWS.format(day="Monday"), encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == EXIT_OK, result.output
    assert json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["skipped"] == []


def test_a_file_name_full_of_console_markup_is_printed_as_text(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(NEWS.format(day="Monday"), encoding="utf-8")
    (tmp_path / "in" / "[bold red]evil[blink] [link=x].txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert f"skipped {tmp_path / 'in' / '[bold red]evil[blink] [link=x].txt'}: empty file" in result.stderr


def test_a_missing_folder_fails_without_a_traceback_in_a_real_process(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), "-q"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == EXIT_FAILED
    assert f"skipped {tmp_path / 'nope'}: no such file or folder" in done.stderr
    assert "Traceback" not in done.stderr
