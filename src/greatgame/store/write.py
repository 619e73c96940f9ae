"""The store's writes: one coded partition in one transaction, and the runs that write them.

The caller opens the transaction (`Store.transaction`); these functions hold only the SQL.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from . import clustering
from .schema import EVENT_NAMES

__all__ = ["PartitionSummary", "finish_run", "merged_keys", "start_run", "write_partition"]

_STAGED = ("partition_docs", "partition_events", "partition_errors")
_MENTION_COLUMNS = ", ".join(("mention_id", *EVENT_NAMES[1:]))


@dataclass(frozen=True)
class PartitionSummary:
    """What writing one partition stored."""

    key: str
    documents: int
    events: int
    errors: int
    duplicates: int = 0  # documents already stored (same id or content), left as they were
    already_merged: bool = False


def _staged_columns(staged: Sequence[str]) -> str:
    """The select list of a staged events table in the mentions' column order; NULL for a column it lacks
    (partitions staged before schema v5 have no actor provenance)."""
    have = set(staged)
    cols = ["TRY_CAST(date AS DATE)" if n == "date" else n if n in have else "NULL" for n in EVENT_NAMES]
    return ", ".join(cols)


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    # fetchall, not fetchone: an open result would make DuckDB refuse register() and friends.
    return int(con.execute(sql).fetchall()[0][0])


def write_partition(con: duckdb.DuckDBPyConnection, docs: pa.Table, events: pa.Table, errs: pa.Table, *,
                    key: str, run_id: str | None, coder_version: str, goldstein_table: str,
                    duplicates: int = 0, dedup: clustering.Dedup = clustering.DEFAULT) -> PartitionSummary:
    """Write a partition's documents, events and errors under `key`, inside the caller's transaction.

    A key already in the `batches` table (the log of committed partitions) is not written again.
    A document already stored (same id or content hash) is left as it is, with its mentions. The new
    documents join their articles and the new mentions their events (clustering.settle). Errors
    replace earlier ones for the same input or document; a document now stored clears its coding error.
    """
    for name, table in zip(_STAGED, (docs, events, errs), strict=True):
        con.register(name, table)
    try:
        if con.execute("SELECT count(*) FROM batches WHERE batch_key = ?", [key]).fetchall()[0][0]:
            return PartitionSummary(key, 0, 0, 0, len(docs), already_merged=True)
        # Two anti-joins rather than one OR condition, which DuckDB could only run as a nested loop.
        con.execute("""CREATE OR REPLACE TEMP TABLE partition_new AS
            SELECT * FROM partition_docs
            WHERE doc_id NOT IN (SELECT doc_id FROM documents)
              AND content_hash NOT IN (SELECT content_hash FROM documents)""")
        new_docs = _count(con, "SELECT count(*) FROM partition_new")
        names = set(docs.column_names)
        source = "source" if "source" in names else "NULL"  # partitions staged before schema v4 have none
        fingerprint = "fingerprint" if "fingerprint" in names else "NULL"
        con.execute(f"""INSERT INTO documents
            SELECT doc_id, content_hash, TRY_CAST(date AS DATE), url, title, origin, chars, words, events,
                   ?, ?, ?, current_timestamp, {source}, doc_id, {fingerprint} FROM partition_new""",
                    [coder_version, goldstein_table, key])
        new_events = _count(con, "SELECT count(*) FROM partition_events WHERE doc_id IN "
                                 "(SELECT doc_id FROM partition_new)")
        con.execute(f"""INSERT INTO mentions ({_MENTION_COLUMNS}) SELECT {_staged_columns(events.column_names)}
            FROM partition_events WHERE doc_id IN (SELECT doc_id FROM partition_new)""")
        signed = con.execute(f"SELECT doc_id, {fingerprint} FROM partition_new ORDER BY doc_id").fetchall()
        clustering.settle(con, signed, dedup)
        con.execute("""DELETE FROM errors e WHERE EXISTS (SELECT 1 FROM partition_errors b
            WHERE b.kind = e.kind AND b.path IS NOT DISTINCT FROM e.path
              AND b.line IS NOT DISTINCT FROM e.line AND b.doc_id IS NOT DISTINCT FROM e.doc_id)""")
        con.execute("DELETE FROM errors WHERE kind = 'coding' AND doc_id IN (SELECT doc_id FROM partition_new)")
        con.execute("INSERT INTO errors SELECT kind, path, line, doc_id, message, ?, current_timestamp "
                    "FROM partition_errors", [key])
        con.execute("INSERT INTO batches VALUES (?, ?, ?, ?, ?, current_timestamp)",
                    [key, run_id, new_docs, new_events, len(errs)])
        con.execute("DROP TABLE partition_new")
    finally:
        for name in _STAGED:
            con.unregister(name)
    return PartitionSummary(key, new_docs, new_events, len(errs), duplicates + len(docs) - new_docs)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, coder_version: str, paths: Sequence[str]) -> None:
    """Record that a run started, over these inputs."""
    con.execute("INSERT INTO runs (run_id, started_at, coder_version, paths) VALUES (?, current_timestamp, ?, ?)",
                [run_id, coder_version, json.dumps(list(paths))])


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, Any]) -> None:
    """Record a run's end and its counts (documents, events, skipped, errors)."""
    con.execute("UPDATE runs SET finished_at = current_timestamp, documents = ?, events = ?, skipped = ?, "
                "errors = ? WHERE run_id = ?",
                [counts["documents"], counts["events"], counts["skipped"], counts["errors"], run_id])


def merged_keys(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The keys of every partition committed so far."""
    return {row[0] for row in con.execute("SELECT batch_key FROM batches").fetchall()}
