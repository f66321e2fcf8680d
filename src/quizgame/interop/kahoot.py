"""Export to Kahoot's quiz spreadsheet template (.xlsx, written with openpyxl).

The layout is the template's: a short header area, column titles on row 8, then one question
per row from row 9 (number, question, answers 1-4, time limit, correct answer numbers). Kahoot
takes multiple choice and true/false only, a question of at most 120 characters, 2 to 4 answers
of at most 75 characters and a time limit from a fixed set: a question that does not fit is
skipped with the reason, never cut short. Line breaks become spaces (a cell is one line).
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from quizgame.format.models import (
    ChoiceQuestion,
    MultiQuestion,
    Question,
    Quiz,
    TrueFalseQuestion,
    quoted,
)
from quizgame.interop.common import (
    ExportOptions,
    ExportResult,
    ExportTable,
    NotCarried,
    Unsupported,
    render_each,
)

MAX_QUESTION = 120
MAX_ANSWER = 75
MAX_ANSWERS = 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
DEFAULT_TIME = 20
HEADER_ROW = 8
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
_WIDTHS = {"A": 5, "B": 60, "C": 25, "D": 25, "E": 25, "F": 25, "G": 18, "H": 18}


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """The quiz as Kahoot's spreadsheet; questions Kahoot cannot take are skipped."""
    rows, skipped = render_each(quiz, EXPORTS, "Kahoot")
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    intro = (
        "Quiz template",
        ILLEGAL_CHARACTERS_RE.sub("", f"{quiz.quiz.title} (quizgame quiz {quiz.quiz.id})"),
        "Questions have at most 120 characters, answers at most 75. Several correct answers "
        "are separated by a comma.",
    )
    for row, text in enumerate(intro, start=2):
        _put(sheet.cell(row=row, column=2), text)
    sheet.cell(row=2, column=2).font = Font(bold=True, size=14)
    for column, title in enumerate(HEADERS, start=2):
        _put(sheet.cell(row=HEADER_ROW, column=column), title).font = Font(bold=True)
    for number, values in enumerate(rows, start=1):
        for column, value in enumerate([number, *values], start=1):
            _put(sheet.cell(row=HEADER_ROW + number, column=column), value)
    for letter, width in _WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return ExportResult(buffer.getvalue(), len(rows), skipped)


def question_row(
    quiz: Quiz, question: Question, answers: list[str], right: list[int]
) -> list[Any]:
    """Question, four answer cells (None when unused), time limit, correct answer number(s)."""
    # A cell's line break would show in Kahoot as a stray character or split the text.
    prompt, answers = _one_line(question.prompt), [_one_line(answer) for answer in answers]
    _check(prompt, answers)
    cells: list[Any] = [prompt, *answers, *[None] * (MAX_ANSWERS - len(answers))]
    correct_cell = right[0] if len(right) == 1 else ",".join(map(str, right))
    return [*cells, kahoot_time(quiz.time_limit_for(question)), correct_cell]


def _truefalse(quiz: Quiz, question: TrueFalseQuestion) -> list[Any]:
    return question_row(quiz, question, ["True", "False"], [1 if question.answer else 2])


def _choices(quiz: Quiz, question: ChoiceQuestion | MultiQuestion) -> list[Any]:
    answers = list(question.choices)
    correct = [question.answer] if isinstance(question, ChoiceQuestion) else question.answers
    right = [index for index, choice in enumerate(answers, start=1) if choice in correct]
    return question_row(quiz, question, answers, right)


def _none(kind: str) -> NotCarried:
    return NotCarried(f"Kahoot quizzes have no {kind} questions (only multiple choice and "
                      "true/false)")


EXPORTS: ExportTable[list[Any]] = {
    "choice": _choices,
    "multi": _choices,
    "truefalse": _truefalse,
    "number": _none("number"),
    "text": _none("text"),
    "order": _none("order"),
    "match": _none("match"),
    "estimate": _none("estimate"),
    "categorize": _none("categorize"),
    "cloze": _none("cloze"),
    "poll": NotCarried("Kahoot's quiz spreadsheet has no polls (add them in Kahoot itself)"),
}


def kahoot_time(seconds: int) -> int:
    """The allowed time limit at or above `seconds` (untimed -> 20, above 240 -> 240)."""
    if not seconds:
        return DEFAULT_TIME
    return next((allowed for allowed in TIME_LIMITS if allowed >= seconds), TIME_LIMITS[-1])


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _check(prompt: str, answers: list[str]) -> None:
    if len(prompt) > MAX_QUESTION:
        raise Unsupported(f"the prompt has {len(prompt)} characters, Kahoot allows at most "
                          f"{MAX_QUESTION}")
    if len(answers) > MAX_ANSWERS:
        raise Unsupported(f"{len(answers)} choices, Kahoot allows at most {MAX_ANSWERS}")
    for answer in answers:
        if len(answer) > MAX_ANSWER:
            raise Unsupported(f"the choice {quoted(answer)} has {len(answer)} characters, Kahoot "
                              f"allows at most {MAX_ANSWER}")
    if any(ILLEGAL_CHARACTERS_RE.search(text) for text in [prompt, *answers]):
        raise Unsupported("the text has control characters a spreadsheet cannot hold")


def _put(cell: Any, value: Any) -> Any:
    """Set a cell; text stays text even when it starts with '=' (openpyxl would make a formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
