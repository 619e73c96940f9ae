"""Bounded reading of input bytes: nothing is held past its size limit, compressed or not.

A reader asks for at most `limit + 1` bytes of a document (or of one line of a line-based file); one
byte more than the limit is enough to know the input is too large, so a gzip bomb stops after
inflating a little more than the limit instead of all of it.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import os
from collections.abc import Iterator
from typing import IO, AnyStr, BinaryIO

__all__ = ["TooLarge", "decode_text", "is_utf16", "limited_lines", "open_input", "read_limited",
           "symlink_problem", "too_large"]

# Read in pieces of this size while skipping the rest of an over-long line.
_SKIP_BLOCK = 1 << 20


class TooLarge(Exception):
    """More than the limit arrived; `limit` is the limit passed."""

    def __init__(self, limit: int) -> None:
        super().__init__(too_large(limit))
        self.limit = limit


def too_large(limit: int, size: int | None = None, what: str = "document") -> str:
    """The one message for an input over its limit, with its size where it is known."""
    amount = f"{size / 1e6:.1f} MB" if size is not None else f"over {limit / 1e6:g} MB"
    return f"{what} too large ({amount}; the limit is {limit / 1e6:g} MB)"


def open_input(path: str) -> BinaryIO:
    """The file's bytes as a stream; a `.gz` file is inflated as it is read, never all at once."""
    f = open(path, "rb")  # noqa: SIM115 - the caller closes the stream it is given
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=f, mode="rb")  # type: ignore[return-value]
    return f


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """All of the stream if it holds at most `limit` bytes; TooLarge as soon as one more arrives."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit)
    return data


def limited_lines(stream: IO[AnyStr], limit: int) -> Iterator[tuple[int, AnyStr | int]]:
    """(line number, line with its end) for each line; for a line over `limit`, its size instead.

    A line over the limit is read past in pieces, never held whole.

    The stream must have a bounded `readline(size)`: files, gzip streams and text wrappers do.
    """
    n = 0
    while line := stream.readline(limit + 1):
        n += 1
        if len(line) > limit and line[-1:] not in (b"\n", "\n"):
            size = len(line)
            while (rest := stream.readline(_SKIP_BLOCK)) and rest[-1:] not in (b"\n", "\n"):
                size += len(rest)
            yield n, size + len(rest)
            continue
        yield n, line


def is_utf16(head: bytes) -> bool:
    """Whether bytes start with a UTF-16 byte-order mark."""
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode_text(data: bytes) -> tuple[str | None, str]:
    """(text, "") for UTF-8 or UTF-16 with a byte-order mark; (None, reason) for anything else.

    A NUL character anywhere makes the input binary: text with one in it is not news, and a
    sentence must never carry it into the store.
    """
    if is_utf16(data):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return None, f"not valid UTF-16 (byte {exc.start})"
    else:
        if b"\x00" in data:
            return None, "binary file, not text"
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
            return None, f"not valid UTF-8 (byte {exc.start + skip})"
    if "\x00" in text:
        return None, "binary file, not text"
    return text, ""


def symlink_problem(path: str) -> str | None:
    """Why a symbolic link cannot be followed (a loop or a missing target), or None if it can."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return f"dangling symbolic link (to {os.readlink(path)!r})"
        return f"cannot follow symbolic link: {exc.strerror}"
    return None
