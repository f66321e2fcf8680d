"""The Textual app and the factory the CLI, `quizgame serve` and the tests all use.

Everything the app needs comes in through `GameSettings` (`tui/settings.py`: paths, the player
and quiz chosen on the command line, seed, clocks): there are no globals, and tests inject a
frozen clock, or a prepared session to start from. Imports of
the engine, the store and the screens after the first are deferred so that the home screen is up
as fast as a bare Textual app.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
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
    from quizgame.engine.ports import PlayerStore
    from quizgame.engine.records import Mode, SessionRecord
    from quizgame.engine.session import GameSession
    from quizgame.format.models import Quiz
    from quizgame.store.folder import SavesFolder

MORE_NEW_CARDS = 10
"""How many more new cards "learn more" adds to today's limit."""


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
        self._opening = settings.opening if self._straight_to_game else None
        run_theme = self.theme
        if self._opening is not None and settings.player_themes:
            self.theme = known_theme(self._opening.theme) or run_theme  # the player's, at once
        self.player_theme = PlayerTheme(self, run_theme)
        self._more_new = 0
        """New cards a day added by "learn more" on the nothing-due screen."""

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
            return StartScreen(self.settings, opening=self._opening is not None)
        from quizgame.tui.screens.home import HomeScreen

        return HomeScreen(self.settings)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self.player_theme.changed)
        settings = self.settings
        if self._prepared is not None:
            from quizgame.tui.screens.question import QuestionScreen

            self.push_screen(QuestionScreen(self._prepared, settings))
        elif self._opening is not None:
            pass  # drawn once the app runs, so that its first drawing is the one written: on_ready
        elif self._straight_to_game:
            self._play_command_line()

    def on_ready(self) -> None:
        from quizgame import startup_gc

        if self._opening is None:
            startup_gc.resume()  # the first frame is drawn: see startup_gc.py
        else:
            self.show_opening()

    def _play_command_line(self) -> None:
        settings = self.settings
        assert settings.quiz_path is not None and settings.player is not None
        self._starting_command_line = True
        try:
            self.play_file(settings.quiz_path, settings.player, settings.mode)
        finally:
            self._starting_command_line = False
        if self._opening is not None:  # the game did not start as foreseen
            self._drop_opening()

    def play_file(self, path: Path, player: str, mode: Mode) -> None:
        """Play a quiz file (the command line's, loaded once); a broken file is reported."""
        from quizgame.errors import QuizgameError
        from quizgame.format import load_quiz

        quiz = self.settings.quiz
        try:
            if quiz is None or self.settings.quiz_path != path:
                quiz = load_quiz(path)
            player = self.player_name(player)
        except QuizgameError as error:
            self.notify(str(error), title="This quiz cannot be played", severity="error", markup=False)
            return
        self.play(quiz, player, mode)

    def play(self, quiz: Quiz, player: str, mode: Mode) -> None:
        """Start a session and show its first question (or its results, when nothing is due).
        With an unfinished game of this quiz in this mode, ask first: continue or start again."""
        from quizgame.engine.session import GameSession
        from quizgame.errors import QuizgameError

        if self.player_theme.player != player:
            self.player_theme.show(player)  # the command line's player: their colours
        try:
            store = self.saves.player(player)
            left = GameSession.unfinished(quiz, store, mode)
        except QuizgameError as error:
            self.notify(str(error), title="Cannot start", severity="error", markup=False)
            return
        if left is None:
            self._play(quiz, player, mode, None)
            return
        self._drop_opening()
        from quizgame import wording
        from quizgame.tui.screens.ask import AskScreen

        answered = len(left.answers)
        planned = max(left.questions_asked, answered + 1)
        started = left.started_at.astimezone().strftime("%a %d %b %H:%M")
        text = (f"{quiz.quiz.title} ({mode} mode), started {started}: "
                f"{wording.count(answered, 'answer')} saved.")
        answers = [("c", f"continue (question {answered + 1} of {planned})"), ("n", "start again")]
        from_command_line = self._starting_command_line

        def answered_with(answer: str | None) -> None:
            if answer:
                # Still the command line's game, continued or not: it keeps the next opening.
                self._starting_command_line = from_command_line
                try:
                    self._play(quiz, player, mode, left if answer == "c" else None)
                finally:
                    self._starting_command_line = False

        self.push_screen(AskScreen("Continue your game?", text, answers), answered_with)

    def _play(self, quiz: Quiz, player: str, mode: Mode, left: SessionRecord | None) -> None:
        from quizgame.classroom.polls import poll_votes
        from quizgame.engine.session import GameSession
        from quizgame.errors import QuizgameError

        settings = self.settings
        try:
            store = self.saves.player(player)
            if left is not None:
                session = GameSession.resume(quiz, store, left, clock=settings.clock,
                                             monotonic=settings.monotonic,
                                             poll_votes=partial(poll_votes, settings.saves_dir))
            else:
                opening = self._opening
                seed = opening.seed if opening is not None else settings.seed
                session = self._new_session(quiz, store, mode, seed)
        except QuizgameError as error:
            self.notify(str(error), title="Cannot start", severity="error", markup=False)
            return
        for problem in session.problems:
            self.notify(problem, title="A damaged save file was skipped", severity="warning",
                        timeout=15, markup=False)
        if mode == "practice" and session.is_over:
            self._nothing_due(quiz, player, session)
            return
        self._show_session(session)

    def _new_session(self, quiz: Quiz, store: PlayerStore, mode: Mode, seed: int | None
                     ) -> GameSession:
        """A new game of `quiz` for the player of `store`, with this run's settings."""
        from quizgame.classroom.polls import poll_votes
        from quizgame.classroom.roster import accommodations_of
        from quizgame.engine.session import GameSession

        settings = self.settings
        return GameSession.start(
            quiz,
            store,
            mode,
            seed=seed,
            clock=settings.clock,
            monotonic=settings.monotonic,
            new_limit=self._new_limit(),
            poll_votes=partial(poll_votes, settings.saves_dir),
            exam=settings.exam,
            easy_within=settings.easy_within,
            round_size=settings.round_size,
            accommodations=accommodations_of(store, settings.roster),
        )

    def _nothing_due(self, quiz: Quiz, player: str, session: GameSession) -> None:
        """Practice with nothing due: say when, and offer more new cards when there are any."""
        from quizgame.engine.feedback import nothing_due
        from quizgame.tui.screens.ask import AskScreen

        unseen = session.unseen()
        text = nothing_due(quiz.quiz.title, session.next_due, unseen, self.settings.clock())
        answers = []
        if unseen:
            more = min(unseen, MORE_NEW_CARDS)
            text += f" (Daily limit: {self._new_limit()} new cards.)"
            answers = [("m", f"learn {more} more new cards now")]
        self.push_screen(
            AskScreen("Nothing to practise now", text, answers),
            lambda answer: self._learn_more(quiz, player) if answer == "m" else None,
        )

    def _new_limit(self) -> int:
        from quizgame.engine.scheduling import DEFAULT_NEW_LIMIT

        limit = self.settings.new_limit
        return (DEFAULT_NEW_LIMIT if limit is None else limit) + self._more_new

    def _learn_more(self, quiz: Quiz, player: str) -> None:
        self._more_new += MORE_NEW_CARDS  # for this run of the app
        self._play(quiz, player, "practice", None)

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
