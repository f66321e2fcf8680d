"""Number and text questions: the answer is typed into an input and sent as typed.

The engine does all the reading (commas, spaces, units, typos), so the widget sends the raw text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label

from quizgame.tui.widgets.question_input import QuestionInput

if TYPE_CHECKING:
    from quizgame.engine.shown import Shown


class AnswerLine(Input):
    """An input whose Enter key is shown in the footer as "Answer"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Answer", id="quizgame.answer_typed"),
    ]


class TypedInput(QuestionInput):
    """An input line; Enter answers."""

    INSTRUCTIONS = "Type your answer, Enter to answer"
    PLACEHOLDER: ClassVar[str] = "Your answer"

    def compose(self) -> ComposeResult:
        with Horizontal(id="typed"):
            yield AnswerLine(placeholder=self.PLACEHOLDER, id="answer")
            yield Label(id="unit", markup=False)

    def present(self, shown: Shown) -> None:
        self.shown = shown
        self.query_one("#answer", AnswerLine).clear()
        unit = shown.unit or ""
        label = self.query_one("#unit", Label)
        label.update(unit)
        label.display = bool(unit)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():  # a stray Enter is no answer (a time-out still sends it)
            self.notify(f"{self.INSTRUCTIONS}.", title="Not answered yet", severity="warning",
                        markup=False)
            return
        self.submit()

    def response(self) -> str:
        return self.query_one("#answer", AnswerLine).value


class NumberInput(TypedInput):
    """A number, written as the player likes: `58,000`, `58 000`, `3.14`, `12 km`."""

    INSTRUCTIONS = "Type a number, Enter to answer"
    PLACEHOLDER = "A number"


class EstimateInput(NumberInput):
    """An estimate on the question's scale, typed like a number; the scale is shown beside it."""

    INSTRUCTIONS = "Type your estimate, Enter to answer: the closer, the more points"
    PLACEHOLDER = "Your estimate"

    def present(self, shown: Shown) -> None:
        super().present(shown)
        if shown.scale is not None:
            from quizgame.engine.numbers import format_number  # only an estimate's scale

            low, high = (format_number(end) for end in shown.scale)
            label = self.query_one("#unit", Label)
            label.update(f"{shown.unit or ''} (from {low} to {high})".lstrip())
            label.display = True


class TextInput(TypedInput):
    """A word or phrase, marked as a fair marker would (engine/typed_answers.py)."""
