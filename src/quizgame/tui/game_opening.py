"""App mixin: a game from the command line opens on its first question before its quiz loads.

`play QUIZ --player NAME` (quiz mode) is handed the opening the last such start kept
(engine/openings.py). The app draws it (`QuestionScreen.opening`) as its first frame, its
answer widget a frame after the rest; once Textual has written both, the app loads the quiz,
opens the saves and starts the session as it would without an opening
(`GameStarter.play_command_line`), and the session is attached to the screen on show. A start
that goes otherwise (a game to continue, an error) drops the opening's screen and the kept
opening. Every game started from the command line keeps the opening of the next one: when it
starts, and again when it ends (its first answer made the one kept at its start stale);
`GameStarter` (tui/game_start.py) does all of that, after the frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.app import App
    from textual.screen import Screen

    from quizgame.engine.openings import Opening
    from quizgame.tui.game_start import GameStarter
    from quizgame.tui.screens.question import QuestionScreen
    from quizgame.tui.settings import GameSettings

    _AppMixin = App[None]
else:
    _AppMixin = object  # a mixin of `QuizApp`, not an app of its own

OPENING_WAIT = 0.5
"""Seconds after Ready that a game drawn from its opening starts at the latest."""
OPENING_WRITTEN = 0.02
"""Seconds given to the terminal's output thread to write the opening's frame."""


class GameOpening(_AppMixin):
    """App mixin, the opening's part of `QuizApp`: drawing it first, then starting its game."""

    settings: GameSettings
    pending_opening: Opening | None
    """The first question drawn before the quiz loads, until its session is attached."""
    _opening_shown = False
    _opening_framed = False
    """A whole frame of the opening's screen has been written (those after may be partial)."""

    @property
    def starter(self) -> GameStarter:
        """What starts games (the app's)."""
        raise NotImplementedError

    def show_opening(self) -> None:
        """The app runs (Ready): the opening's question is drawn now, so that its first drawing
        is the frame written (Textual writes none before), and its game starts once that frame
        is, or soon in any case (should no whole frame be written, see `_display`)."""
        from quizgame.tui.screens.question import QuestionScreen

        assert self.pending_opening is not None
        self.push_screen(QuestionScreen.opening(self.pending_opening, self.settings))
        self.set_timer(OPENING_WAIT, self._start_opened_game)

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        # Textual writes no frame before the app runs (`_running`, set just before Ready) nor
        # inside a batch, and a partial update then leaves the rest of the terminal blank: the
        # first whole frame (a LayoutUpdate, in the pinned Textual) of the opening's screen
        # shows its question; once a frame written since shows its answer widget too (mounted
        # after that first paint), the quiz loads and the session starts, with it on screen.
        drawn = getattr(screen, "opening_drawn", None)
        if (self.pending_opening is None or self._opening_shown or not self._running
                or self._batch_count or renderable is None or drawn is None):
            return
        if not self._opening_framed and type(renderable).__name__ == "LayoutUpdate":
            self._opening_framed = True
            cast("QuestionScreen", screen).opening_painted()  # the one with `opening_drawn`
        elif self._opening_framed and drawn:
            # Not at once: Textual's output thread writes the frame, and the load would hold the
            # interpreter (compiling modules, where no bytecode is cached) while it is queued.
            self.set_timer(OPENING_WRITTEN, self._start_opened_game)

    def _start_opened_game(self) -> None:
        from quizgame import startup_gc

        if self.pending_opening is None or self._opening_shown:
            return
        self._opening_shown = True
        try:
            self.starter.play_command_line()
        finally:
            startup_gc.resume()
