"""What the question screen does once its game is under way: an answer handed to the session
and its feedback shown, the feedback's choices (next, override, rate, undo), the clock's warning,
hints, more time, leaving, and the results at the end.

None of it is needed to draw a game's first question, so its code is loaded after that
(`QuestionScreen.answering`): a start without a bytecode cache compiles every module it imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizgame import wording
from quizgame.engine.errors import AnswerFormatError
from quizgame.errors import QuizgameError
from quizgame.tui.widgets.timer import TimerBar

if TYPE_CHECKING:
    from quizgame.engine.feedback import Feedback
    from quizgame.tui.screens.question import QuestionScreen
    from quizgame.tui.widgets.question_input import Response


class Answering:
    """The question screen's game once under way; the screen's handlers hand their work to it."""

    def __init__(self, screen: QuestionScreen) -> None:
        self.screen = screen

    # -- answers and their feedback --------------------------------------------------------

    def answer(self, response: Response, *, timed_out: bool) -> None:
        """Grade, score and save `response` to the question on screen; show its feedback."""
        screen = self.screen
        presented = screen.presented
        if presented is None:
            return  # a second Enter that arrived while the first was being answered
        try:
            feedback = self._submit(response, timed_out=timed_out)
        except AnswerFormatError as error:
            # Nothing was recorded; the engine's message says how to answer.
            screen.notify(str(error), title="Not an answer yet", severity="warning", markup=False)
            return
        except QuizgameError as error:
            # The store could not write (a full or read-only disk, a save file it cannot read):
            # the game stops, as in plain mode, rather than go on with answers that are lost.
            screen.notify(f"{error}\nThe game stopped; every answer before this one is saved.",
                          title="Your answer could not be saved", severity="error", timeout=30,
                          markup=False)
            screen.presented = None
            screen.app.pop_screen()
            return
        screen.presented, screen.answered = None, presented
        screen.query_one(TimerBar).stop()
        screen.query_one("#question-body", VerticalScroll).display = False
        self._show_feedback(feedback)

    def _submit(self, response: Response, *, timed_out: bool) -> Feedback:
        session = self.screen.session
        try:
            return session.submit(response, timed_out=timed_out)
        except AnswerFormatError:
            if not timed_out:
                raise
            # Time is up on an answer that cannot be read (say "12 ab"): it counts as none.
            return session.submit(None, timed_out=True)

    def _show_feedback(self, feedback: Feedback) -> None:
        screen = self.screen
        answered = screen.answered
        assert answered is not None
        screen.show_header(answered)  # the new score and streak
        panel = screen.feedback_panel
        assert panel is not None  # added before any question can be answered
        session = screen.session
        panel.show(feedback, prompt=answered.shown.prompt, scored=session.mode != "practice",
                   claims=session.claims, now=screen.settings.clock(), undoable=session.can_undo)
        panel.display = True
        panel.focus()

    def override(self) -> None:
        """"I was right": the last text answer counts as right."""
        try:
            self._show_feedback(self.screen.session.override())
        except QuizgameError as error:
            self.screen.notify(str(error), title="Not overridden", severity="error", timeout=15,
                               markup=False)

    async def rate(self, sure: bool) -> None:
        """How sure the player was (practice): saved with the review, then the next question."""
        try:
            self.screen.session.rate(sure)
        except QuizgameError as error:
            self.screen.notify(str(error), title="Not saved", severity="error", timeout=15,
                               markup=False)
            return
        await self.screen.show_current()

    async def undo(self) -> None:
        """The last answer taken back: its question again."""
        try:
            self.screen.session.undo()
        except QuizgameError as error:
            self.screen.notify(str(error), title="Not undone", severity="warning", markup=False)
            return
        self.screen.notify("Answer undone: the question again.", markup=False)
        await self.screen.show_current()

    def show_results(self) -> None:
        """The game is over: its end saved, the results shown instead of this screen."""
        from quizgame.tui.screens.results import ResultsScreen

        screen = self.screen
        session = screen.session
        try:
            results = session.finish()
        except QuizgameError as error:  # every answer was saved; only the end mark was not
            screen.notify(str(error), title="The end of the game could not be saved",
                          severity="error", markup=False)
            results = session.results()
        screen.app.post_message(screen.Finished(session))
        screen.app.switch_screen(
            ResultsScreen(results, screen.settings, quiz_id=session.quiz.quiz.id,
                          player=session.store.name, quiz=session.quiz)
        )

    # -- the clock and hints ---------------------------------------------------------------

    def warn(self, left: float) -> None:
        """The clock's warning, with the key for more time while there is any."""
        screen = self.screen
        more = (f" Press {screen.app.get_key_display(self._more_time_binding())} for 30 seconds "
                "more." if screen.session.can_have_more_time else "")
        screen.notify(wording.time_left(left) + more, title="Time", severity="warning", markup=False)

    def _more_time_binding(self) -> Binding:
        return next(b for b in self.screen.BINDINGS
                    if isinstance(b, Binding) and b.id == "quizgame.more_time")

    def more_time(self) -> None:
        """Thirty more seconds on the question on screen (saved with the answer)."""
        screen = self.screen
        if screen.presented is None:
            return
        session = screen.session
        before = session.time_limit
        try:
            allowed = session.more_time()
        except QuizgameError as error:
            screen.notify(str(error), title="No more time", severity="warning", markup=False)
            return
        screen.query_one(TimerBar).extend(allowed)
        screen.notify(wording.more_time(allowed - before, session.time_left() or 0.0),
                      title="Time", markup=False)
        screen.refresh_bindings()

    def hint(self) -> None:
        """The question's hint, shown under it (half points from now on)."""
        screen = self.screen
        if screen.presented is None:
            return
        hint = screen.session.use_hint()
        if hint is None:
            return
        panel = screen.query_one("#hint", Static)
        panel.update(f"Hint (half points): {hint}")
        panel.display = True
        screen.refresh_bindings()

    # -- leaving ---------------------------------------------------------------------------

    def leave(self, quit_app: bool) -> None:
        """Escape (home) or q/ctrl+q (quit): asks first while the game is unfinished."""
        screen = self.screen
        if not screen.in_progress:
            self._leave(quit_app)
            return
        from quizgame.tui.screens.ask import AskScreen

        session = screen.session
        answered = session.answered_count
        if session.mode == "practice":
            text = f"{wording.count(answered, 'review')} saved." if answered else (
                "Nothing answered yet.")
        elif answered:
            saved = "is" if answered == 1 else "are"
            text = (f"Your {wording.count(answered, 'answer')} {saved} saved; you can continue "
                    "later (start this quiz again, then Continue).")
        else:
            text = "Nothing answered yet: leaving ends this game."
        where = "quit quizgame" if quit_app else "go to the home screen"
        screen.app.push_screen(
            AskScreen("Leave this game?", text, [("y", f"yes, {where}"), ("n", "no, keep playing")]),
            lambda answer: self._leave(quit_app) if answer == "y" else None,
        )

    def _leave(self, quit_app: bool) -> None:
        # Every answer is already saved; an unfinished game can be continued later.
        screen = self.screen
        screen.query_one(TimerBar).stop()
        if quit_app:
            screen.app.exit()
        else:
            screen.dismiss()
