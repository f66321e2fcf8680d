"""Choice questions: one of the options, picked with the arrows or its number."""

from __future__ import annotations

from collections.abc import Sequence

from quizgame.tui.widgets.question_input import Response
from quizgame.tui.widgets.rows import RowsInput


class ChoiceInput(RowsInput):
    """Pick exactly one option; the response is its text."""

    INSTRUCTIONS = "↑↓ or a number to choose, Enter to answer"

    @property
    def choices(self) -> Sequence[str]:
        return self.presented.options

    def row_prompts(self) -> Sequence[str]:
        return [f"{number}. {choice}" for number, choice in enumerate(self.choices, start=1)]

    def clicked(self, index: int) -> None:
        # A click is a complete answer, as in most quiz games.
        self.pick(index)
        self.submit()

    def response(self) -> Response:
        highlighted = self.rows.highlighted
        return None if highlighted is None else self.choices[highlighted]


class PollInput(ChoiceInput):
    """A vote among the options; none is right."""

    INSTRUCTIONS = "↑↓ or a number to choose, Enter to vote (a poll: no answer is right)"
