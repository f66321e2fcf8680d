"""Helpers of the classroom views: a table of figures (numbers right-aligned, redrawn in
place) and chart colours taken from the theme, so that charts follow it as the CSS does."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.app import App
from textual.color import Color
from textual.widgets import DataTable


def theme_rgb(app: App[object], variable: str) -> tuple[int, int, int]:
    """The colour of a theme variable (`primary`, `warning`...) as plotext wants it."""
    return Color.parse(app.theme_variables[variable]).rgb


class FigureTable(DataTable[Text]):
    """A row-cursor table whose rows are replaced wholesale as fresh figures arrive."""

    def __init__(self, headers: Sequence[str], numbers: Collection[int], *, id: str,
                 header_height: int = 1) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, header_height=header_height)
        self.headers = headers
        self.numbers = numbers

    def on_mount(self) -> None:
        self._add_columns(len(self.headers))

    def _add_columns(self, count: int) -> None:
        self.add_columns(*(Text(header, justify="right" if i in self.numbers else "left")
                           for i, header in enumerate(self.headers[:count])))

    def show_rows(self, rows: Sequence[Sequence[str]], *, columns: int | None = None) -> None:
        """Replace every row, the cursor staying on the same line (a refresh must not jump);
        `columns`: only the first so many columns (of the headers and of each row)."""
        cursor = self.cursor_row
        count = len(self.headers) if columns is None else columns
        if count != len(self.columns):
            self.clear(columns=True)
            self._add_columns(count)
        rows = [row[:count] for row in rows]
        self.clear()
        for index, column in enumerate(self.columns.values()):
            # These rows alone (a column would keep the width of the widest cell it ever held),
            # measured here rather than by DataTable, which measures new rows when it is next
            # idle: a frame drawn before then showed them cut to the previous rows' widths.
            cells = [column.label.plain, *(row[index] for row in rows if index < len(row))]
            column.content_width = max(cell_len(line) for cell in cells for line in cell.splitlines() or [""])
        self.add_rows(
            [Text(cell, justify="right" if i in self.numbers else "left")
             for i, cell in enumerate(row)]
            for row in rows
        )
        if rows:
            self.move_cursor(row=min(cursor, len(rows) - 1), animate=False)
