"""Which answer widget answers which question type (the TUI's entry of each type; see
docs/architecture.md, "Adding a question type", for the other tables)."""

from __future__ import annotations

from quizgame.tui.widgets.choice import ChoiceInput, PollInput
from quizgame.tui.widgets.cloze import ClozeInput
from quizgame.tui.widgets.match import CategorizeInput, MatchInput
from quizgame.tui.widgets.multi import MultiInput
from quizgame.tui.widgets.order import OrderInput
from quizgame.tui.widgets.question_input import QuestionInput
from quizgame.tui.widgets.truefalse import TrueFalseInput
from quizgame.tui.widgets.typed import EstimateInput, NumberInput, TextInput

INPUT_BY_TYPE: dict[str, type[QuestionInput]] = {
    "choice": ChoiceInput,
    "multi": MultiInput,
    "truefalse": TrueFalseInput,
    "number": NumberInput,
    "text": TextInput,
    "order": OrderInput,
    "match": MatchInput,
    "estimate": EstimateInput,
    "poll": PollInput,
    "categorize": CategorizeInput,
    "cloze": ClozeInput,
}

