"""The grader of cloze questions: one answer per blank, partial credit per blank.

A text blank is judged as a text question's answer is (typos, accents, `typos` of the quiz), a
number blank as a number within its tolerance, a choice blank by the option named (its number
as listed, or its text). The response is the list of what was typed or picked, blank by blank.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders.base import Grade, Grader, named_option, texts_of
from quizgame.engine.marking import PLAIN_MARKING, Marking
from quizgame.engine.numbers import NumberFormatError, parse_number
from quizgame.engine.presentation import PresentedQuestion
from quizgame.engine.records import Given
from quizgame.engine.typed_answers import judge
from quizgame.format.cloze import Blank
from quizgame.format.models import ClozeQuestion


@dataclass(frozen=True)
class _BlankAnswers:
    """A text blank seen as the text question `judge` expects (its id keys the quiz's index)."""

    id: str
    answers: tuple[str, ...]


class ClozeGrader(Grader[ClozeQuestion]):
    type = "cloze"

    def claimable(self, question: ClozeQuestion) -> bool:
        # A typed blank can be marked wrong for a spelling the teacher missed; a cloze of
        # choice blanks only is right or wrong as picked.
        return any(blank.kind != "choice" for blank in question.blanks)

    def grade(self, question: ClozeQuestion, response: Any) -> Grade:
        return self.grade_marked(question, response, PLAIN_MARKING)

    def grade_marked(self, question: ClozeQuestion, response: Any, marking: Marking) -> Grade:
        blanks = question.blanks
        given = texts_of(response, "answers, one per blank")
        if len(given) != len(blanks):
            raise AnswerFormatError(f"Expected {len(blanks)} answers, one per blank.")
        for number, (blank, typed) in enumerate(zip(blanks, given), start=1):
            _check_readable(number, blank, typed, marking)
        hits = sum(
            _right(question.id, blank, typed.strip(), marking) for blank, typed in zip(blanks, given)
        )
        credit = hits / len(blanks)
        return Grade(correct=credit == 1.0, credit=credit, given=[_as_given(b, t) for b, t in zip(blanks, given)])

    def prompts(self, presented: PresentedQuestion) -> tuple[str, ...]:
        question = presented.question
        assert isinstance(question, ClozeQuestion)
        return tuple(f"({number}) > " for number in range(1, len(question.blanks) + 1))

    def parse(self, presented: PresentedQuestion, raw: str) -> list[str]:
        """One line per blank (plain mode asks for each in turn)."""
        question = presented.question
        assert isinstance(question, ClozeQuestion)
        lines = raw.split("\n")
        blanks = question.blanks
        if len(lines) != len(blanks):
            raise AnswerFormatError(f"Fill in every blank: {len(blanks)} answers, one per line.")
        for number, (blank, line) in enumerate(zip(blanks, lines), start=1):
            _check_readable(number, blank, line, Marking(language=presented.language))
        return [line.strip() for line in lines]

    def describe(self, question: ClozeQuestion, given: Given) -> str:
        if not isinstance(given, list):
            return "(no answer)"
        return "; ".join(f"({n}) {typed or '(none)'}" for n, typed in enumerate(given, start=1))

    def right_answer(self, question: ClozeQuestion) -> str:
        return "; ".join(self.answer_lines(question))

    def answer_lines(self, question: ClozeQuestion) -> list[str]:
        return [f"({n}) {blank.shown_answer}" for n, blank in enumerate(question.blanks, start=1)]


def _check_readable(number: int, blank: Blank, typed: str, marking: Marking) -> None:
    """An empty blank, an option that is not one, a number that cannot be read: not an answer
    yet (asked again, nothing recorded), as for the other types."""
    if not typed.strip():
        raise AnswerFormatError(f"Fill in blank {number}.")
    if blank.kind == "choice" and named_option(typed, blank.choices) is None:
        raise AnswerFormatError(
            f"Blank {number}: type the number (1 to {len(blank.choices)}) or the text of one of "
            "its options."
        )
    if blank.kind == "number":
        try:
            parse_number(typed, None, language=marking.language)
        except NumberFormatError as error:
            raise AnswerFormatError(f"Blank {number}: {error}") from None


def _as_given(blank: Blank, typed: str) -> str:
    """What is kept of a blank's answer: a choice by its option's text ("2" -> "Greece")."""
    if blank.kind == "choice":
        return named_option(typed, blank.choices) or typed.strip()
    return typed.strip()


def _right(question_id: str, blank: Blank, typed: str, marking: Marking) -> bool:
    if blank.kind == "choice":
        return named_option(typed, blank.choices) == blank.answers[0]
    if blank.kind == "number":
        value = parse_number(typed, None, language=marking.language)
        return abs(value - blank.number) <= blank.tolerance + 1e-9 * max(1.0, abs(blank.number))
    return judge(_BlankAnswers(question_id, blank.answers), typed, marking).correct
