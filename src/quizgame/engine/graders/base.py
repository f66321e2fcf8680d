"""The grader interface, the grade it returns, and helpers the graders share.

A grader is everything the core knows about one question type beyond its model: how it is laid
out (`layout`: its options in a seeded order), how a response is read and graded (its
partial-credit rule), whether the player may claim a wrong answer was right (`claimable`), and how
a given answer and the right answer are put into words.

Responses (what a front-end passes to `grade`): choice -> the choice text; multi -> a list of
choice texts; truefalse -> bool; number -> float, or the text typed; text -> str; order -> the
items in the player's order; match -> {left item: right item}.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.marking import Marking
from quizgame.engine.normalise import fold
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Given
from quizgame.format.models import QuestionBase

Response = str | bool | float | int | list[str] | dict[str, str] | None
Q = TypeVar("Q", bound=QuestionBase)


@dataclass(frozen=True, slots=True)
class Grade:
    """The verdict on one response.

    `canonical` is the accepted spelling when a text answer was accepted despite a typo.
    `given` is the response in the TOML-friendly shape kept in `AnswerRecord.given`.
    """

    correct: bool
    credit: float
    canonical: str | None = None
    given: Given = None


@dataclass(frozen=True, slots=True)
class Layout:
    """How a question is laid out on screen: see `PresentedQuestion.options` and `.lefts`."""

    options: tuple[str, ...] = ()
    lefts: tuple[str, ...] = ()


class Grader(ABC, Generic[Q]):
    """The rules of one question type."""

    type: ClassVar[str]

    def claimable(self, question: Q) -> bool:
        """Whether the player may say "I was right" right after a wrong answer: only where the
        grader may have misjudged what was typed (a choice is right or wrong as picked)."""
        return False

    def layout(self, question: Q, generator: random.Random, *, shuffle_choices: bool) -> Layout:
        """The options (and left items) shown, in the order `generator` gives."""
        return Layout()

    @abstractmethod
    def grade(self, question: Q, response: Any) -> Grade:
        """Grade a response; raises AnswerFormatError when it has the wrong shape."""

    def grade_marked(self, question: Q, response: Any, marking: Marking) -> Grade:
        """Grade with the quiz's marking context (typed types use it; the others need not)."""
        return self.grade(question, response)

    @abstractmethod
    def parse(self, presented: PresentedQuestion, raw: str) -> Response:
        """Read a response from one typed line; raises AnswerFormatError with a helpful message."""

    @abstractmethod
    def describe(self, question: Q, given: Given) -> str:
        """A recorded answer (`AnswerRecord.given`) in words."""

    @abstractmethod
    def right_answer(self, question: Q) -> str:
        """The right answer in words."""

    def prompts(self, presented: PresentedQuestion) -> tuple[str, ...]:
        """What plain mode asks before each line of the answer: one line, unless the type needs
        several (a cloze: one per blank, joined with newlines for `parse`)."""
        return ("> ",)

    def tallied(self, question: Q) -> tuple[str, ...]:
        """The choices whose votes are counted and shown after answering (a poll's), else none."""
        return ()

    def answer_lines(self, question: Q) -> list[str]:
        """The right answer as lines, for answer keys and flashcard backs."""
        return [self.right_answer(question)]


def full_credit(correct: bool, given: Given) -> Grade:
    return Grade(correct=correct, credit=1.0 if correct else 0.0, given=given)


def texts_of(response: Any, what: str) -> list[str]:
    if isinstance(response, (str, bytes)) or not isinstance(response, Sequence):
        raise AnswerFormatError(f"Expected a list of {what}.")
    if not all(isinstance(item, str) for item in response):
        raise AnswerFormatError(f"Expected a list of {what} (as text).")
    return list(response)


def text_of(response: Any) -> str:
    if not isinstance(response, str):
        raise AnswerFormatError("Expected text.")
    return response


def named_option(token: str, options: Sequence[str]) -> str | None:
    """The option a token names: its number as shown (1-based) or its text, loosely compared."""
    token = token.strip()
    # At most 10 options: a short number is a position (and int() of a huge one would fail).
    if token.isdecimal() and len(token) <= 3 and 1 <= int(token) <= len(options):
        return options[int(token) - 1]
    folded = fold(token)
    return next((option for option in options if fold(option) == folded), None) if folded else None


def named_options(raw: str, options: Sequence[str]) -> list[str]:
    """Options named in a comma-separated line, in the order typed.

    An option may itself contain commas ("Paris, France"), so the longest run of comma-separated
    parts (no longer than the options' own) that names an option wins.
    """
    parts = [part for part in raw.split(",") if part.strip()]
    longest = 1 + max((option.count(",") for option in options), default=0)
    picks: list[str] = []
    start = 0
    while start < len(parts):
        for end in range(min(len(parts), start + longest), start, -1):
            option = named_option(",".join(parts[start:end]), options)
            if option is not None:
                picks.append(option)
                start = end
                break
        else:
            raise AnswerFormatError(
                f"{parts[start].strip()!r} is not one of the options: type their numbers "
                f"(1 to {len(options)}) or texts, separated by commas."
            )
    return picks
