"""The leaderboard of a quiz, read from one or more saves folders and refreshed every few seconds
while a class plays. All figures come from `quizgame.classroom`; this screen only shows them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Select, Static

from quizgame.classroom.leaderboard import Leaderboard, leaderboards
from quizgame.classroom.merge import collect_games
from quizgame.classroom.text import (
    SCORE_HEADERS,
    SCORE_NUMBERS,
    ranked_by_text,
    selection_text,
    standings_cells,
)
from quizgame.tui.css import module_css
from quizgame.tui.settings import utc_now
from quizgame.tui.widgets.figures import FigureTable
from quizgame.tui.widgets.keybar import KeyBar
from quizgame.wording import count

REFRESH_SECONDS = 3.0

# The `scores` headers, on two lines where a header is wider than its figures and "#" for the
# rank, with short dates (`01 Mar 09:00`), and the last column (Accommodations) only on a board
# where a game had one: the table fits 80 columns with a 12-letter name.
TABLE_HEADERS = tuple(
    {"Rank": "#", "Best score": "Best\nscore", "Best time": "Best\ntime",
     "Last played (UTC)": "Last played\n(UTC)"}.get(header, header)
    for header in SCORE_HEADERS
)


class LeaderboardScreen(Screen[None]):
    """Players ranked by their best (or first) game of the chosen quiz; Escape goes back."""

    DEFAULT_CSS = module_css(__file__)
    AUTO_FOCUS = "#standings"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="quizgame.leaderboard_back"),
        Binding("f", "toggle_first_attempt", "Best/first game", id="quizgame.leaderboard_first"),
        Binding("r", "refresh_now", "Refresh", id="quizgame.leaderboard_refresh"),
        # WCAG 2.2.2: what updates by itself can be paused; F2 pauses every live view.
        Binding("p,f2", "toggle_updates", "Pause updates", id="quizgame.leaderboard_pause"),
    ]
    INSTRUCTIONS = (f"The leaderboard refreshes by itself every {REFRESH_SECONDS:.0f} seconds; "
                    "p (or F2) pauses and resumes that, r refreshes once")

    def __init__(
        self,
        saves_dirs: list[Path],
        quiz_id: str | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__()
        self.saves_dirs = list(saves_dirs)
        self.quiz_id = quiz_id
        self.clock = clock
        """The app's clock: when the figures were read is shown in local time."""
        self.first_attempt = False
        self.boards: dict[str, Leaderboard] = {}
        self.problems: list[str] = []
        self.updated_at: datetime | None = None
        self.paused = False
        """Whether the refresh every few seconds is paused (`p`); `r` still refreshes."""

    def compose(self) -> ComposeResult:
        yield Static("Leaderboard", id="leaderboard-title", markup=False)
        yield Select[str]([], prompt="Choose a quiz", id="leaderboard-quiz")
        yield FigureTable(TABLE_HEADERS, SCORE_NUMBERS, id="standings", header_height=2)
        yield Static("Loading…", id="leaderboard-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()
        self.set_interval(REFRESH_SECONDS, self._refresh_by_itself)

    def _refresh_by_itself(self) -> None:
        if not self.paused:
            self.load()

    @work(thread=True, exclusive=True, group="leaderboard")
    def load(self) -> None:
        """Read the saves off the UI thread: a large class must not freeze the screen."""
        collected = collect_games(self.saves_dirs)
        boards = leaderboards(collected.games, first_attempt=self.first_attempt)
        self.app.call_from_thread(self.show, boards, collected.problems)

    def show(self, boards: list[Leaderboard], problems: list[str]) -> None:
        """Take fresh figures, keeping the chosen quiz."""
        if any(board.first_attempt != self.first_attempt for board in boards):
            return  # read before `f` was pressed: the read for the new choice follows
        shown_before = list(self.boards)
        self.boards = {board.key: board for board in boards}
        self.problems = problems
        self.updated_at = self.clock()
        if self.quiz_id not in self.boards:
            # A quiz id from the home screen: its board of the longest games.
            wanted = [board.key for board in boards if board.quiz_id == self.quiz_id] or [
                board.key for board in boards]
            self.quiz_id = wanted[0] if wanted else self.quiz_id
        select = self.query_one("#leaderboard-quiz", Select)
        with select.prevent(Select.Changed):
            if list(self.boards) != shown_before:
                # Text, not str: a title is shown as written, never read as markup.
                select.set_options((Text(board.title), board.key) for board in boards)
            if self.quiz_id in self.boards:
                select.value = self.quiz_id
        self.draw()

    def draw(self) -> None:
        """Fill the table from the chosen quiz's board, the cursor staying on its row."""
        board = self.boards.get(self.quiz_id or "")
        accommodated = board is not None and any(s.accommodations for s in board.standings)
        self.query_one(FigureTable).show_rows(
            standings_cells(board, short_dates=True) if board else [],
            columns=len(TABLE_HEADERS) - (0 if accommodated else 1))
        title = board.title if board else self.quiz_id
        self.query_one("#leaderboard-title", Static).update(
            f"Leaderboard: {title}" if title else "Leaderboard")
        self.query_one("#leaderboard-status", Static).update(self.status_text(board))

    def status_text(self, board: Leaderboard | None) -> str:
        if board is None:
            head = "No finished quiz games yet"
        else:
            head = (f"{count(len(board.standings), 'player')}, "
                    f"{selection_text(self.first_attempt)}{ranked_by_text(board)}")
        when = self.updated_at.astimezone().strftime("%H:%M:%S") if self.updated_at else "never"
        updates = ("updates paused: p resumes" if self.paused else
                   f"updates every {REFRESH_SECONDS:.0f} s: p pauses")
        lines = [f"{head} · updated {when} · {updates}"]
        if self.problems:
            lines.append(f"{count(len(self.problems), 'save file')} skipped: {self.problems[0]}")
        return "\n".join(lines)

    def on_select_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.quiz_id = event.value
            self.draw()

    def action_toggle_first_attempt(self) -> None:
        self.first_attempt = not self.first_attempt
        self.load()

    def action_refresh_now(self) -> None:
        self.load()

    def action_toggle_updates(self) -> None:
        self.paused = not self.paused
        self.draw()
        if not self.paused:
            self.load()  # what changed while paused, at once

    def action_back(self) -> None:
        self.dismiss()
