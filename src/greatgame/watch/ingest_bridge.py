"""The one place `watch` hands documents to the ingest engine.

Everything watch ingests goes through `ingest_items`, which calls the one ingest engine
(`greatgame.ingest.ingest_documents`). Which of the documents were stored is read back from the
store by id afterwards (`Store.stored_ids`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..ingest import ErrorRecord, ingest_documents
from ..model import Document
from ..settings import Settings
from ..store import Store

__all__ = ["BridgeSummary", "ingest_items"]


@dataclass(frozen=True)
class BridgeSummary:
    """What one hand-over stored: counts, and every document that could not be coded."""

    documents: int
    events: int
    errors: tuple[ErrorRecord, ...] = ()


def ingest_items(store: Store, docs: Sequence[Document], settings: Settings, *, label: str,
                 runner: Any = None) -> BridgeSummary:
    """Code and store `docs` (those already stored are left as they are); the store is connected after.

    The one ingest engine (`greatgame.ingest.ingest_documents`) commits them a partition at a time and
    lets readers in between; with a Dask `runner` the partitions are coded on its workers, otherwise
    in this process, where the coder stays loaded from one round to the next.
    """
    if not docs:
        store.reconnect()
        return BridgeSummary(0, 0)
    errors: list[ErrorRecord] = []
    report = ingest_documents(store, docs, settings, label=label, runner=runner, on_error=errors.append)
    store.reconnect()
    return BridgeSummary(report.documents, report.events, tuple(errors))

