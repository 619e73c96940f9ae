"""Coded partitions staged as Parquet: documents/, events/ and errors/, one file per partition, in a
local folder or at an fsspec URL, with a marker per partition written last, so a partition is
either wholly there or not there. The ingest stages a partition before merging it into the store
(so a re-run after a crash merges it without coding it again); `batch` writes its output this way.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .inputs import LocationError, filesystem
from .partitions import TABLES, CodedPartition
from .pipeline import CODER_VERSION

__all__ = ["MANIFEST", "Staging", "staging_for"]

MARKERS = "_partitions"
MANIFEST = "_manifest"


class Staging:
    """A folder (local path or fsspec URL) of coded partitions: TABLE/KEY.parquet, then _partitions/KEY.json."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.fs, self.root = filesystem(url)

    def _path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def _fail(self, what: str, exc: BaseException) -> LocationError:
        return LocationError(f"cannot {what} {self.url}: {str(exc).splitlines()[0] if str(exc) else exc}")

    def markers(self) -> dict[str, dict[str, Any]]:
        """The partitions wholly written here, by key."""
        found: dict[str, dict[str, Any]] = {}
        try:
            names = self.fs.ls(self._path(MARKERS), detail=False) if self.fs.exists(self._path(MARKERS)) else []
            for name in names:
                if name.endswith(".json"):
                    marker = json.loads(self.fs.cat_file(name))
                    found[marker["key"]] = marker
        except (OSError, ValueError, KeyError) as exc:
            raise self._fail("read", exc) from None
        return found

    def _put(self, data: bytes | pa.Table, *parts: str) -> None:
        target = self._path(*parts)
        tmp = f"{target}.tmp-{uuid.uuid4().hex[:8]}"
        self.fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
        if isinstance(data, pa.Table):
            pq.write_table(data, tmp, filesystem=self.fs)
        else:
            self.fs.pipe_file(tmp, data)
        self.fs.mv(tmp, target)  # a reader sees the whole file or none

    def write(self, part: CodedPartition, index: int, **extra: Any) -> dict[str, Any]:
        """Write a coded partition's tables, then its marker; returns the marker."""
        marker = {"key": part.key, "index": index, "coder_version": CODER_VERSION, **part.counts(),
                  "seconds": round(part.seconds, 3), "worker": part.worker, **extra,
                  "files": {t: f"{t}/{part.key}.parquet" for t in TABLES}}
        try:
            for name in TABLES:
                self._put(getattr(part, name), name, f"{part.key}.parquet")
            self._put(json.dumps(marker, indent=1).encode("utf-8"), MARKERS, f"{part.key}.json")
        except OSError as exc:
            raise self._fail("write to", exc) from None
        return marker

    def read(self, key: str) -> tuple[pa.Table, pa.Table, pa.Table]:
        """The documents, events and errors tables of a staged partition."""
        try:
            return tuple(pq.read_table(self._path(t, f"{key}.parquet"), filesystem=self.fs)  # type: ignore[return-value]
                         for t in TABLES)
        except (OSError, pa.ArrowException) as exc:
            raise self._fail("read", exc) from None

    def remove(self, key: str) -> None:
        """Forget a partition (once merged): the marker first, so a half-removed one is not staged."""
        for path in (self._path(MARKERS, f"{key}.json"), *(self._path(t, f"{key}.parquet") for t in TABLES)):
            try:
                self.fs.rm_file(path)
            except FileNotFoundError:
                pass

    def remove_if_empty(self) -> None:
        """Remove the folder when no partition is left in it (local folders only)."""
        local = "file" in (self.fs.protocol if isinstance(self.fs.protocol, tuple) else (self.fs.protocol,))
        if not local or not Path(self.root).is_dir():
            return
        if any(p.is_file() for p in Path(self.root).rglob("*")):
            return
        for sub in sorted(Path(self.root).rglob("*"), reverse=True):
            sub.rmdir()
        Path(self.root).rmdir()

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        try:
            self._put(json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8"), MANIFEST)
        except OSError as exc:
            raise self._fail("write to", exc) from None


def staging_for(db: str) -> str:
    """Where an ingest stages coded partitions: beside the database, FILE.staging/."""
    if db == ":memory:":
        return os.path.join(tempfile.gettempdir(), f"greatgame-{os.getpid()}.staging")
    return f"{db}.staging"
