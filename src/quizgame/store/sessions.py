"""Session files: a game's record, with a summary of its answers written ahead of them.

A session file is rewritten after every answer (see player.py). Between the record's own fields
and its `[[answers]]` tables it holds four *summary lines*, counted from the answers:

    answered = 60           answer records (timed-out questions included)
    correct = 41            fully correct (or overridden) answers
    duration_ms = 512000    sum of the answers' elapsed times
    marked = 1              answers with a claim or an override (every report marks them)

so a `SessionSummary` (what history tables and leaderboards need) comes from the dozen lines
before the first `[[answers]]` line, read in a few hundredths of a millisecond (with rtoml,
documents.parse_toml), where `tomllib` takes about 5 ms over a 60-answer file. The whole file
remains the truth:

- `read_record` parses everything and counts from the answers: summary lines that disagree with
  them (a hand edit) are ignored, and so are missing or invalid ones. That is no error: the
  answers are all there and mean what they say.
- `read_summary` believes the summary lines. It reads the whole file instead whenever the text
  before the answers does not give a valid summary on its own (no summary lines, as in files
  written before they existed; an older `format`, since migrations see whole files; anything that
  text alone cannot parse or validate), so a broken file gets exactly the error a full read gives.
  It never looks past the first `[[answers]]`: a file whose answers are damaged is reported by
  the readers of answers (history as JSON, the teacher report, mistakes mode), not by summaries.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizgame.engine.records import SessionRecord
from quizgame.store.documents import parse_toml, read_table, validate, write_table
from quizgame.store.files import read_bytes
from quizgame.store.migrations import FORMAT_VERSION
from quizgame.store.models import SESSION, SessionSummary

SUMMARY_LINES = ("answered", "correct", "duration_ms", "marked")
# The header line tomli_w writes for each answer; the first one ends the summary's text.
_ANSWERS_HEADER = re.compile(rb"^\[\[answers\]\]", re.MULTILINE)


def write_session(path: Path, record: SessionRecord) -> str:
    """Write the record, summary lines ahead of the answers, atomically; returns the digest."""
    table = record.model_dump(exclude_none=True)
    answers = table.pop("answers")
    undone = table.pop("undone")
    summary = SessionSummary.of(record)
    table.update((name, getattr(summary, name)) for name in SUMMARY_LINES)
    table["answers"] = answers  # last: tomli_w writes plain keys first, so the order is kept
    if undone:  # the undo log, rarely there, after the answers so the summary stays short
        table["undone"] = undone
    return write_table(path, table)


def read_record(path: Path, raw: bytes | None = None) -> SessionRecord:
    """The whole session, answers included (`SaveError` naming the file when it is bad)."""
    table = read_table(path, SESSION, raw)
    _pop_summary_lines(table)  # counted from the answers, which win
    return validate(path, SESSION, table)


def read_summary(path: Path, raw: bytes | None = None) -> SessionSummary:
    """The session's summary, from the text before its answers when that suffices."""
    raw = read_bytes(path) if raw is None else raw
    header = _ANSWERS_HEADER.search(raw)
    if header is not None:
        summary = _summary_before_answers(raw[: header.start()])
        if summary is not None:
            return summary
    return SessionSummary.of(read_record(path, raw))


def _summary_before_answers(text: bytes) -> SessionSummary | None:
    """The summary the text before the answers gives on its own, if it gives a valid one."""
    try:
        table = parse_toml(text.decode("utf-8"))
        if table.pop("format", None) != FORMAT_VERSION:
            return None
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


def _pop_summary_lines(table: dict[str, Any]) -> dict[str, Any]:
    return {name: table.pop(name) for name in SUMMARY_LINES if name in table}
