"""The quiz format: models, loader, checker and JSON Schema. Never imports textual."""

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
