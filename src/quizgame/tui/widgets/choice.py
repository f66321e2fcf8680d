"""Choice questions: one of the options, picked with the arrows or its number."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from quizgame.tui.widgets.question_input import Response
from quizgame.tui.widgets.rows import Hanging, RowPrompt, RowsInput, numbers


class ChoiceInput(RowsInput):
    """Pick exactly one option; the response is its text. Nothing is picked at first: a stray
    Enter never answers."""

    INSTRUCTIONS = "↑↓ or a number to choose, Enter to answer"
    START_CURSOR: ClassVar[int | None] = None

    @property
    def choices(self) -> Sequence[str]:
        return self.shown.options

    def labels(self) -> list[str]:
        """What stands before each option's text: its number."""
        return numbers(len(self.choices))

    def row_prompts(self) -> Sequence[RowPrompt]:
        return [Hanging(label, choice) for label, choice in zip(self.labels(), self.choices)]

    def clicked(self, index: int, *, again: bool) -> None:
        # A click picks; a second click on the same option (or Enter) answers.
        self.pick(index)
        if again:
            self.submit()

    def not_ready(self) -> str | None:
        return f"Choose first: {self.INSTRUCTIONS}." if self.rows.highlighted is None else None

    def can_submit(self) -> bool:
        return self.rows.highlighted is not None

    def response(self) -> Response:
        highlighted = self.rows.highlighted
        return None if highlighted is None else self.choices[highlighted]


class PollInput(ChoiceInput):
    """A vote among the options; none is right."""

    INSTRUCTIONS = "↑↓ or a number to choose, Enter to vote (a poll: no answer is right)"
