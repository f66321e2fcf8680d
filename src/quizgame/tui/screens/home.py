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
from quizgame.tui.screens.styled_as_mounted import StyledAsMounted
from quizgame.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from quizgame.engine.accommodations import Accommodations
    from quizgame.engine.records import Mode
    from quizgame.tui.screens.home_lists import HomeLists
    from quizgame.tui.settings import GameHost, GameSettings

# Short enough for the mode line of an 80-column terminal.
MODE_WORDS: dict[str, str] = {
    "quiz": "Quiz (scored)",
    "practice": "Practice (spaced repetition)",
    "mistakes": "Mistakes (last game's misses)",
}


class HomeScreen(StyledAsMounted, Screen[None]):
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

    def __init__(self, settings: GameSettings) -> None:
        super().__init__()
        self.settings = settings
        self.mode: Mode = settings.mode
        self.player: str | None = None
        self.player_accommodations: Accommodations | None = None
        """The current player's accommodations (their profile and roster line), shown in the
        title; None until a player is chosen (their module is not needed for the first frame)."""
        self._lists: HomeLists | None = None
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
        # Made here, on the UI thread, before the worker that fills them starts: made by that
        # worker, a name entered meanwhile would make another (and go to the empty one).
        lists = self.lists
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
        self.load_catalog(lists)

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

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Back from a game: scores and due cards have changed.
        if self.player is not None and self._lists is not None and self._lists.entries:
            self.load_standings(self.player)

    # -- the lists (tui/screens/home_lists.py, loaded after the first paint) ----------------

    @property
    def lists(self) -> HomeLists:
        """The players and quizzes, and what is done with them (its module loads on first use,
        on the UI thread as the name box is added: nothing in it is needed for the first
        paint)."""
        if self._lists is None:
            from quizgame.tui.screens.home_lists import HomeLists

            self._lists = HomeLists(self)
        return self._lists

    @work(thread=True, exclusive=True, group="catalog")
    def load_catalog(self, lists: HomeLists) -> None:
        lists.read_catalog()

    @work(thread=True, exclusive=True, group="standings")
    def load_standings(self, player: str) -> None:
        self.lists.read_standings(player)

    def player_message(self, text: str) -> None:
        """A line under the name box (a refused name, what to do next); "" hides it."""
        message = self.query_one("#player-message", Static)
        message.update(text)
        message.set_class(bool(text), "-shown")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.lists.player_highlighted(event)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.lists.focus_quizzes()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.lists.name_submitted(event)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.lists.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_play()

    def action_new_player(self) -> None:
        self.query_one("#new-player", Input).focus()

    def action_play(self) -> None:
        self.lists.play()

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

    def show_title(self) -> None:
        """The title again, for a new player or their new accommodations."""
        self.query_one("#home-title", Static).update(self._title_text())

    def _title_text(self) -> str:
        who = f"Player: {self.player}" if self.player else "No player yet: type a name"
        accommodations = self.player_accommodations
        if self.player and accommodations is not None and accommodations.any:
            who += f" ({accommodations.describe()})"
        if self.player:
            who += " · a: accommodations"
        return f"quizgame · {who}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "report":
            return self.settings.teacher  # teachers only: distractor counts give answers away
        return True

    def action_leaderboard(self) -> None:
        self.lists.open_leaderboard()

    def action_progress(self) -> None:
        self.lists.open_progress()

    def action_report(self) -> None:
        self.lists.open_report()

    def action_accommodations(self) -> None:
        """The current player's accommodations: more time, no speed points (their profile)."""
        self.lists.open_accommodations()
