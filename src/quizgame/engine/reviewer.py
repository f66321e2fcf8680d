"""How an answer becomes a card's next state: the FSRS scheduler (default or class-tuned
parameters), the opt-in Easy rating for sure and fast answers, and an exam goal's caps."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fsrs import Scheduler

from quizgame.engine.exam import ExamGoal
from quizgame.engine.records import AnswerRecord, CardState
from quizgame.engine.scheduling import review_answer


@dataclass(frozen=True, slots=True)
class Reviewer:
    """The rules of one practice session (see docs/practice.md)."""

    scheduler: Scheduler
    easy_within_ms: int | None = None
    exam: ExamGoal | None = None

    def review(self, quiz_id: str, answer: AnswerRecord, previous: CardState | None) -> CardState:
        card = review_answer(
            self.scheduler, quiz_id, answer, previous, easy_within_ms=self.easy_within_ms
        )
        return self.prepared(card)

    def prepared(self, card: CardState) -> CardState:
        """A card as this session schedules it (due on the exam's eve when it must be)."""
        return card if self.exam is None else self.exam.capped(card, self.scheduler.parameters)

    def prepared_all(self, cards: Mapping[str, CardState]) -> dict[str, CardState]:
        return {question_id: self.prepared(card) for question_id, card in cards.items()}
