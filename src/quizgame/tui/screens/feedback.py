"""The feedback after each answer: the verdict in words and a symbol, the right answer, the
explanation, the source quote and the points; "I was right" for a text answer marked wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from quizgame.tui.verdicts import verdict
from quizgame.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from quizgame.engine.feedback import Feedback
    from quizgame.engine.session import GameSession


class FeedbackScreen(Screen[None]):
    """Shows one `Feedback`; Enter goes on to the next question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "next", "Next", id="quizgame.next"),
        Binding("o", "override", "I was right", id="quizgame.override"),
    ]

    def __init__(self, feedback: Feedback, session: GameSession, prompt: str) -> None:
        super().__init__()
        self.feedback = feedback
        self.session = session
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="feedback"):
            yield Static(self.prompt, id="feedback-prompt", markup=False)
            yield Static(id="verdict")
            yield Static(id="points")
            yield Static(id="given", markup=False)
            yield Static(id="right-answer", markup=False)
            yield Static(id="canonical", markup=False)
            yield Static(id="explanation", markup=False)
            yield Static(id="source", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.show(self.feedback)

    def show(self, feedback: Feedback) -> None:
        """Fill the screen from `feedback` (again after an override)."""
        self.feedback = feedback
        kind = feedback.outcome
        head = self.query_one("#verdict", Static)
        head.update(verdict(kind, credit=feedback.credit, overridden=feedback.record.overridden))
        head.set_classes(f"verdict -{kind.replace('_', '-')}")
        self._line("#points", self._points_text(feedback))
        self._line("#given", f"Your answer: {feedback.given}")
        self._line("#right-answer", "" if feedback.correct else f"Right answer: {feedback.right_answer}")
        canonical = feedback.canonical
        self._line("#canonical", f"Accepted with a small typo; it is spelt: {canonical}" if canonical else "")
        self._line("#explanation", feedback.explanation or "")
        self._line("#source", f"Source: “{feedback.source}”" if feedback.source else "")
        self.refresh_bindings()

    def _line(self, selector: str, text: str) -> None:
        widget = self.query_one(selector, Static)
        widget.update(text)
        widget.display = bool(text)

    def _points_text(self, feedback: Feedback) -> str:
        if self.session.mode == "practice":
            return ""
        bonus = feedback.record.streak_bonus
        parts = [f"+{feedback.points:,} points" + (f" (streak bonus {bonus:,})" if bonus else "")]
        if feedback.record.hint_used:
            parts.append("hint used: half points")
        parts.append(f"score {feedback.score:,}")
        if feedback.streak > 1:
            parts.append(f"streak {feedback.streak}")
        return " · ".join(parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "override":
            return self.feedback.can_override
        return True

    def action_next(self) -> None:
        self.dismiss()

    def action_override(self) -> None:
        self.show(self.session.override())
