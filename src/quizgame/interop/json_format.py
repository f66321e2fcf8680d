"""Export to JSON: the validated quiz, complete, for other programs.

Every key is present, defaults included (a program needs no knowledge of the format's defaults),
and absent optional values are `null`. `Quiz.model_validate_json` reads the output back.
"""

from __future__ import annotations

import json
from typing import Any

from quizgame.format.models import QUESTION_TYPES, QuestionBase, Quiz
from quizgame.interop.common import ExportOptions, ExportResult, ExportTable, render_each


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """The quiz as indented UTF-8 JSON."""
    questions, skipped = render_each(quiz, EXPORTS, "JSON")
    document = {"quiz": quiz.quiz.model_dump(mode="json"), "questions": questions}
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return ExportResult(text, len(questions), skipped)


def _dump(quiz: Quiz, question: QuestionBase) -> dict[str, Any]:
    return question.model_dump(mode="json")


# A model's own dump carries every type the format has, whatever its keys.
EXPORTS: ExportTable[dict[str, Any]] = dict.fromkeys(QUESTION_TYPES, _dump)
