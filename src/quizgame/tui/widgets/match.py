"""Match and categorize questions: give each left-hand item its partner (match) or its bucket
(categorize) from the numbered right-hand list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Static

from quizgame.tui.css import module_css
from quizgame.tui.widgets.rows import Hanging, RowPrompt, RowsInput, numbers

UNPAIRED = "?"


class MatchInput(RowsInput):
    """Pair every left item with a right item; the response maps left text to right text.

    The rows are the left items; a number key pairs the highlighted row with that right item and
    moves on, ←→ step through the right items. A right item belongs to one row at a time: giving
    it to another row takes it away from the first.
    """

    DEFAULT_CSS = module_css(__file__)
    # Unscoped: scoping would add this type to every selector and so change how the rules weigh
    # against the question screen's.
    SCOPED_CSS = False

    INSTRUCTIONS = "↑↓ to an item, a number (or ←→) to pair it, Enter to answer"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "cycle(1)", "Next partner", show=False, id="quizgame.next_partner"),
        Binding("left", "cycle(-1)", "Previous partner", show=False, id="quizgame.previous_partner"),
        Binding("backspace,delete", "unpair", "Unpair", id="quizgame.unpair"),
    ]

    ONE_EACH: ClassVar[bool] = True
    """A right item goes with one row only (match); buckets take many rows (categorize)."""
    MISSING: ClassVar[str] = "no partner"
    """What an unpaired row lacks, for the warning before an incomplete answer."""

    partner: dict[int, int]
    """Left index -> right index, for the rows paired so far."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="match"):
            yield from super().compose()
            yield Static(id="rights", markup=False)

    @property
    def lefts(self) -> Sequence[str]:
        return self.shown.lefts

    @property
    def rights(self) -> Sequence[str]:
        return self.shown.options

    def reset(self) -> None:
        self.partner = {}
        self._show_rights()

    def row_prompts(self) -> Sequence[RowPrompt]:
        # The partner under its item on one line, cut with "…" (the list beside it has it in
        # full): the rows keep their height while pairing, and a long bucket name never wraps
        # back under the items, where it would read as another item.
        numbers_of = numbers(len(self.rights))
        prompts: list[RowPrompt] = []
        for index, left in enumerate(self.lefts):
            right = self.partner.get(index)
            partner = (Hanging("  →", UNPAIRED) if right is None
                       else Hanging(f"  → {numbers_of[right].lstrip()}", self.rights[right], wrap=False))
            prompts.append(Group(Text(left), partner))
        return prompts

    def _show_rights(self) -> None:
        # A grid, so that a long item wraps under its own text, not under its number.
        taken = set(self.partner.values()) if self.ONE_EACH else set()
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column(ratio=1)
        for index, (number, right) in enumerate(zip(numbers(len(self.rights)), self.rights)):
            grid.add_row(Text(f"{'✓' if index in taken else ' '} {number}"), Text(right))
        self.query_one("#rights", Static).update(grid)

    def pair(self, left: int, right: int | None) -> None:
        """Give `right` to row `left` (None unpairs it), taking it from any other row."""
        if self.ONE_EACH:
            self.partner = {row: other for row, other in self.partner.items() if other != right}
        if right is None:
            self.partner.pop(left, None)
        else:
            self.partner[left] = right
        self._show_rights()

    def pick(self, index: int) -> None:
        row = self.cursor
        self.pair(row, index)
        self.redraw(cursor=min(row + 1, len(self.lefts) - 1))

    def clicked(self, index: int, *, again: bool) -> None:
        self.rows.highlighted = index

    def not_ready(self) -> str | None:
        unpaired = len(self.lefts) - len(self.partner)
        if not unpaired:
            return None
        rows = "1 item has" if unpaired == 1 else f"{unpaired} items have"
        return f"{rows} {self.MISSING} yet (→ ?): Enter again to answer anyway."

    def action_cycle(self, step: int) -> None:
        row = self.cursor
        current = self.partner.get(row, -1 if step > 0 else 0)
        self.pair(row, (current + step) % len(self.rights))
        self.redraw()

    def action_unpair(self) -> None:
        self.pair(self.cursor, None)
        self.redraw()

    def response(self) -> dict[str, str]:
        return {self.lefts[left]: self.rights[right] for left, right in self.partner.items()}


class CategorizeInput(MatchInput):
    """Put every item in a bucket; the response maps item to bucket name."""

    INSTRUCTIONS = "↑↓ to an item, a number (or ←→) to put it in that bucket, Enter to answer"
    ONE_EACH = False
    MISSING = "no bucket"
