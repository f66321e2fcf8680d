"""The results at the end of a session: score, correct/total, time, best streak, a review of
every answer, and for practice the cards reviewed and when the next one is due."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static

from quizgame.tui.css import screen_css
from quizgame import wording
from quizgame.tui.verdicts import SYMBOL
from quizgame.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from quizgame.engine.feedback import Results, ReviewRow
    from quizgame.tui.app import GameSettings


class ResultsScreen(Screen[None]):
    """Sums up a finished session; Enter goes back to the home screen."""

    DEFAULT_CSS = screen_css(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the review list would otherwise take Enter for itself.
        Binding("enter,escape", "home", "Home", priority=True, id="quizgame.home"),
        Binding("l", "leaderboard", "Leaderboard", id="quizgame.results_leaderboard"),
        Binding("p", "progress", "Progress", id="quizgame.results_progress"),
    ]

    def __init__(self, results: Results, settings: GameSettings, *, quiz_id: str, player: str) -> None:
        super().__init__()
        self.results = results
        self.settings = settings
        self.quiz_id = quiz_id
        self.player = player

    def compose(self) -> ComposeResult:
        results = self.results
        yield Static(f"Results: {results.quiz_title}", id="results-title", markup=False)
        yield Static(self._summary(), id="summary", markup=False)
        review: list[str | None] = []
        for row in results.rows:
            review += [self._review_text(row), None]  # None: a separator line
        yield OptionList(*review[:-1], markup=False, id="review")
        yield KeyBar()

    def _summary(self) -> str:
        results = self.results
        lines = []
        if results.mode == "practice":
            lines.append(f"{wording.count(results.reviewed, 'card')} reviewed")
            lines.append(self._next_due_text(results.next_due))
        else:
            lines.append(f"Score {wording.number(results.score)}")
        lines.append(
            f"{results.correct} of {results.total} correct · time {wording.duration(results.elapsed_ms)}"
            f" · best streak {results.best_streak}"
        )
        if results.mode != "practice" and results.total < results.planned:
            lines.append(f"{results.planned - results.total} of {results.planned} questions not answered")
        return "\n".join(lines)

    def _next_due_text(self, next_due: datetime | None) -> str:
        from quizgame.engine.feedback import due_in_words

        if next_due is None:
            return "No cards to review yet."
        return f"Next card due {due_in_words(next_due, self.settings.clock())}"

    def _review_text(self, row: ReviewRow) -> str:
        """Three lines (two when right): verdict and question, your answer, the right answer."""
        kind = row.outcome
        notes = [wording.verdict(kind, row.credit) + (f" ({wording.OVERRIDDEN})" if row.overridden else "")]
        if row.hint_used:
            notes.append("hint")
        if self.results.mode != "practice":
            notes.append(wording.count(row.points, "point"))
        lines = [f"{SYMBOL[kind]} {row.prompt}", f"  Your answer: {row.given} · {', '.join(notes)}"]
        if not row.correct:
            lines.append(f"  Right answer: {row.right_answer}")
        return "\n".join(lines)

    def action_home(self) -> None:
        self.dismiss()

    def action_leaderboard(self) -> None:
        from quizgame.tui.screens.leaderboard import LeaderboardScreen

        self.app.push_screen(
            LeaderboardScreen([self.settings.saves_dir], self.quiz_id, clock=self.settings.clock)
        )

    def action_progress(self) -> None:
        from quizgame.tui.screens.progress import ProgressScreen

        self.app.push_screen(
            ProgressScreen(self.settings.saves_dir, self.player, clock=self.settings.clock)
        )
