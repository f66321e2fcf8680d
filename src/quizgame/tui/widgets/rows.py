"""Answer widgets played by moving a cursor over rows (choice, true/false, multi, order, match)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from quizgame.tui.widgets.question_input import QuestionInput

if TYPE_CHECKING:
    from quizgame.engine.presentation import PresentedQuestion

PICK_KEYS = "1234567890"
"""Number keys pick rows 1 to 10 (`0` is the tenth): a question has at most ten options."""


class Rows(OptionList, inherit_bindings=False):
    """An option list whose Enter key is left to the answer widget (it means "answer")."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False, id="quizgame.rows.cursor_up"),
        Binding("down", "cursor_down", "Down", show=False, id="quizgame.rows.cursor_down"),
        Binding("home", "first", "First", show=False, id="quizgame.rows.first"),
        Binding("end", "last", "Last", show=False, id="quizgame.rows.last"),
        Binding("pageup", "page_up", "Page up", show=False, id="quizgame.rows.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="quizgame.rows.page_down"),
    ]


class RowsInput(QuestionInput):
    """A question answered on a list of rows: arrows move, number keys pick, Enter answers.

    Subclasses say what a new question resets (`reset`), what each row shows (`row_prompts`),
    what picking row n does (`pick`), what a mouse click does (`clicked`), and what the answer
    is (`response`).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Answer", id="quizgame.answer"),
        *(
            # One binding per key (actions take the row number); the footer shows the first.
            Binding(
                key,
                f"pick({index})",
                "Pick",
                show=index == 0,
                key_display="1-9",
                id=f"quizgame.pick.{key}",
            )
            for index, key in enumerate(PICK_KEYS)
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Rows(markup=False, id="rows")

    @property
    def rows(self) -> Rows:
        return self.query_one("#rows", Rows)

    @property
    def cursor(self) -> int:
        """The highlighted row (the first when nothing is highlighted yet)."""
        return self.rows.highlighted or 0

    def present(self, presented: PresentedQuestion) -> None:
        self.presented = presented
        self.reset()
        self.redraw(cursor=0)

    def reset(self) -> None:
        """Forget the answer to the last question (nothing to forget by default)."""

    def row_prompts(self) -> Sequence[str]:
        """The text of each row, top to bottom."""
        raise NotImplementedError

    def redraw(self, cursor: int | None = None) -> None:
        """Show the rows again after the answer changed, keeping (or moving) the cursor."""
        rows = self.rows
        keep = self.cursor if cursor is None else cursor
        rows.set_options(self.row_prompts())
        rows.highlighted = keep

    def pick(self, index: int) -> None:
        """Number key `index + 1`: by default, move the cursor there."""
        self.rows.highlighted = index

    def clicked(self, index: int) -> None:
        """A mouse click on a row: by default, pick it."""
        self.pick(index)

    def action_pick(self, index: int) -> None:
        if index < self.rows.option_count:
            self.pick(index)

    def action_submit(self) -> None:
        self.submit()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Only a mouse click gets here: `Rows` has no Enter binding of its own.
        event.stop()
        self.clicked(event.option_index)
