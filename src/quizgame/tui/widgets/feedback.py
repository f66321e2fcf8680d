"""The feedback after each answer: the verdict in words and a symbol, your answer and the right
one, the explanation, the source quote and the points; "I was right" for a typed answer marked
wrong (a claim for the teacher in quiz mode); when a practised card comes back; in practice and
mistakes modes "I was sure" / "I guessed" (either goes on) and undo; a poll's split after
voting. A panel of the question screen (not a screen of its own), so that moving on to the next
question only redraws text."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from quizgame import wording
from quizgame.classroom.polls import split_lines
from quizgame.tui.css import module_css
from quizgame.tui.verdicts import verdict

if TYPE_CHECKING:
    from quizgame.engine.feedback import Feedback


_LINES = ("feedback-prompt", "verdict", "points", "late", "given", "right-answer", "canonical",
          "explanation", "source", "split", "claim",
          # Practice: when the card comes back. One line per practice note, so that other keys
          # (how sure you were, an undo) can add theirs beside it.
          "practice")
"""The panel's lines, top to bottom (a `Static` each, shown when it has something to say)."""
_MARKUP_LINES = {"verdict", "points"}
"""The lines written with markup (the others hold the quiz's and the player's texts)."""


class FeedbackPanel(VerticalScroll, can_focus=True):
    """Shows one `Feedback`; Enter asks for the next question, `o` for an override, `s` / `g`
    say "I was sure" / "I guessed" and go on, `u` undoes the answer."""

    DEFAULT_CSS = module_css(__file__)
    SCOPED_CSS = False  # `#feedback` is this panel itself, which a scoped rule would not match

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "next", "Next", id="quizgame.next"),
        Binding("o", "override", "I was right", id="quizgame.override"),
        Binding("s", "rate(True)", "I was sure", id="quizgame.sure"),
        Binding("g", "rate(False)", "I guessed", id="quizgame.guessed"),
        Binding("u", "undo", "Undo", id="quizgame.undo"),
    ]

    class Next(Message):
        """The player has read the feedback."""

    class Override(Message):
        """The player says their typed answer was right."""

    class Rate(Message):
        """The player says how sure they were (then goes on)."""

        def __init__(self, sure: bool) -> None:
            super().__init__()
            self.sure = sure

    class Undo(Message):
        """The player takes the answer back."""

    feedback: Feedback | None = None
    undoable: bool = False

    def on_mount(self) -> None:
        # Built after the first frame: a game's first question is drawn without waiting for
        # the dozen lines of its feedback (and `show` builds them at once if asked first).
        self.call_after_refresh(self._build)

    def _build(self) -> None:
        if self.children or not self.is_attached:
            return  # built, or quitting (the app runs this callback whatever became of us)
        self.mount(*(Static(id=name, markup=name in _MARKUP_LINES) for name in _LINES))

    def show(
        self,
        feedback: Feedback,
        *,
        prompt: str,
        scored: bool,
        claims: bool = False,
        now: datetime | None = None,
        undoable: bool = False,
    ) -> None:
        """Fill the panel from `feedback`; `scored` is False in practice mode (no points);
        `claims`: "I was right" files a claim for the teacher (quiz mode); `undoable` offers
        undo (practice and mistakes modes)."""
        self._build()
        self.feedback = feedback
        self.undoable = undoable
        kind = feedback.outcome
        head = self.query_one("#verdict", Static)
        record = feedback.record
        head.update(verdict(kind, credit=feedback.credit, overridden=record.overridden,
                            claimed=record.claim == "open"))
        head.set_classes(f"verdict -{kind.replace('_', '-')}")
        self._line("#feedback-prompt", prompt)
        self._line("#points", _points_text(feedback) if scored and feedback.scored else "")
        self._line("#late", feedback.late_words)
        self._line("#given", f"Your answer: {feedback.given}")
        wrong = not feedback.correct and feedback.scored
        self._line("#right-answer", f"Right answer: {feedback.right_answer}" if wrong else "")
        canonical = feedback.canonical
        self._line("#canonical", f"Accepted with a small typo; it is spelt: {canonical}" if canonical else "")
        self._line("#explanation", feedback.explanation or "")
        self._line("#source", f"Source: {wording.quoted(feedback.source)}" if feedback.source else "")
        lines = split_lines(feedback.split)
        self._line("#split", "How everyone voted:\n" + "\n".join(lines) if lines else "")
        self._line("#claim", _claim_text(feedback, claims=claims))
        self._line("#practice", practice_text(feedback, now))
        self.scroll_home(animate=False)
        self.refresh_bindings()

    def _line(self, selector: str, text: str) -> None:
        widget = self.query_one(selector, Static)
        widget.update(text)
        widget.display = bool(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "override":
            return self.feedback is not None and self.feedback.can_override
        if action == "rate":
            return self.feedback is not None and self.feedback.can_rate
        if action == "undo":
            return self.undoable
        return True

    def action_next(self) -> None:
        self.post_message(self.Next())

    def action_override(self) -> None:
        self.post_message(self.Override())

    def action_rate(self, sure: bool) -> None:
        self.post_message(self.Rate(sure))

    def action_undo(self) -> None:
        self.post_message(self.Undo())


def practice_text(feedback: Feedback, now: datetime | None) -> str:
    """"Comes back in 3 days (Thu 04 Dec)": when a practised card is due again."""
    from quizgame.engine.feedback import due_in_words

    if feedback.comes_back is None or now is None:
        return ""
    return f"This card comes back {due_in_words(feedback.comes_back, now)}."


def _claim_text(feedback: Feedback, *, claims: bool) -> str:
    if feedback.record.claim == "open":
        return "Claim filed: your teacher will check it. It earns nothing unless accepted."
    if feedback.can_override:
        if claims:
            return "Sure you were right? o files a claim for your teacher to check."
        return "Sure you were right? o counts it as right (for your practice only)."
    return ""


def _points_text(feedback: Feedback) -> str:
    bonus = feedback.record.streak_bonus
    parts = [f"+{wording.count(feedback.points, 'point')}"
             + (f" (streak bonus {wording.number(bonus)})" if bonus else "")]
    if feedback.record.hint_used:
        parts.append("hint used: half points")
    parts.append(f"score {wording.number(feedback.score)}")
    if feedback.streak > 1:
        parts.append(f"streak {feedback.streak}")
    return " · ".join(parts)
