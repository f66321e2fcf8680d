"""Session files of format 2: the game's settings once, then its answers, appended save by save.

    format = 2
    id = "20250304T090000Z-capitals-d4e5f6"        the record's fields (`header`), written once
    ...
    [[answers]]                                     the answers this save added
    ...
    [[saved]]                                       its commit marker (logfile.py)
    answers = 1                                     the game's answers after this save
    kept = 0                                        ... of which the first `kept` were kept
    score = 0                                       the record's score and end, as now
    answered = 1                                    the summary lines (sessions.py)
    correct = 1
    duration_ms = 7000
    marked = 1
    checksum = "..."                                hash of the file up to this line

A save appends the answers it adds after the `kept` first ones (one, usually; `kept` one less
when it replaces the last one, as "I was sure" or a claim does, and no answer when an undo takes
the last one back), the `[[undone]]` tables of answers taken back, and a marker holding the
figures that change. A change to anything else (a resumed game's plan, a claim settled by the
teacher long after) rewrites the file whole, as one block. Records are written from their models'
dumps, so a field added to `AnswerRecord` or `SessionRecord` is saved and read back as it is.

The file stays one TOML document: `[[answers]]` holds every answer ever written, the markers say
which of them the game has (`SessionLog.table_of` reads them back).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from operator import is_
from pathlib import Path
from typing import Any

from quizgame.engine.records import AnswerRecord, SessionRecord, UndoneAnswer, answer_counts
from quizgame.errors import SaveError
from quizgame.store.documents import dump_table, unreadable
from quizgame.store.files import write_atomic
from quizgame.store.logfile import (
    CHECKSUM,
    MARKER,
    Stamp,
    append,
    hasher,
    marker_block,
    table_block,
)

KIND = b"session"
SUMMARY_LINES = ("answered", "correct", "duration_ms", "marked")
# Record fields a save may change by appending: the rest is the header, written once.
_MUTABLE = ("score", "finished_at")
_MARKER_KEYS = frozenset({"answers", "kept", *_MUTABLE, *SUMMARY_LINES, CHECKSUM})
_LOGS = ("answers", "undone")


@dataclass(frozen=True, slots=True)
class SessionLog:
    """What this process last wrote to a session file: enough to append the next save."""

    header: dict[str, Any]
    answers: list[AnswerRecord]  # the answers written (frozen), in order
    undone: list[UndoneAnswer]
    figures: dict[str, Any]  # the marker's fields but `answers` and `kept`
    before_last: dict[str, int]  # the summary lines of all answers but the last
    digest: Any  # the running hash of the file (logfile.hasher)
    stamp: Stamp | None


def write_session(path: Path, record: SessionRecord) -> SessionLog:
    """Write the whole record as one block, atomically."""
    header = _header(record)
    digest = hasher(KIND)
    head = dump_table(header)
    digest.update(head)
    counts = answer_counts(record.answers)
    data = head + _block(record, 0, 0, counts, digest)
    write_atomic(path, data)
    before_last = answer_counts(record.answers[:-1])
    return _written(record, header, [], counts, before_last, digest, Stamp.of(path))


def append_session(path: Path, log: SessionLog, record: SessionRecord) -> SessionLog | None:
    """Append what changed since `log` was written, durably; None when the change cannot be
    appended (the file then gets a full write) or the file is no longer as `log` left it."""
    if _header(record) != log.header or log.stamp is None:
        return None
    kept = len(log.answers)
    if not _written_first(record.answers, log.answers, kept):
        kept -= 1  # the last answer replaced or taken back
        if kept < 0 or not _written_first(record.answers, log.answers, kept):
            return None
    if not _written_first(record.undone, log.undone, len(log.undone)):
        return None
    # The summary lines are counted from the answers kept (known) and those added: a save
    # costs what it adds, however long the game.
    before = log.figures if kept == len(log.answers) else log.before_last
    added = record.answers[kept:]
    counts = _plus(before, answer_counts(added))
    if not added and len(record.undone) == len(log.undone) and (
        _figures(record, counts) == log.figures
    ):
        return log  # nothing new: already saved
    if Stamp.of(path) != log.stamp:
        return None
    digest = log.digest.copy()
    data = _block(record, kept, len(log.undone), counts, digest)
    stamp = append(path, data, at=log.stamp.size)
    before_last = _plus(before, answer_counts(added[:-1])) if added else log.before_last
    del log.answers[kept:]  # the old log's lists become the new one's: no copy of the game
    return _written(record, log.header, log.answers, counts, before_last, digest, stamp)


def table_of(path: Path, table: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The record's table that a parsed format-2 file holds (its answers as its markers say)
    and the summary lines of its last marker; `SaveError` naming the file for a bad structure."""
    markers = table.pop(MARKER, None)
    written = table.pop("answers", [])
    table.setdefault("undone", [])
    if not (isinstance(markers, list) and markers and isinstance(written, list)):
        raise unreadable(path, "is not a valid session record: it has no [[saved]] table")
    answers: list[Any] = []
    used = 0
    for number, marker in enumerate(markers, 1):
        where = f"[[saved]] table {number}"
        if not isinstance(marker, dict):
            raise unreadable(path, f"is not a valid session record: {where} is not a table")
        unknown = sorted(set(marker) - _MARKER_KEYS)
        if unknown:
            raise unreadable(path, f"is not a valid session record: {where}: unknown key "
                             f"{unknown[0]!r}")
        count, kept = marker.get("answers"), marker.get("kept")
        if not (type(count) is int and type(kept) is int and 0 <= kept <= min(count, len(answers))
                and used + count - kept <= len(written)):
            raise unreadable(path, f"is not a valid session record: {where}: `answers` and "
                             "`kept` do not match the [[answers]] tables before it")
        del answers[kept:]
        answers += written[used : used + count - kept]
        used += count - kept
    if used != len(written):
        raise unreadable(path, "is not a valid session record: an [[answers]] table after the "
                         "last [[saved]] table")
    last = markers[-1]
    table["answers"] = answers
    for name in _MUTABLE:
        if name in last:
            table[name] = last[name]
    return table, {name: last[name] for name in SUMMARY_LINES if name in last}


