"""The question types by name: the one table to extend when a type is added."""

from __future__ import annotations

from quizgame.format.models import (
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    QuestionBase,
    TextQuestion,
    TrueFalseQuestion,
)

MODEL_BY_TYPE: dict[str, type[QuestionBase]] = {
    "choice": ChoiceQuestion,
    "multi": MultiQuestion,
    "truefalse": TrueFalseQuestion,
    "number": NumberQuestion,
    "text": TextQuestion,
    "order": OrderQuestion,
    "match": MatchQuestion,
}
