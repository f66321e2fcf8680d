"""Cloze questions: the text with its numbered blanks, and an input for each blank.

Enter in a blank moves to the next one and answers from the last; Tab and Shift+Tab move too. A
choice blank takes the number or the text of an option (listed in its placeholder). The engine
reads every blank, so the widget sends what was typed, blank by blank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from quizgame.format.cloze import MAX_BLANKS, split_text, with_gaps
from quizgame.tui.css import module_css
from quizgame.tui.widgets.question_input import QuestionInput
from quizgame.tui.widgets.typed import AnswerLine

if TYPE_CHECKING:
    from quizgame.engine.shown import Shown


class ClozeInput(QuestionInput):
    """One input per blank, numbered as in the text above them."""

    DEFAULT_CSS = module_css(__file__)
    # Unscoped: scoping would add this type to every selector and so change how the rules weigh
    # against the question screen's.
    SCOPED_CSS = False

    INSTRUCTIONS = "Fill in each blank; Enter goes to the next, and answers from the last"
    _blanks = 0
    """How many blanks the question shown has."""

    def compose(self) -> ComposeResult:
        yield Static(id="cloze-text", markup=False)
        with Vertical(id="blanks"):
            for number in range(1, MAX_BLANKS + 1):
                with Horizontal(id=f"blank-row-{number}", classes="blank-row"):
                    yield Label(f"({number})", classes="blank-number")
                    yield AnswerLine(id=f"blank-{number}")

    def present(self, shown: Shown) -> None:
        self.shown = shown
        assert shown.cloze_text is not None
        pieces, blanks = split_text(shown.cloze_text)
        self._blanks = len(blanks)
        self.query_one("#cloze-text", Static).update(with_gaps(pieces, "[{n} ____]"))
        for number in range(1, MAX_BLANKS + 1):
            row = self.query_one(f"#blank-row-{number}")
            row.display = number <= len(blanks)
            line = self.query_one(f"#blank-{number}", AnswerLine)
            line.clear()
            if number <= len(blanks):
                blank = blanks[number - 1]
                line.placeholder = (
                    " / ".join(f"{i}. {c}" for i, c in enumerate(blank.choices, start=1))
                    if blank.kind == "choice" else "A number" if blank.kind == "number" else "Your answer"
                )

    def _lines(self) -> list[AnswerLine]:
        return [self.query_one(f"#blank-{n}", AnswerLine) for n in range(1, self._blanks + 1)]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        lines = self._lines()
        index = next((i for i, line in enumerate(lines) if line is event.input), len(lines) - 1)
        if index + 1 < len(lines):
            # At once, not after a refresh: the next keys typed belong to the next blank (and
            # into view, on a terminal too short for them all).
            self.screen.set_focus(lines[index + 1])
        else:
            self.submit()

    def response(self) -> list[str]:
        return [line.value for line in self._lines()]
