"""Export to JSON: the validated quiz, complete, for other programs.

Every key is present, defaults included (a program needs no knowledge of the format's defaults),
and absent optional values are `null`. `Quiz.model_validate_json` reads the output back.
"""

from __future__ import annotations

import json

from quizgame.format.models import Quiz
from quizgame.interop.common import ExportOptions, ExportResult


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """The quiz as indented UTF-8 JSON."""
    text = json.dumps(quiz.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    return ExportResult(text, len(quiz.questions))
