"""One player's progress: scores over their quiz games, and practice reviews per day.

Scores come from finished quiz-mode games (the ones that count on the leaderboard), one series per
quiz, oldest first. A review is a practice-mode answer; days are calendar days in the time zone
the caller passes (the player's local one in the TUI, UTC by default).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from quizgame.classroom.games import Game
from quizgame.engine.records import SessionRecord

DEFAULT_DAYS = 30


@dataclass(frozen=True, slots=True)
class ScoreSeries:
    """A player's finished quiz-mode games of one quiz, oldest first."""

    quiz_id: str
    quiz_title: str
    games: list[Game]


@dataclass(frozen=True, slots=True)
class Progress:
    """What the progress view draws."""

    series: list[ScoreSeries]
    reviews_per_day: list[tuple[date, int]]

    @property
    def reviews(self) -> int:
        return sum(count for _, count in self.reviews_per_day)


def score_series(records: Iterable[SessionRecord]) -> list[ScoreSeries]:
    """Finished quiz-mode games by quiz (quizzes by id), each oldest first."""
    per_quiz: dict[str, list[Game]] = {}
    for record in records:
        game = Game.of(record, player_key="")
        if game.counts:
            per_quiz.setdefault(game.quiz_id, []).append(game)
    series = []
    for quiz_id in sorted(per_quiz):
        games = sorted(per_quiz[quiz_id], key=lambda game: game.started_at)
        series.append(ScoreSeries(quiz_id, games[-1].quiz_title, games))
    return series


def reviews_per_day(
    records: Iterable[SessionRecord],
    *,
    today: date,
    days: int = DEFAULT_DAYS,
    tz: tzinfo = UTC,
) -> list[tuple[date, int]]:
    """Practice answers per day, every day (zeros included) from the first review to `today`,
    at most the last `days` days; empty when the player never practised in that window."""
    counts = Counter(
        answer.answered_at.astimezone(tz).date()
        for record in records
        if record.mode == "practice"
        for answer in record.answers
    )
    first_day = max(min(counts, default=today), today - timedelta(days=days - 1))
    window = [first_day + timedelta(days=n) for n in range((today - first_day).days + 1)]
    if not any(counts[day] for day in window):
        return []
    return [(day, counts[day]) for day in window]


def progress(
    records: list[SessionRecord], *, now: datetime, tz: tzinfo = UTC,
    days: int = DEFAULT_DAYS,
) -> Progress:
    """Scores by quiz and reviews per day up to `now` (in `tz`)."""
    return Progress(
        series=score_series(records),
        reviews_per_day=reviews_per_day(records, today=now.astimezone(tz).date(), days=days, tz=tz),
    )
