"""Which answer widget shows which question type (the only place that lists the types)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizgame.tui.widgets.choice import ChoiceInput
from quizgame.tui.widgets.match import MatchInput
from quizgame.tui.widgets.multi import MultiInput
from quizgame.tui.widgets.order import OrderInput
from quizgame.tui.widgets.question_input import QuestionInput
from quizgame.tui.widgets.truefalse import TrueFalseInput
from quizgame.tui.widgets.typed import NumberInput, TextInput

if TYPE_CHECKING:
    from quizgame.engine.presentation import PresentedQuestion

INPUT_BY_TYPE: dict[str, type[QuestionInput]] = {
    "choice": ChoiceInput,
    "multi": MultiInput,
    "truefalse": TrueFalseInput,
    "number": NumberInput,
    "text": TextInput,
    "order": OrderInput,
    "match": MatchInput,
}


def input_for(presented: PresentedQuestion) -> QuestionInput:
    """A new answer widget for a presented question."""
    return INPUT_BY_TYPE[presented.type](presented, id="question-input")
