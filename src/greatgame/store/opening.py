"""Opening a store file safely: one-line errors, the writer's lock file, a writable directory."""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; DuckDB's own lock still keeps writers apart while open
    fcntl = None  # type: ignore[assignment]

__all__ = ["StoreError", "check_writable", "drop_writer_lock", "explain_open_error", "one_line", "take_writer_lock"]


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
