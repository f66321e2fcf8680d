"""What every exporter shares: per-type tables, results, skipped questions, shared texts.

Every format module has a table by question type: `EXPORTS` (what renders a question of that
type) and, for formats that can be read, `IMPORTS` (how a question of that type is read from
the format). An entry may be `NotCarried(reason)` when the format has no form for the type.
`render_each` looks each question's type up: a type with no entry, or a `NotCarried` one, and a
question that raises `Unsupported` (it does not fit the format's limits) become `Skipped`
entries with the reason, so no question is ever dropped, or crashes an export, without the
teacher being told which one and why. `tests/test_question_types.py` checks that every table
names exactly the question types.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from quizgame.engine.grading import grader_for
from quizgame.errors import QuizgameError
from quizgame.format.models import ChoiceQuestion, MultiQuestion, PollQuestion, Question, Quiz

T = TypeVar("T")


class InteropError(QuizgameError):
    """An import or export that cannot be done as asked (nothing to write, no output file...)."""


class Unsupported(Exception):
    """Raised while rendering a question that the target format has no form for."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class NotCarried:
    """A table entry for a question type that a format has no form for, and why."""

    reason: str


@dataclass(frozen=True)
class Carried:
    """An import table entry: the form in the format that becomes this question type."""

    form: str


ExportTable = Mapping[str, "Callable[[Quiz, Any], T] | NotCarried"]
"""Question type -> what renders a question of it in its quiz (or why the format cannot)."""
ImportTable = Mapping[str, "Carried | NotCarried"]
"""Question type -> the form it is read from (or why the format has none)."""


@dataclass(frozen=True)
class Skipped:
    """A question left out of an export, and why."""

    question_id: str
    question_type: str
    reason: str

    def __str__(self) -> str:
        return f'skipped question "{self.question_id}" ({self.question_type}): {self.reason}'


@dataclass(frozen=True)
class ExportOptions:
    """Choices the exporters read; formats ignore the options that do not concern them."""

    answer_key: bool = False


@dataclass(frozen=True)
class ExportResult:
    """The exported document (text, or bytes for spreadsheets) and the questions left out."""

    content: str | bytes
    exported: int
    skipped: tuple[Skipped, ...] = ()


def render_each(
    quiz: Quiz, table: ExportTable[T], format_name: str
) -> tuple[list[T], tuple[Skipped, ...]]:
    """Render every question by its type's entry in `table`; what cannot be is skipped."""
    rendered: list[T] = []
    skipped: list[Skipped] = []
    for question in quiz.questions:
        try:
            rendered.append(render_one(quiz, question, table, format_name))
        except Unsupported as unsupported:
            skipped.append(Skipped(question.id, question.type, unsupported.reason))
    return rendered, tuple(skipped)


def render_one(quiz: Quiz, question: Question, table: ExportTable[T], format_name: str) -> T:
    """One question by its type's entry; raises `Unsupported` with the reason it has none."""
    entry = table.get(question.type)
    if entry is None:
        raise Unsupported(f"the {format_name} export has no form for {question.type} questions yet")
    if isinstance(entry, NotCarried):
        raise Unsupported(entry.reason)
    return entry(quiz, question)


def format_number(value: float) -> str:
    """A number as people write it: 2017 rather than 2017.0, 0.5 as is."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def print_order(items: list[str], seed: str) -> list[str]:
    """A fixed shuffle for paper and flashcards: the same every export, never the answer order.

    Seeded by the question id so that golden files and reprinted handouts stay identical.
    """
    shown = list(items)
    random.Random(seed).shuffle(shown)
    if shown == items:
        shown = shown[1:] + shown[:1]
    return shown


INSTRUCTIONS: dict[str, str] = {
    "choice": "Choose one.",
    "multi": "Choose all that apply.",
    "truefalse": "True or false?",
    "number": "Write a number.",
    "text": "Write the answer.",
    "order": "Put these in the right order.",
    "match": "Match each item on the left with one on the right.",
    "estimate": "Estimate: write a number.",
    "poll": "Choose one: no answer is right or wrong.",
    "categorize": "Sort each item into its group.",
    "cloze": "Fill in the blanks.",
}
LETTERS = "abcdefghij"  # enough: choices, items and pairs are at most 10


def shown_choices(quiz: Quiz, question: ChoiceQuestion | MultiQuestion | PollQuestion) -> list[str]:
    """Choices in the order students see them: shuffled (fixed per question) unless the quiz
    keeps the author's order with `shuffle_choices = false`, as in the game."""
    if quiz.quiz.shuffle_choices:
        return print_order(question.choices, question.id)
    return list(question.choices)


def answer_lines(question: Question) -> list[str]:
    """The right answer of any question as plain lines, for answer keys and flashcard backs."""
    return grader_for(question).answer_lines(question)
