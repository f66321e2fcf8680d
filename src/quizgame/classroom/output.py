"""Leaderboards and reports as rows with stable column names, and as csv or json.

The column names are a public interface (gradebooks and spreadsheets read them): they are listed
in docs/classroom.md and docs/teacher-report.md, and only ever gain columns at the end.
Percentages and seconds are rounded to one decimal; datetimes are ISO 8601 in UTC.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # `quizgame scores` starts faster without the quiz format's models
    from quizgame.classroom.forecast import Forecast, QuestionForecast
    from quizgame.classroom.item_analysis import ItemStats, QuizReport
    from quizgame.classroom.leaderboard import Leaderboard, Standing

SCORE_COLUMNS = (
    "quiz_id", "quiz_title", "rank", "player", "player_key", "best_score",
    "accuracy_pct", "attempts", "best_time_s", "last_played", "questions", "marked",
    "accommodations", "ranked_by",
)
ITEM_COLUMNS = (
    "number", "question_id", "question_type", "attempts", "facility_pct", "discrimination_pct",
    "mean_time_s", "hints", "overrides", "timeouts", "distractors", "flags", "prompt",
    "sure", "sure_wrong", "recall_now_pct", "recall_7d_pct", "recall_30d_pct", "claims",
)
# The forecast's horizons (classroom.forecast.HORIZONS_DAYS), kept here so that `scores` need
# not import the engine; tests check the two agree.
HORIZONS_DAYS = (0, 7, 30)
RECALL_COLUMNS = ("recall_now_pct", "recall_7d_pct", "recall_30d_pct")
REPORT_FIELDS = (
    "quiz_id", "quiz_title", "selection", "players", "mean_score", "sd_score", "questions",
    "mean_marks", "sd_marks", "alpha", "alpha_items", "forecast", "accommodations",
)


def pct(fraction: float | None) -> float | None:
    """A fraction as a percentage with one decimal."""
    return None if fraction is None else round(100 * fraction, 1)


def seconds(milliseconds: float | None) -> float | None:
    return None if milliseconds is None else round(milliseconds / 1000, 1)


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def selection(first_attempt: bool) -> str:
    """Which game speaks for each player, as a word for csv/json and a phrase for tables."""
    return "first" if first_attempt else "best"


def standing_row(board: Leaderboard, standing: Standing) -> dict[str, Any]:
    return {
        "quiz_id": board.quiz_id,
        "quiz_title": board.quiz_title,
        "rank": standing.rank,
        "player": standing.player,
        "player_key": standing.player_key,
        "best_score": standing.best_score,
        "accuracy_pct": pct(standing.accuracy),
        "attempts": standing.attempts,
        "best_time_s": seconds(standing.best_time_ms),
        "last_played": iso(standing.last_played),
        "questions": board.questions,
        "marked": standing.marked,
        "accommodations": " ".join(standing.accommodations),
        "ranked_by": board.ranked_by,
    }


def score_rows(boards: Iterable[Leaderboard]) -> list[dict[str, Any]]:
    return [standing_row(board, standing) for board in boards for standing in board.standings]


def item_row(item: ItemStats, forecast: Forecast | None = None) -> dict[str, Any]:
    """An item as csv wants it: distractors and flags folded into one cell each."""
    return {
        **item_fields(item, forecast),
        "distractors": "; ".join(f"{d.choice}={d.picks}" for d in item.distractors),
        "flags": "; ".join(flag.code for flag in item.flags),
    }


def item_fields(item: ItemStats, forecast: Forecast | None = None) -> dict[str, Any]:
    """An item as json wants it: distractors and flags as lists of objects; with the forecast,
    the question's predicted class recall."""
    predicted = _forecast_of(item.question_id, forecast)
    recall = predicted.recall if predicted is not None else (None,) * len(RECALL_COLUMNS)
    return {
        "number": item.number,
        "question_id": item.question_id,
        "question_type": item.question_type,
        "attempts": item.attempts,
        "facility_pct": pct(item.facility),
        "discrimination_pct": rounded(item.discrimination, 1),
        "mean_time_s": seconds(item.mean_time_ms),
        "hints": item.hints,
        "overrides": item.overrides,
        "timeouts": item.timeouts,
        "distractors": [{"choice": d.choice, "picks": d.picks} for d in item.distractors],
        "flags": [{"code": flag.code, "message": flag.message} for flag in item.flags],
        "prompt": item.prompt,
        "sure": item.sure,
        "sure_wrong": item.sure_wrong,
        **{column: pct(value) for column, value in zip(RECALL_COLUMNS, recall)},
        "claims": item.claims,
    }


def _forecast_of(question_id: str, forecast: Forecast | None) -> QuestionForecast | None:
    if forecast is None:
        return None
    return next((item for item in forecast.items if item.question_id == question_id), None)


def report_fields(report: QuizReport) -> dict[str, Any]:
    """The whole report for json: the quiz's figures, then `items`."""
    return {
        "quiz_id": report.quiz_id,
        "quiz_title": report.quiz_title,
        "selection": selection(report.first_attempt),
        "players": report.players,
        "mean_score": rounded(report.mean_score, 1),
        "sd_score": rounded(report.sd_score, 1),
        "questions": report.questions,
        "mean_marks": rounded(report.mean_marks),
        "sd_marks": rounded(report.sd_marks),
        "alpha": rounded(report.alpha, 3),
        "alpha_items": report.alpha_items,
        "items": [item_fields(item, report.forecast) for item in report.items],
        "forecast": None if report.forecast is None else forecast_fields(report.forecast),
        "accommodations": {player: words for player, words in report.accommodations},
    }


def forecast_fields(forecast: Forecast) -> dict[str, Any]:
    """The forecast's own figures for json (each item's recall is in `items`)."""
    return {
        "at": iso(forecast.at),
        "students": forecast.students,
        "horizons_days": list(HORIZONS_DAYS),
        "reteach": [item.question_id for item in forecast.reteach],
    }


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """CSV with a header line; empty cells for missing figures."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return out.getvalue()


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

