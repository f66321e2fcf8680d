"""Turn pydantic's validation errors into problems a teacher can read: one line each.

A message names the place (`questions[3] (id "capital-fr").answer`), says what is wrong in plain
words, shows the value the teacher wrote the way TOML writes it, and suggests the likely fix
(a misspelt key or type, a missing `[[questions]]` header, quotes around a number).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from quizgame.errors import Problem
from quizgame.format.lines import Loc, SourceMap
from quizgame.format.models import (
    QUESTION_TYPES,
    QuestionBase,
    Quiz,
    QuizMeta,
    QuizSource,
    duplicate_positions,
    quoted,
    slug,
)
from quizgame.format.question_types import MODEL_BY_TYPE

_TYPE_WORDS = {
    "string_type": "text in quotes",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list in [brackets]",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dict_type": "a table",
}
_UNQUOTED = ("int_type", "float_type", "bool_type")  # "12" or "yes" for these: drop the quotes
_NOUNS = {"choices": "choice", "answers": "answer", "items": "item", "pairs": "pair",
          "tags": "tag", "questions": "question"}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_QUESTION_KEYS = frozenset(
    name for model in (QuestionBase, *MODEL_BY_TYPE.values()) for name in model.model_fields
)


def describe(
    error: ValidationError,
    data: dict[str, Any],
    path: Path,
    source_map: SourceMap,
    context: dict[str, Any],
) -> list[Problem]:
    """Every problem in `error`, and those it hides (see `_hidden_errors`), as problems."""
    items = [
        item for item in error.errors()
        # Duplicate ids are found below from the raw data: the model's own check only runs
        # once every question is valid, and stops at the first repeat.
        if not (item["type"] == "quiz_rule" and (item.get("ctx") or {}).get("field") == "id")
    ]
    items += _hidden_errors(items, data, context)

    def problem(loc: Loc, message: str) -> Problem:
        return Problem(path, message, line=source_map.line_of(loc), where=_where(loc, data))

    problems = []
    for item in items:
        loc = _clean_loc(item)
        problems.append(problem(loc, _message(item, loc, data)))
    raw_ids = [_raw_question(data, i).get("id") for i in range(_question_count(data))]
    string_ids = [qid if isinstance(qid, str) else object() for qid in raw_ids]
    for index, first in duplicate_positions(string_ids):
        message = f"{quoted(raw_ids[index])} is already the id of questions[{first}]"
        problems.append(problem(("questions", index, "id"), message))
    return problems


def _hidden_errors(items: list[Any], data: dict[str, Any], context: dict[str, Any]) -> list[Any]:
    """Errors pydantic did not look for because of another error in the same question.

    Without a known `type` nothing else of a question is checked: check the keys every question
    has, so a missing id or prompt shows in the same run. And a rule spanning fields (the answer
    is one of the choices) only runs when no key is wrong: run it again without the unknown keys.
    """
    unknown: dict[int, set[str]] = {}
    untyped: set[int] = set()
    for item in items:
        loc = item["loc"]
        if loc[:1] != ("questions",) or len(loc) < 2 or not isinstance(loc[1], int):
            continue
        if item["type"].startswith("union_tag"):
            untyped.add(loc[1])
        elif item["type"] == "extra_forbidden":
            unknown.setdefault(loc[1], set()).add(loc[-1])
    hidden = []
    for index in sorted(untyped | set(unknown)):
        raw = _raw_question(data, index)
        qtype = _question_type(("questions", index), data)
        model = MODEL_BY_TYPE[qtype] if qtype else QuestionBase
        known = {key: value for key, value in raw.items() if key not in unknown.get(index, ())}
        try:
            model.model_validate(known, context=context)
        except ValidationError as error:
            for item in error.errors():
                if item["type"] == "extra_forbidden" or qtype and item["type"] != "quiz_rule":
                    continue  # reported the first time
                hidden.append({**item, "loc": ("questions", index, *item["loc"])})
    return hidden


def show(value: Any) -> str:
    """A value as the teacher wrote it in TOML, short enough for one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quoted(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time"
    text = repr(value)
    return text if len(text) <= 20 else text[:17] + "..."


def _clean_loc(item: Any) -> Loc:
    """Drop the tag pydantic inserts (questions.3.choice.answer); point rule and type errors
    at the key they are about."""
    parts = list(item["loc"])
    if len(parts) >= 3 and parts[0] == "questions" and parts[2] in QUESTION_TYPES:
        del parts[2]
    if item["type"] == "quiz_rule":
        ctx = item.get("ctx") or {}
        if ctx.get("index") is not None:
            parts.append(ctx["index"])
        if ctx.get("field"):
            parts.append(ctx["field"])
    elif item["type"].startswith("union_tag"):
        parts.append("type")
    return tuple(parts)


def _where(loc: Loc, data: dict[str, Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            qid = _raw_question(data, part).get("id") if text == f"questions[{part}]" else None
            if isinstance(qid, str):
                text += f" (id {show(qid)})"
        else:
            name = part if _BARE_KEY.fullmatch(part) else quoted(part)
            text += f".{name}" if text else name
    return text


def _question_count(data: dict[str, Any]) -> int:
    questions = data.get("questions")
    return len(questions) if isinstance(questions, list) else 0


def _raw_question(data: dict[str, Any], index: int) -> dict[str, Any]:
    questions = data.get("questions")
    if isinstance(questions, list) and index < len(questions) and isinstance(questions[index], dict):
        return questions[index]
    return {}


def _question_type(loc: Loc, data: dict[str, Any]) -> str | None:
    """The valid type of the question `loc` is in, if any."""
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        qtype = _raw_question(data, loc[1]).get("type")
        if isinstance(qtype, str) and qtype in MODEL_BY_TYPE:
            return qtype
    return None


def _model_for(loc: Loc, data: dict[str, Any]) -> type[BaseModel]:
    """The model of the table at `loc` (where an unknown key was found)."""
    if loc[:2] == ("quiz", "source"):
        return QuizSource
    if loc[:1] == ("quiz",):
        return QuizMeta
    if loc[:1] == ("questions",):
        qtype = _question_type(loc, data)
        return MODEL_BY_TYPE[qtype] if qtype else QuestionBase
    return Quiz


def _message(item: Any, loc: Loc, data: dict[str, Any]) -> str:
    kind: str = item["type"]
    given = item.get("input")
    ctx = item.get("ctx") or {}
    key = loc[-1] if loc else ""
    if kind == "missing":
        return _missing(loc, data)
    if kind == "extra_forbidden":
        return _unknown_key(str(key), loc[:-1], data)
    if kind == "union_tag_not_found":
        return f"missing: every question needs a type, one of {', '.join(QUESTION_TYPES)}"
    if kind == "union_tag_invalid":
        return _unknown_type(_raw_question(data, int(loc[1])).get("type"))
    if kind == "list_type" and loc == ("questions",) and isinstance(given, dict):
        return "write [[questions]], with double brackets, above each question"
    if kind in _TYPE_WORDS:
        hint = " (without quotes)" if kind in _UNQUOTED and isinstance(given, str) else ""
        return f"expected {_TYPE_WORDS[kind]}{hint}, got {show(given)}"
    if kind == "string_pattern_mismatch":
        return _bad_pattern(loc, given)
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long: {len(given)} characters, at most {ctx.get('max_length')}"
    if kind in ("too_short", "too_long"):
        return _bad_length(kind, loc, ctx)
    if kind == "greater_than_equal":
        return f"must be {_bound(ctx.get('ge'))} or more, got {show(given)}"
    if kind == "less_than_equal":
        return f"must be at most {_bound(ctx.get('le'))}, got {show(given)}"
    if kind == "finite_number":
        return f"must be an ordinary number, got {show(given)}"
    if kind == "literal_error":
        expected = str(ctx.get("expected")).replace("'", '"')  # TOML strings use double quotes
        return f"must be {expected}, got {show(given)}"
    return str(item["msg"]).removeprefix("Value error, ")


def _bound(limit: Any) -> str:
    """A limit from the models as a teacher would write it: 0, not 0.0."""
    return str(int(limit)) if isinstance(limit, float) and limit.is_integer() else str(limit)


def _missing(loc: Loc, data: dict[str, Any]) -> str:
    if loc == ("quiz",):
        return "missing [quiz] table (it holds the quiz's id and title)"
    if loc == ("questions",):
        return "no questions: add at least one [[questions]] table"
    if loc[:1] == ("quiz",):
        return "missing (required in [quiz])"
    qtype = _question_type(loc, data)
    return f"missing (required in every {qtype + ' ' if qtype else ''}question)"


def _unknown_key(key: str, table: Loc, data: dict[str, Any]) -> str:
    if table == ("quiz",) and key == "questions":
        return "questions go after the [quiz] table, each under its own [[questions]] header"
    if table == ("quiz",) and key in _QUESTION_KEYS - set(QuizMeta.model_fields):
        return f"unknown key {quoted(key)} in [quiz]: is a [[questions]] header missing above it?"
    known = list(_model_for(table, data).model_fields)
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"unknown key {quoted(key)} (did you mean {quoted(close[0])}?)"
    return f"unknown key {quoted(key)} (allowed here: {', '.join(known)})"


def _unknown_type(tag: Any) -> str:
    kinds = ", ".join(QUESTION_TYPES)
    if not isinstance(tag, str):
        return f"expected text in quotes, one of {kinds}; got {show(tag)}"
    close = difflib.get_close_matches(tag, QUESTION_TYPES, n=1)
    hint = f" (did you mean {quoted(close[0])}?)" if close else ""
    return f"{show(tag)} is not a question type{hint}: use one of {kinds}"


def _bad_pattern(loc: Loc, given: str) -> str:
    if not given.strip():
        return "must not be empty"
    ascii_text = unicodedata.normalize("NFKD", given).encode("ascii", "ignore").decode()
    if loc == ("quiz", "id"):
        return (f"{show(given)} is not a valid quiz id: use lowercase letters, digits and '-' "
                f"(e.g. {quoted(slug(given))})")
    if loc[-1] == "id":
        example = re.sub(r"[^A-Za-z0-9_]+", "-", ascii_text).strip("-")[:64] or "q1"
        return (f"{show(given)} is not a valid question id: use letters, digits, '-' and '_' "
                f"(e.g. {quoted(example)})")
    if loc[-1] == "language":
        return f"{show(given)} is not a language tag such as \"en\" or \"pt-BR\""
    return f"{show(given)} is not allowed here"


def _bad_length(kind: str, loc: Loc, ctx: dict[str, Any]) -> str:
    actual = ctx.get("actual_length")
    if len(loc) >= 2 and loc[-2] == "pairs":
        return f"a pair is [left, right], this one has {actual} items"
    if loc == ("questions",):
        return "no questions: add at least one [[questions]] table"
    noun = _NOUNS.get(str(loc[-1]), "item")

    def count(n: Any) -> str:
        return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

    if kind == "too_short":
        return f"needs at least {count(ctx.get('min_length'))}, has {actual}"
    return f"has {count(actual)}, at most {ctx.get('max_length')} allowed"
