"""Multi questions: tick every right option, untick with the same key."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from quizgame.tui.widgets.choice import ChoiceInput


class MultiInput(ChoiceInput):
    """Tick any number of options; the response lists the ticked ones in shown order."""

    INSTRUCTIONS = "Space or a number ticks an option, Enter to answer"
    START_CURSOR = 0  # the highlight only shows where Space ticks; the boxes are the answer

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle", "Tick", id="quizgame.tick"),
    ]

    ticked: set[int]
    """Indexes of the ticked options."""

    def reset(self) -> None:
        self.ticked = set()

    def labels(self) -> list[str]:
        boxes = ["[x]" if index in self.ticked else "[ ]" for index in range(len(self.choices))]
        return [f"{box} {number}" for box, number in zip(boxes, super().labels())]

    def pick(self, index: int) -> None:
        self.ticked ^= {index}
        self.redraw(cursor=index)

    def clicked(self, index: int, *, again: bool) -> None:
        self.pick(index)

    def not_ready(self) -> str | None:
        if self.ticked:
            return None
        return "Nothing is ticked: Space or a number ticks an option (Enter again answers none)."

    def can_submit(self) -> bool:
        return True

    def action_toggle(self) -> None:  # type: ignore[override]  # our own action, not DOMNode's
        self.pick(self.cursor)

    def response(self) -> list[str]:
        return [choice for index, choice in enumerate(self.choices) if index in self.ticked]
