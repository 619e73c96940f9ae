"""A run's tasks: partitions (the unit of commit) coded in chunks (the unit of work), gathered back whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from greatgame import partitions
from greatgame.ingest import ingest
from greatgame.model import Document, InputError
from greatgame.partitions import CodedPartition, Partition, Seen, code_partition, partition_documents
from greatgame.pipeline import DocResult
from greatgame.runs import CHUNK_SIZE, Chunk, Gather, Progress, plan_jobs
from greatgame.settings import Settings
from greatgame.store import Store

ONE_PROCESS = Settings(workers=1)
COUNTRIES = ["Russia", "China", "Iran", "India", "Japan", "Germany", "France", "Turkey", "Egypt", "Brazil"]


def docs(n: int, prefix: str = "d") -> list[Document]:
    return [Document(f"{prefix}{i:02d}", f"Text number {i} of {prefix}.") for i in range(n)]


def coded_without_model(chunk: Chunk) -> CodedPartition:
    """A chunk's documents as the tables coding gives when it finds no events (no model needed)."""
    tables = partitions.partition_tables([DocResult(d) for d in chunk.documents], chunk.input_errors)[:3]
    empty = partitions.failed_partition(chunk.partition.key, (), (), "")  # the tables' schemas, dates as dates
    dated = [t.cast(e.schema) for t, e in zip(tables, (empty.documents, empty.events, empty.errors), strict=True)]
    return CodedPartition(chunk.partition.key, *dated, words=3 * len(chunk.documents), worker=f"w{chunk.number}")


def plan_all(items: list, size: int, seen: Seen | None = None) -> tuple[list[tuple[Chunk, tuple]], Progress]:
    progress = Progress()
    jobs = list(plan_jobs(partition_documents(items, size), ONE_PROCESS, progress, lambda e: None,
                          lambda part, fresh: True, seen or Seen(), lambda: None))
    return jobs, progress


def test_plan_jobs_cuts_each_partition_into_chunks_of_at_most_chunk_size() -> None:
    bad = InputError("x.jsonl", "record is not a JSON object", 3)
    items = [*docs(2), bad, *docs(CHUNK_SIZE * 2 + 6)[2:], *docs(3, "e")]
    jobs, progress = plan_all(items, 40)
    shape = [(c.partition.index, c.number, c.count, [d.id for d in c.documents], c.input_errors) for c, _ in jobs]
    ids = [f"d{i:02d}" for i in range(CHUNK_SIZE * 2 + 6)]
    assert shape == [
        (0, 0, 3, ids[:16], (bad,)),  # the partition's input errors travel with its first chunk
        (0, 1, 3, ids[16:32], ()),
        (0, 2, 3, ids[32:38] + ["e00", "e01"], ()),
        (1, 0, 1, ["e02"], ()),
    ]
    # Each task codes its chunk under the partition's key.
    assert [args[1:] for _, args in jobs] == [(c.partition.key, c.documents, c.input_errors) for c, _ in jobs]
    assert (progress.partitions_total, progress.input_errors) == (2, 1)


def test_plan_jobs_leaves_out_documents_seen_before_and_gives_an_errors_only_partition_one_chunk() -> None:
    bad = InputError("x.jsonl", "no text", 1)
    seen = Seen({"d00", "d01"})
    jobs, progress = plan_all([*docs(2), bad], 5, seen)
    assert [(c.count, c.documents, c.input_errors) for c, _ in jobs] == [(1, (), (bad,))]
    assert progress.skipped == 2


def test_gather_joins_chunks_finished_out_of_order_into_their_partition_in_input_order() -> None:
    jobs, _ = plan_all(docs(CHUNK_SIZE * 2 + 3), 64)
    chunks = [c for c, _ in jobs]
    whole: list[tuple[Partition, CodedPartition, bool]] = []
    gather = Gather(lambda part, coded, failed: whole.append((part, coded, failed)))
    gather.done(chunks[2], coded_without_model(chunks[2]))
    gather.done(chunks[0], coded_without_model(chunks[0]))
    assert whole == []  # a partition is handed on only once all its chunks are in
    gather.done(chunks[1], coded_without_model(chunks[1]))
    [(part, coded, failed)] = whole
    assert part == chunks[0].partition and not failed
    assert coded.key == part.key
    assert coded.documents.column("doc_id").to_pylist() == [d.id for d in part.documents]
    assert (coded.words, coded.worker) == (3 * len(part.documents), "w0,w1,w2")


def test_gather_records_the_documents_of_a_failed_chunk_and_keeps_the_rest() -> None:
    jobs, _ = plan_all(docs(CHUNK_SIZE + 4), 64)
    first, second = (c for c, _ in jobs)
    whole: list[tuple[Partition, CodedPartition, bool]] = []
    gather = Gather(lambda part, coded, failed: whole.append((part, coded, failed)))
    gather.failed(second, "MemoryError: out of memory")
    gather.done(first, coded_without_model(first))
    [(part, coded, failed)] = whole
    assert failed
    assert coded.documents.column("doc_id").to_pylist() == [d.id for d in first.documents]
    assert coded.errors.column("doc_id").to_pylist() == [d.id for d in second.documents]
    assert coded.errors.column("message").to_pylist()[0] == (
        f"could not code document {second.documents[0].id}: the task coding partition {part.key} failed: "
        "MemoryError: out of memory")


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """More documents than a chunk holds, each a sentence with an event."""
    rows = [{"id": f"m{i:02d}", "date": "2020-01-01",
             "text": f"{COUNTRIES[i % 10]} signed a trade agreement with {COUNTRIES[(i + 3) % 10]} on day {i}."}
            for i in range(CHUNK_SIZE + 4)]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def stored(db: Path) -> tuple[list, list]:
    with Store.open(db, read_only=True) as s:
        return (s.con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall(),
                s.con.execute("SELECT * FROM events ORDER BY event_id").fetchall())


def test_ingest_keeps_the_chunks_that_coded_when_one_fails_and_a_rerun_codes_the_rest(
        tmp_path: Path, many: Path, monkeypatch, coder) -> None:
    def second_chunk_fails(settings, key, documents, input_errors=()):
        if documents and documents[0].id == f"m{CHUNK_SIZE:02d}":
            raise MemoryError("out of memory")
        return code_partition(settings, key, documents, input_errors)

    reference = tmp_path / "reference.duckdb"
    with Store.open(reference) as s:
        ingest(s, [str(many)], ONE_PROCESS)
    monkeypatch.setattr(partitions, "code_partition", second_chunk_fails)
    db = tmp_path / "g.duckdb"
    with Store.open(db) as s:
        report = ingest(s, [str(many)], ONE_PROCESS)
        batches = s.con.execute("SELECT batch_key FROM batches").fetchall()
    assert (report.documents, report.failed, report.partitions) == (CHUNK_SIZE, 4, 0)
    assert len(batches) == 1 and ":failed:" in batches[0][0]  # not the partition's key: a re-run codes it
    assert stored(db)[0] == [(f"m{i:02d}",) for i in range(CHUNK_SIZE)]
    monkeypatch.undo()
    with Store.open(db) as s:
        again = ingest(s, [str(many)], ONE_PROCESS)
        errors = s.con.execute("SELECT count(*) FROM errors").fetchall()[0][0]
    assert (again.documents, again.skipped, again.errors, errors) == (4, CHUNK_SIZE, 0, 0)
    assert stored(db) == stored(reference)
