"""What a session tells the front-end: feedback after each answer, results at the end.

Everything here is ready to show: answers are already put into words (`describe_answer`), so a
front-end only lays them out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from quizgame.engine.grading import describe_answer, right_answer
from quizgame.engine.records import AnswerRecord, Mode, SessionRecord
from quizgame.format.models import Question, Quiz
from quizgame.format.question_types import is_scored
from quizgame.wording import count

Outcome = Literal["correct", "partial", "incorrect", "timed_out", "unscored"]


def outcome_of(*, correct: bool, credit: float, timed_out: bool, scored: bool = True) -> Outcome:
    """What an answer came to, as front-ends put it into words ("unscored": a poll's)."""
    if not scored:
        return "unscored"
    if timed_out:
        return "timed_out"
    if correct:
        return "correct"
    return "partial" if credit > 0 else "incorrect"


@dataclass(frozen=True, slots=True)
class Feedback:
    """The verdict on one answer, with what the player needs to learn from it.

    `streak` and `score` are the session's totals after this answer; `canonical` is the accepted
    spelling when a typo was forgiven; `can_override` offers "I was right" (wrong text answers);
    `can_rate` offers "I was sure" / "I guessed" (practice and mistakes modes).
    """

    record: AnswerRecord
    correct: bool
    credit: float
    points: int
    streak: int
    score: int
    given: str
    right_answer: str
    explanation: str | None
    source: str | None
    canonical: str | None
    can_override: bool
    right_when_late: bool | None = None
    """Timed out: whether what was entered would have been right (None: nothing readable)."""
    comes_back: datetime | None = None
    """Practice: when this card is due again."""
    scored: bool = True
    split: tuple[tuple[str, int], ...] = ()
    """A poll's votes per choice (every player's latest), when the front-end can count them."""
    can_rate: bool = False

    @property
    def outcome(self) -> Outcome:
        return outcome_of(correct=self.correct, credit=self.credit, timed_out=self.record.timed_out,
                          scored=self.scored)

    @property
    def late_words(self) -> str:
        """For a time-out: that time ran out before Enter, and what the entry would have been."""
        if not self.record.timed_out:
            return ""
        words = "Time ran out before you pressed Enter."
        if self.right_when_late is True:
            return f"{words} What you had entered would have been right, but it earns 0 points."
        if self.right_when_late is False:
            return f"{words} What you had entered would not have been right either."
        return words


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One answered question in the end-of-game review."""

    question_id: str
    prompt: str
    given: str
    right_answer: str
    correct: bool
    credit: float
    points: int
    hint_used: bool
    timed_out: bool
    overridden: bool
    claim: str | None = None
    scored: bool = True
    extra_seconds: int = 0
    """Seconds the player added with the more-time key."""

    @property
    def outcome(self) -> Outcome:
        return outcome_of(correct=self.correct, credit=self.credit, timed_out=self.timed_out,
                          scored=self.scored)


@dataclass(frozen=True, slots=True)
class Results:
    """The end of a session. `total` counts the questions answered; `planned` those planned.

    In practice mode `reviewed` is the number of reviews and `next_due` when the next card falls
    due (None when no card has been practised).
    """

    mode: Mode
    quiz_title: str
    score: int
    correct: int
    total: int
    planned: int
    elapsed_ms: int
    best_streak: int
    rows: tuple[ReviewRow, ...]
    reviewed: int = 0
    next_due: datetime | None = None
    session_id: str = ""
    finished: bool = False
    accommodations: str = ""
    """The player's accommodations in this game in words ("twice the time"), "" when none."""

    @property
    def mistakes(self) -> int:
        """Answers not fully right (what mistakes mode would replay; polls are none)."""
        return sum(1 for row in self.rows if row.scored and not row.correct)


def feedback_for(
    question: Question,
    answer: AnswerRecord,
    *,
    streak: int,
    score: int,
    canonical: str | None,
    can_override: bool,
    right_when_late: bool | None = None,
    comes_back: datetime | None = None,
    split: tuple[tuple[str, int], ...] = (),
    can_rate: bool = False,
) -> Feedback:
    """The feedback on one recorded answer."""
    return Feedback(
        record=answer,
        correct=answer.correct,
        credit=answer.credit,
        points=answer.points,
        streak=streak,
        score=score,
        given=describe_answer(question, answer.given),
        right_answer=right_answer(question),
        explanation=question.explanation,
        source=question.source,
        canonical=canonical,
        can_override=can_override,
        right_when_late=right_when_late,
        comes_back=comes_back,
        scored=is_scored(question.type),
        split=split,
        can_rate=can_rate,
    )


def results_for(quiz: Quiz, record: SessionRecord, next_due: datetime | None) -> Results:
    """A session record summed up, every answer put into words for the review."""
    return Results(
        mode=record.mode,
        quiz_title=record.quiz_title,
        score=record.score,
        correct=record.correct_count,
        total=len(record.scored_answers),
        planned=record.question_count,
        elapsed_ms=record.duration_ms,
        best_streak=record.best_streak,
        rows=tuple(_review_row(quiz.question(answer.question_id), answer) for answer in record.answers),
        reviewed=len(record.answers) if record.mode == "practice" else 0,
        next_due=next_due,
        session_id=record.id,
        finished=record.finished,
        accommodations=record.accommodated.describe() if record.accommodations else "",
    )


def _review_row(question: Question, answer: AnswerRecord) -> ReviewRow:
    return ReviewRow(
        question_id=answer.question_id,
        prompt=question.prompt,
        given=describe_answer(question, answer.given),
        right_answer=right_answer(question),
        correct=answer.correct,
        credit=answer.credit,
        points=answer.points,
        hint_used=answer.hint_used,
        timed_out=answer.timed_out,
        overridden=answer.overridden,
        claim=answer.claim,
        scored=is_scored(question.type),
        extra_seconds=answer.extra_seconds or 0,
    )


def due_in_words(moment: datetime, now: datetime) -> str:
    """When a card falls due, for players: "now", "in 10 minutes (14:05)", "in 3 days (...)"."""
    seconds = (moment - now).total_seconds()
    if seconds <= 0:
        return "now"
    local = moment.astimezone()
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"in {count(minutes, 'minute')} ({local:%H:%M})"
    hours = round(minutes / 60)
    if hours < 48:
        return f"in {count(hours, 'hour')} ({local:%a %H:%M})"
    return f"in {count(round(hours / 24), 'day')} ({local:%a %d %b})"



def nothing_due(title: str, next_due: datetime | None, unseen: int, now: datetime) -> str:
    """Practice with nothing due: when the next card comes, and how many were never seen (each
    front-end adds how to learn more of them)."""
    when = f" Next card due {due_in_words(next_due, now)}." if next_due is not None else ""
    if not unseen:
        return f"Nothing is due in {title}.{when} You have seen every card."
    return (f"Nothing is due in {title}.{when} {count(unseen, 'card')} you have never seen; "
            "today's new cards are done.")
