"""A player's progress: their quiz scores game after game, and their practice reviews per day.
Figures come from `quizgame.classroom.progress`; this screen only draws them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static
from textual_plotext import PlotextPlot

from quizgame.classroom.merge import player_sessions
from quizgame.classroom.progress import DEFAULT_DAYS, Progress, progress
from quizgame.tui.css import module_css
from quizgame.tui.settings import utc_now
from quizgame.tui.widgets.figures import theme_rgb
from quizgame.tui.widgets.keybar import KeyBar
from quizgame.wording import count

# Theme variables that colour the quizzes' lines, in turn: charts follow the theme like the CSS.
SERIES_COLOURS = ("primary", "secondary", "accent", "success", "warning", "error")
# A date label under every n-th bar of the reviews chart, so that labels never overlap.
DAYS_PER_LABEL = 7


def whole_ticks(low: int, high: int, count: int = 5) -> list[Any]:
    """At most `count` whole-number ticks from `low` to `high` (plotext would print 27550.0).

    Typed `Any` as plotext's stubs say floats, the very thing these ints are here to avoid.
    """
    step = max(1, -(-(high - low) // (count - 1)))
    return list(range(low, high + 1, step))


class ProgressScreen(Screen[None]):
    """Charts of one player's scores and reviews; Escape goes back."""

    DEFAULT_CSS = module_css(__file__)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="quizgame.progress_back"),
        Binding("r", "refresh_now", "Refresh", id="quizgame.progress_refresh"),
    ]

    def __init__(
        self, saves_dir: Path, player_name: str, *, clock: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__()
        self.saves_dir = saves_dir
        self.player_name = player_name
        self.clock = clock
        """The app's clock: the charts end today, in local time."""
        self.progress: Progress | None = None

    def compose(self) -> ComposeResult:
        yield Static(f"Progress: {self.player_name}", id="progress-title", markup=False)
        yield Static("Loading…", id="progress-summary", markup=False)
        yield PlotextPlot(id="scores-chart")
        yield PlotextPlot(id="reviews-chart")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="progress")
    def load(self) -> None:
        records, problems = player_sessions(self.saves_dir, self.player_name)
        now = self.clock()
        figures = progress(records, now=now, tz=now.astimezone().tzinfo or UTC)  # local days
        self.app.call_from_thread(self.show, figures, problems)

    def show(self, figures: Progress, problems: list[str]) -> None:
        self.progress = figures
        games = sum(len(series.games) for series in figures.series)
        lines = [f"{count(games, 'finished quiz game')} · "
                 f"{count(figures.reviews, 'practice review')} in the last {DEFAULT_DAYS} days"]
        if problems:
            lines.append(f"{count(len(problems), 'save file')} skipped: {problems[0]}")
        self.query_one("#progress-summary", Static).update("\n".join(lines))
        # An empty chart is only a frame: show the charts that have something to draw.
        self.query_one("#scores-chart").display = bool(games)
        self.query_one("#reviews-chart").display = bool(figures.reviews)
        self.draw_scores(figures)
        self.draw_reviews(figures)

    def draw_scores(self, figures: Progress) -> None:
        """One line per quiz: score of each finished game, oldest first."""
        chart = self.query_one("#scores-chart", PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("Score per quiz game")
        for index, series in enumerate(figures.series):
            colour = theme_rgb(self.app, SERIES_COLOURS[index % len(SERIES_COLOURS)])
            plt.plot(list(range(1, len(series.games) + 1)), [game.score for game in series.games],
                     marker="braille", color=colour, label=series.quiz_title or series.quiz_id)
        longest = max((len(series.games) for series in figures.series), default=1)
        plt.xticks(whole_ticks(1, longest))
        scores = [game.score for series in figures.series for game in series.games]
        plt.yticks(whole_ticks(min(scores, default=0), max(scores, default=0)))
        chart.refresh()

    def draw_reviews(self, figures: Progress) -> None:
        """Practice answers per day, every day from the first review in the window to today."""
        chart = self.query_one("#reviews-chart", PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        days = figures.reviews_per_day
        plt.title("Practice reviews per day")
        if days:
            positions = list(range(len(days)))
            plt.bar(positions, [count for _, count in days], color=theme_rgb(self.app, "primary"),
                    width=0.6)
            labelled = positions[::-DAYS_PER_LABEL][::-1]  # always label today
            plt.xticks(list[Any](labelled), [days[i][0].strftime("%b %d") for i in labelled])
            plt.yticks(whole_ticks(0, max(count for _, count in days)))
            # At least a week wide, today on the right: one day's bar must not fill the chart.
            plt.xlim(min(-0.5, len(days) - 0.5 - DAYS_PER_LABEL), len(days) - 0.5)
        chart.refresh()

    def action_refresh_now(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss()
