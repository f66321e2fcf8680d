"""Graders of the typed types: number and text.

The rules of reading a typed answer live in engine/numbers.py and engine/typed_answers.py, so
that every grader (and live play) uses the same ones.
"""

from __future__ import annotations

import math
from typing import Any

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders.base import Grade, Grader, full_credit, text_of
from quizgame.engine.numbers import NumberFormatError, format_number, parse_number
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Given
from quizgame.engine.marking import PLAIN_MARKING, Marking
from quizgame.engine.typed_answers import judge
from quizgame.format.models import NumberQuestion, TextQuestion


class NumberGrader(Grader[NumberQuestion]):
    type = "number"

    def grade(self, question: NumberQuestion, response: Any) -> Grade:
        return self.grade_marked(question, response, PLAIN_MARKING)

    def grade_marked(self, question: NumberQuestion, response: Any, marking: Marking) -> Grade:
        if isinstance(response, str):
            value = self._read(response, question, marking.language)
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
        assert isinstance(presented.question, NumberQuestion)
        return self._read(raw, presented.question, presented.language)

    @staticmethod
    def _read(raw: str, question: NumberQuestion, language: str | None) -> float:
        # "58.000" is fifty-eight thousand only when the answer cannot be a decimal.
        whole = question.answer == int(question.answer) and abs(question.answer) >= 1000
        try:
            return parse_number(raw, question.unit, whole_answer=whole, language=language)
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
