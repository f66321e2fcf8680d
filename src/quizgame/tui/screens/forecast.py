"""The forgetting forecast of one quiz, for the teacher: each question's predicted class recall
now, in 7 and in 30 days, as a chart and a table (figures from `quizgame.classroom.forecast`;
docs/teacher-report.md says how they are computed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static
from textual_plotext import PlotextPlot

from quizgame.classroom.forecast import HORIZONS_DAYS, RETEACH_BELOW, Forecast, class_forecast
from quizgame.classroom.text import (
    FLAG_MARK,
    FORECAST_HEADERS,
    FORECAST_NUMBERS,
    forecast_cells,
    forecast_heading,
)
from quizgame.tui.css import module_css
from quizgame.tui.widgets.figures import FigureTable, theme_rgb
from quizgame.tui.widgets.keybar import KeyBar
from quizgame.wording import count, percent

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from quizgame.format.models import Quiz

SERIES = ("now", "in 7 days", "in 30 days")
COLOURS = ("primary", "accent", "warning")


class ForecastScreen(Screen[None]):
    """Predicted class recall per question; Escape goes back, `r` reads the saves again."""

    DEFAULT_CSS = module_css(__file__)
    AUTO_FOCUS = "#forecast-items"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="quizgame.forecast_back"),
        Binding("r", "refresh_now", "Refresh", id="quizgame.forecast_refresh"),
    ]

    def __init__(self, saves_dirs: list[Path], quiz: Quiz, clock: Callable[[], datetime]) -> None:
        super().__init__()
        self.saves_dirs = list(saves_dirs)
        self.quiz = quiz
        self.clock = clock
        self.forecast: Forecast | None = None

    def compose(self) -> ComposeResult:
        yield Static(f"Forgetting forecast: {self.quiz.quiz.title}", id="forecast-title",
                     markup=False)
        yield Static("Loading…", id="forecast-summary", markup=False)
        yield PlotextPlot(id="forecast-chart")
        yield FigureTable(FORECAST_HEADERS, FORECAST_NUMBERS, id="forecast-items")
        yield Static("", id="forecast-detail", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="forecast")
    def load(self) -> None:
        """Read every student's cards off the UI thread."""
        forecast, problems = class_forecast(self.saves_dirs, self.quiz.quiz.id, self.quiz,
                                            self.clock())
        self.app.call_from_thread(self.show, forecast, problems)

    def show(self, forecast: Forecast, problems: list[str]) -> None:
        self.forecast = forecast
        if not forecast.students:
            notes = ["Nobody has practised this quiz yet: the forecast comes from practice cards."]
        else:
            reteach = forecast.reteach
            notes = [forecast_heading(forecast)]
            notes.append(f"{FLAG_MARK} re-teach {count(len(reteach), 'question')} (below "
                         f"{percent(RETEACH_BELOW)} in 7 days)" if reteach
                         else "No question falls below "
                         f"{percent(RETEACH_BELOW)} within 7 days")
        if problems:
            notes.append(f"{count(len(problems), 'save file')} skipped: {problems[0]}")
        self.query_one("#forecast-summary", Static).update("\n".join(notes))
        table = self.query_one(FigureTable)
        table.show_rows(forecast_cells(forecast))
        self.draw_chart(forecast)
        self.show_detail(table.cursor_row)

    def draw_chart(self, forecast: Forecast) -> None:
        """Three bars per practised question: recall now, in 7 and in 30 days, with the
        re-teach line."""
        chart = self.query_one(PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("Predicted class recall (%)")
        known = [item for item in forecast.items if item.recall[0] is not None]
        if known:
            series = [[100 * (item.recall[index] or 0) for item in known]
                      for index in range(len(HORIZONS_DAYS))]
            # plotext takes `labels` and a colour per series; its type stubs say otherwise.
            plt.multiple_bar(  # type: ignore[call-arg]
                [str(item.number) for item in known], series, labels=list(SERIES),
                color=[theme_rgb(self.app, name) for name in COLOURS],  # type: ignore[arg-type]
            )
            plt.horizontal_line(100 * RETEACH_BELOW, color=theme_rgb(self.app, "error"))
        plt.ylim(0, 100)
        chart.refresh()

    def show_detail(self, row: int) -> None:
        detail = self.query_one("#forecast-detail", Static)
        if self.forecast is None or not 0 <= row < len(self.forecast.items):
            detail.update("")
            return
        item = self.forecast.items[row]
        lines = [f"{item.number}. {item.prompt or item.question_id}"]
        if item.students:
            lines.append(f"{count(item.students, 'student')} practised it"
                         + (f"; {item.not_practised} not yet" if item.not_practised else ""))
        detail.update("\n".join(lines))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.cursor_row)

    def action_refresh_now(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss()
