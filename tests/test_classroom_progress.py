"""A player's progress: score series per quiz and practice reviews per day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from quizgame.classroom.progress import progress, reviews_per_day, score_series
from quizgame.engine.records import AnswerRecord, SessionRecord

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def session(sid: str, quiz_id: str, mode: str, started: datetime, score: int = 0, *,
            answered_at: list[datetime] = (), finished: bool = True) -> SessionRecord:
    answers = [AnswerRecord(question_id=f"q{n}", question_type="truefalse", given=True,
                            correct=True, credit=1.0, elapsed_ms=1000, answered_at=moment)
               for n, moment in enumerate(answered_at)]
    return SessionRecord(id=sid, quiz_id=quiz_id, quiz_title=quiz_id.title(), player="Ana",
                         mode=mode, seed=1, started_at=started,
                         finished_at=started + timedelta(minutes=5) if finished else None,
                         score=score, answers=answers)


RECORDS = [
    session("b", "capitals", "quiz", NOW - timedelta(days=2), 3000),
    session("a", "capitals", "quiz", NOW - timedelta(days=5), 2000),
    session("c", "rivers", "quiz", NOW - timedelta(days=1), 900),
    session("d", "capitals", "quiz", NOW - timedelta(hours=1), 9999, finished=False),
    session("e", "capitals", "practice", NOW - timedelta(days=3), 500,
            answered_at=[NOW - timedelta(days=3), NOW - timedelta(days=3, minutes=-5)]),
    session("f", "rivers", "practice", NOW - timedelta(hours=2), finished=False,
            answered_at=[NOW - timedelta(hours=2)]),
]


def test_scores_per_quiz_oldest_first_finished_quiz_games_only() -> None:
    series = score_series(RECORDS)
    assert [(s.quiz_id, [g.score for g in s.games]) for s in series] == [
        ("capitals", [2000, 3000]), ("rivers", [900]),
    ]


def test_reviews_per_day_fill_the_days_between_with_zeros() -> None:
    days = reviews_per_day(RECORDS, today=NOW.date())
    # Practice answers: two on March 7, one on March 10 (an unfinished practice counts too).
    assert days == [(date(2025, 3, 7), 2), (date(2025, 3, 8), 0), (date(2025, 3, 9), 0),
                    (date(2025, 3, 10), 1)]


def test_reviews_per_day_in_the_players_time_zone() -> None:
    late = [session("g", "capitals", "practice", NOW, answered_at=[datetime(2025, 3, 9, 23, 30,
                                                                            tzinfo=UTC)])]
    assert reviews_per_day(late, today=date(2025, 3, 9)) == [(date(2025, 3, 9), 1)]
    east = timezone(timedelta(hours=2))  # 23:30 UTC is already the 10th there
    assert reviews_per_day(late, today=date(2025, 3, 10), tz=east) == [(date(2025, 3, 10), 1)]


def test_reviews_window_is_the_last_days_only() -> None:
    old = [session("h", "capitals", "practice", NOW, answered_at=[NOW - timedelta(days=60)])]
    assert reviews_per_day(old, today=NOW.date(), days=30) == []
    assert len(reviews_per_day(RECORDS, today=NOW.date(), days=2)) == 2


def test_progress_bundles_both() -> None:
    figures = progress(RECORDS, now=NOW)
    assert figures.reviews == 3 and len(figures.series) == 2
