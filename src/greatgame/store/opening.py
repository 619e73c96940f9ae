"""Opening a store file safely: one-line errors, the writer's lock file, a writable directory."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; DuckDB's own lock still keeps writers apart while open
    fcntl = None  # type: ignore[assignment]

__all__ = ["StoreBusy", "StoreError", "check_writable", "drop_writer_lock", "enter_as_reader", "enter_as_writer",
           "explain_open_error", "leave_as_writer", "one_line", "open_gate", "remove_gate", "take_writer_lock"]


class StoreError(Exception):
    """A store that cannot be opened or written; the message is one line for the user."""


def one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return re.sub(r"^[A-Za-z ]*Error: ", "", text)


def explain_open_error(path: str, exc: duckdb.Error) -> StoreError:
    message = str(exc)
    if "Could not set lock" in message:
        pid = re.search(r"\(PID (\d+)\)", message)
        who = f" (PID {pid[1]})" if pid else ""
        return StoreError(f"{path} is in use by another process{who}: DuckDB allows one writer, "
                          "and no readers while it writes")
    if "not a valid DuckDB database" in message:
        return StoreError(f"{path} is not a DuckDB database")
    if "Permission denied" in message or "Read-only file system" in message:
        return StoreError(f"cannot open {path}: permission denied")
    return StoreError(f"cannot open {path}: {one_line(exc)}")


def take_writer_lock(path: str) -> int:
    """An exclusive lock beside the database: its one writer holds it even while it lets readers in."""
    lock = f"{path}.lock"
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            who = f" (PID {holder})" if holder.isdigit() else ""
            raise StoreError(f"{path} is in use by another process{who}: DuckDB allows one writer, "
                             "and no readers while it writes") from None
        try:
            current = os.stat(lock).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            current = False
        if current:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode("ascii"))
            return fd
        os.close(fd)  # its holder removed it while we opened it: take the new one


def drop_writer_lock(path: str, fd: int) -> None:
    try:
        os.unlink(f"{path}.lock")
    except FileNotFoundError:
        pass
    os.close(fd)


def check_writable(path: str) -> None:
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"cannot create {path}: no such directory {parent}")
    # DuckDB writes a .wal file beside the database, so the directory itself must be writable.
    if not os.access(parent, os.W_OK):
        raise StoreError(f"cannot write {path}: the directory {parent} is read-only")
    if p.exists() and not os.access(p, os.W_OK):
        raise StoreError(f"cannot write {path}: the file is read-only")


# --- writer priority: readers step aside while the writer wants the file --------------------------
#
# DuckDB lets one process write a file or many read it, never both. Two lock files beside the
# database schedule them (see docs/concurrency.md): the writer holds FILE.gate exclusively while it
# wants or has the file; a reader opens only while it can take FILE.gate shared (for an instant), and
# holds FILE.readers shared while its connection is open; the writer, once it holds the gate, waits
# for FILE.readers exclusively, that is for the readers in flight to finish. New readers are turned
# away meanwhile (StoreBusy), so a stream of readers cannot keep the writer out. The writer creates
# both files and removes them when it closes; with no files there is no writer, and readers just open.

class StoreBusy(StoreError):
    """The writer has the file or is waiting for it: a reader should try again in a moment."""


_POLL = 0.01


def _flock_within(fd: int, mode: int, deadline: float) -> bool:
    """Take a flock on fd, polling until `deadline` (time.monotonic); whether it was taken."""
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL)


def open_gate(path: str) -> tuple[int, int]:
    """The writer's gate files (created), to hold with `enter_as_writer`; `remove_gate` when done."""
    return (os.open(f"{path}.gate", os.O_RDWR | os.O_CREAT, 0o644),
            os.open(f"{path}.readers", os.O_RDWR | os.O_CREAT, 0o644))


def enter_as_writer(path: str, gate: tuple[int, int], wait: float) -> None:
    """Turn new readers away and wait (up to `wait` seconds) for those in flight; StoreError if they stay."""
    deadline = time.monotonic() + wait
    if _flock_within(gate[0], fcntl.LOCK_EX, deadline):
        if _flock_within(gate[1], fcntl.LOCK_EX, deadline):
            return
        fcntl.flock(gate[0], fcntl.LOCK_UN)
    raise StoreError(f"{path} is still being read after {wait:g} s: a reader kept it open too long "
                     "(an export, say); the partitions committed before are kept")


def leave_as_writer(gate: tuple[int, int]) -> None:
    """Let readers in again."""
    fcntl.flock(gate[1], fcntl.LOCK_UN)
    fcntl.flock(gate[0], fcntl.LOCK_UN)


def remove_gate(path: str, gate: tuple[int, int]) -> None:
    for suffix in (".gate", ".readers"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass
    for fd in gate:
        os.close(fd)


def enter_as_reader(path: str, wait: float = 0.0) -> int | None:
    """A shared hold on FILE.readers for a reader to keep while its connection is open (None: no writer
    runs). StoreBusy if the writer has the file or wants it for longer than `wait` seconds."""
    deadline = time.monotonic() + wait
    try:
        gate = os.open(f"{path}.gate", os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        if not _flock_within(gate, fcntl.LOCK_SH, deadline):
            raise StoreBusy(f"{path} is being written; try again in a moment")
        try:
            readers = os.open(f"{path}.readers", os.O_RDONLY)
        except FileNotFoundError:
            return None
        # Holding the gate shared, the writer cannot hold FILE.readers: this succeeds at once.
        if not _flock_within(readers, fcntl.LOCK_SH, deadline):
            os.close(readers)
            raise StoreBusy(f"{path} is being written; try again in a moment")
        return readers
    finally:
        os.close(gate)  # readers hold the gate only for that instant
