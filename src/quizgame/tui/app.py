"""The Textual app and the factory the CLI, `quizgame serve` and the tests all use.

Everything the app needs comes in through `GameSettings` (`tui/settings.py`: paths, the player
and quiz chosen on the command line, seed, clocks): there are no globals, and tests inject a
frozen clock, or a prepared session to start from. Imports of
the engine, the store and the screens after the first are deferred so that the home screen is up
as fast as a bare Textual app; so is all that starts a game (`GameStarter`, tui/game_start.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from quizgame.tui.focus_cursor import CursorFollowsFocus
from quizgame.tui.game_opening import GameOpening
from quizgame.tui.player_theme import PlayerTheme
from quizgame.tui.settings import GameSettings, utc_now
from quizgame.tui.themes import install_themes, known_theme

if TYPE_CHECKING:

    from quizgame.classroom.roster import Roster
    from quizgame.engine.exam import ExamGoal
    from quizgame.engine.openings import Opening, OpeningRequest
    from quizgame.engine.records import Mode
    from quizgame.engine.session import GameSession
    from quizgame.format.models import Quiz
    from quizgame.store.folder import SavesFolder
    from quizgame.tui.game_start import GameStarter
    from quizgame.tui.screens.question import QuestionScreen


class QuizApp(CursorFollowsFocus, GameOpening, App[None]):
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
        install_themes(self, settings.theme)
        self.show_terminal_cursor = settings.show_cursor
        self.settings = settings
        self._saves: SavesFolder | None = None
        self._prepared = session
        self._starter: GameStarter | None = None
        self.pending_opening = settings.opening if self._straight_to_game else None
        """The first question drawn before the quiz loads, until its session is attached
        (tui/game_opening.py)."""
        run_theme = self.theme
        if self.pending_opening is not None and settings.player_themes:
            self.theme = known_theme(self.pending_opening.theme) or run_theme  # the player's, at once
        self.player_theme = PlayerTheme(self, run_theme)

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
            if self.settings.roster is not None:
                typed = self.settings.roster.name_for(typed)
            return self.saves.player(typed).name
        except PlayerNameError as error:
            raise PlayerNameError(f"That name cannot be used: {error}.") from error

    @property
    def _straight_to_game(self) -> bool:
        """`play QUIZ --player NAME`: the game is the first screen drawn."""
        settings = self.settings
        return self._prepared is None and settings.player is not None and settings.quiz_path is not None

    def get_default_screen(self) -> Screen[None]:
        if self._straight_to_game or self._prepared is not None:
            from quizgame.tui.screens.start import StartScreen

            # The home screen, once it is shown: a game started at a prepared session, too,
            # reads no quizzes or saves for a home screen that may never be shown.
            return StartScreen(self.settings, opening=self.pending_opening is not None)
        from quizgame.tui.screens.home import HomeScreen

        return HomeScreen(self.settings)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self.player_theme.changed)
        settings = self.settings
        if self._prepared is not None:
            from quizgame.tui.screens.question import QuestionScreen

            self.push_screen(QuestionScreen(self._prepared, settings))
        elif self.pending_opening is not None:
            pass  # drawn once the app runs, so that its first drawing is the one written: on_ready
        elif self._straight_to_game:
            self.starter.play_command_line()

    def on_ready(self) -> None:
        from quizgame import startup_gc

        if self.pending_opening is None:
            startup_gc.resume()  # the first frame is drawn: see startup_gc.py
        else:
            self.show_opening()

    @property
    def starter(self) -> GameStarter:
        """What starts games (tui/game_start.py), made on first use: after the first frame."""
        if self._starter is None:
            from quizgame.tui.game_start import GameStarter

            self._starter = GameStarter(self)
        return self._starter

    def play(self, quiz: Quiz, player: str, mode: Mode) -> None:
        """Start a session and show its first question (or its results, when nothing is due).
        With an unfinished game of this quiz in this mode, ask first: continue or start again."""
        self.starter.play(quiz, player, mode)

    def on_question_screen_finished(self, event: QuestionScreen.Finished) -> None:
        self.starter.keep_opening(event.session)

    async def action_quit(self) -> None:
        """ctrl+q (and q outside a game): in a game, leaving asks first."""
        from quizgame.tui.screens.question import QuestionScreen

        screen = self.screen
        if isinstance(screen, QuestionScreen) and screen.in_progress:
            screen.action_leave(quit_app=True)
        else:
            self.exit()

    def action_help(self) -> None:
        from quizgame.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def create_app(
    quizzes: Path | Sequence[Path],
    saves_dir: Path,
    *,
    player: str | None = None,
    quiz_path: Path | None = None,
    quiz: Quiz | None = None,
    mode: Mode = "quiz",
    seed: int | None = None,
    new_limit: int | None = None,
    roster: Roster | None = None,
    teacher: bool = False,
    exam: ExamGoal | None = None,
    easy_within: int | None = None,
    round_size: int | None = None,
    theme: str | None = None,
    player_themes: bool = True,
    show_cursor: bool = False,
    opening_request: OpeningRequest | None = None,
    opening: Opening | None = None,
    clock: Callable[[], datetime] | None = None,
    monotonic: Callable[[], float] | None = None,
    session: GameSession | None = None,
    build_ahead: bool = True,
) -> QuizApp:
    """The app for these folders (one quizzes folder, or several first-wins); with `player` and
    `quiz_path` it goes straight to the game.

    With `session` (a `GameSession` already started, perhaps answered up to some question) it
    opens on that session's question screen: tests start at a state instead of replaying it.
    With `opening_request` (`play QUIZ --player NAME`, quiz mode) the app keeps the first
    question of the player's next game; with `opening` it draws this game's first question
    before loading the quiz (engine/openings.py). `build_ahead=False` builds each answer
    widget only when its question is drawn (`GameSettings.build_ahead`).
    """
    folders = (Path(quizzes),) if isinstance(quizzes, (str, Path)) else tuple(map(Path, quizzes))
    settings = GameSettings(
        quizzes_dirs=folders,
        saves_dir=Path(saves_dir),
        player=player,
        quiz_path=None if quiz_path is None else Path(quiz_path),
        quiz=quiz,
        roster=roster,
        teacher=teacher,
        mode=mode,
        seed=seed,
        new_limit=new_limit,
        exam=exam,
        easy_within=easy_within,
        round_size=round_size,
        theme=theme,
        player_themes=player_themes,
        show_cursor=show_cursor,
        opening_request=opening_request,
        opening=opening,
        clock=clock or utc_now,
        monotonic=monotonic or time.monotonic,
        build_ahead=build_ahead,
    )
    return QuizApp(settings, session)


def run_app(quizzes: Sequence[Path], saves_dir: Path, **options: Any) -> int:
    """Run the game in this terminal until the player quits; returns the exit status.
    `options` are `create_app`'s."""
    create_app(quizzes, saves_dir, **options).run()
    return 0
