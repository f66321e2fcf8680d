"""The question screen: header, timer bar, prompt, and the answer widget for the question's type.

It renders what `GameSession.current()` presents, hands the widget's response to
`GameSession.submit`, and shows the feedback; the engine does all grading, scoring and saving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from quizgame.engine.errors import AnswerFormatError
from quizgame.tui.widgets.header import GameHeader
from quizgame.tui.widgets.keybar import KeyBar
from quizgame.tui.widgets.question_input import QuestionInput, Response
from quizgame.tui.widgets.registry import input_for
from quizgame.tui.widgets.timer import TimerBar

if TYPE_CHECKING:
    from quizgame.engine.presentation import PresentedQuestion
    from quizgame.engine.session import GameSession
    from quizgame.tui.app import GameSettings


class QuestionScreen(Screen[None]):
    """Plays a session to its end, one question after another, then shows the results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "hint", "Hint", id="quizgame.hint"),
        # While typing an answer `h` is a letter: the hint is on ctrl+t there.
        Binding("ctrl+t", "hint(True)", "Hint", id="quizgame.hint_typing"),
        Binding("escape", "leave", "Home", id="quizgame.leave_game"),
    ]

    def __init__(self, session: GameSession, settings: GameSettings) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self._presented: PresentedQuestion | None = None
        """The question waiting for an answer (None while its feedback is on screen)."""

    def compose(self) -> ComposeResult:
        yield GameHeader(id="game-header")
        yield TimerBar(self.settings.monotonic, id="timer")
        with VerticalScroll(id="question-body"):
            yield Static(id="prompt", markup=False)
            yield Static(id="instructions")
            yield Static(id="hint", markup=False)
        yield KeyBar()

    async def on_mount(self) -> None:
        await self.show_current()

    @property
    def answer_widget(self) -> QuestionInput:
        return self.query_one(QuestionInput)

    async def show_current(self) -> None:
        """Draw the question on screen, or the results when the session is over."""
        presented = self.session.current()
        if presented is None:
            self._show_results()
            return
        body = self.query_one("#question-body", VerticalScroll)
        await body.query(QuestionInput).remove()
        widget = input_for(presented)
        self._draw_texts(presented, widget)
        await body.mount(widget)
        body.scroll_home(animate=False)
        self.query_one(TimerBar).start(presented.time_limit)
        self._presented = presented
        self.refresh_bindings()

    def _draw_texts(self, presented: PresentedQuestion, widget: QuestionInput) -> None:
        session = self.session
        self.query_one(GameHeader).show(
            number=presented.number,
            total=presented.total,
            title=session.quiz.quiz.title,
            score=session.score,
            streak=session.streak,
        )
        self.query_one("#prompt", Static).update(presented.question.prompt)
        self.query_one("#instructions", Static).update(widget.INSTRUCTIONS)
        self.query_one("#hint", Static).display = False

    # -- answering -----------------------------------------------------------------------

    def on_question_input_submitted(self, event: QuestionInput.Submitted) -> None:
        event.stop()
        self._answer(event.response, timed_out=False)

    def on_timer_bar_expired(self, event: TimerBar.Expired) -> None:
        event.stop()
        self._answer(self.answer_widget.response(), timed_out=True)

    def _answer(self, response: Response, *, timed_out: bool) -> None:
        from quizgame.tui.screens.feedback import FeedbackScreen

        presented = self._presented
        if presented is None:
            return  # a second Enter that arrived while the first was being answered
        try:
            feedback = self.session.submit(response, timed_out=timed_out)
        except AnswerFormatError as error:
            if not timed_out:
                # Nothing was recorded; the engine's message says how to answer.
                self.notify(str(error), title="Not an answer yet", severity="warning")
                return
            # Time is up on an answer that cannot be read (say "12 ab"): it counts as none.
            feedback = self.session.submit(None, timed_out=True)
        self._presented = None
        self.query_one(TimerBar).stop()
        self.app.push_screen(
            FeedbackScreen(feedback, self.session, presented.question.prompt), self._after_feedback
        )

    async def _after_feedback(self, _: None) -> None:
        await self.show_current()

    def _show_results(self) -> None:
        from quizgame.tui.screens.results import ResultsScreen

        session = self.session
        results = session.finish()
        self.app.switch_screen(
            ResultsScreen(results, self.settings, quiz_id=session.quiz.quiz.id, player=session.store.name)
        )

    # -- keys ----------------------------------------------------------------------------

    def _typing(self) -> bool:
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hint":
            if bool(parameters and parameters[0]) != self._typing():
                return False
            shown = self._presented
            available = shown is not None and shown.hint is not None and not self.session.hint_used
            return True if available else None
        return True

    def action_hint(self, typing: bool = False) -> None:
        if self._presented is None:
            return
        hint = self.session.use_hint()
        if hint is None:
            return
        panel = self.query_one("#hint", Static)
        panel.update(f"Hint (half points): {hint}")
        panel.display = True
        self.refresh_bindings()

    def action_leave(self) -> None:
        # Every answer is already saved; the session simply stays unfinished.
        self.query_one(TimerBar).stop()
        self.dismiss()
