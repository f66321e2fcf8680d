"""The quiz format: models, loader, checker and JSON Schema. Never imports textual."""

from quizgame.format.loader import load_quiz, load_quiz_text
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

__all__ = [
    "ChoiceQuestion",
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
]
