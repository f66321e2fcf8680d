"""Multi questions: tick every right option, untick with the same key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType

from quizgame.tui.widgets.choice import ChoiceInput


class MultiInput(ChoiceInput):
    """Tick any number of options; the response lists the ticked ones in shown order."""

    INSTRUCTIONS = "Space or a number ticks an option, Enter to answer"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle", "Tick", id="quizgame.tick"),
    ]

    ticked: set[int]
    """Indexes of the ticked options."""

    def reset(self) -> None:
        self.ticked = set()

    def row_prompts(self) -> Sequence[str]:
        boxes = ["[x]" if index in self.ticked else "[ ]" for index in range(len(self.choices))]
        return [f"{box} {prompt}" for box, prompt in zip(boxes, super().row_prompts())]

    def pick(self, index: int) -> None:
        self.ticked ^= {index}
        self.redraw(cursor=index)

    def clicked(self, index: int) -> None:
        self.pick(index)

    def action_toggle(self) -> None:  # type: ignore[override]  # our own action, not DOMNode's
        self.pick(self.cursor)

    def response(self) -> list[str]:
        return [choice for index, choice in enumerate(self.choices) if index in self.ticked]
