"""The terminal cursor follows the keyboard focus, for braille displays and screen magnifiers.

Textual hides the terminal's cursor and, after each frame, moves it to `App.cursor_position`;
only its `Input` sets that position, so elsewhere the cursor sits at the top-left corner and a
braille display or a magnifier that tracks the cursor shows the wrong line. `CursorFollowsFocus`
(mixed into every quizgame app) sets it, just before each frame is written, to `focus_point`:
the highlighted row of a list (a choice, a pair, an item to order), the cursor cell of a table,
the caret of a text box, else the top-left of the focused control.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TypeGuard

from textual.geometry import Offset
from textual.widgets import Input, OptionList

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen
    from textual.widget import Widget
    from textual.widgets import DataTable


def focus_point(widget: Widget | None) -> Offset | None:
    """Where the cursor goes for the focused `widget`, in screen cells (None: no focus, or the
    widget is not on screen)."""
    if widget is None or not widget.is_mounted:
        return None
    region = widget.content_region
    if not region:
        return None  # hidden, or scrolled out of view
    if isinstance(widget, Input):
        return widget.cursor_screen_offset
    line = column = 0
    if isinstance(widget, OptionList):
        highlighted = widget.highlighted
        lines = widget._index_to_line  # the first line of each option (the list's own map)
        line = lines.get(highlighted if highlighted is not None else 0, 0)
    elif _is_table(widget) and widget.row_count:
        cell = widget._get_cell_region(widget.cursor_coordinate)
        line, column = cell.y, cell.x  # the header's lines included: it stays, rows scroll
    line -= round(widget.scroll_offset.y)
    column -= round(widget.scroll_offset.x)
    y = min(max(region.y + line, region.y), region.bottom - 1)
    x = min(max(region.x + column, region.x), region.right - 1)
    return Offset(x, y)


class CursorFollowsFocus:
    """App mixin: before each frame is written, put the terminal cursor on the focused control.

    Textual reads `cursor_position` when it writes a frame (`App._display`, the one place, in
    the pinned version); setting it there, after the frame's layout, keeps it right when the
    layout moves (a scroll, a resize, a new question) as well as when the focus does.
    """

    cursor_position: Offset
    focused: Widget | None
    show_terminal_cursor: bool = False
    """Show the terminal's own cursor too (`--show-cursor`): some braille set-ups follow only a
    visible cursor (Textual hides it; its issue #2348). Text boxes then show two cursors."""
    _cursor_shown = False

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        point = focus_point(self.focused)
        if point is not None:
            self.cursor_position = point
        super()._display(screen, renderable)  # type: ignore[misc]
        driver = getattr(self, "_driver", None)
        if self.show_terminal_cursor and not self._cursor_shown and driver is not None:
            self._cursor_shown = True
            driver.write("\x1b[?25h")  # Textual hides it once, at start: shown once, after
            driver.flush()


def _is_table(widget: Widget) -> TypeGuard[DataTable[Any]]:
    # Not imported here: the live client never shows a table and starts without that module.
    module = sys.modules.get("textual.widgets._data_table")
    return module is not None and isinstance(widget, module.DataTable)
