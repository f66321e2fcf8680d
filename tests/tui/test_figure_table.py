"""The classroom views' table (widgets/figures.py: the leaderboard's, the report's and the
forecast's): rows replaced wholesale are drawn in their own widths from the first frame.

Textual's DataTable measures new rows when it is next idle; until then a refill (the
leaderboard refills every 3 s) was drawn in the widths of the headers, cutting "10,500" to
"10,50" and "09:00" to "09:0", which a snapshot caught on a busy machine."""

from __future__ import annotations

from textual.app import App, ComposeResult

from quizgame.tui.widgets.figures import FigureTable

HEADERS = ["#", "Best\nscore", "Last played"]


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield FigureTable(HEADERS, {0, 1}, id="figures", header_height=2)


def widths(table: FigureTable) -> list[int]:
    return [column.content_width for column in table.columns.values()]


async def test_rows_are_measured_as_they_are_shown_not_when_the_table_is_next_idle() -> None:
    app = Host()
    async with app.run_test() as pilot:
        table = app.query_one(FigureTable)
        table.show_rows([["1", "10,500", "01 Mar 09:00"], ["2", "9,000", "28 Feb 17:30"]])
        assert widths(table) == [1, 6, 12]  # before any idle moment: what the next frame draws
        await pilot.pause()
        assert widths(table) == [1, 6, 12]  # and what DataTable measures then agrees


async def test_a_refill_is_measured_alone() -> None:
    app = Host()
    async with app.run_test() as pilot:
        table = app.query_one(FigureTable)
        table.show_rows([["10", "123,456,789", "01 Mar 09:00"]])
        await pilot.pause()
        table.show_rows([["1", "500", "—"]])
        assert widths(table) == [1, 5, 11]  # the headers' widths: "score", "Last played"
        await pilot.pause()
        assert widths(table) == [1, 5, 11]
