"""What every run over partitions shares (`ingest`, `batch`): its tasks, its counts, its report.

A partition is the unit of commit; the unit of work is smaller. `plan_jobs` cuts each partition to
code into `Chunk`s of at most CHUNK_SIZE documents, one task each, and `Gather` joins the coded
chunks back into their partition, so that a pool shares a few partitions out evenly (200 documents
in partitions of 64 are 13 tasks, not 4 tasks that two workers split 128/72) while what is committed
together stays the same whatever the runner. `Progress` holds a run's running counts and `RunReport`
what it reports at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import pyarrow as pa

from .model import Document, InputError
from .partitions import (
    TABLES,
    CodedPartition,
    ErrorRecord,
    Partition,
    Seen,
    error_records,
    failed_partition,
)
from .settings import Settings

__all__ = ["CHUNK_SIZE", "Chunk", "Gather", "Progress", "RunReport", "join_coded", "plan_jobs"]

# Documents a task codes at most: small enough that workers finish together, large enough that a
# task's overhead (sending documents and tables between processes) stays small beside coding them.
CHUNK_SIZE = 16


def join_coded(key: str, pieces: Sequence[CodedPartition]) -> CodedPartition:
    """The coded chunks of one partition as one coded partition, in chunk order."""
    if len(pieces) == 1:
        return pieces[0]
    workers = ",".join(dict.fromkeys(p.worker for p in pieces if p.worker))
    return CodedPartition(key, *(pa.concat_tables([getattr(p, t) for p in pieces]) for t in TABLES),
                          sum(p.words for p in pieces), sum(p.seconds for p in pieces), workers,
                          any(p.loaded_coder for p in pieces))


@dataclass(frozen=True)
class Chunk:
    """A job's tag: the `number`-th of `count` pieces of a partition's documents to code (`fresh`)."""

    partition: Partition
    fresh: tuple[Document, ...]
    number: int = 0
    count: int = 1

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.fresh[self.number * CHUNK_SIZE:(self.number + 1) * CHUNK_SIZE]

    @property
    def input_errors(self) -> tuple[InputError, ...]:
        """The partition's input errors travel with its first chunk."""
        return self.partition.input_errors if self.number == 0 else ()

    def args(self, settings: Settings) -> tuple[Any, ...]:
        """code_partition's arguments for this chunk."""
        return settings, self.partition.key, self.documents, self.input_errors

    def failed(self, reason: str) -> CodedPartition:
        """This chunk's documents as errors, its task having failed for good."""
        return failed_partition(self.partition.key, self.documents, self.input_errors, reason)


class Gather:
    """Coded chunks gathered back into their partitions, in whatever order they finish.

    `done` and `failed` are run_tasks' callbacks; `on_whole(partition, coded, failed)` is called once
    a partition's last chunk is in, with `failed` true if a task of it failed for good.
    """

    def __init__(self, on_whole: Callable[[Partition, CodedPartition, bool], None]) -> None:
        self.on_whole = on_whole
        self._waiting: dict[str, dict[int, tuple[CodedPartition, bool]]] = {}

    def done(self, chunk: Chunk, coded: CodedPartition) -> None:
        self._add(chunk, coded, False)

    def failed(self, chunk: Chunk, reason: str) -> None:
        self._add(chunk, chunk.failed(reason), True)

    def _add(self, chunk: Chunk, coded: CodedPartition, failed: bool) -> None:
        got = self._waiting.setdefault(chunk.partition.key, {})
        got[chunk.number] = (coded, failed)
        if len(got) == chunk.count:
            del self._waiting[chunk.partition.key]
            pieces = [got[i] for i in range(chunk.count)]
            self.on_whole(chunk.partition, join_coded(chunk.partition.key, [c for c, _ in pieces]),
                          any(f for _, f in pieces))


@dataclass
class Progress:
    """Running counts of a run, handed to the progress callback after every partition."""

    documents: int = 0  # coded and stored (or written)
    events: int = 0
    skipped: int = 0  # already stored, or repeated in this run
    failed: int = 0  # documents that could not be coded
    input_errors: int = 0
    words: int = 0
    partitions_done: int = 0  # coded (or taken from staging) and written in this run
    partitions_skipped: int = 0  # done by an earlier run, or with nothing new to code
    partitions_failed: int = 0  # whose task failed even when retried: their documents are errors
    partitions_total: int | None = None  # known once the whole input is read
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def errors(self) -> int:
        return self.failed + self.input_errors

    def partitions_text(self) -> str:
        seen = self.partitions_done + self.partitions_skipped + self.partitions_failed
        total = f"/{self.partitions_total}" if self.partitions_total is not None else ""
        failed = f" ({self.partitions_failed} failed)" if self.partitions_failed else ""
        return f"{seen}{total} partitions{failed}"

    def add_coded(self, docs: int, events: int, errors: pa.Table, words: int,
                  on_error: Callable[[ErrorRecord], None], failed: bool = False) -> None:
        """Count a partition written, reporting each document of it that could not be coded; `failed`:
        a task of it failed for good (its documents are among the errors)."""
        self.documents += docs
        self.events += events
        self.words += words
        if failed:
            self.partitions_failed += 1
        else:
            self.partitions_done += 1
        failures = error_records(errors, "coding")
        self.failed += len(failures)
        for record in failures:
            on_error(record)


@dataclass(frozen=True)
class RunReport:
    """What a run over partitions did: the counts every run reports."""

    documents: int
    events: int
    skipped: int  # already stored, or repeated in the input
    failed: int
    input_errors: int
    partitions: int
    words: int
    seconds: float

    @property
    def errors(self) -> int:
        return self.failed + self.input_errors

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "seconds": round(self.seconds, 3)}


Job = tuple[Chunk, tuple[Any, ...]]


def plan_jobs(partitions: Iterable[Partition], settings: Settings, progress: Progress,
              on_error: Callable[[ErrorRecord], None],
              plan: Callable[[Partition, tuple[Document, ...]], bool], seen: Seen,
              tick: Callable[[], None]) -> Iterator[Job]:
    """The code_partition tasks to run, as the input is read: one a chunk, tagged with the Chunk.

    Input errors are reported; `plan(partition, fresh_documents)` says whether to code a partition
    (False: it was handled without coding, and counted by `plan`). A partition with nothing new
    to code or report is skipped. `tick` reports progress.
    """
    total = 0
    for part in partitions:
        total += 1
        for err in part.input_errors:
            progress.input_errors += 1
            on_error(ErrorRecord.of_input(err))
        fresh = tuple(d for d in part.documents if seen.fresh(d))
        progress.skipped += len(part.documents) - len(fresh)
        if not plan(part, fresh):
            tick()
            continue
        if not fresh and not part.input_errors:
            progress.partitions_skipped += 1
            tick()
            continue
        count = max(1, -(-len(fresh) // CHUNK_SIZE))
        for number in range(count):
            chunk = Chunk(part, fresh, number, count)
            yield chunk, chunk.args(settings)
    progress.partitions_total = total
