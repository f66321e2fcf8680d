"""Load a quiz file: read, decode, parse, validate, and report every problem on its own line.

Nothing but `QuizLoadError` leaves this module for a bad file: syntax errors keep the parser's
line and column, validation errors name the question and field, and the line when it is known
(see `lines.py`; a line is never guessed). Problems are sorted by line, file-wide ones first.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizgame.errors import Problem, QuizLoadError
from quizgame.format.lines import SourceMap
from quizgame.format.messages import describe, syntax_message
from quizgame.format.models import Quiz, normalise_quote, quoted

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")
@dataclass(frozen=True)
class LoadedQuiz:
    """A valid quiz with what the checker needs to point at its lines."""

    quiz: Quiz
    path: Path
    source_map: SourceMap


def load_quiz(path: Path) -> Quiz:
    """Load and validate one quiz file, raising `QuizLoadError` with every problem found."""
    return read_quiz(path).quiz


def read_quiz(path: Path) -> LoadedQuiz:
    """Like `load_quiz`, keeping the line map for later warnings."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise _fail(path, "is a folder, not a quiz file") from None
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except PermissionError:
        raise _fail(path, "cannot be read: permission denied") from None
    except OSError as error:
        raise _fail(path, f"cannot be read: {error.strerror or error}") from None
    return load_quiz_text(_decode(raw, path), path)


def load_quiz_text(text: str, path: Path) -> LoadedQuiz:
    """Validate quiz TOML text; `path` names it in messages and anchors `source.file`."""
    path = Path(path)
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors add; TOML has no use for it
    data = _parse(text, path)
    if not data:
        raise _fail(path, "the file is empty: a quiz needs a [quiz] table and [[questions]] tables")
    source_map = SourceMap.scan(text, data)
    problems: list[Problem] = []
    context: dict[str, Any] = {}
    source_text = _read_source_text(data, path, source_map, problems)
    if source_text is not None:
        context["normalised_source"] = normalise_quote(source_text)
    try:
        quiz = Quiz.model_validate(data, context=context)
    except ValidationError as error:
        problems.extend(describe(error, data, path, source_map, context))
    if problems:
        problems.sort(key=lambda p: p.line if p.line is not None else 0)
        raise QuizLoadError(path, problems)
    return LoadedQuiz(quiz=quiz, path=path, source_map=source_map)


def _fail(path: Path, message: str, line: int | None = None) -> QuizLoadError:
    return QuizLoadError(path, [Problem(path, message, line=line)])


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(path, "is UTF-16 text: save it as UTF-8")
    if b"\x00" in raw:
        raise _fail(path, "is not a text file (it contains NUL bytes): a quiz is UTF-8 text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise _fail(path, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} on this line): "
                    "save it as UTF-8", line=line) from None


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = column = None
        if position and position.group(1):
            line, column = int(position.group(1)), int(position.group(2))
        detail = _TOML_POSITION.sub("", message)
        line_text = text.split("\n")[line - 1] if line else ""
        problem = Problem(path, f"TOML syntax error: {syntax_message(detail, line_text, column)}",
                          line=line, column=column)
        raise QuizLoadError(path, [problem]) from None
    # tomllib lets these through unwrapped: a number thousands of digits long, [[[[...]]]].
    except ValueError:
        raise _fail(path, "TOML syntax error: a number is out of range") from None
    except RecursionError:
        raise _fail(path, "TOML syntax error: lists or tables are nested too deeply") from None


def _read_source_text(
    data: dict[str, Any], path: Path, source_map: SourceMap, problems: list[Problem]
) -> str | None:
    """The text named by `[quiz.source].file`, or None (with a problem when it cannot be read)."""
    quiz = data.get("quiz")
    source = quiz.get("source") if isinstance(quiz, dict) else None
    name = source.get("file") if isinstance(source, dict) else None
    if not isinstance(name, str) or not name.strip():
        return None  # absent, empty or not text: the model reports the last two
    source_path = path.parent / name
    try:
        return source_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        reason = f"source file {quoted(name)} not found (looked for {source_path})"
    except IsADirectoryError:
        reason = f"source file {quoted(name)} is a folder"
    except UnicodeDecodeError:
        reason = f"source file {quoted(name)} is not UTF-8 text"
    except OSError as error:
        reason = f"source file {quoted(name)} cannot be read ({error.strerror or error})"
    except ValueError:  # the name holds a NUL character ("\u0000" in TOML)
        reason = f"source file {quoted(name)} is not a usable file name"
    line = source_map.line_of(("quiz", "source", "file"))
    problems.append(Problem(path, reason, line=line, where="quiz.source.file"))
    return None
