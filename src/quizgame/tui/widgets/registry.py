"""Which answer widget answers which question type (the TUI's entry of each type; see
docs/architecture.md, "Adding a question type", for the other tables).

A widget's module is imported when its type is first met: the game's first frame imports only
the one its first question needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from quizgame.tui.widgets.question_input import QuestionInput

_WHERE: dict[str, tuple[str, str]] = {
    "choice": ("choice", "ChoiceInput"),
    "multi": ("multi", "MultiInput"),
    "truefalse": ("truefalse", "TrueFalseInput"),
    "number": ("typed", "NumberInput"),
    "text": ("typed", "TextInput"),
    "order": ("order", "OrderInput"),
    "match": ("match", "MatchInput"),
    "estimate": ("typed", "EstimateInput"),
    "poll": ("choice", "PollInput"),
    "categorize": ("match", "CategorizeInput"),
    "cloze": ("cloze", "ClozeInput"),
}


class _Inputs(Mapping[str, type[QuestionInput]]):
    """Question type -> its answer widget's class, imported on first use."""

    def __getitem__(self, question_type: str) -> type[QuestionInput]:
        module, name = _WHERE[question_type]
        found = getattr(importlib.import_module(f"quizgame.tui.widgets.{module}"), name)
        assert issubclass(found, QuestionInput)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


INPUT_BY_TYPE: Mapping[str, type[QuestionInput]] = _Inputs()
