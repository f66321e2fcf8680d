"""Order questions: move the highlighted item up and down until the list is in order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType

from quizgame.tui.widgets.rows import Hanging, RowPrompt, RowsInput, numbers


class OrderInput(RowsInput):
    """Arrange the items, first to last; the response is the list as arranged."""

    INSTRUCTIONS = "↑↓ to highlight, Shift+↑↓ (or u/d) to move the item, Enter to answer"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+up,u", "move(-1)", "Move up", key_display="u", id="quizgame.move_up"),
        Binding("shift+down,d", "move(1)", "Move down", key_display="d", id="quizgame.move_down"),
    ]

    items: list[str]
    """The items as arranged so far, first to last."""

    def reset(self) -> None:
        self.items = list(self.shown.options)

    def row_prompts(self) -> Sequence[RowPrompt]:
        return [Hanging(label, item) for label, item in zip(numbers(len(self.items)), self.items)]

    def action_move(self, step: int) -> None:
        here = self.cursor
        there = here + step
        if 0 <= there < len(self.items):
            self.items[here], self.items[there] = self.items[there], self.items[here]
            self.redraw(cursor=there)

    def not_ready(self) -> str | None:
        if self.items != list(self.shown.options):
            return None
        return "Nothing moved yet: u/d move the highlighted item (Enter again answers as shown)."

    def response(self) -> list[str]:
        return list(self.items)
