"""Human-readable leaderboards and reports: the `table` format of the commands.

The cell helpers are shared with the TUI views, so a figure reads the same everywhere.
Flags are words with a mark, never colour alone.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from quizgame.wording import NOT_AVAILABLE, count, duration, number, percent

if TYPE_CHECKING:  # `quizgame scores` starts faster without the quiz format's models
    from quizgame.classroom.forecast import Forecast
    from quizgame.classroom.item_analysis import ItemStats, QuizReport
    from quizgame.classroom.leaderboard import Leaderboard

FLAG_MARK = "⚑"
SHORT_FLAGS = {
    "too-easy": "easy",
    "too-hard": "hard",
    "negative-discrimination": "key?",
    "unused-distractor": "distractor",
    "sure-wrong": "sure✘",
}


def text_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Collection[int]
) -> str:
    """A plain aligned table; `right` holds the indexes of right-aligned (number) columns.

    No rule of dashes under the headers: a screen reader would read it out, dash by dash
    (docs/accessibility.md)."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]

    def line(cells: Sequence[str]) -> str:
        parts = [str(cell).rjust(w) if i in right else str(cell).ljust(w)
                 for i, (cell, w) in enumerate(zip(cells, widths))]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), *map(line, rows)])


def when_text(moment: datetime, *, short: bool = False) -> str:
    """`2025-03-01 09:00`; `short`: `01 Mar 09:00`, for a table that must fit 80 columns."""
    return moment.strftime("%d %b %H:%M" if short else "%Y-%m-%d %H:%M")


def number_text(value: float | None, digits: int = 0) -> str:
    return NOT_AVAILABLE if value is None else f"{value:.{digits}f}"


def flags_text(item: ItemStats) -> str:
    """The flags of an item in a few words (each kind once), e.g. `⚑ easy, distractor`."""
    words = list(dict.fromkeys(SHORT_FLAGS[flag.code] for flag in item.flags))
    return f"{FLAG_MARK} {', '.join(words)}" if words else ""


def distractors_text(item: ItemStats) -> str:
    """`Lyon 3, Nice 0`: each wrong choice and how often it was picked."""
    return ", ".join(f"{d.choice} {d.picks}" for d in item.distractors)


def selection_text(first_attempt: bool) -> str:
    return "first finished game of each player" if first_attempt else "best game of each player"


SCORE_HEADERS = ("Rank", "Player", "Best score", "Accuracy", "Attempts", "Best time",
                 "Marked", "Last played (UTC)", "Accommodations")
SCORE_NUMBERS = frozenset({0, 2, 3, 4, 5, 6})
"""Indexes of the right-aligned (number) columns of `SCORE_HEADERS`."""


def standings_cells(board: Leaderboard, *, short_dates: bool = False) -> list[list[str]]:
    return [
        [str(s.rank), s.player, number(s.best_score), percent(s.accuracy), str(s.attempts),
         duration(s.best_time_ms), str(s.marked) if s.marked else "",
         when_text(s.last_played, short=short_dates), " ".join(s.accommodations)]
        for s in board.standings
    ]


def ranked_by_text(board: Leaderboard) -> str:
    """`""`, or why the board ranks by accuracy (docs/accommodations.md)."""
    if board.ranked_by == "score":
        return ""
    return "; ranked by accuracy: some games were scored without speed points (an accommodation)"


def scores_text(boards: list[Leaderboard]) -> str:
    """Every leaderboard under its quiz's title."""
    blocks = []
    for board in boards:
        heading = (f"{board.title} ({board.quiz_id}): "
                   f"{count(len(board.standings), 'player')}, "
                   f"{selection_text(board.first_attempt)}{ranked_by_text(board)}")
        cells = standings_cells(board)
        # The Accommodations column only on a board with some.
        headers = SCORE_HEADERS if any(row[-1] for row in cells) else SCORE_HEADERS[:-1]
        table = text_table(headers, [row[: len(headers)] for row in cells], right=SCORE_NUMBERS)
        blocks.append(f"{heading}\n\n{table}")
    return "\n\n".join(blocks) + "\n"


# Flags and the two key figures first: they stay in view on a narrow screen.
ITEM_HEADERS = ("#", "Flags", "Facility", "Discrim.", "Question", "Type", "Attempts",
                "Mean time", "Hints", "Overrides", "Claims")
ITEM_NUMBERS = frozenset({0, 2, 3, 6, 7, 8, 9, 10})
"""Indexes of the right-aligned (number) columns of `ITEM_HEADERS`."""


