"""The line above a question: where the player is, the quiz, and how well it is going."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from quizgame import wording


class GameHeader(Horizontal):
    """"Question n of N", the quiz title, then score (or "Practice", which scores no points) and
    streak."""

    def compose(self) -> ComposeResult:
        yield Label(id="progress")
        yield Label(id="quiz-title", markup=False)
        yield Label(id="status")

    def show(self, *, number: int, total: int, title: str, score: int | None, streak: int) -> None:
        self.query_one("#progress", Label).update(f"Question {number} of {total}")
        self.query_one("#quiz-title", Label).update(title)
        streak_text = f" · Streak {streak}" if streak > 1 else ""
        score_text = "Practice" if score is None else f"Score {wording.number(score)}"
        self.query_one("#status", Label).update(score_text + streak_text)
