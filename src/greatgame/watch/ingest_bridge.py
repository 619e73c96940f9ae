"""The one place `watch` hands documents to the ingest engine.

Everything watch ingests goes through `ingest_items`, so moving to another engine is a change to
this function's body only (e.g. to `greatgame.ingest.ingest_documents(store, docs, settings,
label=label, runner=runner, on_error=...)`). Which of the documents were stored is read back from
the store by id afterwards, whatever engine wrote them.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..ingest import ErrorRecord, write_batch
from ..model import Document, InputError
from ..pipeline import CODER_VERSION, DocResult, code_documents
from ..settings import Settings
from ..store import Store

__all__ = ["BridgeSummary", "ingest_items", "stored_ids"]


@dataclass(frozen=True)
class BridgeSummary:
    """What one hand-over stored: counts, and every document that could not be coded."""

    documents: int
    events: int
    errors: tuple[ErrorRecord, ...] = ()


def ingest_items(store: Store, docs: Sequence[Document], settings: Settings, *, label: str,
                 runner: Any = None) -> BridgeSummary:
    """Code and store `docs` (those already stored are left as they are); the store is connected after.

    Commits every `settings.batch_size` documents, each batch in one transaction, and lets readers
    in between batches. With a Dask `runner`, the documents are coded as partitions on its workers.
    """
    if not docs:
        store.reconnect()
        return BridgeSummary(0, 0)
    if runner is not None:
        return _on_runner(store, docs, settings, label, runner)
    run_id = uuid.uuid4().hex[:12]
    errors: list[ErrorRecord] = []
    results: list[DocResult] = []
    counts = {"documents": 0, "events": 0, "batches": 0}
    with store.connected(), store.transaction() as con:
        con.execute("INSERT INTO runs (run_id, started_at, coder_version, paths) VALUES (?, current_timestamp, ?, ?)",
                    [run_id, CODER_VERSION, json.dumps([label])])

    def flush() -> None:
        if results:
            with store.connected():
                summary = write_batch(store, results, [], batch_key=f"{run_id}:{counts['batches']:06d}",
                                      run_id=run_id)
            counts["documents"] += summary.documents
            counts["events"] += summary.events
            counts["batches"] += 1
            results.clear()

    store.disconnect()  # readers (`greatgame serve`) get in between batches
    try:
        items: list[Document | InputError] = list(docs)
        for item in code_documents(items, settings):
            if isinstance(item, InputError):  # not produced from Documents; kept for the engine's contract
                errors.append(ErrorRecord.of_input(item))
                continue
            results.append(item)
            if item.error is not None:
                errors.append(ErrorRecord.of_result(item))
            if len(results) >= settings.batch_size:
                flush()
        flush()
    finally:
        store.reconnect()
    with store.transaction() as con:
        con.execute("UPDATE runs SET finished_at = current_timestamp, documents = ?, events = ?, skipped = ?, "
                    "errors = ? WHERE run_id = ?",
                    [counts["documents"], counts["events"], len(docs) - counts["documents"] - len(errors),
                     len(errors), run_id])
    return BridgeSummary(counts["documents"], counts["events"], tuple(errors))


def _on_runner(store: Store, docs: Sequence[Document], settings: Settings, label: str,
               runner: Any) -> BridgeSummary:
    """The partitioned engine reads files: the round's documents go to a JSONL file beside the store."""
    from ..partitioned import ingest_partitions

    folder = f"{store.path}.watch"
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{label.replace('/', '_')}-{uuid.uuid4().hex[:8]}.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps({"id": d.id, "text": d.text, "date": d.date, "url": d.url, "title": d.title},
                                 ensure_ascii=False) + "\n")
    errors: list[ErrorRecord] = []
    try:
        report = ingest_partitions(store, [path], settings, runner, partition_size=settings.batch_size,
                                   on_error=errors.append)
    finally:
        os.unlink(path)
        try:
            os.rmdir(folder)
        except OSError:
            pass  # another round's file is still there
    store.reconnect()
    return BridgeSummary(report.documents, report.events, tuple(errors))


def stored_ids(store: Store, ids: Sequence[str]) -> set[str]:
    """Which of these document ids the store holds (the store connected)."""
    if not ids:
        return set()
    rows = store.con.execute("SELECT doc_id FROM documents WHERE list_contains(?::VARCHAR[], doc_id)",
                             [list(ids)]).fetchall()
    return {r[0] for r in rows}
