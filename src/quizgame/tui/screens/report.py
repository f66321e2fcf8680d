"""The teacher report of one quiz: whole-quiz figures, a chart of each question's facility, and
the questions with their flags in words. Figures come from `quizgame.classroom`; this screen only
shows them (see docs/teacher-report.md for what they mean)."""

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

from quizgame.classroom.item_analysis import TOO_EASY, TOO_HARD, ItemStats, QuizReport
from quizgame.classroom.report import quiz_report
from quizgame.classroom.text import (
    FLAG_MARK,
    ITEM_HEADERS,
    ITEM_NUMBERS,
    distractors_text,
    item_cells,
    summary_line,
)
from quizgame.engine.scheduling import utc_now
from quizgame.tui.css import module_css
from quizgame.tui.widgets.figures import FigureTable, theme_rgb
from quizgame.tui.widgets.keybar import KeyBar
from quizgame.wording import count

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from quizgame.format.models import Quiz


class ReportScreen(Screen[None]):
    """Item analysis of a quiz over the players' best (or first) games; Escape goes back."""

    DEFAULT_CSS = module_css(__file__)
    AUTO_FOCUS = "#items"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="quizgame.report_back"),
        Binding("f", "toggle_first_attempt", "Best/first game", id="quizgame.report_first"),
        Binding("r", "refresh_now", "Refresh", id="quizgame.report_refresh"),
        Binding("p", "forecast", "Forecast", id="quizgame.report_forecast"),
    ]
    INSTRUCTIONS = (f"{FLAG_MARK} marks a question to look at: easy (facility above "
                    f"{TOO_EASY:.0%}), hard (below {TOO_HARD:.0%}), key? (negative "
                    "discrimination), distractor (a wrong choice nobody picks)")

    def __init__(
        self, saves_dirs: list[Path], quiz: Quiz, clock: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__()
        self.saves_dirs = list(saves_dirs)
        self.quiz = quiz
        self.clock = clock
        self.first_attempt = False
        self.report: QuizReport | None = None
        self.problems: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(self.title_text(), id="report-title", markup=False)
        yield Static("Loading…", id="report-summary", markup=False)
        yield Static("", id="report-flags", markup=False)
        yield PlotextPlot(id="facility-chart")
        yield FigureTable(ITEM_HEADERS, ITEM_NUMBERS, id="items")
        yield Static("", id="item-detail", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="report")
    def load(self) -> None:
        """Read the saves off the UI thread."""
        report, problems = quiz_report(self.saves_dirs, self.quiz.quiz.id, self.quiz,
                                       first_attempt=self.first_attempt, now=self.clock())
        self.app.call_from_thread(self.show, report, problems)

    def title_text(self) -> str:
        games = "first games" if self.first_attempt else "best games"
        return f"Teacher report: {self.quiz.quiz.title} · {games}"

    def show(self, report: QuizReport, problems: list[str]) -> None:
        if report.first_attempt != self.first_attempt:
            return  # read before `f` was pressed: the read for the new choice follows
        self.report, self.problems = report, problems
        self.query_one("#report-title", Static).update(self.title_text())
        self.query_one("#report-summary", Static).update(summary_line(report))
        flagged = sum(1 for item in report.items if item.flags)
        notes = [f"{FLAG_MARK} {count(flagged, 'question')} to look at"
                 if flagged else "No question flagged"]
        if problems:
            notes.append(f"{count(len(problems), 'save file')} skipped: {problems[0]}")
        self.query_one("#report-flags", Static).update(" · ".join(notes))
        table = self.query_one(FigureTable)
        table.show_rows([item_cells(item) for item in report.items])
        self.draw_chart(report.items)
        self.show_detail(table.cursor_row)

    def draw_chart(self, items: list[ItemStats]) -> None:
        """Facility per question as bars, with the too-hard and too-easy lines."""
        chart = self.query_one(PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("Facility per question (%)")
        answered = [item for item in items if item.facility is not None]
        if answered:
            bar, line = theme_rgb(self.app, "primary"), theme_rgb(self.app, "warning")
            # Half-block marker and thin bars: 70 questions still read as 70 bars at 80 columns.
            plt.bar([item.number for item in answered], [100 * (item.facility or 0) for item in answered],
                    color=bar, width=0.5, marker="hd")
            plt.horizontal_line(100 * TOO_EASY, color=line)
            plt.horizontal_line(100 * TOO_HARD, color=line)
        plt.ylim(0, 100)
        plt.yticks([0, 100 * TOO_HARD, 50, 100 * TOO_EASY])
        chart.refresh()

    def show_detail(self, row: int) -> None:
        """The highlighted question in full: prompt, wrong choices picked, flags."""
        detail = self.query_one("#item-detail", Static)
        if self.report is None or not 0 <= row < len(self.report.items):
            detail.update("")
            return
        item = self.report.items[row]
        lines = [f"{item.number}. {item.prompt or item.question_id}"]
        if item.distractors:
            lines.append(f"Wrong choices picked: {distractors_text(item)}")
        lines += [f"{FLAG_MARK} {flag.message}" for flag in item.flags]
        detail.update("\n".join(lines))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.cursor_row)

    def action_toggle_first_attempt(self) -> None:
        self.first_attempt = not self.first_attempt
        self.load()

    def action_refresh_now(self) -> None:
        self.load()

    def action_forecast(self) -> None:
        from quizgame.tui.screens.forecast import ForecastScreen

        self.app.push_screen(ForecastScreen(self.saves_dirs, self.quiz, self.clock))

    def action_back(self) -> None:
        self.dismiss()
