"""Every example of docs/scoring.md's table of typed-answer rules is graded as the table says.

A row's Answer cell names the question: backticked accepted answers (text), or `number` with
its answer (and `in` its unit); `language xx:` sets the quiz's language; `typos = false` and
`exact = true` set those keys; `another question:` adds a question accepting what follows.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from quizgame.engine.grading import AnswerFormatError, Marking, grade
from quizgame.format.models import NumberQuestion, Quiz, QuizMeta, TextQuestion

DOC = Path(__file__).parents[1] / "docs" / "scoring.md"
_TICKED = re.compile(r"`([^`]*)`")


def rows() -> list[list[str]]:
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("| Rule | Answer |"):].split("\n\n")[0].splitlines()[2:]
    return [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in table]


def examples(cell: str) -> list[str]:
    return _TICKED.findall(cell)


def quiz_for(cell: str) -> tuple[Quiz, Any]:
    own, _, other = cell.partition("another question:")
    language = re.match(r"language `([^`]+)`:", own)
    if language:
        own = own[language.end():]
    ticked = examples(own)
    if own.strip().startswith("number"):
        unit = re.search(r"in `([^`]+)`", own)
        question: Any = NumberQuestion(
            id="q", type="number", prompt="?", answer=float(ticked[0]),
            unit=unit.group(1) if unit else None,
        )
    else:
        question = TextQuestion(
            id="q", type="text", prompt="?", answers=ticked,
            exact="exact = true" in own, typos=False if "typos = false" in own else None,
        )
    questions = [question]
    if other:
        questions.append(TextQuestion(id="other", type="text", prompt="?", answers=examples(other)))
    meta = QuizMeta(id="doc", title="doc", language=language.group(1) if language else None)
    return Quiz(quiz=meta, questions=questions), question


def verdict(quiz: Quiz, question: Any, typed: str) -> str:
    try:
        return "accepted" if grade(question, typed, Marking.for_quiz(quiz)).correct else "wrong"
    except AnswerFormatError:
        return "again"


ROWS = rows()
CASES = [
    (row[0], row[1], typed, expected)
    for row in ROWS
    for column, expected in ((2, "accepted"), (3, "wrong"), (4, "again"))
    for typed in examples(row[column])
]


def test_the_table_has_a_row_per_rule_and_examples_both_ways():
    assert len(ROWS) >= 20
    assert {expected for *_, expected in CASES} == {"accepted", "wrong", "again"}


@pytest.mark.parametrize(("rule", "answer", "typed", "expected"), CASES,
                         ids=[f"{c[0][:30]}-{c[2]!r}" for c in CASES])
def test_each_example_is_graded_as_documented(rule, answer, typed, expected):
    quiz, question = quiz_for(answer)
    assert verdict(quiz, question, typed) == expected
