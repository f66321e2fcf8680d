"""The Textual app and the factory the CLI, `quizgame serve` and the tests all use.

Everything the app needs comes in through `GameSettings` (`tui/settings.py`: paths, the player
and quiz chosen on the command line, seed, clocks): there are no globals, and tests inject a
frozen clock, or a prepared session to start from. Imports of
the engine, the store and the screens after the first are deferred so that the home screen is up
as fast as a bare Textual app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quizgame.tui.settings import GameSettings, utc_now

if TYPE_CHECKING:
    from quizgame.engine.exam import ExamGoal
    from quizgame.engine.records import Mode
    from quizgame.engine.session import GameSession
    from quizgame.format.models import Quiz
    from quizgame.store.folder import SavesFolder


class QuizApp(App[None]):
    """The quiz game: home screen, questions, feedback, results, leaderboard and progress."""

    CSS_PATH = "quizgame.tcss"
    TITLE = "quizgame"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="quizgame.quit"),
        # Plain `q` is a letter while typing a name or an answer; ctrl+q works everywhere.
        Binding("q", "quit", "Quit", show=False, id="quizgame.quit_q"),
        Binding("f1,question_mark", "help", "Help", id="quizgame.help"),
    ]

    def __init__(self, settings: GameSettings, session: GameSession | None = None) -> None:
        super().__init__()
        self.settings = settings
        self._saves: SavesFolder | None = None
        self._prepared = session

    @property
    def saves(self) -> SavesFolder:
        """The saves folder, opened on first use."""
        if self._saves is None:
            from quizgame.store.folder import SavesFolder

            self._saves = SavesFolder(self.settings.saves_dir)
        return self._saves

    def player_name(self, typed: str) -> str:
        """The saved name of the player called `typed`, created on first use.

        Raises `QuizgameError` with a message to show when the name cannot be used or that
        player's saves cannot be read (they are left alone).
        """
        from quizgame.errors import PlayerNameError

        try:
            return self.saves.player(typed).name
        except PlayerNameError as error:
            raise PlayerNameError(f"That name cannot be used: {error}.") from error

    def get_default_screen(self) -> Screen[None]:
        from quizgame.tui.screens.home import HomeScreen

        return HomeScreen(self.settings)

    def on_mount(self) -> None:
        settings = self.settings
        if self._prepared is not None:
            from quizgame.tui.screens.question import QuestionScreen

            self.push_screen(QuestionScreen(self._prepared, settings))
        elif settings.player is not None and settings.quiz_path is not None:
            self.call_after_refresh(self.play_file, settings.quiz_path, settings.player, settings.mode)

    def play_file(self, path: Path, player: str, mode: Mode) -> None:
        """Load a quiz file and play it; a broken file is reported, not fatal."""
        from quizgame.errors import QuizgameError
        from quizgame.format import load_quiz

        try:
            quiz = load_quiz(path)
        except QuizgameError as error:
            self.notify(str(error), title="This quiz cannot be played", severity="error", markup=False)
            return
        self.play(quiz, player, mode)

    def play(self, quiz: Quiz, player: str, mode: Mode) -> None:
        """Start a session and show its first question (or its results, when nothing is due)."""
        from quizgame.classroom.polls import poll_votes
        from quizgame.engine.scheduling import DEFAULT_NEW_LIMIT
        from quizgame.engine.session import GameSession
        from quizgame.errors import QuizgameError
        from quizgame.tui.screens.question import QuestionScreen

        settings = self.settings
        try:
            session = GameSession.start(
                quiz,
                self.saves.player(player),
                mode,
                seed=settings.seed,
                clock=settings.clock,
                monotonic=settings.monotonic,
                new_limit=settings.new_limit if settings.new_limit is not None else DEFAULT_NEW_LIMIT,
                poll_votes=partial(poll_votes, settings.saves_dir),
                exam=settings.exam,
                easy_within=settings.easy_within,
            )
        except QuizgameError as error:
            self.notify(str(error), title="Cannot start", severity="error", markup=False)
            return
        for problem in session.problems:
            self.notify(problem, title="A damaged save file was skipped", severity="warning",
                        timeout=15, markup=False)
        self.push_screen(QuestionScreen(session, settings))

    def action_help(self) -> None:
        from quizgame.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def create_app(
    quizzes_dir: Path,
    saves_dir: Path,
    *,
    player: str | None = None,
    quiz_path: Path | None = None,
    mode: Mode = "quiz",
    seed: int | None = None,
    new_limit: int | None = None,
    exam: ExamGoal | None = None,
    easy_within: int | None = None,
    clock: Callable[[], datetime] | None = None,
    monotonic: Callable[[], float] | None = None,
    session: GameSession | None = None,
) -> QuizApp:
    """The app for these folders; with `player` and `quiz_path` it goes straight to the game.

    With `session` (a `GameSession` already started, perhaps answered up to some question) it
    opens on that session's question screen: tests start at a state instead of replaying it.
    """
    settings = GameSettings(
        quizzes_dir=Path(quizzes_dir),
        saves_dir=Path(saves_dir),
        player=player,
        quiz_path=None if quiz_path is None else Path(quiz_path),
        mode=mode,
        seed=seed,
        new_limit=new_limit,
        exam=exam,
        easy_within=easy_within,
        clock=clock or utc_now,
        monotonic=monotonic or time.monotonic,
    )
    return QuizApp(settings, session)


def run_app(
    quizzes_dir: Path,
    saves_dir: Path,
    *,
    player: str | None = None,
    quiz_path: Path | None = None,
    mode: Mode = "quiz",
    seed: int | None = None,
    new_limit: int | None = None,
    exam: ExamGoal | None = None,
    easy_within: int | None = None,
) -> int:
    """Run the game in this terminal until the player quits; returns the exit status."""
    create_app(
        quizzes_dir,
        saves_dir,
        player=player,
        quiz_path=quiz_path,
        mode=mode,
        seed=seed,
        new_limit=new_limit,
        exam=exam,
        easy_within=easy_within,
    ).run()
    return 0
