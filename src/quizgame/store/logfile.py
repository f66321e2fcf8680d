"""Append-only save files: a header, then *blocks*, each closed by a `[[saved]]` commit marker.

Session files and card files (format 2) grow by appending: a save writes one block, the tables
it adds and a `[[saved]]` table whose last line is

    checksum = "<32 hex digits>"

a BLAKE2b hash of every byte of the file before that line (earlier blocks and their checksum
lines included). So a save costs the size of what it adds, not of the file, and:

- A write cut short (SIGKILL, power loss, a full disk) leaves a tail after the last complete
  checksum line: it never happened. `committed` gives the file without it; the next full write
  drops it, and an append cuts it off first.
- The file is *intact* when its last checksum matches: it holds exactly what quizgame wrote. One
  hash over the file proves it, and the writer keeps the hash's running state, so appending never
  re-reads the file.
- Every block is valid TOML on its own terms and the committed file as a whole is one TOML
  document (arrays of tables may interleave), read in one parse.

A file is appended to only when it is exactly as this process last left it (same inode, size and
modification time, `Stamp`); anything else gets a full, atomic rewrite (files.write_atomic) after
its readers checked it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from quizgame.store.files import file_error

MARKER = "saved"
CHECKSUM = "checksum"
_CHECKSUM_LINE = re.compile(rb'^checksum = "([0-9a-f]{32})"\n', re.MULTILINE)
_CHECKSUM_START = b'checksum = "'
_MARKER_HEADER = b"\n[[saved]]\n"
# A table this long is never written inline by tomli_w (see `table_block`).
_FILLER = {"_": "x" * 120}


def hasher(kind: bytes) -> Any:
    """A fresh running hash for files of `kind` (b"session", b"cards")."""
    return hashlib.blake2b(digest_size=16, person=b"quizgame-" + kind)


@dataclass(frozen=True, slots=True)
class Committed:
    """What a file holds once a torn tail is cut off."""

    raw: bytes  # the file up to the end of its last checksum line (all of it when it has none)
    intact: bool  # its last checksum matches
    marked: bool  # it has a checksum line at all (an append-only file quizgame wrote)
    digest: Any  # the running hash after `raw`, to append to it

    @property
    def last_marker(self) -> bytes:
        """The text of the last `[[saved]]` table (empty when there is none)."""
        at = self.raw.rfind(_MARKER_HEADER)
        return b"" if at < 0 else self.raw[at + 1 :]


def committed(raw: bytes, kind: bytes, digest: Any = None) -> Committed:
    """`raw` without what follows its last checksum line (a write cut short), and whether that
    checksum matches. `digest`: the running hash of what comes before `raw` in its file, when
    `raw` is what was appended to a file already read (it is not changed)."""
    last = _last_checksum_line(raw)
    digest = hasher(kind) if digest is None else digest.copy()
    if last is None:
        digest.update(raw)
        return Committed(raw, intact=False, marked=False, digest=digest)
    digest.update(raw[: last.start()])
    intact = digest.hexdigest() == last.group(1).decode("ascii")
    digest.update(raw[last.start() : last.end()])
    return Committed(raw[: last.end()], intact=intact, marked=True, digest=digest)


def has_marker(raw: bytes) -> bool:
    """Whether the file has a `[[saved]]` table: format 2 (a plain search; a regex anchored at
    line starts scans a whole session file several times slower)."""
    return raw.startswith(_MARKER_HEADER[1:]) or _MARKER_HEADER in raw


def _last_checksum_line(raw: bytes) -> re.Match[bytes] | None:
    """The last whole checksum line, found from the end: the file before it is not scanned."""
    end = len(raw)
    while (at := raw.rfind(_CHECKSUM_START, 0, end)) >= 0:
        if at == 0 or raw[at - 1] == ord("\n"):
            line = _CHECKSUM_LINE.match(raw, at)
            if line is not None:
                return line
        end = at
    return None


def table_block(name: str, table: Mapping[str, Any]) -> str:
    """`table` as one `[[name]]` table of an array of tables, whatever its size (tomli_w writes
    an array of short tables inline, which could not be appended to)."""
    text = tomli_w.dumps({name: [table, _FILLER]})
    return text[: text.rindex(f"\n\n[[{name}]]\n") + 1]


def marker_block(fields: Mapping[str, Any], digest: Any) -> bytes:
    """A `[[saved]]` table of `fields` closed by its checksum line; `digest` (the running hash of
    the file so far) is updated with every byte of it."""
    body = ("\n[[saved]]\n" + tomli_w.dumps(dict(fields))).encode("utf-8")
    digest.update(body)
    line = f'{CHECKSUM} = "{digest.hexdigest()}"\n'.encode("ascii")
    digest.update(line)
    return body + line


@dataclass(frozen=True, slots=True)
class Stamp:
    """How a file looked when this process last wrote it."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Stamp | None:
        try:
            status = path.stat()
        except OSError:
            return None
        return cls(status.st_ino, status.st_size, status.st_mtime_ns)


def append(path: Path, data: bytes, *, at: int) -> Stamp:
    """Append `data` to `path` at offset `at` (cutting off a torn tail beyond it), durably."""
    try:
        handle = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        try:
            if os.fstat(handle).st_size != at:
                os.ftruncate(handle, at)
            os.lseek(handle, at, os.SEEK_SET)
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            os.fsync(handle)
            status = os.fstat(handle)
        finally:
            os.close(handle)
    except OSError as error:
        raise file_error(path, "written", error) from error
    return Stamp(status.st_ino, status.st_size, status.st_mtime_ns)
