"""The question screen: header, timer bar, prompt, the answer widget for the question's type,
and the feedback panel once it is answered.

It renders what `GameSession.current()` presents, hands the widget's response to
`GameSession.submit`, and shows the `Feedback`; the engine does all grading, scoring and saving.
Answer widgets are made once per question type and reused, and the feedback is a panel rather
than a screen: going on to the next question redraws text instead of building widgets. Once the
first question is drawn, the widgets of the quiz's other types are built, hidden, one per
refresh, so that the first question of each type is drawn as fast as any other (unless
`GameSettings.build_ahead` is off).

A game started from the command line may open on its first question before its session exists
(`QuestionScreen.opening`, engine/openings.py): the question is drawn from plain data (its
answer widget a frame after the rest, given the keys pressed meanwhile), its clock stands still
and no key answers it until the app `attach`es the session, whose own first question replaces
the drawn one if they differ.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from quizgame.tui.css import module_css
from quizgame.tui.screens.styled_as_mounted import StyledAsMounted
from quizgame.tui.widgets.header import GameHeader
from quizgame.tui.widgets.keybar import KeyBar
from quizgame.tui.widgets.question_input import QuestionInput
from quizgame.tui.widgets.registry import INPUT_BY_TYPE
from quizgame.tui.widgets.timer import TimerBar

if TYPE_CHECKING:
    from quizgame.engine.openings import Opening
    from quizgame.engine.presentation import PresentedQuestion
    from quizgame.engine.session import GameSession
    from quizgame.engine.shown import Shown
    from quizgame.tui.screens.answering import Answering
    from quizgame.tui.settings import GameSettings
    from quizgame.tui.widgets.feedback import FeedbackPanel


class QuestionScreen(StyledAsMounted, Screen[None]):
    """Plays a session to its end, one question after another, then shows the results."""

    DEFAULT_CSS = module_css(__file__)
    AUTO_FOCUS = ""
    """Off: the screen gives the focus itself, to the answer widget or the feedback panel. Until
    the opening's answer widget is up nothing has it, so that every key comes to the screen (its
    type-ahead, `on_key`) rather than to the scrolling panel, to be lost there."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "hint", "Hint", id="quizgame.hint"),
        # While typing an answer `h` is a letter: the hint is on ctrl+t there.
        Binding("ctrl+t", "hint(True)", "Hint", id="quizgame.hint_typing"),
        # WCAG 2.2.1: 30 more seconds on a timed question, up to ten times. A control key, so
        # that it works while typing an answer too (ctrl+g is bound by neither Input nor us).
        Binding("ctrl+g", "more_time", "+30 s", id="quizgame.more_time"),
        Binding("escape", "leave", "Home", id="quizgame.leave_game"),
        # Over the app's `q` (quit at once): in a game, leaving asks first.
        Binding("q", "leave(True)", "Quit", show=False, id="quizgame.quit_game"),
    ]

    class Finished(Message):
        """The game of `session` is over (posted to the app as its results are shown)."""

        def __init__(self, session: GameSession) -> None:
            super().__init__()
            self.session = session

    def __init__(self, session: GameSession | None, settings: GameSettings, *,
                 opening: Opening | None = None) -> None:
        super().__init__()
        assert (session is None) != (opening is None), "a session, or the opening of one"
        self._session = session
        self._opening = opening
        self.settings = settings
        self._inputs: dict[str, QuestionInput] = {}
        """The answer widget of each question type met so far."""
        self.presented: PresentedQuestion | None = None
        """The question waiting for an answer (None while its feedback is shown)."""
        self.answered: PresentedQuestion | None = None
        """The question whose feedback is shown."""
        self._answering: Answering | None = None
        self.feedback_panel: FeedbackPanel | None = None
        """The panel that shows an answer's feedback, once added (`_add_feedback`)."""
        self.opening_drawn = False
        """The opening's question is all drawn, answer widget too (the frame written after this
        shows it)."""
        self._typed_ahead: list[events.Key] | None = [] if opening is not None else None
        """Keys pressed before the opening's answer widget was up; None once it is."""
        self._input_to_add: Shown | None = None
        """The opening's question, painted without its answer widget so far."""
        self._building = asyncio.Lock()
        """Held while an answer widget is mounted (one at a time: prebuilt or needed now)."""

    def compose(self) -> ComposeResult:
        yield GameHeader(id="game-header")
        yield TimerBar(self.settings.monotonic, id="timer")
        # The question (or its feedback) is a panel centred in the room left: a short question
        # sits in the middle of a tall terminal, a long one scrolls inside its panel.
        with Container(id="stage"):
            with VerticalScroll(id="question-body", classes="panel"):
                yield Static(id="exam-status", markup=False)
                yield Static(id="prompt", markup=False)
                yield Static(id="instructions")
                yield Static(id="hint", markup=False)
            # The feedback panel joins them before the first answer (`_add_feedback`).
        yield KeyBar()

    @classmethod
    def opening(cls, opening: Opening, settings: GameSettings) -> QuestionScreen:
        """The screen of a game about to start, showing its first question (not answerable
        until `attach`)."""
        return cls(None, settings, opening=opening)

    @property
    def session(self) -> GameSession:
        if self._session is None:
            raise RuntimeError("the game's session is not attached yet")
        return self._session

    @property
    def waiting_for_session(self) -> bool:
        """Whether the screen shows an opening whose session is not attached yet."""
        return self._session is None

    async def on_mount(self) -> None:
        if self._opening is not None:
            await self._draw_opening(self._opening)
            return
        await self._add_feedback()
        await self.show_current()
        self.call_after_refresh(self._prebuild_input)

    async def _draw_opening(self, opening: Opening) -> None:
        """The opening's first paint: its header, clock and prompt. Its answer widget follows a
        frame later (`_add_opening_input`): styling and drawing one costs as much as the rest."""
        shown = opening.shown
        self._show_prompt(shown)
        self.query_one("#exam-status", Static).display = False  # practice's; not a quiz game's
        self.query_one(GameHeader).show(number=shown.number, total=shown.total,
                                        title=opening.title, score=0, streak=0)
        self.query_one(TimerBar).show_full(shown.time_limit)
        self._input_to_add = shown
        # At the latest once this paint and what follows it are done (when no app says so first).
        self.call_after_refresh(self._add_opening_input)

    def opening_painted(self) -> None:
        """The app has written the opening's first paint: its answer widget comes next."""
        self.call_next(self._add_opening_input)

    async def _add_opening_input(self) -> None:
        """The opening's answer widget, after its first paint, with the keys pressed meanwhile
        passed on to it as if it had been there."""
        shown, self._input_to_add = self._input_to_add, None
        if shown is None or not self.is_attached or self._session is not None:
            return  # done, quit at once, or started without it (`attach` draws the question whole)
        widget = await self._draw(shown)
        widget.focus_answer()
        # The focus moves once the app gets to it; the keys it sent here before are queued
        # here then: the type-ahead is passed on after them.
        self.app.call_later(self.call_later, self._pass_on_typed_ahead)
        self.opening_drawn = True

    def _pass_on_typed_ahead(self) -> None:
        typed, self._typed_ahead = self._typed_ahead or [], None
        for key in typed:
            # To the widget with the focus now, in order, as the terminal's driver sends keys:
            # so that a key bound to an action bubbles up to the app's bindings (a message stops
            # bubbling at the widget that sent it, which would be this screen).
            key.set_sender(self.app)
            self.app.post_message(key)

    def on_key(self, event: events.Key) -> None:
        if self._typed_ahead is None:
            return
        # Before the opening's answer widget is up: kept for it (priority keys, such as ctrl+q,
        # never come here), a letter of an answer rather than the screen's key of that letter.
        self._typed_ahead.append(events.Key(event.key, event.character))
        event.stop()
        event.prevent_default()

    async def _add_feedback(self) -> None:
        """The feedback panel, hidden (after the opening's frame: its module and widget need
        not delay that frame)."""
        from quizgame.tui.widgets.feedback import FeedbackPanel

        self.feedback_panel = FeedbackPanel(id="feedback", classes="panel")
        await self.query_one("#stage", Container).mount(self.feedback_panel)

    async def attach(self, session: GameSession) -> None:
        """Start the game of the opening on screen: its question now counts and answers. The
        session's first question is drawn instead when it is not the one on screen."""
        if not self.is_attached:
            return  # the player quit as it started: nothing was answered, nothing to draw
        opening, self._session, self._opening = self._opening, session, None
        await self._add_feedback()
        presented = session.current()
        if opening is None or presented is None or presented.shown != opening.shown or (
            session.quiz.quiz.title != opening.title
        ) or not self.opening_drawn:
            await self.show_current()
        else:
            self._show_exam_status()
            self._start_answering(presented, self._inputs[presented.type])
        self._pass_on_typed_ahead()
        self.call_after_refresh(self._prebuild_input)

    async def _prebuild_input(self) -> None:
        """Build the next answer widget the quiz will need, hidden, then the one after it at
        the next refresh (a key pressed meanwhile waits for one widget at most)."""
        if not self.is_attached:
            return
        self._load_answering()  # between frames, rather than at the first answer
        if not self.settings.build_ahead or self.app.screen is not self:
            return  # not wanted, or under a dialog: the rest are built when needed
        types = dict.fromkeys(question.type for question in self.session.quiz.questions)
        missing = [question_type for question_type in types if question_type not in self._inputs]
        if missing:
            await self._input_for(missing[0], hidden=True)
            self.call_after_refresh(self._prebuild_input)

    async def show_current(self) -> None:
        """Draw the question to answer, or the results when the session is over."""
        presented = self.session.current()
        if presented is None:
            self.answering.show_results()
            return
        widget = await self._draw(presented.shown)
        self._show_exam_status()
        self._start_answering(presented, widget)

    async def _draw(self, shown: Shown) -> QuestionInput:
        """Draw a question: its prompt and its type's answer widget (which it returns)."""
        widget = await self._input_for(shown.type)
        for other in self._inputs.values():
            other.display = other is widget
        widget.present(shown)
        self._show_prompt(shown)
        self.query_one("#instructions", Static).update(widget.INSTRUCTIONS)
        return widget

    def _show_prompt(self, shown: Shown) -> None:
        """The question's prompt in the panel on show (the feedback panel and hint hidden)."""
        self.query_one("#prompt", Static).update(shown.prompt)
        self.query_one("#hint", Static).display = False
        if self.feedback_panel is not None:
            self.feedback_panel.display = False
        body = self.query_one("#question-body", VerticalScroll)
        body.display = True
        body.scroll_home(animate=False)

    def _start_answering(self, presented: PresentedQuestion, widget: QuestionInput) -> None:
        """The question drawn now takes its answer, and its clock runs."""
        self.presented = presented
        self.show_header(presented)
        widget.focus_answer()
        self.query_one(TimerBar).start(presented.time_limit, self.session.warning_seconds)
        self.refresh_bindings()

    async def _input_for(self, question_type: str, *, hidden: bool = False) -> QuestionInput:
        async with self._building:
            widget = self._inputs.get(question_type)
            if widget is None:
                widget = INPUT_BY_TYPE[question_type](id=f"{question_type}-input")
                widget.display = not hidden
                await self.query_one("#question-body", VerticalScroll).mount(widget)
                self._inputs[question_type] = widget
            return widget

    def show_header(self, presented: PresentedQuestion) -> None:
        session = self.session
        self.query_one(GameHeader).show(
            number=presented.number,
            total=presented.total,
            title=session.quiz.quiz.title,
            score=None if session.mode == "practice" else session.score,
            streak=session.streak,
        )

    # -- the game under way (tui/screens/answering.py, loaded after the first question) ----

    @property
    def answering(self) -> Answering:
        """Answers, feedback, the clock's warning, hints, leaving (its module loads on first
        use: nothing in it is needed to draw the first question)."""
        return self._answering or self._load_answering()

    def _load_answering(self) -> Answering:
        from quizgame.tui.screens.answering import Answering

        self._answering = self._answering or Answering(self)
        return self._answering

    def on_question_input_submitted(self, event: QuestionInput.Submitted) -> None:
        event.stop()
        self.answering.answer(event.response, timed_out=False)

    def on_timer_bar_warning(self, event: TimerBar.Warning) -> None:
        event.stop()
        self.answering.warn(event.left)

    def on_timer_bar_expired(self, event: TimerBar.Expired) -> None:
        event.stop()
        if self.presented is not None:
            self.answering.answer(self._inputs[self.presented.type].response(), timed_out=True)

    async def on_feedback_panel_next(self, event: FeedbackPanel.Next) -> None:
        event.stop()
        await self.show_current()

    def on_feedback_panel_override(self, event: FeedbackPanel.Override) -> None:
        event.stop()
        self.answering.override()

    async def on_feedback_panel_rate(self, event: FeedbackPanel.Rate) -> None:
        event.stop()
        await self.answering.rate(event.sure)

    async def on_feedback_panel_undo(self, event: FeedbackPanel.Undo) -> None:
        event.stop()
        await self.answering.undo()

    def _show_exam_status(self) -> None:
        status = self.session.exam_status()
        line = self.query_one("#exam-status", Static)
        line.update(status.summary() if status is not None else "")
        line.display = status is not None

    # -- keys ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._session is None and action in ("more_time", "hint"):
            return False  # the game has not started: nothing to add time to, no hint yet
        if action == "more_time":
            if self.presented is None or not self.session.time_limit:
                return False  # untimed, or answered: not offered
            return True if self.session.can_have_more_time else None  # dimmed after ten
        if action == "hint":
            typing = isinstance(self.focused, Input)
            shown = self.presented
            if shown is None or shown.hint is None or bool(parameters and parameters[0]) != typing:
                return False
            return None if self.session.hint_used else True  # dimmed once used
        return True

    def action_more_time(self) -> None:
        """Thirty more seconds on the question on screen (saved with the answer)."""
        self.answering.more_time()

    def action_hint(self, typing: bool = False) -> None:
        self.answering.hint()

    @property
    def in_progress(self) -> bool:
        """Whether leaving now leaves the game unfinished (so the player is asked first)."""
        if self._session is None:
            return False  # not started: nothing to lose
        if self.presented is not None:
            return True  # a question waits for its answer
        return self.session.mode != "practice" and self.session.record.finished_at is None

    def action_leave(self, quit_app: bool = False) -> None:
        """Escape (home) or q/ctrl+q (quit): asks first while the game is unfinished."""
        self.answering.leave(quit_app)

    # -- a fair clock: paused while another screen (help, palette, a dialog) is over it ----

    def on_screen_suspend(self) -> None:
        if self.presented is not None:
            self.session.pause()
            self.query_one(TimerBar).pause()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._session is None:
            return
        self.session.unpause()
        self.query_one(TimerBar).resume()
