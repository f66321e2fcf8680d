"""The home screen: pick or create a player, pick a quiz and a mode, play.

The first paint needs nothing but Textual; the quiz files and saves are read in a worker thread
(loading the format models is the slow part of starting), and the lists fill in when ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, OptionList, Static

from quizgame.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from quizgame.engine.records import Mode
    from quizgame.tui.app import GameSettings, QuizApp
    from quizgame.tui.catalog import PlayerStandings, QuizEntry

MODE_WORDS: dict[str, str] = {
    "quiz": "Quiz (scored)",
    "practice": "Practice (spaced repetition)",
    "mistakes": "Mistakes (replay your last misses)",
}


class QuizTable(DataTable[str]):
    """The quiz list, whose Enter key is shown in the footer as "Play"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Play", id="quizgame.play"),
    ]


class HomeScreen(Screen[None]):
    """Players on the left, quizzes on the right; Enter on a quiz plays it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "cycle_mode", "Mode", id="quizgame.mode"),
        Binding("n", "new_player", "New player", id="quizgame.new_player"),
        Binding("l", "leaderboard", "Leaderboard", id="quizgame.leaderboard"),
        Binding("p", "progress", "Progress", id="quizgame.progress"),
        Binding("r", "report", "Report", id="quizgame.report"),
    ]

    def __init__(self, settings: GameSettings) -> None:
        super().__init__()
        self.settings = settings
        self.mode: Mode = settings.mode
        self.player: str | None = None
        self.entries: list[QuizEntry] = []

    @property
    def quiz_app(self) -> QuizApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static("quizgame", id="home-title", markup=False)
        with Horizontal(id="home-main"):
            with Vertical(id="players-pane"):
                yield Label("Players", classes="pane-title")
                yield OptionList(markup=False, id="players")
                yield Input(placeholder="New player's name", id="new-player")
                yield Static(id="player-message", markup=False)
            with Vertical(id="quizzes-pane"):
                yield Label("Quizzes", classes="pane-title")
                table = QuizTable(id="quizzes", cursor_type="row")
                table.add_column("Quiz", key="title")
                table.add_column("Qs", key="count")
                table.add_column("Best", key="best")
                table.add_column("Due", key="due")
                yield table
                yield Static("Reading the quizzes…", id="quiz-detail", markup=False)
                yield Static(id="mode")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_mode()
        self._show_title()
        # After the first paint: the worker's imports would otherwise compete with it for the GIL.
        self.call_after_refresh(self.load_catalog)

    def on_screen_resume(self) -> None:
        # Back from a game: scores and due cards have changed.
        if self.player is not None and self.entries:
            self.load_standings(self.player)

    # -- loading (worker threads) ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="catalog")
    def load_catalog(self) -> None:
        from quizgame.tui.catalog import scan_quizzes

        problems: list[str] = []
        names = [info.name for info in self.quiz_app.saves.players(problems)]
        entries = scan_quizzes(self.settings.quizzes_dir)
        self.app.call_from_thread(self._fill_catalog, names, entries, problems)

    @work(thread=True, exclusive=True, group="standings")
    def load_standings(self, player: str) -> None:
        from quizgame.errors import QuizgameError
        from quizgame.tui.catalog import PlayerStandings, player_standings

        try:
            standings = player_standings(self.quiz_app.saves.player(player), self.settings.clock())
        except QuizgameError as error:
            standings = PlayerStandings({}, (str(error),))
        self.app.call_from_thread(self._fill_standings, player, standings)

    def _fill_catalog(self, names: list[str], entries: list[QuizEntry], problems: list[str]) -> None:
        self.entries = entries
        self._player_message("\n".join(problems))
        players = self.query_one("#players", OptionList)
        players.set_options(names)
        table = self.query_one("#quizzes", QuizTable)
        for entry in entries:
            if entry.broken:
                table.add_row(f"⚠ {entry.path.name} (broken)", "-", "-", "-", key=str(entry.path))
            else:
                assert entry.quiz is not None
                table.add_row(entry.title, str(len(entry.quiz.questions)), "", "", key=str(entry.path))
        wanted = self.settings.player
        if wanted is None and names:
            wanted = names[0]
        if wanted is not None:
            self.choose_player(wanted)
            table.focus()
        else:
            self.query_one("#new-player", Input).focus()
        self._show_detail()

    def _fill_standings(self, player: str, standings: PlayerStandings) -> None:
        if player != self.player:
            return  # the player changed while these were read
        self._player_message("\n".join(standings.problems))
        table = self.query_one("#quizzes", QuizTable)
        for entry in self.entries:
            if entry.quiz_id is None:
                continue
            found = standings.by_quiz.get(entry.quiz_id)
            best = "-" if found is None or found.best is None else f"{found.best:,}"
            due = "-" if found is None or not found.due else str(found.due)
            table.update_cell(str(entry.path), "best", best, update_width=True)
            table.update_cell(str(entry.path), "due", due, update_width=True)

    # -- players ---------------------------------------------------------------------------

    def choose_player(self, name: str) -> bool:
        """Make `name` the current player; a name the store refuses is explained instead."""
        from quizgame.errors import PlayerNameError, QuizgameError

        try:
            name = self.quiz_app.saves.player(name).name
        except PlayerNameError as error:
            self._player_message(f"That name cannot be used: {error}.")
            return False
        except QuizgameError as error:  # that player's saves cannot be read; they are left alone
            self._player_message(str(error))
            return False
        self._player_message("")
        self.player = name
        players = self.query_one("#players", OptionList)
        names = [str(option.prompt) for option in players.options]
        if name not in names:
            players.add_option(name)
            names.append(name)
        players.highlighted = names.index(name)
        self._show_title()
        self.load_standings(name)
        return True

    def _player_message(self, text: str) -> None:
        message = self.query_one("#player-message", Static)
        message.update(text)
        message.display = bool(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        name = str(event.option.prompt)
        if name != self.player:
            self.choose_player(name)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#quizzes", QuizTable).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.choose_player(event.value):
            event.input.clear()
            self.query_one("#quizzes", QuizTable).focus()

    def action_new_player(self) -> None:
        self.query_one("#new-player", Input).focus()

    # -- quizzes ---------------------------------------------------------------------------

    def selected_entry(self) -> QuizEntry | None:
        table = self.query_one("#quizzes", QuizTable)
        if not self.entries or table.cursor_row >= len(self.entries):
            return None
        return self.entries[table.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_play()

    def action_play(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.quiz is None:
            self.notify("\n".join(entry.problems), title="This quiz file is broken", severity="error")
            return
        if self.player is None:
            self._player_message("Type your name first, then Enter.")
            self.action_new_player()
            return
        self.quiz_app.play(entry.quiz, self.player, self.mode)

    def _show_detail(self) -> None:
        entry = self.selected_entry()
        detail = self.query_one("#quiz-detail", Static)
        if entry is None:
            text = "" if self.entries else f"No quiz files in {self.settings.quizzes_dir}"
            detail.update(text)
            return
        detail.set_class(entry.broken, "-broken")
        if entry.quiz is None:
            detail.update("\n".join(entry.problems))
        else:
            detail.update(entry.quiz.quiz.description or "")

    # -- mode and other screens --------------------------------------------------------------

    def action_cycle_mode(self) -> None:
        from quizgame.tui.app import MODES

        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self._show_mode()

    def _show_mode(self) -> None:
        self.query_one("#mode", Static).update(
            f"Mode: [@click=screen.cycle_mode]{MODE_WORDS[self.mode]}[/]   [dim](m to change)[/]"
        )

    def _show_title(self) -> None:
        who = f"Player: {self.player}" if self.player else "No player yet: type a name"
        self.query_one("#home-title", Static).update(f"quizgame · {who}")

    def action_leaderboard(self) -> None:
        from quizgame.tui.screens.leaderboard import LeaderboardScreen

        entry = self.selected_entry()
        if entry is not None and entry.quiz_id is not None:
            self.app.push_screen(LeaderboardScreen([self.settings.saves_dir], entry.quiz_id))

    def action_progress(self) -> None:
        from quizgame.tui.screens.progress import ProgressScreen

        if self.player is not None:
            self.app.push_screen(ProgressScreen(self.settings.saves_dir, self.player))

    def action_report(self) -> None:
        from quizgame.tui.screens.report import ReportScreen

        entry = self.selected_entry()
        if entry is not None and entry.quiz is not None:
            self.app.push_screen(ReportScreen([self.settings.saves_dir], entry.quiz))
