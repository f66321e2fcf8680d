"""The home screen: pick or create a player, pick a quiz and a mode, play.

The first paint is the title, the mode and the keys. The name box follows a frame later (an
`Input` costs as much to style and draw as the rest of the screen), and whatever is typed before
it is up goes into it; then the quiz files and saves are read in a worker thread (loading the
format models is the slow part of starting), and the player list and the quiz table are mounted,
filled, when they are ready. Every widget left out of the first paint makes the game start sooner
(see benchmarks/bench_tui.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from quizgame.tui.css import module_css
from quizgame.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from quizgame.classroom.standings import PlayerStandings
    from quizgame.engine.accommodations import Accommodations
    from quizgame.engine.records import Mode
    from quizgame.tui.catalog import QuizEntry
    from quizgame.tui.settings import GameHost, GameSettings
    from quizgame.tui.widgets.quiz_table import QuizTable

# Short enough for the mode line of an 80-column terminal.
MODE_WORDS: dict[str, str] = {
    "quiz": "Quiz (scored)",
    "practice": "Practice (spaced repetition)",
    "mistakes": "Mistakes (last game's misses)",
}


class HomeScreen(Screen[None]):
    """Players on the left, quizzes on the right; Enter on a quiz plays it.

    Started as `quizgame play QUIZ` without a player, it asks who is playing (see
    `PlayerPromptScreen`) once the quizzes are read, then plays that quiz.
    """

    DEFAULT_CSS = module_css(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "cycle_mode", "Mode", id="quizgame.mode"),
        Binding("n", "new_player", "New player", id="quizgame.new_player"),
        Binding("l", "leaderboard", "Leaderboard", id="quizgame.leaderboard"),
        Binding("p", "progress", "Progress", id="quizgame.progress"),
        Binding("r", "report", "Report", id="quizgame.report"),
        # Not in the footer (an 80-column footer is full): the title names it once a player is
        # chosen, and the help screen lists it.
        Binding("a", "accommodations", "Accommodations", show=False,
                id="quizgame.accommodations"),
        Binding("t", "cycle_theme", "Theme", id="quizgame.theme"),
    ]

    WHO_PLAYS = "Type your name first, then Enter (or pick it from the list: ↑↓, Enter)."

    def __init__(self, settings: GameSettings) -> None:
        super().__init__()
        self.settings = settings
        self.mode: Mode = settings.mode
        self.player: str | None = None
        self.player_accommodations: Accommodations | None = None
        """The current player's accommodations (their profile and roster line), shown in the
        title; None until a player is chosen (their module is not needed for the first frame)."""
        self.entries: list[QuizEntry] = []
        self.standings: PlayerStandings | None = None
        """The current player's best scores and due cards, once read."""
        self.player_list: OptionList | None = None
        """The players found in the saves folder, once it has been read."""
        self.quiz_table: QuizTable | None = None
        """The quizzes found in the quizzes folder, once they have been read."""
        self._typed_ahead: list[str] | None = []
        """What was typed before the name box was up (Enter as "\n"); None once it is."""

    @property
    def quiz_app(self) -> GameHost:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(self._title_text(), id="home-title", markup=False)
        with Vertical(id="players-pane"):
            yield Static(id="player-message", markup=False)
        with Vertical(id="quizzes-pane"):
            yield Static("Reading the quizzes…", id="quiz-detail", markup=False)
            yield Static(self._mode_text(), id="mode")
        yield KeyBar()

    def on_mount(self) -> None:
        self.call_after_refresh(self._add_name_box)

    async def _add_name_box(self) -> None:
        """The name box, after the first paint, holding what was typed meanwhile; then the
        quizzes and saves are read (the worker's imports would compete with the paint for the
        GIL)."""
        if not self.is_attached:
            return  # quit at once
        hint = "Your name (from the class list)" if self.settings.roster else "New player's name"
        typed = "".join(self._typed_ahead or ())
        name, enter, _ = typed.partition("\n")
        self._typed_ahead = None
        box = Input(name, placeholder=hint, id="new-player")
        await self.query_one("#players-pane", Vertical).mount(box, before="#player-message")
        if self.focused is None:
            box.focus()
        if enter:
            await box.action_submit()
        self.load_catalog()

    def on_key(self, event: events.Key) -> None:
        typed = self._typed_ahead
        if typed is None or "\n" in typed:
            return  # the name box is up (or a name was already given): keys work as shown
        if event.is_printable and event.character is not None:
            typed.append(event.character)
        elif event.key == "backspace":
            del typed[-1:]
        elif event.key == "enter":
            typed.append("\n")
        else:
            return  # ctrl+q, F1, Tab: as ever
        # A letter of a name, not the screen's key of the same letter.
        event.stop()
        event.prevent_default()

    def on_screen_resume(self) -> None:
        # Back from a game: scores and due cards have changed.
        if self.player is not None and self.entries:
            self.load_standings(self.player)

    # -- loading (worker threads) ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="catalog")
    def load_catalog(self) -> None:
        from quizgame.tui.catalog import scan_quizzes
        from quizgame.tui.widgets import quiz_table  # noqa: F401  (for _fill_catalog, off the UI thread)

        problems: list[str] = []
        settings = self.settings
        if settings.roster is not None:
            names = list(settings.roster.names)  # pick your name from the class list
        else:
            names = [info.name for info in self.quiz_app.saves.players(problems)]
        entries = scan_quizzes(settings.quizzes_dirs, also=settings.quiz_path, loaded=settings.quiz)
        # Textual's stub cannot type an async callback's result: it is awaited on the UI thread.
        self.app.call_from_thread(self._fill_catalog, names, entries, problems)  # type: ignore[arg-type]

    @work(thread=True, exclusive=True, group="standings")
    def load_standings(self, player: str) -> None:
        from quizgame.classroom.standings import PlayerStandings, player_standings
        from quizgame.errors import QuizgameError

        try:
            standings = player_standings(self.quiz_app.saves.player(player), self.settings.clock())
        except QuizgameError as error:
            standings = PlayerStandings({}, (str(error),))
        self.app.call_from_thread(self._fill_standings, player, standings)

    async def _fill_catalog(self, names: list[str], entries: list[QuizEntry], problems: list[str]) -> None:
        from quizgame.tui.widgets.quiz_table import QuizTable

        self.entries = entries
        self._player_message("\n".join(problems))
        if self.player is not None and self.player not in names:
            names.append(self.player)  # typed in before the saves folder was read
        self.player_list = players = OptionList(*names, markup=False, id="players")
        players.border_title = "Players"
        self.quiz_table = table = QuizTable(entries, id="quizzes")
        table.border_title = "Quizzes"
        await self.query_one("#players-pane", Vertical).mount(players, before="#new-player")
        await self.query_one("#quizzes-pane", Vertical).mount(table, before="#quiz-detail")
        asking = self.settings.quiz_path is not None and self.settings.player is None
        if asking:
            # `quizgame play QUIZ`: that quiz is the one to play, once we know who plays it.
            table.move_cursor(row=self._row_of_command_line_quiz(), animate=False)
        name_box = self.query_one("#new-player", Input)
        # Nobody is picked for the player: a bare Enter must never play as someone else.
        players.highlighted = None
        wanted = self.player or self.settings.player
        if wanted is not None and self.choose_player(wanted):
            if not name_box.value:  # never take the keyboard from someone typing their name
                table.focus()
        else:
            name_box.focus()
        self._show_detail()
        if asking and self.player is not None:
            self._play_as(self.player)  # named (with Enter) before the quizzes were read
        elif asking:
            self._ask_who_plays(names, typed=name_box.value)
            name_box.clear()

    def _fill_standings(self, player: str, standings: PlayerStandings) -> None:
        table = self.quiz_table
        if player != self.player or table is None:
            return  # the player changed while these were read
        self.standings = standings
        self._player_message("\n".join(standings.problems))
        table.show_standings(standings)
        self._show_detail()

    # -- players ---------------------------------------------------------------------------

    def choose_player(self, name: str) -> bool:
        """Make `name` the current player; a name the store refuses is explained instead."""
        from quizgame.classroom.roster import accommodations_of
        from quizgame.errors import QuizgameError

        try:
            name = self.quiz_app.player_name(name)
        except QuizgameError as error:
            self._player_message(str(error))
            return False
        self._player_message("")
        self.player = name
        self.player_accommodations = accommodations_of(self.quiz_app.saves.player(name),
                                                       self.settings.roster)
        self.quiz_app.player_theme.show(name)
        players = self.player_list
        if players is not None:
            names = [str(option.prompt) for option in players.options]
            if name not in names:
                players.add_option(name)
                names.append(name)
            players.highlighted = names.index(name)
        self.query_one("#home-title", Static).update(self._title_text())
        self.standings = None
        if self.quiz_table is not None:
            self.quiz_table.show_standings(None)  # the last player's figures are not this one's
        self.load_standings(name)
        return True

    def _player_message(self, text: str) -> None:
        message = self.query_one("#player-message", Static)
        message.update(text)
        message.set_class(bool(text), "-shown")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Only the player's own moves choose: the list highlights its first name by itself.
        name = str(event.option.prompt)
        if event.option_list.has_focus and name != self.player:
            self.choose_player(name)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.quiz_table is not None:
            self.quiz_table.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._player_message(self.WHO_PLAYS)
            return
        if self.choose_player(event.value):
            event.input.clear()
            if self.quiz_table is not None:
                self.quiz_table.focus()

    def action_new_player(self) -> None:
        self.query_one("#new-player", Input).focus()

    def _ask_who_plays(self, names: list[str], *, typed: str) -> None:
        """Ask who plays the command line's quiz; `typed` is what is already in the name box."""
        from quizgame.tui.screens.player_prompt import PlayerPromptScreen

        entry = self.selected_entry()
        title = entry.title if entry is not None else str(self.settings.quiz_path)
        prompt = PlayerPromptScreen(title, names, typed=typed, roster=self.settings.roster is not None)
        self.app.push_screen(prompt, self._play_as)

    def _play_as(self, name: str | None) -> None:
        """The prompt's answer: play the command line's quiz as `name` (None: stay here)."""
        if name is not None and self.choose_player(name):
            if self.quiz_table is not None:
                self.quiz_table.focus()  # where the game ends: back on the quiz list
            self.action_play()

    # -- quizzes ---------------------------------------------------------------------------

    def selected_entry(self) -> QuizEntry | None:
        table = self.quiz_table
        if table is None or not self.entries or table.cursor_row >= len(self.entries):
            return None
        return self.entries[table.cursor_row]

    def _row_of_command_line_quiz(self) -> int:
        wanted = self.settings.quiz_path
        assert wanted is not None
        rows = [row for row, entry in enumerate(self.entries) if entry.path.resolve() == wanted.resolve()]
        return rows[0] if rows else 0

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_play()

    def action_play(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.quiz is None:
            self.notify("\n".join(entry.problems), title="This quiz file is broken", severity="error",
                        markup=False)
            return
        if self.player is None:
            self._player_message(self.WHO_PLAYS)
            self.action_new_player()
            return
        self.quiz_app.play(entry.quiz, self.player, self.mode)

    def _show_detail(self) -> None:
        entry = self.selected_entry()
        detail = self.query_one("#quiz-detail", Static)
        detail.set_class(entry is not None and entry.broken, "-broken")
        if entry is None:
            folders = ", ".join(map(str, self.settings.quizzes_dirs))
            detail.update("" if self.entries else f"No quiz files in {folders}")
        elif entry.quiz is None:
            detail.update("\n".join(entry.problems))
        else:
            from quizgame.classroom.standings import QuizStanding

            standing = self.standings.by_quiz.get(entry.quiz.quiz.id) if self.standings else None
            due = (standing or QuizStanding()).due_text([q.id for q in entry.quiz.questions])
            lines = [entry.quiz.quiz.description or "", entry.note, due if self.player else ""]
            detail.update("\n".join(filter(None, lines)))

    # -- mode and other screens --------------------------------------------------------------

    def action_cycle_mode(self) -> None:
        from quizgame.tui.settings import MODES

        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self.query_one("#mode", Static).update(self._mode_text())

    def action_cycle_theme(self) -> None:
        """Default, high contrast, colour-blind safe, light, in turn (tui/themes.py); kept as
        the chosen player's own (tui/player_theme.py)."""
        from quizgame.tui.themes import CYCLE

        now = self.app.theme
        self.quiz_app.player_theme.pick(CYCLE[(CYCLE.index(now) + 1) % len(CYCLE)] if now in CYCLE
                                        else CYCLE[0])

    def _mode_text(self) -> str:
        return f"Mode: [@click=screen.cycle_mode]{MODE_WORDS[self.mode]}[/]  [dim](press m)[/]"

    def _title_text(self) -> str:
        who = f"Player: {self.player}" if self.player else "No player yet: type a name"
        accommodations = self.player_accommodations
        if self.player and accommodations is not None and accommodations.any:
            who += f" ({accommodations.describe()})"
        if self.player:
            who += " · a: accommodations"
        return f"quizgame · {who}"

    def action_leaderboard(self) -> None:
        from quizgame.tui.screens.leaderboard import LeaderboardScreen

        entry = self.selected_entry()
        if entry is not None and entry.quiz_id is not None:
            self.app.push_screen(
                LeaderboardScreen([self.settings.saves_dir], entry.quiz_id, clock=self.settings.clock)
            )

    def action_accommodations(self) -> None:
        """The current player's accommodations: more time, no speed points (their profile)."""
        from quizgame.errors import QuizgameError
        from quizgame.tui.screens.accommodations import AccommodationsScreen

        player = self.player
        if player is None:
            self._player_message("Choose a player first: accommodations are each player's own.")
            return
        try:
            current = self.quiz_app.saves.player(player).accommodations()
        except QuizgameError as error:
            self._player_message(str(error))
            return
        self.app.push_screen(AccommodationsScreen(player, current),
                             lambda chosen: self._save_accommodations(player, chosen))

    def _save_accommodations(self, player: str, chosen: Accommodations | None) -> None:
        from quizgame.classroom.roster import accommodations_of
        from quizgame.errors import QuizgameError

        if chosen is None:
            return
        store = self.quiz_app.saves.player(player)
        try:
            store.set_accommodations(chosen)
        except QuizgameError as error:
            self._player_message(str(error))
            return
        self.player_accommodations = accommodations_of(store, self.settings.roster)
        self.query_one("#home-title", Static).update(self._title_text())
        self.notify(f"Saved for {player}: {chosen.describe()}.", title="Accommodations",
                    markup=False)

    def action_progress(self) -> None:
        from quizgame.tui.screens.progress import ProgressScreen

        if self.player is not None:
            self.app.push_screen(
                ProgressScreen(self.settings.saves_dir, self.player, clock=self.settings.clock)
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "report":
            return self.settings.teacher  # teachers only: distractor counts give answers away
        return True

    def action_report(self) -> None:
        from quizgame.tui.screens.report import ReportScreen

        if not self.settings.teacher:
            return
        entry = self.selected_entry()
        if entry is not None and entry.quiz is not None:
            self.app.push_screen(
                ReportScreen([self.settings.saves_dir], entry.quiz, clock=self.settings.clock)
            )
