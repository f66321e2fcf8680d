"""Session summaries without opening every session file: a checked cache, `.cache/index.json`.

A summary costs little to read from its session file (the text before the answers, see
sessions.py), but a school's saves hold tens of thousands of files: the index turns each of them
into one `stat`. Per session file it keeps the summary, the file's size, modification time and
digest. A reader stats each file and believes an entry only while the file is unchanged: same
size and time (as git does, an entry whose file changed less than `RACY_NS` before the index was
written is checked by digest instead, since a quick rewrite can keep both), or else the same
digest. Files that changed or that the index lacks (a game in progress, one saved by another
process or machine, a hand edit, a folder copied without its `.cache/`) have their summary read
again. So the index is never believed when stale, and losing it costs time, not data; it is JSON
because it holds nothing a person needs to read.

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
from quizgame.store.documents import report
from quizgame.store.files import digest, file_error, read_bytes, toml_files, write_atomic
from quizgame.store.migrations import FORMAT_VERSION
from quizgame.store.models import IndexEntry, SessionIndex
from quizgame.store.sessions import read_summary

SESSIONS_DIR = "sessions"
INDEX_FILE = "index.json"
# Modification times are as coarse as 2 s (FAT); a file written this close to the index is racy.
RACY_NS = 3_000_000_000


def session_files(folder: Path) -> list[Path]:
    """The player's session files, by name (temporary and cache files excluded)."""
    return toml_files(folder / SESSIONS_DIR)


def collect(folder: Path, problems: list[str] | None) -> list[IndexEntry]:
    """Entries for the player's readable sessions, oldest first; updates the index if stale.

    An unreadable session file raises `SaveError`, or with a `problems` list is reported there
    and skipped.
    """
    known, written_ns = _indexed(folder)
    entries: list[IndexEntry] = []
    stale = written_ns is None
    try:
        paths = session_files(folder)
    except SaveError as error:
        report(problems, error)
        return []
    for path in paths:
        old = known.pop(path.name, None)
        try:
            entry = _current(path, old, written_ns)
        except SaveError as error:
            report(problems, error)
            continue
        stale = stale or entry is not old
        entries.append(entry)
    entries.sort(key=lambda entry: (entry.summary.started_at, entry.summary.id))
    if stale or known:
        _write_index(folder, entries)
    return entries


def _unchanged(entry: IndexEntry, stat: os.stat_result, written_ns: int | None) -> bool:
    """Whether the file still matches its entry, by its stat when that is conclusive."""
    return (
        entry.size == stat.st_size
        and entry.mtime_ns == stat.st_mtime_ns
        and written_ns is not None
        and stat.st_mtime_ns < written_ns - RACY_NS
    )


def _current(path: Path, old: IndexEntry | None, written_ns: int | None) -> IndexEntry:
    """The file's entry: `old` itself while the file is unchanged, else a fresh one."""
    try:
        stat = os.stat(path)
    except OSError as error:
        raise file_error(path, "read", error) from error
    if old is not None and _unchanged(old, stat, written_ns):
        return old
    raw = read_bytes(path)
    key = digest(raw)
    if old is not None and old.digest == key:
        summary = old.summary  # same bytes, new time: a copy, a sync, a touch
    else:
        summary = read_summary(path, raw)
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

