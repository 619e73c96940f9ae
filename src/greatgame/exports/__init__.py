"""Event layouts that other event-data tools read unchanged: GDELT 2.0's event table and ICEWS's coded events.

Each layout is a module that turns `Event` records and their documents' metadata into rows; `export.py`
chooses the layout and writes the file. What the layouts share lives here: the metadata of a document,
the stable integer ids both formats want, and an event's mention counts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = ["DocMeta", "counts_of", "stable_id"]


@dataclass(frozen=True)
class DocMeta:
    """What a layout needs to know about an event's document."""

    doc_id: str
    url: str | None = None
    origin: str | None = None
    title: str | None = None
    ingested_at: datetime | None = None

    @property
    def citation(self) -> str:
        """Where the event was read: the document's URL, else the file it came from, else its id."""
        return self.url or self.origin or self.doc_id


def stable_id(text: str) -> int:
    """A stable 60-bit integer for an id string: the first 15 hex digits of its SHA-1.

    GDELT's GLOBALEVENTID and ICEWS's Event ID and Story ID are integers; greatgame's ids are strings.
    60 bits fit a signed 64-bit column (BigQuery INT64, DuckDB BIGINT) and make a collision unlikely
    below hundreds of millions of ids (birthday bound ~2^30).
    """
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16)


def counts_of(event: Any) -> tuple[int, int, int]:
    """(mentions, sources, articles) of an event: the store's counts where it has them, else one of each."""
    return (int(getattr(event, "num_mentions", None) or 1), int(getattr(event, "num_sources", None) or 1),
            int(getattr(event, "num_articles", None) or 1))
