"""Graders of the typed types: number, estimate and text.

The rules of reading a typed answer live in engine/numbers.py and engine/typed_answers.py, so
that every grader (and live play) uses the same ones.
"""

from __future__ import annotations

import math
from typing import Any

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders.base import Grade, Grader, full_credit, text_of
from quizgame.engine.marking import PLAIN_MARKING, Marking
from quizgame.engine.numbers import NumberFormatError, format_number, parse_number
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Given
from quizgame.engine.typed_answers import judge
from quizgame.format.models import EstimateQuestion, NumberQuestion, TextQuestion


class NumberGrader(Grader[NumberQuestion]):
    type = "number"

    def claimable(self, question: NumberQuestion) -> bool:
        return True  # a way of writing it, a unit or a tolerance the teacher did not foresee

    def grade(self, question: NumberQuestion, response: Any) -> Grade:
        return self.grade_marked(question, response, PLAIN_MARKING)

    def grade_marked(self, question: NumberQuestion, response: Any, marking: Marking) -> Grade:
        value = _number_response(response, question, marking.language)
        # A hair of slack so that 3.15 is within 0.01 of 3.14 despite binary floating point.
        slack = 1e-9 * max(1.0, abs(question.answer))
        return full_credit(abs(value - question.answer) <= question.tolerance + slack, value)

    def parse(self, presented: PresentedQuestion, raw: str) -> float:
        assert isinstance(presented.question, NumberQuestion)
        return self._read(raw, presented.question, presented.language)

    @staticmethod
    def _read(raw: str, question: NumberQuestion | EstimateQuestion, language: str | None) -> float:
        # "58.000" is fifty-eight thousand only when the answer cannot be a decimal.
        whole = question.answer == int(question.answer) and abs(question.answer) >= 1000
        try:
            return parse_number(raw, question.unit, whole_answer=whole, language=language)
        except NumberFormatError as error:
            raise AnswerFormatError(str(error)) from None

    def describe(self, question: NumberQuestion, given: Given) -> str:
        return _given_number(given, question.unit)

    def right_answer(self, question: NumberQuestion) -> str:
        return _answer_within(question.answer, question.tolerance, question.unit, "±")


class EstimateGrader(Grader[EstimateQuestion]):
    """Full credit within the tolerance, then credit falling linearly to 0 at a quarter of the
    scale beyond it (docs/scoring.md): credit = max(0, 1 - (distance - tolerance) / (scale / 4))."""

    # Not claimable: an estimate is meant to be near, not exact, and its partial credit is
    # the documented distance rule, which a claim could only dispute, not correct.
    type = "estimate"

    def grade(self, question: EstimateQuestion, response: Any) -> Grade:
        return self.grade_marked(question, response, PLAIN_MARKING)

    def grade_marked(self, question: EstimateQuestion, response: Any, marking: Marking) -> Grade:
        value = _number_response(response, question, marking.language)
        if not question.min <= value <= question.max:
            raise AnswerFormatError(self._scale(question))
        credit = estimate_credit(question, value)
        return Grade(correct=credit == 1.0, credit=credit, given=value)

    def parse(self, presented: PresentedQuestion, raw: str) -> float:
        question = presented.question
        assert isinstance(question, EstimateQuestion)
        value = NumberGrader._read(raw, question, presented.language)
        if not question.min <= value <= question.max:
            raise AnswerFormatError(self._scale(question))
        return value

    @staticmethod
    def _scale(question: EstimateQuestion) -> str:
        low, high = format_number(question.min), format_number(question.max)
        return f"Give a number from {_with_unit(low, question.unit)} to {_with_unit(high, question.unit)}."

    def describe(self, question: EstimateQuestion, given: Given) -> str:
        return _given_number(given, question.unit)

    def right_answer(self, question: EstimateQuestion) -> str:
        return _answer_within(question.answer, question.tolerance, question.unit, "full credit within ±")


def estimate_credit(question: EstimateQuestion, value: float) -> float:
    """1 within the tolerance, then down in a straight line to 0 a quarter of the scale further."""
    beyond = abs(value - question.answer) - question.tolerance
    slack = 1e-9 * max(1.0, abs(question.answer))  # as for numbers: 3.15 is within 0.01 of 3.14
    if beyond <= slack:
        return 1.0
    return max(0.0, 1.0 - beyond / ((question.max - question.min) / 4))


def _number_response(
    response: Any, question: NumberQuestion | EstimateQuestion, language: str | None
) -> float:
    """A number response: the text typed (read as `parse_number` does) or a number."""
    if isinstance(response, str):
        value = NumberGrader._read(response, question, language)
    elif isinstance(response, (int, float)) and not isinstance(response, bool):
        value = float(response)
    else:
        raise AnswerFormatError("Expected a number.")
    if not math.isfinite(value):
        raise AnswerFormatError("Type a finite number.")
    return value


def _given_number(given: Given, unit: str | None) -> str:
    if isinstance(given, (int, float)) and not isinstance(given, bool):
        return _with_unit(format_number(given), unit)
    return str(given)


def _answer_within(answer: float, tolerance: float, unit: str | None, within: str) -> str:
    """`8849 m`, or with a tolerance `8849 m (± 100 m)` (`within` says what the ± means)."""
    text = _with_unit(format_number(answer), unit)
    if tolerance:
        text += f" ({within} {_with_unit(format_number(tolerance), unit)})"
    return text


def _with_unit(number: str, unit: str | None) -> str:
    return f"{number} {unit}" if unit else number


class TextGrader(Grader[TextQuestion]):
    type = "text"

    def claimable(self, question: TextQuestion) -> bool:
        return True  # a spelling or synonym the teacher did not list

    def grade(self, question: TextQuestion, response: Any) -> Grade:
        return self.grade_marked(question, response, PLAIN_MARKING)

    def grade_marked(self, question: TextQuestion, response: Any, marking: Marking) -> Grade:
        text = text_of(response).strip()
        verdict = judge(question, text, marking)
        return Grade(verdict.correct, 1.0 if verdict.correct else 0.0, verdict.canonical, text)

    def parse(self, presented: PresentedQuestion, raw: str) -> str:
        if not raw.strip():
            raise AnswerFormatError("Type an answer.")
        return raw.strip()

    def describe(self, question: TextQuestion, given: Given) -> str:
        return str(given) if given not in (None, "") else "(no answer)"

    def right_answer(self, question: TextQuestion) -> str:
        first, *others = question.answers
        return f"{first} (also accepted: {', '.join(others)})" if others else first
