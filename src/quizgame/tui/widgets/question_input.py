"""The one small interface every answer widget implements.

A `QuestionInput` is built from the engine's `PresentedQuestion`, keeps the answer as it stands
(so a timed-out question can be submitted as it is), returns it from `response()` in the shape
`GameSession.submit` takes, and posts `QuestionInput.Submitted` when the player confirms. The
question screen knows nothing else about the seven types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeAlias

from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:
    from quizgame.engine.presentation import PresentedQuestion

Response: TypeAlias = "str | bool | float | list[str] | dict[str, str] | None"
"""choice: str; multi, order: list[str]; truefalse: bool; number, text: str; match: {left: right}."""


class QuestionInput(Widget):
    """Base of the answer widgets: shows the options of a question and collects a response."""

    INSTRUCTIONS: ClassVar[str] = ""
    """One line under the prompt telling the player how to answer."""

    class Submitted(Message):
        """The player confirmed the answer shown in `response`."""

        def __init__(self, response: Response) -> None:
            super().__init__()
            self.response = response

    def __init__(self, presented: PresentedQuestion, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.presented = presented

    def response(self) -> Response:
        """The answer as it stands now (it may be incomplete)."""
        raise NotImplementedError

    def submit(self) -> None:
        """Confirm the answer as it stands."""
        self.post_message(self.Submitted(self.response()))

    def on_mount(self) -> None:
        # Keyboard first: the widget that takes the answer has focus from the start.
        focusable = [node for node in self.query("*") if node.focusable]
        if focusable:
            focusable[0].focus()