def header_table(table: dict[str, Any], marker: dict[str, Any]) -> dict[str, Any]:
    """The record's table without answers: the file's header and its last marker's figures."""
    return {**table, **{name: marker[name] for name in _MUTABLE if name in marker}}


def _header(record: SessionRecord) -> dict[str, Any]:
    return record.model_dump(exclude={*_LOGS, *_MUTABLE}, exclude_none=True)


def _plus(counts: dict[str, Any], more: dict[str, int]) -> dict[str, int]:
    return {name: counts[name] + more[name] for name in SUMMARY_LINES}


def _figures(record: SessionRecord, counts: dict[str, int]) -> dict[str, Any]:
    """What a marker says of the record besides its answer counts."""
    figures: dict[str, Any] = {"score": record.score}
    if record.finished_at is not None:
        figures["finished_at"] = record.finished_at
    return {**figures, **counts}


def _block(record: SessionRecord, kept: int, undone_kept: int, counts: dict[str, int],
           digest: Any) -> bytes:
    """The answers after `kept`, the undone answers after `undone_kept` and the marker; `digest`
    is updated with all of it."""
    tables = [
        "\n" + table_block(name, item.model_dump(exclude_none=True))
        for name, items in (("answers", record.answers[kept:]), ("undone", record.undone[undone_kept:]))
        for item in items
    ]
    body = "".join(tables).encode("utf-8")
    digest.update(body)
    marker = {"answers": len(record.answers), "kept": kept, **_figures(record, counts)}
    return body + marker_block(marker, digest)


def _written_first(now: Sequence[AnswerRecord], written: Sequence[AnswerRecord],
                   count: int) -> bool:
    """Whether the first `count` answers of `now` are the first `count` written. Answers are
    frozen, so the same objects (a game's own record) are the same answers, told apart at C
    speed; copies (the live hub's snapshots) are compared field by field."""
    if len(now) < count:
        return False
    if all(map(is_, islice(now, count), written)):
        return True
    return all(a is b or vars(a) == vars(b) for a, b in zip(islice(now, count), written))


def _written(record: SessionRecord, header: dict[str, Any], kept: list[AnswerRecord],
             counts: dict[str, int], before_last: dict[str, int], digest: Any,
             stamp: Stamp | None) -> SessionLog:
    """The log of what was just written: `kept`, the answers kept (extended in place by those
    written after them), and the undone answers (a copy of the list: the caller changes its
    record's lists in place, never the frozen answers in them)."""
    if stamp is None:
        raise SaveError(f"session file of {record.id} vanished as it was written")
    kept += record.answers[len(kept):]
    return SessionLog(header, kept, list(record.undone), _figures(record, counts), before_last,
                      digest, stamp)
