"""What lies under a game started from the command line (`quizgame play QUIZ --player NAME`).

The game's question is the first frame: the home screen is neither built nor drawn (nor are its
quizzes and saves read) until the player goes back to it, or until the game cannot start (its
message is then shown over the home screen).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from quizgame.tui.settings import GameSettings


class StartScreen(Screen[None]):
    """An empty screen that opens the home screen over itself as soon as it is the one on show
    (the bottom screen of the stack cannot be switched for another)."""

    def __init__(self, settings: GameSettings, *, opening: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self._opening = opening
        """A game's opening is pushed over it once the app runs (tui/game_opening.py)."""

    def on_screen_resume(self) -> None:
        if self._opening:
            self._opening = False  # the next time it is on show, the game is over or failed
            return
        # At start-up the game is pushed over this screen in the same turn: look once it has been.
        self.call_later(self._home_if_shown)

    def _home_if_shown(self) -> None:
        if self.app.screen is self:
            from quizgame.tui.screens.home import HomeScreen

            self.app.push_screen(HomeScreen(self.settings))
