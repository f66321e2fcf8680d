"""What every importer shares: the result it builds, question ids, and validation with lines.

An importer reads a file into plain dicts, one per question, and hands each to
`ImportResult.add` with the line it came from. The dict is validated against the format's
models right away, so a bad question is reported at its line in the *input* file (not in the
TOML written later), and only valid questions reach the quiz.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quizgame.errors import Problem
from quizgame.format.models import (
    QUESTION_ID_PATTERN,
    QUESTION_TYPES,
    Question,
    QuizMeta,
    quoted,
    slug,
)
from quizgame.interop.common import InteropError
from quizgame.safe_text import visible

_QUESTION: TypeAdapter[Question] = TypeAdapter(Question)
_MAX_ID = 64


class QuestionIds:
    """Hands out unique question ids: explicit ones as given, the others derived from text.

    Derived ids are stable (the same text gives the same id on every import) and made unique
    with a `-2`, `-3`... suffix.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, question_id: str) -> bool:
        """Claim an explicit id; False when it is already used."""
        if question_id in self._taken:
            return False
        self._taken.add(question_id)
        return True

    def derive(self, text: str) -> str:
        """An id from a title or prompt: kept as is when it already is a valid id, else a slug."""
        text = text.strip()
        valid = re.fullmatch(QUESTION_ID_PATTERN, text) and len(text) <= _MAX_ID
        base = text if valid else slug(text)
        candidate, number = base, 2
        while candidate in self._taken:
            suffix = f"-{number}"
            candidate = base[: _MAX_ID - len(suffix)] + suffix
            number += 1
        self._taken.add(candidate)
        return candidate


@dataclass
class ImportResult:
    """The questions read from one file and every problem found, each with its input line."""

    path: Path
    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def error(self, line: int | None, message: str, where: str = "") -> None:
        self.problems.append(Problem(self.path, message, line=line, where=where))

    def warning(self, line: int | None, message: str, where: str = "") -> None:
        self.problems.append(
            Problem(self.path, message, line=line, where=where, severity="warning")
        )

    def add(self, data: dict[str, Any], line: int, *, column: dict[str, str] | None = None) -> bool:
        """Validate one question's dict; keep it, or report why not. True when it was kept.

        `column` names the input column of a model field (CSV's `answer` holds `answers`,
        `items` or `pairs`), so messages speak the teacher's vocabulary. Control characters in
        its texts are made visible first: the file comes from elsewhere, and its texts end up
        on students' terminals.
        """
        data = _visible_texts(data)
        try:
            question = _QUESTION.validate_python(data)
        except ValidationError as error:
            qtype = str(data.get("type"))
            for item in error.errors():
                name = _field_name(item)
                label = (column or {}).get(name, name)
                self.error(line, _message(item, qtype), where=label)
            return False
        self.questions.append(question)
        return True

    def sorted_problems(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: p.line if p.line is not None else 0)


def _visible_texts(value: Any) -> Any:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {key: _visible_texts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_visible_texts(item) for item in value]
    return value


def _field_name(item: Any) -> str:
    parts = [p for p in item["loc"] if not (isinstance(p, str) and p in QUESTION_TYPES)]
    ctx = item.get("ctx") or {}
    if ctx.get("field"):
        parts.append(ctx["field"])
    return str(parts[0]) if parts else "question"


def _message(item: Any, qtype: str) -> str:
    kind = item["type"]
    ctx = item.get("ctx") or {}
    if kind == "missing":
        return f"is required for {qtype} questions"
    if kind == "extra_forbidden":
        return f"does not apply to {qtype} questions"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} items, has {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"has {ctx.get('actual_length')} items, at most {ctx.get('max_length')} allowed"
    if kind in ("string_too_short", "string_pattern_mismatch"):
        if item["loc"][-1] == "id":
            return (f"{quoted(item['input'])} is not a valid question id: "
                    "use letters, digits, '-' and '_'")
        return "must not be empty"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters"
    return str(item["msg"]).removeprefix("Value error, ")


def default_quiz_id(path: Path) -> str:
    """A quiz id from a file name: `Unit 3 (Cells).csv` -> `unit-3-cells`."""
    return slug(path.stem)


def default_title(path: Path) -> str:
    """A title from a file name: `unit-3_cells.gift` -> `Unit 3 cells`."""
    words = " ".join(re.split(r"[-_\s]+", path.stem)).strip() or path.stem
    return words[:1].upper() + words[1:]


def quiz_meta(quiz_id: str, title: str) -> QuizMeta:
    """The imported quiz's `[quiz]` table; a bad `--id`/`--title` gets a message."""
    try:
        return QuizMeta(id=quiz_id, title=title)
    except ValidationError as error:
        fields = {str(e["loc"][0]) for e in error.errors()}
        if "id" in fields:
            raise InteropError(
                f"{quoted(quiz_id)} is not a valid quiz id: use lowercase letters, digits and "
                "'-' (give another with --id)"
            ) from None
        raise InteropError("the quiz title must not be empty (give one with --title)") from None

