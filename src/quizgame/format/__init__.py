"""The quiz format: models, loader, checker and JSON Schema. Never imports textual.

    from quizgame.format import load_quiz

    quiz = load_quiz(Path("quizzes/nato-2025.toml"))   # a validated `Quiz`, or QuizLoadError
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizgame.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from quizgame.format.loader import LoadedQuiz, load_quiz, load_quiz_text, read_quiz
    from quizgame.format.models import (
        ChoiceQuestion,
        MatchQuestion,
        MultiQuestion,
        NumberQuestion,
        OrderQuestion,
        Question,
        Quiz,
        TextQuestion,
        TrueFalseQuestion,
    )

# Imported on first use (PEP 562): the pydantic-free modules of the package (`cloze`,
# `question_types`) are imported by the game's first frame, which must not wait for pydantic
# and the quiz models (see engine/openings.py).
_HOMES = {
    "LoadedQuiz": "loader",
    "load_quiz": "loader",
    "load_quiz_text": "loader",
    "read_quiz": "loader",
    "ChoiceQuestion": "models",
    "MatchQuestion": "models",
    "MultiQuestion": "models",
    "NumberQuestion": "models",
    "OrderQuestion": "models",
    "Question": "models",
    "Quiz": "models",
    "TextQuestion": "models",
    "TrueFalseQuestion": "models",
}
__getattr__ = lazy_exports(__name__, _HOMES, globals())

__all__ = [
    "ChoiceQuestion",
    "LoadedQuiz",
    "MatchQuestion",
    "MultiQuestion",
    "NumberQuestion",
    "OrderQuestion",
    "Question",
    "Quiz",
    "TextQuestion",
    "TrueFalseQuestion",
    "load_quiz",
    "load_quiz_text",
    "read_quiz",
]
