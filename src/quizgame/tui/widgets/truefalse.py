"""True/false questions: a choice between two rows, with `t` and `f` as shortcuts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType

from quizgame.tui.widgets.choice import ChoiceInput

TRUE_FALSE = ("True", "False")


class TrueFalseInput(ChoiceInput):
    """Pick True or False; the response is a bool."""

    INSTRUCTIONS = "t for true, f for false (or ↑↓), Enter to answer"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "pick(0)", "True", id="quizgame.true"),
        Binding("f", "pick(1)", "False", id="quizgame.false"),
    ]

    @property
    def choices(self) -> Sequence[str]:
        return TRUE_FALSE

    def response(self) -> bool | None:
        shown = super().response()
        return None if shown is None else shown == TRUE_FALSE[0]
