"""Graders of the picking types: choice, multi and truefalse."""

from __future__ import annotations

from typing import Any

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders.base import Grade, Grader, full_credit, named_option, named_options, text_of, texts_of
from quizgame.engine.normalise import fold
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Given
from quizgame.format.models import ChoiceQuestion, MultiQuestion, TrueFalseQuestion


class ChoiceGrader(Grader[ChoiceQuestion]):
    type = "choice"

    def grade(self, question: ChoiceQuestion, response: Any) -> Grade:
        choice = text_of(response)
        return full_credit(choice == question.answer, choice)

    def parse(self, presented: PresentedQuestion, raw: str) -> str:
        option = named_option(raw, presented.options)
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
        picks = list(dict.fromkeys(texts_of(response, "choices")))
        right = sum(1 for pick in picks if pick in question.answers)
        credit = max(0.0, (right - (len(picks) - right)) / len(question.answers))
        return Grade(correct=credit == 1.0, credit=credit, given=picks)

    def parse(self, presented: PresentedQuestion, raw: str) -> list[str]:
        picks = list(dict.fromkeys(named_options(raw, presented.options)))
        if not picks:
            raise AnswerFormatError("Pick at least one: type numbers or texts separated by commas.")
        return picks

    def describe(self, question: MultiQuestion, given: Given) -> str:
        return ", ".join(given) if isinstance(given, list) and given else "(nothing picked)"

    def right_answer(self, question: MultiQuestion) -> str:
        return ", ".join(question.answers)


# 1 and 2 as the TUI numbers its two rows (True first).
_TRUE_WORDS = frozenset({"true", "t", "yes", "y", "1"})
_FALSE_WORDS = frozenset({"false", "f", "no", "n", "2"})


class TrueFalseGrader(Grader[TrueFalseQuestion]):
    type = "truefalse"

    def grade(self, question: TrueFalseQuestion, response: Any) -> Grade:
        if not isinstance(response, bool):
            raise AnswerFormatError("Expected true or false.")
        return full_credit(response == question.answer, response)

    def parse(self, presented: PresentedQuestion, raw: str) -> bool:
        word = fold(raw)
        if word in _TRUE_WORDS or word in _FALSE_WORDS:
            return word in _TRUE_WORDS
        raise AnswerFormatError("Type true or false (or t, f, yes, no, 1 for true, 2 for false).")

    def describe(self, question: TrueFalseQuestion, given: Given) -> str:
        return "True" if given is True else "False" if given is False else str(given)

    def right_answer(self, question: TrueFalseQuestion) -> str:
        return self.describe(question, question.answer)
