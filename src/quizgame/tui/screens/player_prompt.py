""""Who is playing?": asked over the home screen when `quizgame play QUIZ` names no player, so
that a new player types a name and goes straight into that quiz."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static

from quizgame.tui.css import module_css
from quizgame.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from quizgame.tui.settings import GameHost


class PlayerPromptScreen(ModalScreen[str | None]):
    """A name box (and the known players, to pick from); the result is the player's saved name,
    or None when Escape goes to the home screen instead."""

    DEFAULT_CSS = module_css(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "home", "Home screen", id="quizgame.prompt_home"),
    ]
    INSTRUCTIONS = "Type your name and Enter, or Tab to the list and Enter on your name"

    def __init__(
        self, quiz_title: str, players: list[str], *, typed: str = "", roster: bool = False
    ) -> None:
        super().__init__()
        self.quiz_title = quiz_title
        self.players = players
        self.roster = roster
        """Whether `players` is the class roster (the only names that can play)."""
        self.typed = typed
        """What the player had already typed in the home screen's name box."""

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-dialog"):
            yield Static("Who is playing?", id="prompt-question")
            yield Static(self.quiz_title, id="prompt-quiz", markup=False)
            yield Input(self.typed, placeholder="Your name, then Enter", id="prompt-name")
            yield Static(id="prompt-message", markup=False)
            if self.players:
                title = "Class list" if self.roster else "Played before?"
                yield Label(f"{title} Tab, ↓ to your name, Enter:", id="prompt-players-title")
                yield OptionList(*self.players, markup=False, id="prompt-players")
        yield KeyBar()

    def on_mount(self) -> None:
        # Nobody is picked until the player moves: Enter alone must not play as someone.
        for players in self.query(OptionList):
            players.highlighted = None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._play_as(event.value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._play_as(str(event.option.prompt))

    def _play_as(self, name: str) -> None:
        from quizgame.errors import QuizgameError

        app: GameHost = self.app  # type: ignore[assignment]
        try:
            name = app.player_name(name)
        except QuizgameError as error:
            message = self.query_one("#prompt-message", Static)
            message.update(str(error))
            message.add_class("-shown")
            return
        self.dismiss(name)

    def action_home(self) -> None:
        self.dismiss(None)
