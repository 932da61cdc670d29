"""One build at a time per output folder: a lock file holding the owner's pid.

The lock is an ``flock`` on ``OUT/.kg-build.lock``, so the kernel releases it
when its process dies, however it dies; a lock file left by such a process is
stale, and the next build takes it over and says so.  The file's content
(pid, host, start time) only serves the message a second build prints.  The
file keeps its inode when the export folder is swapped (it is hard-linked
into the new folder), and a waiter checks it locked the file that is still
at the path, so the lock holds across the swap and across removal.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import time
from pathlib import Path

from kg.errors import OutputLocked

__all__ = ["LOCK_NAME", "BuildLock"]

LOCK_NAME = ".kg-build.lock"


class BuildLock:
    """``with BuildLock(folder, wait=seconds):`` -- exclusive use of ``folder`` (created if missing).

    ``stale`` is the owner record of a lock left by a build that died, if any.
    """

    def __init__(self, folder: Path, wait: float = 0.0, poll: float = 0.1):
        self.folder, self.wait, self.poll = Path(folder), wait, poll
        self.path = self.folder / LOCK_NAME
        self.fd: int | None = None
        self.stale: dict | None = None

    def __enter__(self) -> "BuildLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()

    def acquire(self) -> "BuildLock":
        self.folder.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + self.wait
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                owner = _read(fd)
                os.close(fd)
                if time.monotonic() >= deadline:
                    raise OutputLocked(_locked_message(self.folder, owner, self.wait)) from None
                time.sleep(self.poll)
                continue
            if _same_file(fd, self.path):
                break
            os.close(fd)  # the holder removed or replaced it while we waited: lock the one that is there now
        self.fd = fd
        previous = _read(fd)
        self.stale = previous if previous.get("pid") else None
        owner = {"pid": os.getpid(), "host": socket.gethostname(), "started": dt.datetime.now().isoformat(timespec="seconds")}
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, (json.dumps(owner) + "\n").encode(), 0)
        except OSError:  # a full disk: leave no empty lock file behind
            self.release()
            raise
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        if _same_file(self.fd, self.path):
            self.path.unlink()  # while still locked, so nobody can take a file about to vanish
        os.close(self.fd)
        self.fd = None

    def stale_message(self) -> str:
        s = self.stale or {}
        return (f"{self.path}: took over the stale lock of a kg build that did not finish "
                f"(pid {s.get('pid')} on {s.get('host', '?')}, started {s.get('started', '?')})")


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path, follow_symlinks=False))
    except FileNotFoundError:
        return False


def _read(fd: int) -> dict:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _locked_message(folder: Path, owner: dict, waited: float) -> str:
    who = f"pid {owner.get('pid', '?')} on {owner.get('host', '?')}, started {owner.get('started', '?')}"
    after = f" after waiting {waited:g} s" if waited else ""
    return (f"{folder} is being built by another kg build ({who}){after}; "
            "wait for it to finish (--wait SECONDS) or choose another --out")
