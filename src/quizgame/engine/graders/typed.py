"""Graders of the typed types: number and text."""

from __future__ import annotations

import math
from typing import Any

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders.base import Grade, Grader, full_credit, text_of
from quizgame.engine.normalise import NumberFormatError, fold, format_number, one_typo_apart, parse_number
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Given
from quizgame.format.models import NumberQuestion, TextQuestion


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
        return full_credit(abs(value - question.answer) <= question.tolerance + slack, value)

    def parse(self, presented: PresentedQuestion, raw: str) -> float:
        return self._read(raw, getattr(presented.question, "unit", None))

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
    claimable = True

    def grade(self, question: TextQuestion, response: Any) -> Grade:
        text = text_of(response).strip()
        if question.exact:
            return full_credit(text in (answer.strip() for answer in question.answers), text)
        folded = fold(text)
        if not folded:
            return full_credit(False, text)
        accepted = [(answer, fold(answer)) for answer in question.answers]
        if any(folded == key for _, key in accepted):
            return full_credit(True, text)
        for answer, key in accepted:
            if one_typo_apart(folded, key):
                return Grade(correct=True, credit=1.0, canonical=answer, given=text)
        return full_credit(False, text)

    def parse(self, presented: PresentedQuestion, raw: str) -> str:
        if not raw.strip():
            raise AnswerFormatError("Type an answer.")
        return raw.strip()

    def describe(self, question: TextQuestion, given: Given) -> str:
        return str(given) if given not in (None, "") else "(no answer)"

    def right_answer(self, question: TextQuestion) -> str:
        first, *others = question.answers
        return f"{first} (also accepted: {', '.join(others)})" if others else first
