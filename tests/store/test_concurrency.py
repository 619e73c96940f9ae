"""Writer priority (issue 16, point 2): a writer waits for the readers in flight and turns new ones away,
so a stream of readers cannot keep it out; readers get in whenever it has let go of the file."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from greatgame.store import Store, StoreBusy, StoreError


def test_a_writer_waits_for_a_reader_in_flight_and_turns_new_readers_away(tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    writer = Store.open(db)
    writer.disconnect()
    reader = Store.open(db, read_only=True)  # in flight while the writer wants the file
    wanted = threading.Thread(target=writer.reconnect, kwargs={"wait": 30.0})
    wanted.start()
    time.sleep(0.5)
    assert wanted.is_alive()  # the writer waits for the reader, it does not fail
    with pytest.raises(StoreBusy, match="is being written; try again in a moment"):
        Store.open(db, read_only=True)  # a new reader steps aside
    assert reader.stats()["documents"] == 0  # the reader in flight is not disturbed
    reader.close()
    wanted.join(timeout=30)
    assert not wanted.is_alive() and writer.stats()["documents"] == 0  # the writer got the file
    with pytest.raises(StoreBusy):
        Store.open(db, read_only=True, wait=0.2)  # a reader waits up to `wait`, then steps aside
    writer.disconnect()
    Store.open(db, read_only=True).close()  # between writes readers come in
    writer.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.duckdb"]  # the gate files go with the writer


def test_a_reader_waiting_for_the_writer_gets_in_when_it_lets_go(tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    writer = Store.open(db)
    threading.Timer(0.3, writer.disconnect).start()
    start = time.monotonic()
    with Store.open(db, read_only=True, wait=10.0) as reader:
        assert reader.stats()["documents"] == 0
    assert 0.2 < time.monotonic() - start < 10.0
    writer.close()


def test_a_writer_gives_up_on_a_reader_that_never_finishes_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    Store.open(db).close()
    writer = Store.open(db)
    writer.disconnect()
    reader = Store.open(db, read_only=True)
    with pytest.raises(StoreError) as err:
        writer.reconnect(wait=0.5)
    assert str(err.value) == (f"{db} is still being read after 0.5 s: a reader kept it open too long "
                              "(an export, say); the partitions committed before are kept")
    Store.open(db, read_only=True).close()  # the writer that gave up lets readers in again
    reader.close()
    writer.close()
