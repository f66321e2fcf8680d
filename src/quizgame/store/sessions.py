"""Session files: a game's record, with a summary of its answers, and summaries read fast.

Every session file holds, besides the record, four *summary lines* counted from the answers:

    answered = 60           scored answer records (timed-out included, polls not)
    correct = 41            fully correct (or overridden) answers
    duration_ms = 512000    sum of the answers' elapsed times
    marked = 1              answers with a claim or an override (every report marks them)

and a *checksum line*, `checksum = "<32 hex digits>"`. Files of format 2, which quizgame writes
now, grow by appending (session_log.py): the summary lines and the checksum close each save's
block, the checksum hashing the whole file before it (logfile.py). Files of format 1 (quizgame
0.1) were rewritten after every answer, with the summary lines and checksum (a hash of the whole
file without that line) between the record's fields and its `[[answers]]`; they are still read.

A `SessionSummary` (what history tables and leaderboards need) comes from the header and the
last marker (format 2) or the dozen lines before the answers (format 1), parsed with rtoml
(documents.parse_toml) in a few hundredths of a millisecond, but only when the file is *intact*:
its checksum matches, so it holds exactly what quizgame wrote and the lines were counted from
these answers. The whole file remains the truth:

- A file that is not intact (edited by hand, damaged, garbage appended to a format-1 file,
  written before checksums existed) is read in full, and its summary counted from the answers; a
  damaged one gets the same error from every reader, summaries included. (A torn last block of
  a format-2 file is a save that never happened: it is left out, logfile.committed.)
- `read_record` parses everything and counts from the answers. For the player's own views,
  summary lines that disagree with them are ignored (the answers are all there and mean what they
  say); the classroom reads with `checked=True`, which refuses a file whose score is not the sum
  of its answers' points or whose summary lines miscount them, so a hand-edited score never tops
  a leaderboard.

The checksum detects any change made outside quizgame by someone who did not also recompute it.
It is no signature: the algorithm is public and there is no secret key, so it cannot prove that a
file was *not* forged by someone who read this docstring (docs/saves.md says the same).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizgame.engine.records import SessionRecord
from quizgame.store import logfile
from quizgame.store.documents import parse_save, read_table, unreadable, validate
from quizgame.store.files import read_bytes
from quizgame.store.migrations import unchanged_since
from quizgame.store.models import SESSION, SessionSummary
from quizgame.store.session_log import (
    KIND,
    SUMMARY_LINES,
    SessionLog,
    append_session,
    header_table,
    table_of,
    write_session,
)

CHECKSUM = "checksum"
# The first table header ends the text of the record's own fields (format 1: the answers and
# the undo log after them; format 2 also the first marker).
_TABLES_HEADER = re.compile(rb"^\[\[(?:answers|undone|saved)\]\]", re.MULTILINE)
_CHECKSUM_LINE = re.compile(rb'^checksum = "([0-9a-f]{32})"\n', re.MULTILINE)
__all__ = [
    "SUMMARY_LINES", "SessionLog", "append_session", "intact", "read_record", "read_summary",
    "write_session",
]


def read_record(path: Path, raw: bytes | None = None, *, checked: bool = False) -> SessionRecord:
    """The whole session, answers included (`SaveError` naming the file when it is bad).

    With `checked` (the classroom's reads), a file whose own figures disagree with its answers
    (its score is not the sum of their points, a summary line miscounts them) is refused too.
    """
    raw = read_bytes(path) if raw is None else raw
    if logfile.has_marker(raw):
        table, counts = table_of(path, read_table(path, SESSION, logfile.committed(raw, KIND).raw))
    else:
        table = read_table(path, SESSION, raw)
        counts = _pop_summary_lines(table)  # counted from the answers, which win
        table.pop(CHECKSUM, None)
    record = validate(path, SESSION, table)
    if checked:
        _check_figures(path, record, counts)
    return record


def read_summary(path: Path, raw: bytes | None = None, *, checked: bool = False) -> SessionSummary:
    """The session's summary: from the text before its answers when the file is intact (its
    checksum matches), else from a full read (`read_record`, with `checked` passed on)."""
    raw = read_bytes(path) if raw is None else raw
    summary = None
    if logfile.has_marker(raw):
        log = logfile.committed(raw, KIND)
        if log.intact:
            summary = _summary_of(_header_text(log.raw), log.last_marker)
    elif intact(raw):
        summary = _summary_of(_header_text(raw))
    if summary is not None:
        return summary
    return SessionSummary.of(read_record(path, raw, checked=checked))


def intact(raw: bytes) -> bool:
    """Whether a session file holds exactly the bytes quizgame wrote (its checksum matches)."""
    if logfile.has_marker(raw):
        return logfile.committed(raw, KIND).intact
    line = _CHECKSUM_LINE.search(raw)
    if line is None:
        return False
    return _checksum(raw[: line.start()] + raw[line.end() :]) == line.group(1).decode("ascii")


def _checksum(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16, person=b"quizgame-session").hexdigest()


def _header_text(raw: bytes) -> bytes:
    header = _TABLES_HEADER.search(raw)
    return raw if header is None else raw[: header.start()]


def _summary_of(text: bytes, marker: bytes = b"") -> SessionSummary | None:
    """The summary the record's own fields (and a format-2 file's last marker) give on their
    own, if they give a valid one."""
    try:
        table = parse_save(text.decode("utf-8"))
        if not unchanged_since("session", table.pop("format", None)):
            return None  # migrations see whole files
        if marker:
            (figures,) = parse_save(marker.decode("utf-8"))["saved"]
            table = header_table(table, figures)
        else:
            figures = table
        table.pop(CHECKSUM, None)
        counts = _pop_summary_lines(figures)
        if len(counts) < len(SUMMARY_LINES):
            return None
        summary = SessionSummary.of(SessionRecord.model_validate(table), counts)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError, ValueError, KeyError):
        return None
    if summary.finished_at is None and summary.mode != "practice" and (
        0 < summary.question_count <= summary.answered
    ):
        return None  # every answer given but no end mark (0.1): its last answer says when
    return summary


def _check_figures(path: Path, record: SessionRecord, counts: dict[str, Any]) -> None:
    """Refuse a record whose score or summary lines are not what its answers add up to."""
    wrong = []
    points = sum(answer.points for answer in record.answers)
    if record.score != points:
        wrong.append(f"score = {record.score} but its answers' points add up to {points}")
    actual = SessionSummary.of(record)
    wrong += [
        f"{name} = {value!r} but its answers give {getattr(actual, name)}"
        for name, value in counts.items()
        if value != getattr(actual, name)
    ]
    if wrong:
        raise unreadable(path, f"{'; '.join(wrong)} (edited by hand?), so it is not counted")


def _pop_summary_lines(table: dict[str, Any]) -> dict[str, Any]:
    return {name: table.pop(name) for name in SUMMARY_LINES if name in table}
