"""Points for one answer (docs/scoring.md shows players the same formula).

    speed scoring, timed:  points × credit × (1 − (elapsed / limit) / 2)      (Kahoot's rule)
    otherwise:             points × credit
    hint used:             half of that
    timed out:             0
    streak bonus:          +100 per consecutive fully correct answer after the first, at most +500

Points are rounded to whole numbers (half up) and never negative.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

STREAK_STEP = 100
STREAK_CAP = 500

RULES_IN_WORDS: tuple[str, ...] = (
    "Each question is worth its points (1,000 unless the quiz says otherwise) times your credit: "
    "1 for a right answer; for multi, order and match the part you got right.",
    "Speed quizzes, when timed: points × credit × (1 − (time taken ÷ time limit) ÷ 2), so an "
    "instant answer earns everything and a last-second one half. Accuracy quizzes: points × credit.",
    "A hint halves the points. A question whose time runs out scores 0.",
    f"Streak: +{STREAK_STEP} for each right answer in a row after the first, up to +{STREAK_CAP}; "
    "a miss resets it.",
)
"""The rules above for players: the help screen and plain mode's /help."""


@dataclass(frozen=True, slots=True)
class Scored:
    """Points earned by one answer; `points` includes `streak_bonus`."""

    points: int
    streak_bonus: int


def base_points(
    points: int,
    credit: float,
    *,
    scoring: Literal["speed", "accuracy"],
    elapsed_ms: int,
    time_limit: int,
    hint_used: bool = False,
    timed_out: bool = False,
) -> float:
    """Points before rounding and streak bonus; `time_limit` in seconds, 0 when untimed."""
    if timed_out:
        return 0.0
    earned = points * credit
    if scoring == "speed" and time_limit > 0:
        fraction_used = min(1.0, max(0.0, elapsed_ms / (time_limit * 1000)))
        earned *= 1 - fraction_used / 2
    return earned / 2 if hint_used else earned


def streak_bonus(streak: int) -> int:
    """Bonus for the answer that makes a run of `streak` fully correct answers."""
    return min(STREAK_CAP, STREAK_STEP * max(0, streak - 1))


def score_answer(
    points: int,
    credit: float,
    *,
    scoring: Literal["speed", "accuracy"],
    elapsed_ms: int,
    time_limit: int,
    streak: int,
    streak_on: bool = True,
    hint_used: bool = False,
    timed_out: bool = False,
) -> Scored:
    """Points for one answer; `streak` is the run of fully correct answers including this one."""
    earned = base_points(
        points,
        credit,
        scoring=scoring,
        elapsed_ms=elapsed_ms,
        time_limit=time_limit,
        hint_used=hint_used,
        timed_out=timed_out,
    )
    bonus = streak_bonus(streak) if streak_on and not timed_out else 0
    return Scored(points=_round_half_up(earned) + bonus, streak_bonus=bonus)


def _round_half_up(value: float) -> int:
    # Python's round() rounds half to even (round(2.5) == 2); players expect 2.5 -> 3.
    return max(0, math.floor(value + 0.5))
