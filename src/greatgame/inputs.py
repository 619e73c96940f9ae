"""The one reader of inputs: local files and directories, '-' (standard input), fsspec URLs
(s3://, gs://, memory://, file://…) and bytes already in hand (an upload), all as documents.

Inputs are read as streams where they are (`documents.read_path`, `documents.read_stream`; bytes in
hand by `documents.parse_bytes`) under the name the user gave, so errors and origins name the URL or
upload as it was given; nothing is copied to a temporary file, and nothing larger than the document
limit (a document, a line, what a .gz inflates to) is ever held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .documents import SUFFIXES, kind_of, parse_bytes, read_path, read_stream
from .model import Document, InputError

__all__ = ["LocationError", "describe_inputs", "filesystem", "is_url", "read_inputs", "read_sources"]

_EXTRAS = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs"}


class LocationError(Exception):
    """An input or output location that cannot be used; the message is one line for the user."""


def is_url(path: str) -> bool:
    """Whether a path is a URL for fsspec (file:// paths are read as local files)."""
    return "://" in path and not path.startswith("file://")


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem and path of a local path or URL; LocationError if its extra is missing."""
    import fsspec  # lazily: fsspec and its backends load only when a URL or staging folder is used

    try:
        return fsspec.core.url_to_fs(url)
    except ImportError:
        scheme = url.split("://", 1)[0]
        extra = _EXTRAS.get(scheme)
        hint = f"; install it with: pip install 'greatgame[{extra}]'" if extra else ""
        raise LocationError(f"{url}: no filesystem for {scheme}:// is installed{hint}") from None
    except ValueError as exc:
        raise LocationError(f"{url}: {exc}") from None


def _readable(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return not base.startswith(".") and kind_of(base) in SUFFIXES


def _too_large(name: str, size: int | None, limit: int) -> InputError | None:
    """A whole-file document over the limit is refused before it is read (record files are read by record)."""
    if size is None or kind_of(name) in (".jsonl", ".ndjson", ".csv"):
        return None
    if size > limit * (4 if name.endswith(".gz") else 1):
        return InputError(name, f"file too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)")
    return None


def _url_files(url: str) -> tuple[Any, list[str]]:
    fs, path = filesystem(url)
    try:
        if any(c in path for c in "*?["):
            return fs, sorted(p for p in fs.glob(path) if _readable(p))
        if fs.isdir(path):
            return fs, sorted(p for p in fs.find(path) if _readable(p))
        return fs, [path] if fs.exists(path) else []
    except OSError as exc:
        raise LocationError(f"{url}: cannot list: {exc}") from None


def _remote(url: str, limit: int) -> Iterator[Document | InputError]:
    try:
        fs, files = _url_files(url)
    except LocationError as exc:
        yield InputError(url, str(exc).removeprefix(f"{url}: "))
        return
    if not files:
        yield InputError(url, "no such file or directory")
        return
    for remote in files:
        name = fs.unstrip_protocol(remote)
        try:
            refused = _too_large(name, fs.size(remote), limit)
            if refused is not None:
                yield refused
                continue
            stream = fs.open(remote, "rb")
        except OSError as exc:
            yield InputError(name, f"cannot read: {exc}")
            continue
        with stream:  # read as it arrives, under the same limits as a local file
            yield from read_stream(stream, name, limit)


def read_inputs(paths: Iterable[str], limit: int = 10_000_000) -> Iterator[Document | InputError]:
    """Documents and input errors from local paths, '-' and fsspec URLs, in the order given."""
    for path in paths:
        if is_url(path):
            yield from _remote(path, limit)
        else:  # a file, a directory, or '-' (standard input)
            yield from read_path(path.removeprefix("file://"), limit)


def read_sources(sources: Iterable[tuple[str, bytes]], limit: int = 10_000_000,
                 default_kind: str = ".txt") -> Iterator[Document | InputError]:
    """Documents from (name, bytes) pairs already in hand, such as uploads; a name without a known
    kind is read as `default_kind`."""
    for name, data in sources:
        kind = kind_of(name)
        yield from parse_bytes(data, name, limit, kind=kind if kind in SUFFIXES else default_kind)


def _mtime(value: Any) -> str | None:
    if isinstance(value, (int, float)):
        return dt.datetime.fromtimestamp(value, dt.UTC).isoformat()
    return str(value) if value else None


def _local_files(path: str) -> list[Path]:
    p = Path(path.removeprefix("file://"))
    if p.is_dir():
        return [f for f in sorted(p.rglob("*")) if f.is_file() and _readable(f.name)]
    return [p] if p.is_file() else []


def describe_inputs(paths: Iterable[str]) -> list[dict[str, Any]]:
    """Each input file with its size and modification time, for a manifest."""
    out: list[dict[str, Any]] = []
    for path in paths:
        found: list[dict[str, Any]] = []
        if is_url(path):
            try:
                fs, files = _url_files(path)
                for f in files:
                    info = fs.info(f)
                    when = info.get("mtime") or info.get("LastModified") or info.get("updated") or info.get("created")
                    found.append({"path": fs.unstrip_protocol(f), "size": info.get("size"), "mtime": _mtime(when)})
            except (LocationError, OSError):
                pass
        elif path != "-":
            for f in _local_files(path):
                st = f.stat()
                found.append({"path": str(f), "size": st.st_size, "mtime": _mtime(st.st_mtime)})
        out += found or [{"path": path, "size": None, "mtime": None}]
    return out

