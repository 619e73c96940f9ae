"""Checks on a store while (and after) an ingest or watch process writes it: what is committed, and
that every committed document holds exactly its own mentions, each in an event."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import duckdb

from greatgame.store import Store


def committed_documents(db: Path) -> int:
    """Documents committed so far by a running ingest, read from a copy (the writer holds the lock)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.duckdb"
        try:
            for suffix in ("", ".wal"):
                if Path(f"{db}{suffix}").exists():
                    shutil.copyfile(f"{db}{suffix}", f"{copy}{suffix}")
            con = duckdb.connect(str(copy))
            try:
                return int(con.execute("SELECT count(*) FROM documents").fetchall()[0][0])
            finally:
                con.close()
        except (OSError, duckdb.Error):
            return 0  # not created yet, or copied in the middle of a write: ask again


def whole_documents(db: Path) -> int:
    """The number of stored documents, checking that each holds exactly its own events."""
    with Store.open(db, read_only=True) as s:
        torn = s.one("SELECT count(*) FROM documents d WHERE events <> "
                     "(SELECT count(*) FROM mentions e WHERE e.doc_id = d.doc_id)")[0]
        orphans = s.one("SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)")[0]
        # every mention belongs to a stored event, committed with it
        orphans += s.one("SELECT count(*) FROM mentions WHERE event_id IS NULL "
                         "OR event_id NOT IN (SELECT event_id FROM events)")[0]
        in_batches = s.one("SELECT coalesce(sum(documents), 0) FROM batches")[0]
        docs = s.stats()["documents"]
    assert (torn, orphans, in_batches) == (0, 0, docs)
    return docs


def kill_after_commit(cmd: list[str], db: Path, stored: int, what: str) -> None:
    """Start `cmd`, wait until it has committed documents beyond `stored`, SIGKILL it and its workers."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None and committed_documents(db) <= stored:
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"the {what} finished before it could be killed"
