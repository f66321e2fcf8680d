"""Graders of the picking types: choice, multi, truefalse and poll."""

from __future__ import annotations

import random
from typing import Any

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders.base import (
    Grade,
    Grader,
    Layout,
    full_credit,
    named_option,
    named_options,
    text_of,
    texts_of,
)
from quizgame.engine.normalise import fold
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Given
from quizgame.format.models import ChoiceQuestion, MultiQuestion, PollQuestion, TrueFalseQuestion


def shown_choices(
    question: ChoiceQuestion | MultiQuestion | PollQuestion, generator: random.Random, shuffle_choices: bool
) -> Layout:
    choices = list(question.choices)
    if shuffle_choices:
        generator.shuffle(choices)
    return Layout(options=tuple(choices))


class ChoiceGrader(Grader[ChoiceQuestion]):
    type = "choice"

    def layout(self, question: ChoiceQuestion, generator: random.Random, *, shuffle_choices: bool) -> Layout:
        return shown_choices(question, generator, shuffle_choices)

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

    def layout(self, question: MultiQuestion, generator: random.Random, *, shuffle_choices: bool) -> Layout:
        return shown_choices(question, generator, shuffle_choices)

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

    def answer_lines(self, question: MultiQuestion) -> list[str]:
        return [c for c in question.choices if c in question.answers]


class PollGrader(Grader[PollQuestion]):
    """A vote: any choice is taken, none is right (the session scores it 0 and counts it not)."""

    type = "poll"

    def layout(self, question: PollQuestion, generator: random.Random, *, shuffle_choices: bool) -> Layout:
        return shown_choices(question, generator, shuffle_choices)

    def grade(self, question: PollQuestion, response: Any) -> Grade:
        choice = text_of(response)
        if choice not in question.choices:
            raise AnswerFormatError("Pick one of the choices.")
        return Grade(correct=False, credit=0.0, given=choice)

    def parse(self, presented: PresentedQuestion, raw: str) -> str:
        return ChoiceGrader().parse(presented, raw)

    def describe(self, question: PollQuestion, given: Given) -> str:
        return str(given)

    def right_answer(self, question: PollQuestion) -> str:
        return "none: this is a poll"

    def tallied(self, question: PollQuestion) -> tuple[str, ...]:
        return tuple(question.choices)


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
