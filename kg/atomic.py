"""Atomic writes: a file is written beside its target, then renamed; a folder is staged beside its
target, then swapped in with one rename, so readers only ever see the old set of files or the new one.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["atomic_path", "write_bytes", "write_text", "atomic_open", "write_with", "STAGE_MARK", "make_stage",
           "exchange", "swap_in", "recover_stages"]

#: a staged folder is named ``.{target name}{STAGE_MARK}{random}`` beside its target
STAGE_MARK = ".kg-swap-"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``target`` in one rename."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_open(target: Path, mode: str = "w", **kwargs) -> Iterator[IO]:
    """``open`` that only ever leaves the complete file (or the old one) behind."""
    with atomic_path(target) as tmp, open(tmp, mode, **kwargs) as handle:
        yield handle


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_open(target, "wb") as handle:
        handle.write(data)


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def write_with(target: Path, writer: Callable[[Path], None]) -> None:
    """Let ``writer`` fill a temporary path, then move it into place."""
    with atomic_path(target) as tmp:
        writer(tmp)


# --- whole folders ----------------------------------------------------------------------------

def make_stage(target: Path) -> Path:
    """An empty folder beside ``target`` (same file system, so it can be swapped in) with its permissions."""
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGE_MARK}", dir=target.parent))
    mode = stat.S_IMODE(target.stat().st_mode) if target.is_dir() else 0o777 & ~_umask()
    os.chmod(stage, mode)
    return stage


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2``); False where the system has no such call."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # a file system without the flag (NFS, some FUSE)
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_in(stage: Path, target: Path, replaced: set[str]) -> bool:
    """Make the files staged in ``stage`` the content of ``target`` in one step; ``stage`` is used up.

    Whatever else ``target`` holds (files and folders not named in ``replaced``,
    such as the cache, the lock or a user's own notes) is kept: files are
    hard-linked into the stage before the swap, folders moved across after it.
    Old files named in ``replaced`` and not staged again disappear with the old
    folder.  Where the file system cannot swap, two renames do it (a moment
    without ``target``).  Returns False if a folder could not be moved across:
    it waits in the old folder beside ``target`` for :func:`recover_stages`.
    """
    try:
        folders = _carry_over(stage, target, replaced)
        old = stage  # after the exchange the stage's name holds the old folder
        if not exchange(stage, target):
            old = stage.with_name(f"{stage.name}-old")
            os.replace(target, old)
            os.replace(stage, target)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    moved = True
    for name in folders:
        try:
            os.replace(old / name, target / name)
        except OSError:
            moved = False
    if moved:
        shutil.rmtree(old, ignore_errors=True)
    return moved


def _carry_over(stage: Path, target: Path, replaced: set[str]) -> list[str]:
    """Hard-link the files of ``target`` that stay into ``stage``; return the folders that stay."""
    folders = []
    for entry in os.scandir(target):
        if entry.name in replaced or (stage / entry.name).exists():
            continue
        if entry.is_dir(follow_symlinks=False):
            folders.append(entry.name)
            continue
        try:
            os.link(entry.path, stage / entry.name, follow_symlinks=False)
        except OSError:  # a file system without hard links
            shutil.copy2(entry.path, stage / entry.name, follow_symlinks=False)
    return folders


def recover_stages(target: Path) -> list[str]:
    """Clean up what a killed swap into ``target`` left beside it; returns the names removed.

    A build killed after the swap but before moving its folders across left
    them (the cache) in the old folder: they are moved back first.  Only call
    this while holding the target's build lock.
    """
    removed = []
    for leftover in sorted(target.parent.glob(f".{target.name}{STAGE_MARK}*")):
        if not leftover.is_dir() or leftover.is_symlink():
            continue
        for entry in os.scandir(leftover):
            if entry.is_dir(follow_symlinks=False) and not (target / entry.name).exists():
                os.replace(entry.path, target / entry.name)
        shutil.rmtree(leftover, ignore_errors=True)
        removed.append(leftover.name)
    return removed
