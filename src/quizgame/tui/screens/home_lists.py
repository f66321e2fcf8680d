"""The home screen's players and quizzes, once read: filling the lists, choosing a player, the
chosen quiz's details, its game and the screens opened on it.

None of this is needed for the home screen's first paint, so its code is loaded after it
(`HomeScreen.lists`): a start without a bytecode cache compiles every module it imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static

from quizgame.errors import QuizgameError

if TYPE_CHECKING:
    from quizgame.classroom.standings import PlayerStandings
    from quizgame.engine.accommodations import Accommodations
    from quizgame.tui.catalog import QuizEntry
    from quizgame.tui.screens.home import HomeScreen
    from quizgame.tui.widgets.quiz_table import QuizTable

WHO_PLAYS = "Type your name first, then Enter (or pick it from the list: ↑↓, Enter)."


class HomeLists:
    """What the home screen shows once the quizzes and saves are read, and what it does with
    them; the screen's handlers hand their work to it."""

    def __init__(self, home: HomeScreen) -> None:
        self.home = home
        self.settings = home.settings
        self.entries: list[QuizEntry] = []
        self.standings: PlayerStandings | None = None
        """The current player's best scores and due cards, once read."""
        self.player_list: OptionList | None = None
        """The players found in the saves folder, once it has been read."""
        self.quiz_table: QuizTable | None = None
        """The quizzes found in the quizzes folder, once they have been read."""

    # -- loading (read in the screen's worker threads, filled in on the UI thread) ---------

    def read_catalog(self) -> None:
        """The players and quizzes (in a worker thread), then the lists filled with them."""
        from quizgame.tui.catalog import scan_quizzes
        from quizgame.tui.widgets import quiz_table  # noqa: F401  (for fill_catalog, off the UI thread)

        problems: list[str] = []
        settings = self.settings
        if settings.roster is not None:
            names = list(settings.roster.names)  # pick your name from the class list
        else:
            names = [info.name for info in self.home.quiz_app.saves.players(problems)]
        entries = scan_quizzes(settings.quizzes_dirs, also=settings.quiz_path, loaded=settings.quiz)
        # Textual's stub cannot type an async callback's result: it is awaited on the UI thread.
        self.home.app.call_from_thread(self.fill_catalog, names, entries, problems)  # type: ignore[arg-type]

    def read_standings(self, player: str) -> None:
        """The player's best scores and due cards (in a worker thread), then shown."""
        from quizgame.classroom.standings import PlayerStandings, player_standings

        try:
            standings = player_standings(self.home.quiz_app.saves.player(player), self.settings.clock())
        except QuizgameError as error:
            standings = PlayerStandings({}, (str(error),))
        self.home.app.call_from_thread(self._fill_standings, player, standings)

    async def fill_catalog(self, names: list[str], entries: list[QuizEntry], problems: list[str]) -> None:
        from quizgame.tui.widgets.quiz_table import QuizTable

        home = self.home
        self.entries = entries
        home.player_message("\n".join(problems))
        if home.player is not None and home.player not in names:
            names.append(home.player)  # typed in before the saves folder was read
        self.player_list = players = OptionList(*names, markup=False, id="players")
        players.border_title = "Players"
        self.quiz_table = table = QuizTable(entries, id="quizzes")
        table.border_title = "Quizzes"
        await home.query_one("#players-pane", Vertical).mount(players, before="#new-player")
        await home.query_one("#quizzes-pane", Vertical).mount(table, before="#quiz-detail")
        asking = self.settings.quiz_path is not None and self.settings.player is None
        if asking:
            # `quizgame play QUIZ`: that quiz is the one to play, once we know who plays it.
            table.move_cursor(row=self._row_of_command_line_quiz(), animate=False)
        name_box = home.query_one("#new-player", Input)
        # Nobody is picked for the player: a bare Enter must never play as someone else.
        players.highlighted = None
        wanted = home.player or self.settings.player
        if wanted is not None and self.choose_player(wanted):
            if not name_box.value:  # never take the keyboard from someone typing their name
                table.focus()
        else:
            name_box.focus()
        self.show_detail()
        if asking and home.player is not None:
            self._play_as(home.player)  # named (with Enter) before the quizzes were read
        elif asking:
            self._ask_who_plays(names, typed=name_box.value)
            name_box.clear()

    def _fill_standings(self, player: str, standings: PlayerStandings) -> None:
        table = self.quiz_table
        if player != self.home.player or table is None:
            return  # the player changed while these were read
        self.standings = standings
        self.home.player_message("\n".join(standings.problems))
        table.show_standings(standings)
        self.show_detail()

    # -- players ---------------------------------------------------------------------------

    def choose_player(self, name: str) -> bool:
        """Make `name` the current player; a name the store refuses is explained instead."""
        from quizgame.classroom.roster import accommodations_of  # dataclasses: not before a name

        home = self.home
        try:
            name = home.quiz_app.player_name(name)
        except QuizgameError as error:
            home.player_message(str(error))
            return False
        home.player_message("")
        home.player = name
        home.player_accommodations = accommodations_of(home.quiz_app.saves.player(name),
                                                       self.settings.roster)
        home.quiz_app.player_theme.show(name)
        players = self.player_list
        if players is not None:
            names = [str(option.prompt) for option in players.options]
            if name not in names:
                players.add_option(name)
                names.append(name)
            players.highlighted = names.index(name)
        home.show_title()
        self.standings = None
        if self.quiz_table is not None:
            self.quiz_table.show_standings(None)  # the last player's figures are not this one's
        home.load_standings(name)
        return True

    def player_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Only the player's own moves choose: the list highlights its first name by itself.
        name = str(event.option.prompt)
        if event.option_list.has_focus and name != self.home.player:
            self.choose_player(name)

    def name_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.home.player_message(WHO_PLAYS)
            return
        if self.choose_player(event.value):
            event.input.clear()
            self.focus_quizzes()

    def focus_quizzes(self) -> None:
        if self.quiz_table is not None:
            self.quiz_table.focus()

    def _ask_who_plays(self, names: list[str], *, typed: str) -> None:
        """Ask who plays the command line's quiz; `typed` is what is already in the name box."""
        from quizgame.tui.screens.player_prompt import PlayerPromptScreen

        entry = self.selected_entry()
        title = entry.title if entry is not None else str(self.settings.quiz_path)
        prompt = PlayerPromptScreen(title, names, typed=typed, roster=self.settings.roster is not None)
        self.home.app.push_screen(prompt, self._play_as)

    def _play_as(self, name: str | None) -> None:
        """The prompt's answer: play the command line's quiz as `name` (None: stay here)."""
        if name is not None and self.choose_player(name):
            self.focus_quizzes()  # where the game ends: back on the quiz list
            self.play()

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

    def play(self) -> None:
        """Play the selected quiz as the current player, in the mode shown."""
        home = self.home
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.quiz is None:
            home.notify("\n".join(entry.problems), title="This quiz file is broken", severity="error",
                        markup=False)
            return
        if home.player is None:
            home.player_message(WHO_PLAYS)
            home.action_new_player()
            return
        home.quiz_app.play(entry.quiz, home.player, home.mode)

    def show_detail(self) -> None:
        """The selected quiz's description, note and cards due, under the table."""
        entry = self.selected_entry()
        detail = self.home.query_one("#quiz-detail", Static)
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
            lines = [entry.quiz.quiz.description or "", entry.note, due if self.home.player else ""]
            detail.update("\n".join(filter(None, lines)))

    # -- other screens ---------------------------------------------------------------------

    def open_leaderboard(self) -> None:
        from quizgame.tui.screens.leaderboard import LeaderboardScreen

        entry = self.selected_entry()
        if entry is not None and entry.quiz_id is not None:
            self.home.app.push_screen(
                LeaderboardScreen([self.settings.saves_dir], entry.quiz_id, clock=self.settings.clock)
            )

    def open_progress(self) -> None:
        from quizgame.tui.screens.progress import ProgressScreen

        if self.home.player is not None:
            self.home.app.push_screen(
                ProgressScreen(self.settings.saves_dir, self.home.player, clock=self.settings.clock)
            )

    def open_report(self) -> None:
        from quizgame.tui.screens.report import ReportScreen

        entry = self.selected_entry()
        if self.settings.teacher and entry is not None and entry.quiz is not None:
            self.home.app.push_screen(
                ReportScreen([self.settings.saves_dir], entry.quiz, clock=self.settings.clock)
            )

    def open_accommodations(self) -> None:
        """The current player's accommodations: more time, no speed points (their profile)."""
        from quizgame.tui.screens.accommodations import AccommodationsScreen

        home, player = self.home, self.home.player
        if player is None:
            home.player_message("Choose a player first: accommodations are each player's own.")
            return
        try:
            current = home.quiz_app.saves.player(player).accommodations()
        except QuizgameError as error:
            home.player_message(str(error))
            return
        home.app.push_screen(AccommodationsScreen(player, current),
                             lambda chosen: self._save_accommodations(player, chosen))

    def _save_accommodations(self, player: str, chosen: Accommodations | None) -> None:
        from quizgame.classroom.roster import accommodations_of

        if chosen is None:
            return
        home = self.home
        store = home.quiz_app.saves.player(player)
        try:
            store.set_accommodations(chosen)
        except QuizgameError as error:
            home.player_message(str(error))
            return
        home.player_accommodations = accommodations_of(store, self.settings.roster)
        home.show_title()
        home.notify(f"Saved for {player}: {chosen.describe()}.", title="Accommodations",
                    markup=False)
