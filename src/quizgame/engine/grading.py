"""Grading: what front-ends call to grade a response, read a typed one, or say an answer.

The rules live in one grader per question type (`quizgame.engine.graders`, documented in
docs/scoring.md); this module picks the grader by the question's type. Front-ends never format
answers themselves: `describe_answer` and `right_answer` put them into words.
"""

from __future__ import annotations

from typing import Any

from quizgame.engine.errors import AnswerFormatError
from quizgame.engine.graders import GRADERS, Grade, Grader, Response
from quizgame.engine.marking import PLAIN_MARKING, Marking
from quizgame.engine.presentation import PresentedQuestion, rng
from quizgame.engine.records import Given
from quizgame.format.models import Question

__all__ = [
    "AnswerFormatError",
    "Grade",
    "Marking",
    "Response",
    "answer_prompts",
    "claimable",
    "describe_answer",
    "grade",
    "grader_for",
    "present",
    "parse_response",
    "right_answer",
]


def grader_for(question: Question) -> Grader[Any]:
    return GRADERS[question.type]


def present(
    question: Question, *, number: int, total: int, seed: int, shuffle_choices: bool,
    time_limit: int, language: str | None = None,
) -> PresentedQuestion:
    """A question as shown: laid out by its type's grader in the order the seed gives."""
    layout = grader_for(question).layout(
        question, rng(seed, question.id), shuffle_choices=shuffle_choices
    )
    return PresentedQuestion(
        number=number,
        total=total,
        question=question,
        options=layout.options,
        lefts=layout.lefts,
        time_limit=time_limit,
        hint=question.hint,
        language=language,
    )


def claimable(question: Question) -> bool:
    """Whether a wrong answer to this question may be claimed right ("I was right")."""
    return grader_for(question).claimable(question)


def grade(question: Question, response: Response, marking: Marking = PLAIN_MARKING) -> Grade:
    """Grade a response to a question; raises `AnswerFormatError` for a wrong shape.

    `marking` is the quiz's context (`Marking.for_quiz(quiz)`): its `typos` and `language` and
    the other questions' answers, which typed answers are never taken for a typo of.
    """
    return grader_for(question).grade_marked(question, response, marking)


def answer_prompts(presented: PresentedQuestion) -> tuple[str, ...]:
    """The prompt before each line plain mode reads for the question shown (see `Grader.prompts`)."""
    return grader_for(presented.question).prompts(presented)


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
