"""What every exporter shares: results, skipped questions, and the texts several formats print.

An exporter renders one question at a time; a question the target format cannot carry raises
`Unsupported` with the reason, and `render_each` turns that into a `Skipped` entry, so no
question is ever dropped without the teacher being told which one and why.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar, assert_never

from quizgame.errors import QuizgameError
from quizgame.format.models import (
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Quiz,
    TextQuestion,
    TrueFalseQuestion,
)

T = TypeVar("T")


class InteropError(QuizgameError):
    """An import or export that cannot be done as asked (nothing to write, no output file...)."""


class Unsupported(Exception):
    """Raised while rendering a question that the target format has no form for."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


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
    questions: Iterable[Question], render: Callable[[Question], T]
) -> tuple[list[T], tuple[Skipped, ...]]:
    """Render every question; those raising `Unsupported` are collected as skipped."""
    rendered: list[T] = []
    skipped: list[Skipped] = []
    for question in questions:
        try:
            rendered.append(render(question))
        except Unsupported as unsupported:
            skipped.append(Skipped(question.id, question.type, unsupported.reason))
    return rendered, tuple(skipped)


def counted(count: int, noun: str) -> str:
    """`1 question`, `3 questions`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def format_number(value: float) -> str:
    """A number as people write it: 2017 rather than 2017.0, 0.5 as is."""
    if value.is_integer() and abs(value) < 1e15:
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


INSTRUCTIONS = {
    "choice": "Choose one.",
    "multi": "Choose all that apply.",
    "truefalse": "True or false?",
    "number": "Write a number.",
    "text": "Write the answer.",
    "order": "Put these in the right order.",
    "match": "Match each item on the left with one on the right.",
}
LETTERS = "abcdefghij"  # enough: choices, items and pairs are at most 10


def shown_choices(quiz: Quiz, question: ChoiceQuestion | MultiQuestion) -> list[str]:
    """Choices in the order students see them: shuffled (fixed per question) unless the quiz
    keeps the author's order with `shuffle_choices = false`, as in the game."""
    if quiz.quiz.shuffle_choices:
        return print_order(question.choices, question.id)
    return list(question.choices)


def number_answer(question: NumberQuestion) -> str:
    """`2017`, `3.14 (± 0.01)`, `42 km`: the answer as a person would write it."""
    text = format_number(question.answer)
    if question.tolerance:
        text += f" (± {format_number(question.tolerance)})"
    if question.unit:
        text += f" {question.unit}"
    return text


def answer_lines(question: Question) -> list[str]:
    """The right answer of any question as plain lines, for answer keys and flashcard backs."""
    if isinstance(question, ChoiceQuestion):
        return [question.answer]
    if isinstance(question, MultiQuestion):
        return [c for c in question.choices if c in question.answers]
    if isinstance(question, TrueFalseQuestion):
        return ["True" if question.answer else "False"]
    if isinstance(question, NumberQuestion):
        return [number_answer(question)]
    if isinstance(question, TextQuestion):
        first, *others = question.answers
        return [first + (f" (also accepted: {', '.join(others)})" if others else "")]
    if isinstance(question, OrderQuestion):
        return [f"{rank}. {item}" for rank, item in enumerate(question.items, start=1)]
    if isinstance(question, MatchQuestion):
        return [f"{left} → {right}" for left, right in question.pairs]
    assert_never(question)
