"""The player's accommodations (docs/accommodations.md): more time on every timed question
(1.5 or 2 times the limit, or untimed) and points without speed. Opened with `a` on the home
screen for the current player; Enter saves them into the player's profile, Escape leaves them."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from quizgame.engine.accommodations import TIME_FACTORS, Accommodations
from quizgame.tui.css import module_css
from quizgame.tui.widgets.keybar import KeyBar

TIME_KEYS: dict[str, float | None] = dict(zip("1234", TIME_FACTORS.values(), strict=True))
TIME_WORDS = {1.0: "the quiz's own time", 1.5: "1.5 times the time", 2.0: "twice the time",
              None: "untimed: no time limit"}


class AccommodationsScreen(ModalScreen[Accommodations | None]):
    """Choose the time (1-4) and speed points (s); the result is the choice, None for Escape."""

    DEFAULT_CSS = module_css(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Save", id="quizgame.accommodations_save"),
        Binding("escape", "back", "Back", id="quizgame.accommodations_back"),
    ]

    def __init__(self, player: str, current: Accommodations) -> None:
        super().__init__()
        self.player = player
        self.chosen = current

    def compose(self) -> ComposeResult:
        with Vertical(id="accommodations-dialog"):
            yield Static(f"Accommodations of {self.player}", id="accommodations-title",
                         markup=False)
            yield Static(id="accommodations-choices", markup=False)
            yield Static("Every mode and the live game use them; each game saves the ones that "
                         "applied. Enter: save · Esc: back", id="accommodations-help",
                         markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        lines = ["Time on every timed question:"]
        for key, factor in TIME_KEYS.items():
            mark = "(•)" if self.chosen.time == factor else "( )"
            lines.append(f"  {key}  {mark} {TIME_WORDS[factor]}")
        mark = "[x]" if not self.chosen.speed_points else "[ ]"
        lines += ["", f"  s  {mark} no speed points (time never costs points)"]
        self.query_one("#accommodations-choices", Static).update("\n".join(lines))

    def on_key(self, event: events.Key) -> None:
        if event.key in TIME_KEYS:
            self.chosen = Accommodations(TIME_KEYS[event.key], self.chosen.speed_points)
        elif event.key == "s":
            self.chosen = Accommodations(self.chosen.time, not self.chosen.speed_points)
        else:
            return
        event.stop()
        self._show()

    def action_save(self) -> None:
        self.dismiss(self.chosen)

    def action_back(self) -> None:
        self.dismiss(None)
