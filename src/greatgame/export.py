"""Stored events out to files: Parquet, CSV, JSONL, GDELT 2.0 and ICEWS layouts, and PLOVER records.

Every format is written to a temporary file beside `out` and moved into place when complete, so a
failed export never leaves half a file under the asked-for name.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from .exports import DocMeta
from .exports.gdelt import GDELT_COLUMNS, gdelt_rows
from .exports.icews import ICEWS_COLUMNS, icews_rows
from .model import Event
from .store import Store, modality_values

__all__ = ["FORMATS", "GDELT_COLUMNS", "ICEWS_COLUMNS", "ExportError", "ExportResult", "export"]

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "icews", "plover")


class ExportError(Exception):
    """An export that cannot be done; the message is one line for the user."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    format: str
    path: str
    events: int  # records written
    skipped: int = 0  # events the format cannot hold (PLOVER has no category for CAMEO 01)

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "path": self.path, "events": self.events, "skipped": self.skipped}


@contextmanager
def _atomic(out: str, mode: str) -> Iterator[IO[Any]]:
    target = Path(out)
    if target.is_dir():
        raise ExportError(f"cannot write {out}: it is a directory")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise ExportError(f"cannot write {out}: no such directory {parent}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode, **({"encoding": "utf-8", "newline": ""} if "b" not in mode else {})) as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _metadata(store: Store) -> dict[str, str]:
    coders, tables = store.coder_versions()
    return {"coder_versions": json.dumps(coders), "goldstein_tables": json.dumps(tables)}


def _parquet(store: Store, out: str, modality: Any) -> int:
    meta = {f"greatgame.{k}": v for k, v in _metadata(store).items()}
    reader = store.cluster_batches(modality)
    schema = reader.schema.with_metadata(meta)
    n = 0
    with _atomic(out, "wb") as fh, pq.ParquetWriter(fh, schema) as writer:
        for batch in reader:
            writer.write_batch(pa.RecordBatch.from_arrays(batch.columns, schema=schema))
            n += batch.num_rows
    return n


def _csv(store: Store, out: str, modality: Any) -> int:
    reader = store.cluster_batches(modality)
    options = pa_csv.WriteOptions(quoting_style="needed")
    n = 0
    with _atomic(out, "wb") as fh, pa_csv.CSVWriter(fh, reader.schema, write_options=options) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n


def _jsonl(store: Store, out: str, modality: Any) -> int:
    n = 0
    with _atomic(out, "w") as fh:
        for event in store.stored_events(modality, mentions=True):
            fh.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def _clean(value: Any) -> str:
    """A TSV field: empty for unknown; tabs and newlines become spaces."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _documents(store: Store) -> dict[str, DocMeta]:
    """Every stored document's metadata, by id, for the GDELT and ICEWS layouts."""
    return {r[0]: DocMeta(*r) for r in store.document_meta()}


def _layout(rows: Callable[[Iterable[Event], Mapping[str, DocMeta]], Iterator[list[Any]]],
            columns: Sequence[str], header: bool) -> Callable[[Store, str, Any], int]:
    """A writer of a tab-separated layout: one row per event, the column names first if `header`."""
    def write(store: Store, out: str, modality: Any) -> int:
        events = store.stored_events(modality)
        n = 0
        with _atomic(out, "w") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None,
                           quotechar=None)
            if header:
                w.writerow(columns)
            for row in rows(events, _documents(store)):
                w.writerow([_clean(v) for v in row])
                n += 1
        return n
    return write


