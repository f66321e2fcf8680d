"""App mixin: a game from the command line opens on its first question before its quiz loads.

`play QUIZ --player NAME` (quiz mode) is handed the opening the last such start kept
(engine/openings.py). The app draws it (`QuestionScreen.opening`) as its first frame; once
Textual has written that whole frame, the app loads the quiz, opens the saves and starts the
session as it would without an opening (`_play_command_line`), and the session is attached to
the screen on show. A start that goes otherwise (a game to continue, an error) drops the
opening's screen and the kept opening. Every game started from the command line keeps the
opening of the next one: when it starts, and again when it ends (its first answer made the one
kept at its start stale).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.app import App
    from textual.screen import Screen

    from quizgame.engine.openings import Opening
    from quizgame.engine.ports import PlayerStore
    from quizgame.engine.records import Mode
    from quizgame.engine.session import GameSession
    from quizgame.format.models import Quiz
    from quizgame.store.folder import SavesFolder
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
    _opening: Opening | None
    """The first question drawn before the quiz loads, until its session is attached."""
    _opening_shown = False
    _starting_command_line = False
    """Within the start of the command line's game (its session is the one whose next opening
    is kept)."""
    _command_line_game: GameSession | None = None

    @property
    def saves(self) -> SavesFolder:
        """The saves folder (the app's)."""
        raise NotImplementedError

    def _play_command_line(self) -> None:
        """Start the command line's game (the app's)."""
        raise NotImplementedError

    def _new_session(self, quiz: Quiz, store: PlayerStore, mode: Mode, seed: int | None
                     ) -> GameSession:
        """A new game with this run's settings (the app's)."""
        raise NotImplementedError

    def show_opening(self) -> None:
        """The app runs (Ready): the opening's question is drawn now, so that its first drawing
        is the frame written (Textual writes none before), and its game starts once that frame
        is, or soon in any case (should no whole frame be written, see `_display`)."""
        from quizgame.tui.screens.question import QuestionScreen

        assert self._opening is not None
        self.push_screen(QuestionScreen.opening(self._opening, self.settings))
        self.set_timer(OPENING_WAIT, self._start_opened_game)

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, renderable)
        # Textual writes no frame before the app runs (`_running`, set just before Ready) nor
        # inside a batch, and a partial update then leaves the rest of the terminal blank: the
        # first whole frame (a LayoutUpdate, in the pinned Textual) that shows the opening's
        # question is written here. Then the quiz loads and the session starts, with the
        # question on screen.
        if (self._opening is not None and not self._opening_shown and self._running
                and not self._batch_count and type(renderable).__name__ == "LayoutUpdate"
                and getattr(screen, "opening_drawn", False)):
            # Not at once: Textual's output thread writes the frame, and the load would hold the
            # interpreter (compiling modules, where no bytecode is cached) while it is queued.
            self.set_timer(OPENING_WRITTEN, self._start_opened_game)

    def _start_opened_game(self) -> None:
        from quizgame import startup_gc

        if self._opening is None or self._opening_shown:
            return
        self._opening_shown = True
        try:
            self._play_command_line()
        finally:
            startup_gc.resume()

    def _drop_opening(self) -> None:
        """The command line's game starts otherwise than its opening foresaw (a game to
        continue, an error): the opening's screen goes, and so does the kept opening."""
        from quizgame.engine.openings import forget_opening
        from quizgame.tui.screens.question import QuestionScreen

        self._opening = None
        screen = self.screen
        if isinstance(screen, QuestionScreen) and screen.waiting_for_session:
            self.pop_screen()
        if self.settings.opening_request is not None:
            forget_opening(self.settings.opening_request)

    def _show_session(self, session: GameSession) -> None:
        """Show a started session: on the opening's screen when it is up, else on its own."""
        from quizgame.tui.screens.question import QuestionScreen

        screen = self.screen
        if self._opening is not None and isinstance(screen, QuestionScreen) and (
            screen.waiting_for_session
        ):
            self._opening = None
            self.call_next(screen.attach, session)
        else:
            self.push_screen(QuestionScreen(session, self.settings))
        if self._starting_command_line:
            self._command_line_game = session
            if not session.record.answers:  # a game continued keeps one only at its end
                self.call_after_refresh(self._keep_opening, session)

    def on_question_screen_finished(self, event: QuestionScreen.Finished) -> None:
        self._keep_opening(event.session)

    def _keep_opening(self, session: GameSession) -> None:
        """Work out and keep the first question of this player's next game of the command
        line's quiz: a new session (its seed drawn by the engine, or the `--seed` given) that is
        never played."""
        from quizgame.engine.openings import opening_of, write_opening
        from quizgame.errors import QuizgameError

        settings = self.settings
        request = settings.opening_request
        if (request is None or session is not self._command_line_game or session.mode != "quiz"
                or settings.quiz_path is None):
            return
        try:
            following = self._new_session(session.quiz, session.store, "quiz", settings.seed)
        except QuizgameError:
            return
        try:
            theme = self.saves.player(session.record.player).theme()
        except QuizgameError:
            theme = None
        opening = opening_of(following, settings.quiz_path, theme)
        if opening is not None:
            write_opening(request, opening)
