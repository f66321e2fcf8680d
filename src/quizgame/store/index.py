"""Session summaries without parsing every session file: a checked cache, `.cache/index.json`.

Per session file the index keeps its summary, its size, modification time and digest. A reader
stats each file and believes an entry only while the file is unchanged: same size and time (as
git does, an entry whose file changed less than `RACY_NS` before the index was written is
checked by digest instead, since a quick rewrite can keep both), or else the same digest. Files
that changed or that the index lacks (a game in progress, one saved by another process or
machine, a hand edit) are read in full. So the index is never believed when stale, and losing
it costs time, not data; it is JSON because it holds nothing a person needs to read.

Whoever finds the index stale rewrites it (best effort, no lock: any complete snapshot is
correct, since it is checked on use). The store does so when it saves a finished session, never
per answer: saving an answer writes one session file and nothing that grows with history.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from quizgame.errors import SaveError
from quizgame.store.cache import CACHE_DIR
from quizgame.store.documents import load
from quizgame.store.files import digest, read_bytes, write_atomic
from quizgame.store.migrations import FORMAT_VERSION
from quizgame.store.models import SESSION, IndexEntry, SessionIndex, SessionSummary

SESSIONS_DIR = "sessions"
INDEX_FILE = "index.json"
# Modification times are as coarse as 2 s (FAT); a file written this close to the index is racy.
RACY_NS = 3_000_000_000


def session_files(folder: Path) -> list[Path]:
    """The player's session files, by name (temporary and cache files excluded)."""
    return toml_files(folder / SESSIONS_DIR)


def toml_files(folder: Path) -> list[Path]:
    """`*.toml` files directly in `folder` (none when it does not exist), by name."""
    try:
        with os.scandir(folder) as entries:
            names = [
                entry.name
                for entry in entries
                if entry.name.endswith(".toml") and not entry.name.startswith(".") and entry.is_file()
            ]
    except FileNotFoundError:
        return []
    except OSError as error:
        raise SaveError(f"{folder}: cannot be listed: {error.strerror or error}") from error
    return [folder / name for name in sorted(names)]


def collect(folder: Path, problems: list[str] | None) -> list[IndexEntry]:
    """Entries for the player's readable sessions, oldest first; updates the index if stale.

    An unreadable session file raises `SaveError`, or with a `problems` list is reported there
    and skipped.
    """
    known, written_ns = _indexed(folder)
    entries: list[IndexEntry] = []
    stale = written_ns is None
    for path in session_files(folder):
        entry = known.pop(path.name, None)
        try:
            stat = os.stat(path)
            if entry is None or not _unchanged(entry, stat, written_ns):
                stale = True
                entry = _entry(path, stat, entry)
        except (OSError, SaveError) as error:
            report(problems, error if isinstance(error, SaveError) else _unreadable(path, error))
            continue
        entries.append(entry)
    entries.sort(key=lambda entry: (entry.summary.started_at, entry.summary.id))
    if stale or known:
        _write_index(folder, entries)
    return entries


def report(problems: list[str] | None, error: SaveError) -> None:
    """Raise `error`, or note it when the caller collects problems instead."""
    if problems is None:
        raise error
    problems.append(str(error))


def _unchanged(entry: IndexEntry, stat: os.stat_result, written_ns: int | None) -> bool:
    """Whether the file still matches its entry, by its stat when that is conclusive."""
    return (
        entry.size == stat.st_size
        and entry.mtime_ns == stat.st_mtime_ns
        and written_ns is not None
        and stat.st_mtime_ns < written_ns - RACY_NS
    )


def _entry(path: Path, stat: os.stat_result, old: IndexEntry | None) -> IndexEntry:
    """A fresh entry for a file that may have changed: re-summarised only if its bytes did."""
    raw = read_bytes(path)
    key = digest(raw)
    if old is not None and old.digest == key:
        summary = old.summary
    else:
        summary = SessionSummary.of(load(path, SESSION, raw).value)
    return IndexEntry(
        file=path.name, size=stat.st_size, mtime_ns=stat.st_mtime_ns, digest=key, summary=summary
    )


def _indexed(folder: Path) -> tuple[dict[str, IndexEntry], int | None]:
    """The cached entries by file name and when they were written (None: no usable index)."""
    path = _index_path(folder)
    try:
        written_ns = os.stat(path).st_mtime_ns
        index = SessionIndex.model_validate_json(path.read_bytes())
    except (OSError, ValidationError):
        return {}, None
    if index.format != FORMAT_VERSION:
        return {}, None
    return {entry.file: entry for entry in index.sessions}, written_ns


def _write_index(folder: Path, entries: list[IndexEntry]) -> None:
    index = SessionIndex(format=FORMAT_VERSION, sessions=entries)
    try:
        write_atomic(_index_path(folder), index.model_dump_json().encode("utf-8"), durable=False)
    except SaveError:
        pass  # a read-only saves folder: the index only saves time


def _index_path(folder: Path) -> Path:
    return folder / CACHE_DIR / INDEX_FILE


def _unreadable(path: Path, error: OSError) -> SaveError:
    return SaveError(f"{path}: cannot be read: {error.strerror or error}")