def _plover_modes() -> dict[str, str]:
    """CAMEO code -> PLOVER mode, from the packaged CAMEO table."""
    path = Path(__file__).parent / "events" / "data" / "cameo.tsv"
    modes: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("plover_mode"):
                    modes[row["code"]] = row["plover_mode"]
    except OSError:
        pass  # modes are optional in PLOVER; without the table, records simply carry none
    return modes


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def _plover_actor(r: dict[str, Any], side: str) -> dict[str, Any]:
    code, country = r[f"{side}_code"], r[f"{side}_country"]
    start, end = r.get(f"{side}_linked_start"), r.get(f"{side}_linked_end")
    return _drop_none({
        "code": country or (code[:3] if code else None),
        "sector": r[f"{side}_sector"],
        "actor_text": r[f"{side}_text"],
        "identifier_text": r[f"{side}_name"],
        # Extension fields: greatgame's full CAMEO-style code, and how the actor was resolved (records.md).
        "actor_code": code,
        "linked_to": [start, end] if start is not None and end is not None else None,
        "country_from": r.get(f"{side}_country_from"),
        "office_from": r.get(f"{side}_office_from"),
    })


def plover_record(r: dict[str, Any], modes: dict[str, str]) -> dict[str, Any]:
    """A PLOVER JSON record (field names from the PLOVER manual's JSON Data Fields chapter)."""
    loc = None
    if r["location_name"] is not None:
        loc = _drop_none({"name": r["location_name"], "cc3": r["location_country"],
                          "latitude": r["location_lat"], "longitude": r["location_lon"]})
    mode = modes.get(r["cameo"])
    return _drop_none({
        "id": r["event_id"],
        "date": r["date"].isoformat() if r["date"] else None,
        "source": [_plover_actor(r, "source")],
        "recipient": [_plover_actor(r, "target")],
        "event": [r["plover"]],
        "mode": [mode] if mode else None,
        "quad_code": int(r["quad"]),
        "event_scale": float(r["goldstein"]),
        "event_loc": loc,
        "event_text": [r["trigger_text"]] if r["trigger_text"] else None,
        "text": r["sentence_text"],
        "text_info": {"start": r["sentence_start"], "end": r["sentence_end"]},
        "cite_info": _drop_none({"citation": r["doc_id"], "url": r["doc_url"], "title": r["doc_title"],
                                 "coder": r["coder_version"], "codebook": "CAMEO 1.1b3 via CAMEO2PLOVER-2021"}),
        "coder": r["coder_version"],
        "coded_date": r["ingested_at"].date().isoformat() if r["ingested_at"] else None,
        # Extension fields (PLOVER allows named fields beyond its own).
        "cameo": r["cameo"],
        "modality": r["modality"],
        "negated": bool(r["negated"]),
        "confidence": float(r["confidence"]),
        "num_mentions": r.get("num_mentions", 1), "num_sources": r.get("num_sources", 1),
        "num_articles": r.get("num_articles", 1),
    })


def _plover(store: Store, out: str, modality: Any) -> tuple[int, int]:
    modes = _plover_modes()
    n = skipped = 0
    with _atomic(out, "w") as fh:
        for r in store.cluster_rows(modality):
            if r["plover"] is None:
                skipped += 1  # PLOVER drops CAMEO 01 statements: no category, no record
                continue
            fh.write(json.dumps(plover_record(r, modes), ensure_ascii=False) + "\n")
            n += 1
    return n, skipped


_WRITERS: dict[str, Callable[[Store, str, Any], int]] = {
    "parquet": _parquet, "csv": _csv, "jsonl": _jsonl,
}


def export(store: Store, fmt: str, out: str | os.PathLike[str],
           modality: str | Sequence[str] | None = None, header: bool | None = None) -> ExportResult:
    """Write the store's events (every modality unless asked) to `out` in format `fmt`.

    `header` puts the column names first in a gdelt file (GDELT's own files have none); an icews file
    always has its header, as ICEWS's files do.
    """
    out = os.fspath(out)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    modality_values(modality)  # a bad modality fails before any file is touched
    try:
        if fmt == "plover":
            n, skipped = _plover(store, out, modality)
            return ExportResult(fmt, out, n, skipped)
        if fmt == "gdelt":
            return ExportResult(fmt, out, _layout(gdelt_rows, GDELT_COLUMNS, bool(header))(store, out, modality))
        if fmt == "icews":
            return ExportResult(fmt, out, _layout(icews_rows, ICEWS_COLUMNS, header is not False)(store, out, modality))
        return ExportResult(fmt, out, _WRITERS[fmt](store, out, modality))
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None
