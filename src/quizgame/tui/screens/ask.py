"""A question over the game with a few answers, each on its own key: "Leave this game?",
"Continue your game?". Nothing is chosen for the player: Enter alone does nothing here."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from quizgame.tui.css import module_css
from quizgame.tui.widgets.keybar import KeyBar


class AskScreen(ModalScreen[str | None]):
    """A title, a few lines of explanation and `answers` (key, words); the result is the key
    pressed, or None for Escape (which always means "back to what I was doing")."""

    DEFAULT_CSS = module_css(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer('')", "Back", id="quizgame.ask_back"),
    ]

    def __init__(self, title: str, text: str, answers: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-dialog"):
            yield Static(self.title_text, id="ask-title", markup=False)
            yield Static(self.text, id="ask-text", markup=False)
            lines = [f"{key}  {words}" for key, words in self.answers] + ["Esc  back"]
            yield Static("\n".join(lines), id="ask-answers", markup=False)
        yield KeyBar()

    def on_key(self, event: events.Key) -> None:
        if any(event.key == answer for answer, _ in self.answers):
            event.stop()
            self.dismiss(event.key)

    def action_answer(self, key: str) -> None:
        self.dismiss(key or None)
