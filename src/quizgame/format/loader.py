"""Load a quiz file: read, decode, parse, validate, and report every problem on its own line.

Nothing but `QuizLoadError` leaves this module for a bad file: syntax errors keep the parser's
line and column, validation errors name the question and field (and the line when it is known).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from quizgame.errors import Problem, QuizLoadError
from quizgame.format.lines import Loc, SourceMap
from quizgame.format.models import (
    QUESTION_TYPES,
    QuestionBase,
    Quiz,
    QuizMeta,
    QuizSource,
    duplicate_positions,
    quoted,
)
from quizgame.format.question_types import MODEL_BY_TYPE

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TYPE_WORDS = {
    "string_type": "text in quotes",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false (without quotes)",
    "list_type": "a list in [brackets]",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dict_type": "a table",
}


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
        raise _fail(path, "is a folder, not a quiz file (check takes folders; play takes files)")
    except FileNotFoundError:
        raise _fail(path, "no such file")
    except PermissionError:
        raise _fail(path, "cannot be read: permission denied")
    except OSError as error:
        raise _fail(path, f"cannot be read: {error.strerror or error}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise QuizLoadError(
            path,
            [Problem(path, f"is not UTF-8 text (bad byte 0x{raw[error.start]:02x}); "
                     "save it as UTF-8", line=line)],
        )
    return load_quiz_text(text, path)


def load_quiz_text(text: str, path: Path) -> LoadedQuiz:
    """Validate quiz TOML text; `path` names it in messages and anchors `source.file`."""
    if not text.strip():
        raise _fail(path, "the file is empty: a quiz needs a [quiz] table and [[questions]]")
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else None
        column = int(position.group(2)) if position else None
        detail = _TOML_POSITION.sub("", message).strip()
        raise QuizLoadError(
            path, [Problem(path, f"TOML syntax error: {detail}", line=line, column=column)]
        )
    source_map = SourceMap.scan(text)
    problems: list[Problem] = []
    context: dict[str, Any] = {}
    source_text = _read_source_text(data, path, source_map, problems)
    if source_text is not None:
        context["source_text"] = source_text
    try:
        quiz = Quiz.model_validate(data, context=context)
    except ValidationError as error:
        problems.extend(_describe(error, data, path, source_map))
    if problems:
        problems.sort(key=lambda p: p.line if p.line is not None else 0)
        raise QuizLoadError(path, problems)
    return LoadedQuiz(quiz=quiz, path=path, source_map=source_map)


def _fail(path: Path, message: str) -> QuizLoadError:
    return QuizLoadError(path, [Problem(path, message)])


def _read_source_text(
    data: dict[str, Any], path: Path, source_map: SourceMap, problems: list[Problem]
) -> str | None:
    quiz = data.get("quiz")
    source = quiz.get("source") if isinstance(quiz, dict) else None
    name = source.get("file") if isinstance(source, dict) else None
    if not isinstance(name, str):
        return None
    loc: Loc = ("quiz", "source", "file")
    line = source_map.line_of(loc, question_count=None)
    try:
        return (path.parent / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        reason = f"source file {name!r} not found next to the quiz"
    except (OSError, UnicodeDecodeError) as error:
        reason = f"source file {name!r} cannot be read as UTF-8 text ({error})"
    problems.append(Problem(path, reason, line=line, where="quiz.source.file"))
    return None


def _describe(
    error: ValidationError, data: dict[str, Any], path: Path, source_map: SourceMap
) -> list[Problem]:
    questions = data.get("questions")
    count = len(questions) if isinstance(questions, list) else None
    problems = []
    errors = error.errors()
    if not any((e.get("ctx") or {}).get("field") == "id" for e in errors) and count:
        raw_ids = [_raw_question(data, i).get("id") for i in range(count)]
        for index, first in duplicate_positions(raw_ids):
            if isinstance(raw_ids[index], str):
                loc = ("questions", index, "id")
                problems.append(Problem(
                    path,
                    f"{quoted(raw_ids[index])} is already the id of questions[{first}]",
                    line=source_map.line_of(loc, question_count=count),
                    where=_where(loc, data),
                ))
    for item in errors:
        loc = _clean_loc(item["loc"], item.get("ctx"))
        message = _message(item, loc, data)
        line = source_map.line_of(loc, question_count=count)
        problems.append(Problem(path, message, line=line, where=_where(loc, data)))
    return problems


def _clean_loc(loc: tuple[Any, ...], ctx: dict[str, Any] | None) -> Loc:
    """Drop the discriminator pydantic inserts (questions.3.choice.answer) and add rule fields."""
    parts = list(loc)
    if len(parts) >= 3 and parts[0] == "questions" and parts[2] in QUESTION_TYPES:
        del parts[2]
    if ctx:
        if ctx.get("index") is not None:
            parts.append(ctx["index"])
        if ctx.get("field"):
            parts.append(ctx["field"])
    return tuple(parts)


def _where(loc: Loc, data: dict[str, Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            if text == f"questions[{part}]":
                qid = _raw_question(data, part).get("id")
                if isinstance(qid, str):
                    text += f' (id "{qid}")'
        else:
            text += f".{part}" if text else str(part)
    return text


def _raw_question(data: dict[str, Any], index: int) -> dict[str, Any]:
    questions = data.get("questions")
    if isinstance(questions, list) and index < len(questions) and isinstance(questions[index], dict):
        return questions[index]
    return {}


def _model_for(loc: Loc, data: dict[str, Any]) -> type[BaseModel] | None:
    if loc[:1] == ("quiz",):
        return QuizSource if loc[:2] == ("quiz", "source") else QuizMeta
    if loc[:1] == ("questions",) and len(loc) >= 2 and isinstance(loc[1], int):
        qtype = _raw_question(data, loc[1]).get("type")
        return MODEL_BY_TYPE.get(qtype, QuestionBase) if isinstance(qtype, str) else QuestionBase
    return Quiz


def _message(item: Any, loc: Loc, data: dict[str, Any]) -> str:
    kind = item["type"]
    given = item.get("input")
    if kind == "missing":
        if loc == ("quiz",):
            return "missing [quiz] table (it holds the quiz's id and title)"
        if loc == ("questions",):
            return "no questions: add at least one [[questions]] table"
        return "required key is missing"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        model = _model_for(loc[:-1], data)
        known = [n for n in (model.model_fields if model else {})]
        close = difflib.get_close_matches(key, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f" (allowed: {', '.join(known)})"
        return f"unknown key {key!r}{hint}"
    if kind == "union_tag_not_found":
        return f"type is missing: use one of {', '.join(QUESTION_TYPES)}"
    if kind == "union_tag_invalid":
        tag = item.get("ctx", {}).get("tag", given)
        close = difflib.get_close_matches(str(tag), QUESTION_TYPES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"type {tag!r} is not one of {', '.join(QUESTION_TYPES)}{hint}"
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, got {_show(given)}"
    if kind == "string_pattern_mismatch":
        if loc == ("quiz", "id"):
            return f"{quoted(given)} is not a valid quiz id: use lowercase letters, digits and '-'"
        if loc[-1] == "id":
            return f"{quoted(given)} is not a valid question id: use letters, digits, '-' and '_'"
        if loc[-1] == "language":
            return f"{quoted(given)} is not a language tag such as 'en' or 'pt-BR'"
        return "must not be empty" if not str(given).strip() else f"{quoted(given)} is not allowed here"
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("too_short", "too_long"):
        ctx = item.get("ctx", {})
        actual = ctx.get("actual_length")
        if kind == "too_short":
            return f"needs at least {ctx.get('min_length')} items, has {actual}"
        return f"has {actual} items, at most {ctx.get('max_length')} allowed"
    message = item["msg"].removeprefix("Value error, ")
    if kind == "literal_error":
        return f"{message}, got {_show(given)}"
    if kind.startswith(("greater", "less")):
        return f"{message.replace('Input should be', 'must be')}, got {_show(given)}"
    return message


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)
