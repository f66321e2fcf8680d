"""The home screen's quiz list: title, number of questions, and the chosen player's best score
and cards due. Mounted once the quizzes have been read (the table is not needed for the first
paint), and redrawn whole when the player or the terminal's width changes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType

from quizgame import wording
from quizgame.tui.widgets.figures import FigureTable

if TYPE_CHECKING:
    from quizgame.classroom.standings import PlayerStandings
    from quizgame.tui.catalog import QuizEntry

HEADERS = ("Quiz", "Qs", "Best", "Due")
NUMBERS = frozenset({1, 2, 3})
NARROWEST_TITLE = 12


class QuizTable(FigureTable):
    """One row per quiz file, broken ones included; Enter plays the highlighted quiz."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Play", id="quizgame.play"),
    ]

    def __init__(self, entries: Sequence[QuizEntry], *, id: str) -> None:
        super().__init__(HEADERS, NUMBERS, id=id)
        self.entries = entries
        self.standings: PlayerStandings | None = None

    def show_standings(self, standings: PlayerStandings | None) -> None:
        """Show this player's best scores and due cards (None: no player chosen)."""
        self.standings = standings
        self._draw()

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        rows = [self._cells(entry) for entry in self.entries]
        # Titles are shortened so that the figures stay in view: a table wider than its pane
        # would hide the "Due" column behind a horizontal scroll.
        figures = sum(max(len(row[i]) for row in [HEADERS, *rows]) + 2 for i in NUMBERS)
        room = max(NARROWEST_TITLE, self.scrollable_content_region.width - figures - 2)
        self.show_rows([[_shorten(row[0], room), *row[1:]] for row in rows])

    def _cells(self, entry: QuizEntry) -> list[str]:
        if entry.quiz is None:
            return [f"⚠ {entry.path.name} (broken)", "-", "-", "-"]
        found = self.standings.by_quiz.get(entry.quiz.quiz.id) if self.standings else None
        best = "-" if found is None or found.best is None else wording.number(found.best)
        due = "-" if found is None or not found.due else str(found.due)
        return [entry.title, str(len(entry.quiz.questions)), best, due]


def _shorten(text: str, width: int) -> str:
    """`text` cut to `width` cells, an ellipsis marking the cut."""
    short = Text(text)
    short.truncate(width, overflow="ellipsis")
    return short.plain
