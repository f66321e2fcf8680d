"""Starting a game in the app: the quiz loaded, the player's saves opened, the session started
(or an unfinished one continued, or "nothing due" said), and its question screen shown.

`QuizApp.play` hands every start to the app's `GameStarter`. Its module is imported when the
first game starts, after the first frame is drawn: none of this is needed to draw it, and an
editable install without a bytecode cache compiles every module it imports before that frame.
The starter also keeps the command line's next opening (tui/game_opening.py).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame import wording
from quizgame.classroom.polls import poll_votes
from quizgame.classroom.roster import accommodations_of
from quizgame.engine.openings import forget_opening, opening_of, write_opening
from quizgame.engine.scheduling import DEFAULT_NEW_LIMIT
from quizgame.engine.session import GameSession
from quizgame.errors import QuizgameError
from quizgame.format import load_quiz
from quizgame.tui.screens.ask import AskScreen
from quizgame.tui.screens.question import QuestionScreen

if TYPE_CHECKING:
    from quizgame.engine.ports import PlayerStore
    from quizgame.engine.records import Mode, SessionRecord
    from quizgame.format.models import Quiz
    from quizgame.tui.app import QuizApp

MORE_NEW_CARDS = 10
"""How many more new cards "learn more" adds to today's limit."""


class GameStarter:
    """The app's game starts: one per app, holding what outlives a start (the new cards that
    "learn more" added, the command line's game whose next opening is kept)."""

    def __init__(self, app: QuizApp) -> None:
        self.app = app
        self.settings = app.settings
        self._more_new = 0
        """New cards a day added by "learn more" on the nothing-due screen."""
        self._starting_command_line = False
        """Within the start of the command line's game (its session is the one whose next
        opening is kept)."""
        self._command_line_game: GameSession | None = None

    def play_command_line(self) -> None:
        """Start the game the command line names (`play QUIZ --player NAME`)."""
        settings = self.settings
        assert settings.quiz_path is not None and settings.player is not None
        self._starting_command_line = True
        try:
            self.play_file(settings.quiz_path, settings.player, settings.mode)
        finally:
            self._starting_command_line = False
        if self.app.pending_opening is not None:  # the game did not start as foreseen
            self.drop_opening()

    def play_file(self, path: Path, player: str, mode: Mode) -> None:
        """Play a quiz file (the command line's, loaded once); a broken file is reported."""
        app = self.app
        quiz = self.settings.quiz
        try:
            if quiz is None or self.settings.quiz_path != path:
                quiz = load_quiz(path)
            player = app.player_name(player)
        except QuizgameError as error:
            app.notify(str(error), title="This quiz cannot be played", severity="error", markup=False)
            return
        self.play(quiz, player, mode)

    def play(self, quiz: Quiz, player: str, mode: Mode) -> None:
        """Start a session and show its first question (or its results, when nothing is due).
        With an unfinished game of this quiz in this mode, ask first: continue or start again."""
        app = self.app
        if app.player_theme.player != player:
            app.player_theme.show(player)  # the command line's player: their colours
        try:
            store = app.saves.player(player)
            left = GameSession.unfinished(quiz, store, mode)
        except QuizgameError as error:
            app.notify(str(error), title="Cannot start", severity="error", markup=False)
            return
        if left is None:
            self._play(quiz, player, mode, None)
            return
        self.drop_opening()
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

        app.push_screen(AskScreen("Continue your game?", text, answers), answered_with)

    def _play(self, quiz: Quiz, player: str, mode: Mode, left: SessionRecord | None) -> None:
        app, settings = self.app, self.settings
        try:
            store = app.saves.player(player)
            if left is not None:
                session = GameSession.resume(quiz, store, left, clock=settings.clock,
                                             monotonic=settings.monotonic,
                                             poll_votes=partial(poll_votes, settings.saves_dir))
            else:
                opening = app.pending_opening
                seed = opening.seed if opening is not None else settings.seed
                session = self.new_session(quiz, store, mode, seed)
        except QuizgameError as error:
            app.notify(str(error), title="Cannot start", severity="error", markup=False)
            return
        for problem in session.problems:
            app.notify(problem, title="A damaged save file was skipped", severity="warning",
                       timeout=15, markup=False)
        if mode == "practice" and session.is_over:
            self._nothing_due(quiz, player, session)
            return
        self._show_session(session)

    def new_session(self, quiz: Quiz, store: PlayerStore, mode: Mode, seed: int | None
                    ) -> GameSession:
        """A new game of `quiz` for the player of `store`, with this run's settings."""
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

        unseen = session.unseen()
        text = nothing_due(quiz.quiz.title, session.next_due, unseen, self.settings.clock())
        answers = []
        if unseen:
            more = min(unseen, MORE_NEW_CARDS)
            text += f" (Daily limit: {self._new_limit()} new cards.)"
            answers = [("m", f"learn {more} more new cards now")]
        self.app.push_screen(
            AskScreen("Nothing to practise now", text, answers),
            lambda answer: self._learn_more(quiz, player) if answer == "m" else None,
        )

    def _new_limit(self) -> int:
        limit = self.settings.new_limit
        return (DEFAULT_NEW_LIMIT if limit is None else limit) + self._more_new

    def _learn_more(self, quiz: Quiz, player: str) -> None:
        self._more_new += MORE_NEW_CARDS  # for this run of the app
        self._play(quiz, player, "practice", None)

    # -- the command line's opening (tui/game_opening.py) --------------------------------

    def drop_opening(self) -> None:
        """The command line's game starts otherwise than its opening foresaw (a game to
        continue, an error): the opening's screen goes, and so does the kept opening."""
        app = self.app
        app.pending_opening = None
        screen = app.screen
        if isinstance(screen, QuestionScreen) and screen.waiting_for_session:
            app.pop_screen()
        if self.settings.opening_request is not None:
            forget_opening(self.settings.opening_request)

    def _show_session(self, session: GameSession) -> None:
        """Show a started session: on the opening's screen when it is up, else on its own."""
        app = self.app
        screen = app.screen
        if app.pending_opening is not None and isinstance(screen, QuestionScreen) and (
            screen.waiting_for_session
        ):
            app.pending_opening = None
            app.call_next(screen.attach, session)
        else:
            app.push_screen(QuestionScreen(session, self.settings))
        if self._starting_command_line:
            self._command_line_game = session
            if not session.record.answers:  # a game continued keeps one only at its end
                app.call_after_refresh(self.keep_opening, session)

    def keep_opening(self, session: GameSession) -> None:
        """Work out and keep the first question of this player's next game of the command
        line's quiz: a new session (its seed drawn by the engine, or the `--seed` given) that is
        never played."""
        settings = self.settings
        request = settings.opening_request
        if (request is None or session is not self._command_line_game or session.mode != "quiz"
                or settings.quiz_path is None):
            return
        try:
            following = self.new_session(session.quiz, session.store, "quiz", settings.seed)
        except QuizgameError:
            return
        try:
            theme = self.app.saves.player(session.record.player).theme()
        except QuizgameError:
            theme = None
        opening = opening_of(following, settings.quiz_path, theme)
        if opening is not None:
            write_opening(request, opening)
