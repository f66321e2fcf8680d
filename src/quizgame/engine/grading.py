"""Grading: one grader per question type behind one small interface, and a registry by type.

A grader knows four things about its type: how to grade a response, how to read one from a
typed line (plain mode), and how to put a recorded answer and the right answer into words, so
front-ends never format answers themselves. The rules are documented in docs/scoring.md.

Responses (what a front-end passes to `grade`): choice -> the choice text; multi -> a list of
choice texts; truefalse -> bool; number -> float, or the text typed; text -> str; order -> the
items in the player's order; match -> {left item: right item}.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.normalise import NumberFormatError, fold, format_number, one_typo_apart, parse_number
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Given
from quizgame.format.models import (
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    QuestionBase,
    TextQuestion,
    TrueFalseQuestion,
)

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


class Grader(ABC, Generic[Q]):
    """The rules of one question type."""

    type: ClassVar[str]

    @abstractmethod
    def grade(self, question: Q, response: Any) -> Grade:
        """Grade a response; raises AnswerFormatError when it has the wrong shape."""

    @abstractmethod
    def parse(self, presented: PresentedQuestion, raw: str) -> Response:
        """Read a response from one typed line; raises AnswerFormatError with a helpful message."""

    @abstractmethod
    def describe(self, question: Q, given: Given) -> str:
        """A recorded answer (`AnswerRecord.given`) in words."""

    @abstractmethod
    def right_answer(self, question: Q) -> str:
        """The right answer in words."""


def _full(correct: bool, given: Given) -> Grade:
    return Grade(correct=correct, credit=1.0 if correct else 0.0, given=given)


def _texts(response: Any, what: str) -> list[str]:
    if isinstance(response, (str, bytes)) or not isinstance(response, Sequence):
        raise AnswerFormatError(f"Expected a list of {what}.")
    if not all(isinstance(item, str) for item in response):
        raise AnswerFormatError(f"Expected a list of {what} (as text).")
    return list(response)


def _text(response: Any) -> str:
    if not isinstance(response, str):
        raise AnswerFormatError("Expected text.")
    return response


def _named_option(token: str, options: Sequence[str]) -> str | None:
    """The option a token names: its number as shown (1-based) or its text, loosely compared."""
    token = token.strip()
    if token.isdecimal() and 1 <= int(token) <= len(options):
        return options[int(token) - 1]
    folded = fold(token)
    return next((option for option in options if fold(option) == folded), None) if folded else None


def _named_options(raw: str, options: Sequence[str]) -> list[str]:
    """Options named in a comma-separated line, in the order typed.

    An option may itself contain commas ("Paris, France"), so the longest run of comma-separated
    parts that names an option wins.
    """
    parts = [part for part in raw.split(",") if part.strip()]
    picks: list[str] = []
    start = 0
    while start < len(parts):
        for end in range(len(parts), start, -1):
            option = _named_option(",".join(parts[start:end]), options)
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


class ChoiceGrader(Grader[ChoiceQuestion]):
    type = "choice"

    def grade(self, question: ChoiceQuestion, response: Any) -> Grade:
        choice = _text(response)
        return _full(choice == question.answer, choice)

    def parse(self, presented: PresentedQuestion, raw: str) -> str:
        option = _named_option(raw, presented.options)
        if option is None:
            raise AnswerFormatError(
                f"Type the number of your choice (1 to {len(presented.options)}) or its text."
            )
        return option

    def describe(self, question: ChoiceQuestion, given: Given) -> str:
        return str(given)

    def right_answer(self, question: ChoiceQuestion) -> str:
        return question.answer


class MultiGrader(Grader[MultiQuestion]):
    type = "multi"

    def grade(self, question: MultiQuestion, response: Any) -> Grade:
        picks = list(dict.fromkeys(_texts(response, "choices")))
        right = sum(1 for pick in picks if pick in question.answers)
        credit = max(0.0, (right - (len(picks) - right)) / len(question.answers))
        return Grade(correct=credit == 1.0, credit=credit, given=picks)

    def parse(self, presented: PresentedQuestion, raw: str) -> list[str]:
        picks = list(dict.fromkeys(_named_options(raw, presented.options)))
        if not picks:
            raise AnswerFormatError("Pick at least one: type numbers or texts separated by commas.")
        return picks

    def describe(self, question: MultiQuestion, given: Given) -> str:
        return ", ".join(given) if isinstance(given, list) and given else "(nothing picked)"

    def right_answer(self, question: MultiQuestion) -> str:
        return ", ".join(question.answers)


_TRUE_WORDS = frozenset({"true", "t", "yes", "y"})
_FALSE_WORDS = frozenset({"false", "f", "no", "n"})


class TrueFalseGrader(Grader[TrueFalseQuestion]):
    type = "truefalse"

    def grade(self, question: TrueFalseQuestion, response: Any) -> Grade:
        if not isinstance(response, bool):
            raise AnswerFormatError("Expected true or false.")
        return _full(response == question.answer, response)

    def parse(self, presented: PresentedQuestion, raw: str) -> bool:
        word = fold(raw)
        if word in _TRUE_WORDS or word in _FALSE_WORDS:
            return word in _TRUE_WORDS
        raise AnswerFormatError("Type true or false (or t, f, yes, no).")

    def describe(self, question: TrueFalseQuestion, given: Given) -> str:
        return "True" if given is True else "False" if given is False else str(given)

    def right_answer(self, question: TrueFalseQuestion) -> str:
        return self.describe(question, question.answer)


class NumberGrader(Grader[NumberQuestion]):
    type = "number"

    def grade(self, question: NumberQuestion, response: Any) -> Grade:
        if isinstance(response, str):
            value = self._read(response, question.unit)
        elif isinstance(response, (int, float)) and not isinstance(response, bool):
            value = float(response)
        else:
            raise AnswerFormatError("Expected a number.")
        if not math.isfinite(value):
            raise AnswerFormatError("Type a finite number.")
        # A hair of slack so that 3.15 is within 0.01 of 3.14 despite binary floating point.
        slack = 1e-9 * max(1.0, abs(question.answer))
        return _full(abs(value - question.answer) <= question.tolerance + slack, value)

    def parse(self, presented: PresentedQuestion, raw: str) -> float:
        return self._read(raw, presented.question.unit)

    @staticmethod
    def _read(raw: str, unit: str | None) -> float:
        try:
            return parse_number(raw, unit)
        except NumberFormatError as error:
            raise AnswerFormatError(str(error)) from None

    def describe(self, question: NumberQuestion, given: Given) -> str:
        if isinstance(given, (int, float)) and not isinstance(given, bool):
            return _with_unit(format_number(given), question.unit)
        return str(given)

    def right_answer(self, question: NumberQuestion) -> str:
        text = _with_unit(format_number(question.answer), question.unit)
        if question.tolerance:
            text += f" (± {_with_unit(format_number(question.tolerance), question.unit)})"
        return text


def _with_unit(number: str, unit: str | None) -> str:
    return f"{number} {unit}" if unit else number


class TextGrader(Grader[TextQuestion]):
    type = "text"

    def grade(self, question: TextQuestion, response: Any) -> Grade:
        text = _text(response).strip()
        if question.exact:
            return _full(text in (answer.strip() for answer in question.answers), text)
        folded = fold(text)
        if not folded:
            return _full(False, text)
        accepted = [(answer, fold(answer)) for answer in question.answers]
        if any(folded == key for _, key in accepted):
            return _full(True, text)
        for answer, key in accepted:
            if one_typo_apart(folded, key):
                return Grade(correct=True, credit=1.0, canonical=answer, given=text)
        return _full(False, text)

    def parse(self, presented: PresentedQuestion, raw: str) -> str:
        if not raw.strip():
            raise AnswerFormatError("Type an answer.")
        return raw.strip()

    def describe(self, question: TextQuestion, given: Given) -> str:
        return str(given) if given not in (None, "") else "(no answer)"

    def right_answer(self, question: TextQuestion) -> str:
        first, *others = question.answers
        return f"{first} (also accepted: {', '.join(others)})" if others else first


class OrderGrader(Grader[OrderQuestion]):
    type = "order"

    def grade(self, question: OrderQuestion, response: Any) -> Grade:
        order = _texts(response, "items")
        in_place = sum(1 for given, item in zip(order, question.items) if given == item)
        credit = in_place / len(question.items)
        return Grade(correct=credit == 1.0, credit=credit, given=order)

    def parse(self, presented: PresentedQuestion, raw: str) -> list[str]:
        order = _named_options(raw, presented.options)
        if sorted(order) != sorted(presented.options):
            raise AnswerFormatError(
                f"Give all {len(presented.options)} items, each once, first to last "
                "(numbers or texts separated by commas)."
            )
        return order

    def describe(self, question: OrderQuestion, given: Given) -> str:
        return " → ".join(given) if isinstance(given, list) and given else "(no answer)"

    def right_answer(self, question: OrderQuestion) -> str:
        return " → ".join(question.items)


class MatchGrader(Grader[MatchQuestion]):
    type = "match"

    def grade(self, question: MatchQuestion, response: Any) -> Grade:
        if not isinstance(response, dict) or not all(
            isinstance(key, str) and isinstance(value, str) for key, value in response.items()
        ):
            raise AnswerFormatError("Expected a partner for each left item.")
        rights = [response.get(left, "") for left, _ in question.pairs]
        hits = sum(1 for given, (_, right) in zip(rights, question.pairs) if given == right)
        credit = hits / len(question.pairs)
        return Grade(correct=credit == 1.0, credit=credit, given=rights)

    def parse(self, presented: PresentedQuestion, raw: str) -> dict[str, str]:
        partners = _named_options(raw, presented.options)
        if len(partners) != len(presented.lefts):
            raise AnswerFormatError(
                f"Give a partner for each of the {len(presented.lefts)} left items, in order "
                "(numbers or texts separated by commas)."
            )
        return dict(zip(presented.lefts, partners))

    def describe(self, question: MatchQuestion, given: Given) -> str:
        if not isinstance(given, list):
            return "(no answer)"
        return "; ".join(
            f"{left}: {right or '(none)'}" for (left, _), right in zip(question.pairs, given)
        )

    def right_answer(self, question: MatchQuestion) -> str:
        return self.describe(question, [right for _, right in question.pairs])


GRADERS: dict[str, Grader[Any]] = {
    grader.type: grader
    for grader in (
        ChoiceGrader(),
        MultiGrader(),
        TrueFalseGrader(),
        NumberGrader(),
        TextGrader(),
        OrderGrader(),
        MatchGrader(),
    )
}


def grader_for(question: Question) -> Grader[Any]:
    return GRADERS[question.type]


def grade(question: Question, response: Response) -> Grade:
    """Grade a response to a question (rules in docs/scoring.md)."""
    return grader_for(question).grade(question, response)


def parse_response(presented: PresentedQuestion, raw: str) -> Response:
    """Read a typed line as a response to the question shown (plain mode)."""
    return grader_for(presented.question).parse(presented, raw)


def describe_answer(question: Question, given: Given) -> str:
    """What the player answered, in words; "(no answer)" for a time-out without one."""
    if given is None:
        return "(no answer)"
    return grader_for(question).describe(question, given)


def right_answer(question: Question) -> str:
    """The right answer in words."""
    return grader_for(question).right_answer(question)