def item_cells(item: ItemStats) -> list[str]:
    discrimination = NOT_AVAILABLE if item.discrimination is None else f"{item.discrimination:.0f}%"
    return [str(item.number), flags_text(item), percent(item.facility), discrimination,
            item.question_id, item.question_type, str(item.attempts),
            duration(item.mean_time_ms), str(item.hints), str(item.overrides), str(item.claims)]


def summary_text(report: QuizReport) -> str:
    """The whole-quiz figures on two lines."""
    return (
        f"Players {report.players}; mean score {number_text(report.mean_score)}"
        f" (sd {number_text(report.sd_score)}); mean marks {_marks(report)}\n"
        f"Cronbach's alpha {_alpha(report)} over {report.alpha_items} questions answered by "
        "everyone"
    )


def summary_line(report: QuizReport) -> str:
    """The whole-quiz figures on one line, for narrow screens."""
    return (f"{count(report.players, 'player')} · score "
            f"{number_text(report.mean_score)} (sd {number_text(report.sd_score)}) · marks "
            f"{_marks(report)} · alpha {_alpha(report)}")


def _marks(report: QuizReport) -> str:
    return (f"{number_text(report.mean_marks, 2)}/{report.questions}"
            f" (sd {number_text(report.sd_marks, 2)})")


def _alpha(report: QuizReport) -> str:
    return number_text(report.alpha, 2)


def report_text(report: QuizReport) -> str:
    """Heading, whole-quiz figures, the item table, then distractors and flags in full."""
    lines = [
        f"{report.quiz_title or report.quiz_id} ({report.quiz_id}): "
        f"{selection_text(report.first_attempt)}",
        "",
        summary_text(report),
        "",
        text_table(ITEM_HEADERS, [item_cells(item) for item in report.items],
                   right=ITEM_NUMBERS),
    ]
    if report.accommodations:
        lines += ["", "Accommodations that applied (docs/accommodations.md):"]
        lines += [f"  {player}: {words}" for player, words in report.accommodations]
    distractors = [item for item in report.items if item.distractors]
    if distractors:
        lines += ["", "Wrong choices picked:"]
        lines += [f"  {item.number} {item.question_id}: {distractors_text(item)}"
                  for item in distractors]
    sure = [item for item in report.items if item.sure]
    if sure:
        lines += ["", "Sure and wrong (answers marked 'I was sure' in practice and mistakes):"]
        lines += [f"  {item.number} {item.question_id}: {item.sure_wrong} of {item.sure} "
                  f"wrong ({percent(item.sure_wrong / item.sure)})" for item in sure]
    flagged = [item for item in report.items if item.flags]
    if flagged:
        lines += ["", "Flags:"]
        lines += [f"  {FLAG_MARK} {item.number} {item.question_id}: {flag.message}"
                  for item in flagged for flag in item.flags]
    if report.forecast is not None:
        lines += ["", *forecast_lines(report.forecast)]
    return "\n".join(lines) + "\n"


FORECAST_HEADERS = ("#", "", "Question", "Students", "Now", "In 7 days", "In 30 days")
FORECAST_NUMBERS = (0, 3, 4, 5, 6)


def forecast_cells(forecast: Forecast) -> list[list[str]]:
    """One row per question: number, re-teach mark, id, students, recall at each horizon."""
    return [
        [str(item.number), f"{FLAG_MARK} re-teach" if item.reteach else "", item.question_id,
         str(item.students), *(percent(value) for value in item.recall)]
        for item in forecast.items
    ]


def forecast_heading(forecast: Forecast) -> str:
    when = forecast.at.astimezone().strftime("%Y-%m-%d %H:%M")
    return (f"Forgetting forecast ({when}, {count(forecast.students, 'student')} with cards): "
            "predicted class recall if nobody practises")


def forecast_lines(forecast: Forecast) -> list[str]:
    """The forecast section of the report's table format."""
    if not forecast.students:
        return ["Forgetting forecast: nobody has practised this quiz yet (it comes from the "
                "cards of practice mode)."]
    lines = [forecast_heading(forecast),
             text_table(FORECAST_HEADERS, forecast_cells(forecast), right=FORECAST_NUMBERS)]
    from quizgame.classroom.forecast import RETEACH_BELOW

    reteach = forecast.reteach
    if reteach:
        lines.append(f"{FLAG_MARK} re-teach: below {percent(RETEACH_BELOW)} predicted "
                     "recall in 7 days: "
                     + ", ".join(item.question_id for item in reteach))
    return lines
