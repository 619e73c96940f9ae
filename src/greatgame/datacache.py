"""Tables built from the package's data files: built once, then kept on disk between runs.

A table is stored in the user's cache directory (`$GREATGAME_CACHE_DIR`, else `$XDG_CACHE_HOME/greatgame`,
else `~/.cache/greatgame`) in a file named by a hash of everything it was built from: the data files, the
source of the modules that build it, and the versions of Python and of the libraries involved. Any change
gives a new name, so a stale table is never read. Where the directory cannot be written the table is built
in memory at every start; a file that cannot be read is built again.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata, resources
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached", "fingerprint"]

T = TypeVar("T")
# Raise when what a cached table holds changes shape in a way the sources hashed below do not show.
FORMAT = 1
# How many versions of one table to keep.
KEEP = 4


def cache_dir() -> Path:
    """Where built tables are kept."""
    if os.environ.get("GREATGAME_CACHE_DIR"):
        return Path(os.environ["GREATGAME_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "greatgame"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def fingerprint(*, data: Iterable[str] = (), modules: Iterable[str] = (), packages: Iterable[str] = (),
                extra: Iterable[str] = ()) -> str:
    """A hash of the data files of these packages (every file of their `data/` folder), the source of
    these modules, the installed versions of these distributions, and any other strings given."""
    h = hashlib.sha256(f"format {FORMAT}; python {sys.version_info[:2]}".encode())
    for package in data:
        folder = resources.files(package) / "data"
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file():
                h.update(f"\0{package}/{entry.name}\0".encode())
                h.update(entry.read_bytes())
    for module in modules:
        spec = find_spec(module)
        h.update(f"\0{module}\0".encode())
        h.update(Path(spec.origin).read_bytes() if spec and spec.origin else b"-")
    for package in packages:
        h.update(f"\0{package}=={_version(package)}".encode())
    for s in extra:
        h.update(f"\0{s}".encode())
    return h.hexdigest()[:24]


def _read(path: Path) -> object:
    gc.disable()  # unpickling many small objects: the collector would only walk them again and again
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    finally:
        gc.enable()


def _write(path: Path, value: object) -> None:
    """Store a table atomically; where the cache cannot be written, nothing is stored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        # tables of earlier data or versions: keep a few (checkouts or environments side by side), drop the rest
        name = path.name.rsplit("-", 1)[0]
        others = sorted((p for p in path.parent.glob(f"{name}-*.pickle") if p != path),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP - 1:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The table `name` for this key: read from the cache, else built and stored there."""
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        return _read(path)  # type: ignore[return-value]
    except FileNotFoundError:
        pass
    except Exception:  # a torn or foreign file: build it again
        pass
    value = build()
    _write(path, value)
    return value
