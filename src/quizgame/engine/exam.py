"""Practising for an exam: scheduling so that each card's predicted recall on exam day reaches a
target (0.9 by default).

FSRS alone aims at 90 % recall at each card's due date, whenever that is; an exam asks for it on
one day. Three rules on top of FSRS (docs/practice.md, "Exam date"):

- **Capped due dates.** After a review, a card whose next due date falls on the exam's eve or
  later, and whose predicted recall at the start of exam day is below the target, is due on the
  eve instead (the *last pass*): one more review, close enough to the exam to carry it.
- **The same cap on loading**, for cards scheduled before an exam date was set.
- **New cards on time.** The daily limit of new cards rises when it would not reach every
  question before the eve.

A card due before the eve keeps FSRS's due date: those reviews happen anyway.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from quizgame.engine.records import CardState
from quizgame.engine.scheduling import RELEARNING_STEPS, introduced_on_day, retrievability

DEFAULT_TARGET = 0.9
LAST_PASS = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ExamGoal:
    """An exam on `day` (the player's local calendar day) and the recall wanted then.

    The exam is taken to start at local midnight of that day: recall is predicted for then, the
    earliest moment the exam can be, and the last pass is the day before.
    """

    day: date
    target: float = DEFAULT_TARGET

    def __post_init__(self) -> None:
        if not 0 < self.target < 1:
            raise ValueError(f"the exam target must be between 0 and 1, not {self.target}")

    @property
    def moment(self) -> datetime:
        local = datetime.combine(self.day, time(0)).astimezone()
        return local.astimezone(UTC)

    @property
    def last_pass(self) -> datetime:
        """From when a card reviewed for the last time before the exam is due."""
        return self.moment - LAST_PASS

    def recall(self, card: CardState, parameters: Sequence[float]) -> float:
        """The card's predicted recall at the exam, with no more reviews."""
        return retrievability(card, self.moment, parameters)

    def capped(self, card: CardState, parameters: Sequence[float]) -> CardState:
        """The card, due on the eve of the exam instead when its due date would leave it below
        the target on exam day (unchanged once the exam has begun)."""
        if card.last_review is None or card.last_review >= self.moment:
            return card
        if card.due < self.last_pass or self.recall(card, parameters) >= self.target:
            return card
        # Reviewed on the eve already: come back after a relearning step, still before the exam.
        due = min(card.due, max(self.last_pass, card.last_review + RELEARNING_STEPS[0]))
        return card if due == card.due else card.model_copy(update={"due": due})

    def new_limit(self, base: int, cards: Mapping[str, CardState], unseen: int, now: datetime) -> int:
        """The daily limit of new cards: `base`, or more when `unseen` questions would not all
        be started by the eve at that pace (counting those started today, as the queue does)."""
        days = max(1, math.ceil((self.last_pass - now).total_seconds() / 86_400))
        needed = introduced_on_day(cards.values(), now) + math.ceil(unseen / days)
        return max(base, needed)


@dataclass(frozen=True, slots=True)
class ExamStatus:
    """How the cards of a quiz stand for the exam: what the practice screen shows.

    `ready` cards already reach the target on exam day without another review; `scheduled` ones
    fall due before the exam (do those reviews and they will); `behind` ones will not (only once
    the exam has begun: before, the cap makes them due); `not_started` questions were never
    practised. On track means ready or scheduled.
    """

    goal: ExamGoal
    days_left: int
    ready: int
    scheduled: int
    behind: int
    not_started: int

    @property
    def on_track(self) -> int:
        return self.ready + self.scheduled

    @property
    def total(self) -> int:
        return self.on_track + self.behind + self.not_started

    def summary(self) -> str:
        """One line for the practice screen."""
        when = {0: "today", 1: "tomorrow"}.get(self.days_left, f"in {self.days_left} days")
        return (
            f"Exam {self.goal.day:%Y-%m-%d} ({when}): {self.on_track} of {self.total} cards on "
            f"track for {self.goal.target:.0%} recall ({self.ready} ready, {self.scheduled} due "
            f"before it, {self.not_started} not started"
            + (f", {self.behind} behind)" if self.behind else ")")
        )


def exam_status(
    goal: ExamGoal,
    cards: Mapping[str, CardState],
    question_ids: Collection[str],
    parameters: Sequence[float],
    now: datetime,
) -> ExamStatus:
    """Count the quiz's cards by how they stand for the exam (see `ExamStatus`); the cards are
    capped for the exam first, as the practice queue has them."""
    ready = scheduled = behind = not_started = 0
    for question_id in question_ids:
        card = cards.get(question_id)
        if card is None:
            not_started += 1
        elif goal.recall(card, parameters) >= goal.target:
            ready += 1
        elif goal.capped(card, parameters).due < goal.moment:
            scheduled += 1
        else:
            behind += 1
    days_left = max(0, (goal.day - now.astimezone().date()).days)
    return ExamStatus(goal, days_left, ready, scheduled, behind, not_started)
