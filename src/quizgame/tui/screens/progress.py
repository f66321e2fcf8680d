"""A player's progress: their quiz scores game after game, and their practice reviews per day.
Figures come from `quizgame.classroom.progress`; this screen only draws them."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

from quizgame.classroom.progress import DEFAULT_DAYS, Progress, progress
from quizgame.classroom.merge import player_sessions

# Theme variables that colour the quizzes' lines, in turn: charts follow the theme like the CSS.
SERIES_COLOURS = ("primary", "secondary", "accent", "success", "warning", "error")
# A date label under every n-th bar of the reviews chart, so that labels never overlap.
DAYS_PER_LABEL = 7


class ProgressScreen(Screen[None]):
    """Charts of one player's scores and reviews; Escape goes back."""

    CSS_PATH = "progress.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="quizgame.progress_back"),
        Binding("r", "refresh_now", "Refresh", id="quizgame.progress_refresh"),
    ]

    def __init__(self, saves_dir: Path, player_name: str) -> None:
        super().__init__()
        self.saves_dir = saves_dir
        self.player_name = player_name
        self.progress: Progress | None = None

    def compose(self) -> ComposeResult:
        yield Static(f"Progress: {self.player_name}", id="progress-title", markup=False)
        yield Static("Loading…", id="progress-summary", markup=False)
        yield PlotextPlot(id="scores-chart")
        yield PlotextPlot(id="reviews-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="progress")
    def load(self) -> None:
        records, problems = player_sessions(self.saves_dir, self.player_name)
        local = datetime.now(timezone.utc).astimezone().tzinfo or timezone.utc
        figures = progress(records, now=datetime.now(timezone.utc), tz=local)
        self.app.call_from_thread(self.show, figures, problems)

    def show(self, figures: Progress, problems: list[str]) -> None:
        self.progress = figures
        games = sum(len(series.games) for series in figures.series)
        lines = [f"{games} finished quiz game{'s' if games != 1 else ''} · {figures.reviews} "
                 f"practice review{'s' if figures.reviews != 1 else ''} in the last "
                 f"{DEFAULT_DAYS} days"]
        if problems:
            lines.append(f"{len(problems)} save file(s) skipped: {problems[0]}")
        self.query_one("#progress-summary", Static).update("\n".join(lines))
        self.draw_scores(figures)
        self.draw_reviews(figures)

    def draw_scores(self, figures: Progress) -> None:
        """One line per quiz: score of each finished game, oldest first."""
        chart = self.query_one("#scores-chart", PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("Score per quiz game" if figures.series else "Score per quiz game: none yet")
        for index, series in enumerate(figures.series):
            games = range(1, len(series.games) + 1)
            plt.plot(list(games), [game.score for game in series.games], marker="dot",
                     color=self._colour(SERIES_COLOURS[index % len(SERIES_COLOURS)]),
                     label=series.quiz_title or series.quiz_id)
        plt.xlabel("game")
        chart.refresh()

    def draw_reviews(self, figures: Progress) -> None:
        """Practice answers per day, every day from the first review in the window to today."""
        chart = self.query_one("#reviews-chart", PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        days = figures.reviews_per_day
        plt.title("Reviews per day" if days else "Reviews per day: no practice yet")
        if days:
            positions = list(range(len(days)))
            plt.bar(positions, [count for _, count in days], color=self._colour("primary"),
                    width=0.6)
            labelled = positions[::-DAYS_PER_LABEL][::-1]  # always label today
            plt.xticks(labelled, [days[i][0].strftime("%b %d") for i in labelled])
        chart.refresh()

    def _colour(self, variable: str) -> tuple[int, int, int]:
        return Color.parse(self.app.theme_variables[variable]).rgb

    def action_refresh_now(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss()
