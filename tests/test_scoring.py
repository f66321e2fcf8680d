"""The scoring formula of docs/scoring.md."""

from __future__ import annotations

import pytest

from quizgame.engine.scoring import base_points, score_answer, streak_bonus


@pytest.mark.parametrize(
    ("elapsed_ms", "expected"),
    [(0, 1000), (5_000, 875), (10_000, 750), (20_000, 500), (30_000, 500)],
)
def test_speed_scoring_halves_at_the_limit(elapsed_ms, expected):
    # points × credit × (1 − (elapsed / limit) / 2), limit 20 s; late answers never go lower.
    scored = score_answer(1000, 1.0, scoring="speed", elapsed_ms=elapsed_ms, time_limit=20, streak=1)
    assert scored.points == expected


def test_speed_scoring_untimed_is_points_times_credit():
    scored = score_answer(1000, 0.5, scoring="speed", elapsed_ms=99_000, time_limit=0, streak=0)
    assert scored.points == 500


def test_accuracy_scoring_ignores_time():
    scored = score_answer(1000, 2 / 3, scoring="accuracy", elapsed_ms=19_000, time_limit=20, streak=0)
    assert scored.points == 667


def test_partial_credit_and_speed_multiply():
    # 1000 × 1/3 × (1 − 0.25 / 2) = 291.67
    assert score_answer(1000, 1 / 3, scoring="speed", elapsed_ms=5_000, time_limit=20,
                        streak=0).points == 292


def test_hint_halves_the_points():
    assert base_points(1000, 1.0, scoring="speed", elapsed_ms=5_000, time_limit=20,
                       hint_used=True) == 437.5
    scored = score_answer(1000, 1.0, scoring="speed", elapsed_ms=5_000, time_limit=20, streak=1,
                          hint_used=True)
    assert scored.points == 438  # halves round up


def test_timed_out_scores_nothing():
    scored = score_answer(1000, 1.0, scoring="speed", elapsed_ms=21_000, time_limit=20, streak=4,
                          timed_out=True)
    assert scored.points == 0 and scored.streak_bonus == 0


@pytest.mark.parametrize(("streak", "bonus"), [(0, 0), (1, 0), (2, 100), (3, 200), (6, 500), (9, 500)])
def test_streak_bonus_steps_of_100_capped_at_500(streak, bonus):
    assert streak_bonus(streak) == bonus


def test_streak_bonus_is_added_and_reported():
    scored = score_answer(1000, 1.0, scoring="accuracy", elapsed_ms=0, time_limit=0, streak=3)
    assert (scored.points, scored.streak_bonus) == (1200, 200)


def test_streak_off_gives_no_bonus():
    scored = score_answer(1000, 1.0, scoring="accuracy", elapsed_ms=0, time_limit=0, streak=3,
                          streak_on=False)
    assert (scored.points, scored.streak_bonus) == (1000, 0)


def test_zero_point_questions_score_zero():
    assert score_answer(0, 1.0, scoring="speed", elapsed_ms=0, time_limit=10, streak=1).points == 0
