"""The results at the end of a session: score, correct/total, time, best streak, the personal
best ("new best!") and the rank among comparable games on this saves folder's leaderboard, a
review of every answer (m shows only the mistakes), "Review my N mistakes" (r, which starts
mistakes mode), and for practice the cards reviewed and when the next one is due."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static

from quizgame import wording
from quizgame.tui.css import module_css
from quizgame.tui.verdicts import SYMBOL
from quizgame.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from quizgame.classroom.game_standing import GameStanding
    from quizgame.engine.feedback import Results, ReviewRow
    from quizgame.format.models import Quiz
    from quizgame.tui.settings import GameHost, GameSettings


class ResultsScreen(Screen[None]):
    """Sums up a finished session; Enter goes back to the home screen."""

    DEFAULT_CSS = module_css(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the review list would otherwise take Enter for itself.
        Binding("enter,escape", "home", "Home", priority=True, id="quizgame.home"),
        Binding("r", "review_mistakes", "Review my mistakes", id="quizgame.review_mistakes"),
        Binding("m", "only_mistakes", "Only mistakes", id="quizgame.only_mistakes"),
        Binding("l", "leaderboard", "Leaderboard", id="quizgame.results_leaderboard"),
        Binding("p", "progress", "Progress", id="quizgame.results_progress"),
    ]

    def __init__(
        self,
        results: Results,
        settings: GameSettings,
        *,
        quiz_id: str,
        player: str,
        quiz: Quiz | None = None,
    ) -> None:
        super().__init__()
        self.results = results
        self.settings = settings
        self.quiz_id = quiz_id
        self.player = player
        self.quiz = quiz
        """The quiz played, for "Review my mistakes"."""
        self.only_mistakes = False

    def compose(self) -> ComposeResult:
        results = self.results
        yield Static(f"Results: {results.quiz_title}", id="results-title", markup=False)
        yield Static(self._summary(), id="summary", markup=False)
        yield Static(id="standing", markup=False)
        yield OptionList(*self._review_rows(), markup=False, id="review")
        yield KeyBar()

    def on_mount(self) -> None:
        results = self.results
        if results.mode == "quiz" and results.finished:
            self.load_standing()

    @work(thread=True, exclusive=True, group="standing")
    def load_standing(self) -> None:
        from quizgame.classroom.game_standing import game_standing

        results = self.results
        standing = game_standing(self.settings.saves_dir, self.quiz_id, results.planned,
                                 self.player, results.session_id)
        self.app.call_from_thread(self._show_standing, standing)

    def _show_standing(self, standing: GameStanding) -> None:
        results = self.results
        if standing.best_before is None:
            best = "Your first game of this length: a personal best!"
        elif standing.is_new_best(results.score):
            best = f"New best! (before: {wording.number(standing.best_before)})"
        else:
            best = f"Personal best: {wording.number(standing.best_before)}"
        lines = [best]
        if standing.rank is not None:
            lines.append(f"Rank {standing.rank} of {standing.players} on this leaderboard "
                         f"(games of {wording.count(results.planned, 'question')})")
        widget = self.query_one("#standing", Static)
        widget.update("\n".join(lines))

    def _review_rows(self) -> list[str | None]:
        review: list[str | None] = []
        for row in self.results.rows:
            if not self.only_mistakes or (row.scored and not row.correct):
                review += [self._review_text(row), None]  # None: a separator line
        return review[:-1] if review else ["No mistakes: every answer was right."]

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
        if results.accommodations:
            lines.append(f"Accommodations: {results.accommodations}")
        if results.mode != "practice" and results.total < results.planned:
            lines.append(f"{results.planned - results.total} of {results.planned} questions not answered")
        if results.mistakes and results.mode != "practice":
            lines.append(f"r: review my {wording.count(results.mistakes, 'mistake')} · "
                         "m: show only the mistakes")
        return "\n".join(lines)

    def _next_due_text(self, next_due: datetime | None) -> str:
        from quizgame.engine.feedback import due_in_words

        if next_due is None:
            return "No cards to review yet."
        return f"Next card due {due_in_words(next_due, self.settings.clock())}"

    def _review_text(self, row: ReviewRow) -> str:
        """Three lines (two when right): verdict and question, your answer, the right answer."""
        kind = row.outcome
        notes = [wording.verdict(kind, row.credit) + (f" ({wording.OVERRIDDEN})" if row.overridden else "")
                 + (f" ({wording.CLAIMED})" if row.claim == "open" else "")]
        if row.hint_used:
            notes.append("hint")
        if row.extra_seconds:
            notes.append(wording.extra_time(row.extra_seconds))
        if self.results.mode != "practice":
            notes.append(wording.count(row.points, "point"))
        lines = [f"{SYMBOL[kind]} {row.prompt}", f"  Your answer: {row.given} · {', '.join(notes)}"]
        if not row.correct and row.scored:
            lines.append(f"  Right answer: {row.right_answer}")
        return "\n".join(lines)

    def action_home(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("review_mistakes", "only_mistakes"):
            has_mistakes = bool(self.results.mistakes) and self.results.mode != "practice"
            if action == "review_mistakes":
                return has_mistakes and self.quiz is not None and self.results.mode == "quiz"
            return has_mistakes
        return True

    def action_only_mistakes(self) -> None:
        self.only_mistakes = not self.only_mistakes
        review = self.query_one("#review", OptionList)
        review.set_options(self._review_rows())

    def action_review_mistakes(self) -> None:
        """Mistakes mode on the mistakes of this game (its last quiz-mode game)."""
        if self.quiz is None:
            return
        quiz, player = self.quiz, self.player
        app, host = self.app, cast("GameHost", self.app)

        async def review() -> None:
            await app.pop_screen()  # back home first (awaited by the app, not by this screen)
            host.play(quiz, player, "mistakes")

        app.run_worker(review(), group="review-mistakes")

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
