"""Reading files other people wrote: regular files only, and never more than a size limit.

A quiz file, a quiz's source text or a save file may be a FIFO, a device (`/dev/zero`,
`/dev/urandom`) or simply huge. Opening a FIFO for reading blocks until someone writes to it and a
device never ends, so `read_limited` opens without blocking, refuses anything but a regular file
before reading a byte, and reads at most `limit + 1` bytes, whatever the file claims its size is.
Callers word the two refusals (`NotRegularFileError`, `TooLargeError`) for their readers.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MB = 1024 * 1024


class NotRegularFileError(OSError):
    """The path names a FIFO, a device, a socket or a folder: nothing to read as a file."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.kind = kind


class TooLargeError(OSError):
    """The file holds more than the reader accepts."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(f"{path} is larger than {describe_size(limit)}")
        self.limit = limit


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them (else `TooLargeError`).

    Other `OSError`s (missing, permission denied) pass through unchanged.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(Path(path), _kind(mode))
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, MB))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise TooLargeError(Path(path), limit)
    return data


def describe_size(size: int) -> str:
    """`8 MB`, `512 KB`: sizes as a limit is stated in messages and docs."""
    return f"{size // MB} MB" if size >= MB and size % MB == 0 else f"{size // 1024} KB"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
