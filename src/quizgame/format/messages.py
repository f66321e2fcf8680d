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
from typing import Any, get_args

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
_QUESTION_MODELS: tuple[type[QuestionBase], ...] = (QuestionBase, *MODEL_BY_TYPE.values())
_QUESTION_KEYS = frozenset(name for model in _QUESTION_MODELS for name in model.model_fields)


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
    if any(_misspelt_questions(str(key), (), data) for key in data):
        items = [item for item in items if item["loc"] != ("questions",)]  # said by the header

    def problem(loc: Loc, message: str) -> Problem:
        # A misnamed [[question]] array is shown at its first header.
        at = (*loc, 0) if len(loc) == 1 and _misspelt_questions(str(loc[0]), (), data) else loc
        return Problem(path, message, line=source_map.line_of(at), where=_where(loc, data))

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
        question: dict[str, Any] = questions[index]
        return question
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
        return _nested(MODEL_BY_TYPE[qtype], loc[2:]) if qtype else QuestionBase
    return Quiz


def _nested(model: type[BaseModel], path: Loc) -> type[BaseModel]:
    """The model of a table inside a question (a categorize question's `[[questions.buckets]]`)."""
    for part in path:
        field = model.model_fields.get(part) if isinstance(part, str) else None
        inner = _model_in(field.annotation) if field is not None else None
        if inner is not None:
            model = inner
    return model


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model an annotation holds (`list[Bucket]` -> Bucket), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for arg in get_args(annotation) if (m := _model_in(arg)) is not None), None)


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
    if kind == "string_type" and key == "answer" and _question_type(loc, data) == "choice":
        if isinstance(given, int) and not isinstance(given, bool):
            return _choice_number(given, loc, data)
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
        return _bad_length(kind, loc, ctx, given)
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


def _choice_number(number: int, loc: Loc, data: dict[str, Any]) -> str:
    """`answer = 2` in a choice question: the teacher counted the choices."""
    choices = _raw_question(data, int(loc[1])).get("choices")
    message = "a choice answer is the text of the right choice, not its number"
    if isinstance(choices, list) and 1 <= number <= len(choices) and isinstance(
            choices[number - 1], str):
        return f"{message}: answer = {quoted(choices[number - 1])}"
    return f"{message}: write the right choice in quotes, as in choices"


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
    if qtype and (model := _nested(MODEL_BY_TYPE[qtype], loc[2:-1])) is not MODEL_BY_TYPE[qtype]:
        return f"missing (required in every {model.__name__.lower()} of a {qtype} question)"
    return f"missing (required in every {qtype + ' ' if qtype else ''}question)"


def _unknown_key(key: str, table: Loc, data: dict[str, Any]) -> str:
    if _misspelt_questions(key, table, data):
        return (f"write [[questions]], plural, not [[{key}]]: each question goes under its own "
                "[[questions]] header")
    if table == ("quiz",) and key == "questions":
        return "questions go after the [quiz] table, each under its own [[questions]] header"
    if table == ("quiz",) and key in _QUESTION_KEYS - set(QuizMeta.model_fields):
        return f"unknown key {quoted(key)} in [quiz]: is a [[questions]] header missing above it?"
    known = list(_model_for(table, data).model_fields)
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"unknown key {quoted(key)} (did you mean {quoted(close[0])}?)"
    return f"unknown key {quoted(key)} (allowed here: {', '.join(known)})"


def _misspelt_questions(key: str, table: Loc, data: dict[str, Any]) -> bool:
    """`[[question]]`, `[[Questions]]`: an array of tables meant to be the questions."""
    value = data.get(key) if table == () else None
    return (isinstance(value, list) and key != "questions"
            and bool(difflib.get_close_matches(key.lower(), ["questions"], n=1)))


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


def _bad_length(kind: str, loc: Loc, ctx: dict[str, Any], given: Any) -> str:
    actual = ctx.get("actual_length")
    if len(loc) >= 2 and loc[-2] == "pairs":
        items = "item" if actual == 1 else "items"
        texts = [t for t in given if isinstance(t, str)] if isinstance(given, list) else []
        sides = [*texts[:2], "its partner"][:2] if texts else ["France", "Paris"]
        example = f"[{', '.join(quoted(text) for text in sides)}]"
        return f"this pair has {actual} {items}: a pair is [left, right], e.g. {example}"
    if loc == ("questions",):
        return "no questions: add at least one [[questions]] table"
    noun = _NOUNS.get(str(loc[-1]), "item")

    def count(n: Any) -> str:
        return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

    if kind == "too_short":
        return f"needs at least {count(ctx.get('min_length'))}, has {actual}"
    return f"has {count(actual)}, at most {ctx.get('max_length')} allowed"


# --- TOML syntax: tomllib's wording turned into the fix for the slip a beginner most likely made.

