"""Answer widgets played by moving a cursor over rows (choice, true/false, multi, order, match)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, TypeAlias

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.widgets import OptionList

from quizgame.tui.widgets.question_input import QuestionInput

if TYPE_CHECKING:
    from quizgame.engine.shown import Shown

PICK_KEYS = "1234567890"
"""Number keys pick rows 1 to 10 (`0` is the tenth): a question has at most ten options."""

RowPrompt: TypeAlias = "str | RenderableType"
"""What a row shows: its text, or a `Hanging` label and text."""


class Hanging:
    """`label` then `text`, whose wrapped lines hang under the text, not under the label
    ("1. A long option…" continues under "A"); `wrap` False: one line, cut with "…". Text,
    never markup: options come from files. (A renderable of its own rather than a table grid:
    rows are drawn again at every key press, and a grid takes three times as long.)"""

    def __init__(self, label: str, text: str, *, wrap: bool = True) -> None:
        self.label = label
        self.text = text
        self.wrap = wrap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = cell_len(self.label) + 1
        width = max(1, options.max_width - indent)
        body = Text(self.text)
        if self.wrap:
            lines = list(body.wrap(console, width))
        else:
            body.truncate(width, overflow="ellipsis")
            lines = [body]
        for number, line in enumerate(lines):
            yield Text.assemble(f"{self.label} " if number == 0 else " " * indent, line)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = cell_len(self.label) + 1
        text = Measurement.get(console, options, Text(self.text))
        return Measurement(indent + (1 if not self.wrap else text.minimum), indent + text.maximum)


def numbers(count: int) -> list[str]:
    """"1." to "n.", right-aligned to one width, so that every text starts in the same column
    ("9." and "10." alike)."""
    width = len(f"{count}.")
    return [f"{number}.".rjust(width) for number in range(1, count + 1)]


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
    what picking row n does (`pick`), what a mouse click does (`clicked`), what the answer
    is (`response`), and why Enter should not answer yet (`not_ready`: a first Enter then only
    says so, a second one answers as it stands; see `ChoiceInput` for a question without any
    answer). `START_CURSOR` None: nothing is highlighted until the player moves or picks.
    """

    START_CURSOR: ClassVar[int | None] = 0

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

    def present(self, shown: Shown) -> None:
        self.shown = shown
        self._warned: str | None = None
        self._clicked: int | None = None
        self.reset()
        self.redraw(cursor=0)
        if self.START_CURSOR is None:
            self.rows.highlighted = None

    def not_ready(self) -> str | None:
        """Why Enter should not answer yet, in words for the player; None: it answers."""
        return None

    def can_submit(self) -> bool:
        """Whether the answer as it stands can be submitted at all (after a warning)."""
        return True

    def reset(self) -> None:
        """Forget the answer to the last question (nothing to forget by default)."""

    def row_prompts(self) -> Sequence[RowPrompt]:
        """What each row shows, top to bottom."""
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

    def clicked(self, index: int, *, again: bool) -> None:
        """A mouse click on a row (`again`: the second on that row): by default, pick it."""
        self.pick(index)

    def action_pick(self, index: int) -> None:
        if index < self.rows.option_count:
            self.pick(index)

    def action_submit(self) -> None:
        reason = self.not_ready()
        if reason is not None and (reason != self._warned or not self.can_submit()):
            self._warned = reason  # a second Enter answers as it stands, if it can
            self.notify(reason, title="Not answered yet", severity="warning", markup=False)
            return
        self.submit()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.call_after_refresh(self.scroll_to_highlight)

    def scroll_to_highlight(self) -> None:
        """Bring the highlighted row into view when the question is taller than its panel (a
        small terminal): the list never scrolls by itself, the panel around it does. The first
        row brings the prompt back into view too, the last the end of the question (the end of
        a match's list of partners)."""
        rows = self.rows
        index = rows.highlighted
        panel = next((node for node in self.ancestors if isinstance(node, ScrollableContainer)), None)
        if index is None or panel is None or not panel.max_scroll_y:
            return
        # The row's place in the panel's scrolled content, from the list's own map of lines.
        line, height = rows._index_to_line[index], rows._heights[index]
        top = (rows.content_region.y - round(rows.scroll_offset.y) + line
               - panel.scrollable_content_region.y + round(panel.scroll_offset.y))
        if index == 0:
            panel.scroll_home(animate=False, immediate=True)
        elif index == rows.option_count - 1:
            panel.scroll_end(animate=False, immediate=True)
        panel.scroll_to_region(Region(0, top, 1, height), animate=False, immediate=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Only a mouse click gets here: `Rows` has no Enter binding of its own.
        event.stop()
        first_click = self._clicked != event.option_index
        self._clicked = event.option_index
        self.clicked(event.option_index, again=not first_click)
