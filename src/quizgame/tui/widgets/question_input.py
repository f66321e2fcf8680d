"""The one small interface every answer widget implements.

An answer widget is made once per question type and reused for every question of that type:
`present(shown)` shows a new question (an `engine.shown.Shown`, plain data) and forgets the last
answer, `response()` returns the answer as it stands, in the shape `GameSession.submit` takes (so a timed-out question
can be submitted as it is), and `QuestionInput.Submitted` is posted when the player confirms.
The question screen knows nothing else about the question types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeAlias

from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:
    from quizgame.engine.shown import Shown

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

    shown: Shown
    """The question on show (set by `present`)."""

    def present(self, shown: Shown) -> None:
        """Show a new question, with no answer given yet."""
        raise NotImplementedError

    def response(self) -> Response:
        """The answer as it stands now (it may be incomplete)."""
        raise NotImplementedError

    def submit(self) -> None:
        """Confirm the answer as it stands."""
        self.post_message(self.Submitted(self.response()))

    def focus_answer(self) -> None:
        """Give the keyboard to the part of the widget that takes the answer."""
        focusable = [node for node in self.query("*") if node.can_focus]
        if focusable:
            focusable[0].focus(scroll_visible=False)