# tomllib's wording, with what a teacher most likely did wrong when no slip below is recognised.
_SYNTAX_HINTS = {
    "Invalid value": 'text must be in "double quotes"; numbers, true and false are written bare',
    "Cannot overwrite a value": "this key is already set above in the same table",
    "Cannot declare ('questions',)": "write [[questions]], with double brackets, for each question",
    "Cannot declare ('quiz',)": "a file holds one quiz: one [quiz] table",
    "Illegal character '\\n'": "a quoted text is not closed on this line",
    "Unclosed array": "a list is missing its closing ] or a comma between two items",
    "Expected '=' after a key": 'a key is followed by = and a value, e.g. title = "My quiz"',
}
_CURLY = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
_CLOSING = {"\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201c", "\u00ab": "\u00bb"}
_ITEM = re.compile(r'"(?:\\.|[^"\\])*"|\'[^\']*\'|[^\s,\[\]{}"\']+')
_WORD = re.compile(r"[A-Za-z]+")
_BOOLEAN_WORDS = {"true": "true", "false": "false", "yes": "true", "no": "false"}
_BAD_ESCAPES = ("Invalid hex value", "Unescaped '\\' in a string")


def syntax_message(detail: str, line_text: str, column: int | None) -> str:
    """The message for a TOML syntax error: `detail` is tomllib's, `column` 1-based."""
    value = line_text.partition("=")[2].strip()
    at = line_text[column - 1:] if column else ""
    slip = None
    if detail.startswith("Unclosed array"):
        slip = _missing_comma(value)
    elif detail.startswith("Invalid value"):
        slip = _bad_value(at)
    elif detail.startswith("Expected newline or end of document after a statement"):
        slip = _quote_inside(value)
    elif detail.startswith(_BAD_ESCAPES):
        slip = _backslash(value)
    if slip:
        return slip
    hint = next((h for start, h in _SYNTAX_HINTS.items() if detail.startswith(start)), None)
    return f"{detail} ({hint})" if hint else detail


def _missing_comma(value: str) -> str | None:
    items = list(_ITEM.finditer(value))
    for first, second in zip(items, items[1:]):
        if not value[first.end():second.start()].strip():
            return (f"a comma is missing between {first.group()} and {second.group()}: the items "
                    f"of a list are separated by commas, [{first.group()}, {second.group()}]")
    return None


def _bad_value(at: str) -> str | None:
    if at[:1] in _CURLY:
        fixed = '"' + at[1:].strip().strip(_CURLY) + '"'
        pair = f"{at[:1]}...{_CLOSING.get(at[:1], at[:1])}"
        return (f"curly quotes {pair} (as Word types them) are not quotes in TOML: "
                f"type straight double quotes, {fixed} (or turn off smart quotes)")
    word = _WORD.match(at)
    if word and word.group().lower() in _BOOLEAN_WORDS:
        right = _BOOLEAN_WORDS[word.group().lower()]
        return f"write {right} in lowercase and without quotes, not {word.group()}"
    return None


def _quote_inside(value: str) -> str | None:
    quote = value[:1]
    end = value.find(quote, 1)
    if quote not in "'\"" or end < 0:
        return None
    rest = _WORD.match(value[end + 1:])
    after = rest.group() if rest else value[end + 1:end + 10]
    if quote == "'":
        whole = value[1:value.rfind("'")]
        return (f"the apostrophe in {value[:end + 1 + len(after)]} ends the text in single "
                f"quotes: put the text in double quotes, {quoted(whole)}")
    return (f"the double quote before {after} ends the text: write \\\" for a quote inside a "
            "text, or put the whole text in single quotes ('a \"quoted\" word')")


def _backslash(value: str) -> str:
    text = value[1:value.rfind('"')] if value.startswith('"') else value
    literal, doubled = f"'{text}'", '"' + text.replace("\\", "\\\\") + '"'
    return ('a backslash in "double quotes" starts an escape (\\n is a line break): write a '
            f"path in single quotes, {literal}, or double each backslash, {doubled}")


_ESCAPED = {"\n": ("\\n", "a line break"), "\t": ("\\t", "a tab"), "\r": ("\\r", "a return"),
            "\b": ("\\b", "a backspace"), "\f": ("\\f", "a form feed")}
# A control character right after a drive (`C:\notes`), inside a word (`docs\tables`), or one
# that no quiz text means (backspace, form feed).
_ESCAPE_SLIP = re.compile(r"(?<![A-Za-z])[A-Za-z]:[\n\t\r\b\f]|\w[\t\r]\w|[\b\f]")


def escape_slip(text: str) -> str | None:
    """A warning for a text whose backslash made an escape its author did not mean."""
    match = _ESCAPE_SLIP.search(text)
    if match is None:
        return None
    char = next(c for c in match.group() if c in _ESCAPED)
    escape, meaning = _ESCAPED[char]
    written = "".join(_ESCAPED[c][0] if c in _ESCAPED else c for c in text)
    shown = written if len(written) <= 40 else written[:37] + "..."
    return (f'"{escape}" in "double quotes" is {meaning}, so "{shown}" does not show as '
            "written: for a path use single quotes, "
            f"'{shown}', or double each backslash")
