"""Session files: a game's record, with a summary of its answers written ahead of them.

A session file is rewritten after every answer (see player.py). Between the record's own fields
and its `[[answers]]` tables it holds four *summary lines*, counted from the answers:

    answered = 60           scored answer records (timed-out included, polls not)
    correct = 41            fully correct (or overridden) answers
    duration_ms = 512000    sum of the answers' elapsed times
    marked = 1              answers with a claim or an override (every report marks them)

and a *checksum line* after them, `checksum = "<32 hex digits>"`: a BLAKE2b hash of the whole
file without that line. A `SessionSummary` (what history tables and leaderboards need) comes from
the dozen lines before the first `[[answers]]` line, read in a few hundredths of a millisecond
(with rtoml, documents.parse_toml), where `tomllib` takes about 5 ms over a 60-answer file, but
only when the file is *intact*: its checksum matches, so it holds exactly what quizgame wrote and
the lines were counted from these answers. The whole file remains the truth:

- A file that is not intact (edited by hand, damaged, garbage appended, written before checksums
  existed) is read in full, and its summary counted from the answers; a damaged one gets the
  same error from every reader, summaries included.
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
from quizgame.store.documents import (
    dump_table,
    parse_save,
    read_table,
    unreadable,
    validate,
    write_bytes,
)
from quizgame.store.files import read_bytes
from quizgame.store.migrations import FORMAT_VERSION
from quizgame.store.models import SESSION, SessionSummary

SUMMARY_LINES = ("answered", "correct", "duration_ms", "marked")
CHECKSUM = "checksum"
# The header lines tomli_w writes for each answer (and undone answer, after them); the first one
# ends the summary's text.
_ANSWERS_HEADER = re.compile(rb"^\[\[(?:answers|undone)\]\]", re.MULTILINE)
_CHECKSUM_LINE = re.compile(rb'^checksum = "([0-9a-f]{32})"\n', re.MULTILINE)


def write_session(path: Path, record: SessionRecord) -> str:
    """Write the record, summary lines and checksum ahead of the answers, atomically; returns
    the digest."""
    table = record.model_dump(exclude_none=True)
    answers = table.pop("answers")
    undone = table.pop("undone")
    summary = SessionSummary.of(record)
    table.update((name, getattr(summary, name)) for name in SUMMARY_LINES)
    table["answers"] = answers  # last: tomli_w writes plain keys first, so the order is kept
    if undone:  # the undo log, rarely there, after the answers so the summary stays short
        table["undone"] = undone
    return write_bytes(path, _with_checksum(dump_table(table)))


def read_record(path: Path, raw: bytes | None = None, *, checked: bool = False) -> SessionRecord:
    """The whole session, answers included (`SaveError` naming the file when it is bad).

    With `checked` (the classroom's reads), a file whose own figures disagree with its answers
    (its score is not the sum of their points, a summary line miscounts them) is refused too.
    """
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
    if intact(raw):
        header = _ANSWERS_HEADER.search(raw)
        summary = _summary_before_answers(raw if header is None else raw[: header.start()])
        if summary is not None:
            return summary
    return SessionSummary.of(read_record(path, raw, checked=checked))


def intact(raw: bytes) -> bool:
    """Whether a session file holds exactly the bytes quizgame wrote (its checksum matches)."""
    line = _CHECKSUM_LINE.search(raw)
    if line is None:
        return False
    return _checksum(raw[: line.start()] + raw[line.end() :]) == line.group(1).decode("ascii")


def _with_checksum(raw: bytes) -> bytes:
    """`raw` with its checksum line inserted after the summary lines (before the answers)."""
    header = _ANSWERS_HEADER.search(raw)
    at = len(raw) if header is None else header.start()
    if raw[at - 2 : at] == b"\n\n":
        at -= 1  # on the last summary line's heels, before the blank line
    line = f'{CHECKSUM} = "{_checksum(raw)}"\n'.encode("ascii")
    return raw[:at] + line + raw[at:]


def _checksum(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16, person=b"quizgame-session").hexdigest()


def _summary_before_answers(text: bytes) -> SessionSummary | None:
    """The summary the text before the answers gives on its own, if it gives a valid one."""
    try:
        table = parse_save(text.decode("utf-8"))
        if table.pop("format", None) != FORMAT_VERSION:
            return None
        table.pop(CHECKSUM, None)
        counts = _pop_summary_lines(table)
        if len(counts) < len(SUMMARY_LINES):
            return None
        summary = SessionSummary.of(SessionRecord.model_validate(table), counts)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError):
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
