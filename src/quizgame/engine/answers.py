"""The answer record of one graded response: credit, points and streak bonus from the quiz's rules.

`GameSession` (one player at the terminal) and the live hub (a class at once, on the hub's clock)
both build their records here, so a live answer earns exactly what the same answer earns alone.
"""

from __future__ import annotations

from datetime import datetime

from quizgame.engine.accommodations import NONE, Accommodations
from quizgame.engine.graders import Grade
from quizgame.engine.records import AnswerRecord
from quizgame.engine.scoring import Scored, score_answer
from quizgame.format.models import Question, QuizMeta
from quizgame.format.question_types import is_scored


def answer_record(
    question: Question,
    meta: QuizMeta,
    verdict: Grade,
    *,
    elapsed_ms: int,
    time_limit: int,
    timed_out: bool,
    streak_before: int,
    answered_at: datetime,
    hint_used: bool = False,
    overridden: bool = False,
    keeps_score: bool = True,
    accommodations: Accommodations = NONE,
    extra_seconds: int = 0,
) -> AnswerRecord:
    """Score `verdict` (`time_limit` in seconds, 0 untimed; `streak_before` the run so far).

    Without `keeps_score` (practice) the answer is graded but earns no points. `time_limit` is
    the question's own limit, whatever more time the player had (`accommodations`, the
    `extra_seconds` they asked for): speed points are measured against the time everyone had,
    and a player without speed points is scored by the accuracy rule (docs/scoring.md).
    """
    correct = verdict.credit >= 1.0 and not timed_out
    if not is_scored(question.type):  # a poll: no right answer, no points
        verdict, correct = Grade(False, 0.0, given=verdict.given), False
    scored = Scored(0, 0) if not keeps_score else score_answer(
        question.points,
        verdict.credit,
        scoring=accommodations.scoring(meta.scoring),
        elapsed_ms=elapsed_ms,
        time_limit=time_limit,
        streak=streak_before + 1 if correct else 0,
        streak_on=meta.streak,
        hint_used=hint_used,
        timed_out=timed_out,
    )
    return AnswerRecord(
        question_id=question.id,
        question_type=question.type,
        given=verdict.given,
        correct=correct,
        credit=verdict.credit,
        points=scored.points,
        streak_bonus=scored.streak_bonus,
        elapsed_ms=elapsed_ms,
        hint_used=hint_used,
        timed_out=timed_out,
        overridden=overridden,
        extra_seconds=extra_seconds or None,
        answered_at=answered_at,
    )


def not_seen_record(question: Question, at: datetime) -> AnswerRecord:
    """A question the player never saw (live games): no answer, no points, not wrong."""
    return AnswerRecord(
        question_id=question.id,
        question_type=question.type,
        correct=False,
        credit=0.0,
        elapsed_ms=0,
        not_seen=True,
        answered_at=at,
    )
