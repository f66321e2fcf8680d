"""Simulated students for the scheduler's tests and benchmarks.

A student practises through the real `GameSession` (MemoryStore, fake clock) once a day and
does every review the queue offers. Whether they recall a card is drawn from a *true* memory
model: FSRS retrievability under the true parameters, tracked on a shadow card that sees the same
reviews. With the default parameters as the truth, the scheduler's predictions are right; with
other ones (`tune`'s cohort) they are wrong until fitted.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from fsrs import Rating

from fakes import FakeClock, MemoryStore
from quizgame.engine.exam import ExamGoal
from quizgame.engine.records import CardState
from quizgame.engine.scheduling import DEFAULT_PARAMETERS, make_scheduler, retrievability, review
from quizgame.engine.session import GameSession
from quizgame.format.models import Quiz

FIRST_DAY = datetime(2026, 9, 1, 18, 0, tzinfo=UTC)
FIRST_RECALL = 0.6  # chance of knowing a new card's answer at first sight


def flashcards(count: int, quiz_id: str = "sim") -> Quiz:
    """A quiz of `count` true-or-false questions (the answer is always true)."""
    return Quiz.model_validate(
        {
            "quiz": {"id": quiz_id, "title": "Simulated", "shuffle": False},
            "questions": [
                {"id": f"q{n:03}", "type": "truefalse", "prompt": f"Fact {n}?", "answer": True}
                for n in range(count)
            ],
        }
    )


class Memory:
    """A student's true memory: one shadow FSRS card per question, under `parameters`."""

    def __init__(self, parameters: Sequence[float], rng: random.Random) -> None:
        self._scheduler = make_scheduler(enable_fuzzing=False, parameters=parameters)
        self._parameters = parameters
        self._cards: dict[str, CardState] = {}
        self._rng = rng

    def recalls(self, question_id: str, now: datetime) -> bool:
        card = self._cards.get(question_id)
        chance = FIRST_RECALL if card is None else retrievability(card, now, self._parameters)
        return self._rng.random() < chance

    def learnt(self, question_id: str, recalled: bool, now: datetime) -> None:
        rating = Rating.Good if recalled else Rating.Again
        self._cards[question_id] = review(
            self._scheduler, "sim", question_id, self._cards.get(question_id), rating, now
        )


@dataclass(frozen=True)
class Practised:
    """What a student's practice came to."""

    store: MemoryStore
    reviews: int
    cards: dict[str, CardState]


def practise(
    quiz: Quiz,
    *,
    days: int,
    seed: int,
    name: str = "Sim",
    exam: ExamGoal | None = None,
    true_parameters: Sequence[float] = DEFAULT_PARAMETERS,
    scheduler_parameters: Sequence[float] | None = None,
    new_limit: int = 10,
    start: datetime = FIRST_DAY,
) -> Practised:
    """One session a day for `days` days, every card the queue offers answered."""
    rng = random.Random(seed)
    memory = Memory(true_parameters, rng)
    store = MemoryStore(name)
    clock = FakeClock(start)
    scheduler = make_scheduler(enable_fuzzing=False, parameters=scheduler_parameters)
    reviews = 0
    for day in range(days):
        clock.now = start + timedelta(days=day, minutes=rng.randint(-90, 90))
        session = GameSession.start(
            quiz, store, "practice", seed=seed, clock=clock, monotonic=clock.monotonic,
            new_limit=new_limit, scheduler=scheduler, exam=exam,
        )
        while (shown := session.current()) is not None:
            recalled = memory.recalls(shown.question.id, clock.now)
            session.submit(recalled, elapsed_ms=4000)
            memory.learnt(shown.question.id, recalled, clock.now)
            reviews += 1
            clock.advance(seconds=20)
        session.finish()
    return Practised(store, reviews, store.load_cards(quiz.quiz.id))


def exam_readiness(cards: dict[str, CardState], quiz: Quiz, goal: ExamGoal) -> float:
    """The share of the quiz's cards whose predicted recall at the exam reaches the target."""
    ready = sum(
        1 for q in quiz.questions
        if q.id in cards and goal.recall(cards[q.id], DEFAULT_PARAMETERS) >= goal.target
    )
    return ready / len(quiz.questions)


def exam_day(days: int, start: datetime = FIRST_DAY) -> date:
    """The date `days` days after the first practice day: practice runs until its eve."""
    return (start + timedelta(days=days)).date()


def forgetful(parameters: Sequence[float] = DEFAULT_PARAMETERS) -> tuple[float, ...]:
    """A class that forgets faster than FSRS's defaults assume: a third of the initial
    stabilities, slower growth after a recall, and a steeper forgetting curve."""
    true = list(parameters)
    true[0:4] = [w / 3 for w in true[0:4]]
    true[8] -= 0.6
    true[20] = 0.4
    return tuple(true)


def cohort(students: int, quiz: Quiz, *, days: int, seed: int = 0,
           true_parameters: Sequence[float] = DEFAULT_PARAMETERS) -> list[Practised]:
    """`students` students practising the same quiz for `days` days, each with their own luck
    and starting day."""
    return [
        practise(quiz, days=days, seed=seed * 1000 + n, name=f"Student {n:02}",
                 true_parameters=true_parameters, start=FIRST_DAY + timedelta(days=n % 7))
        for n in range(students)
    ]


def write_saves(root, students: Sequence[Practised]) -> None:  # type: ignore[no-untyped-def]
    """Write the students' sessions and cards into a real saves folder."""
    from quizgame.store import SavesFolder

    folder = SavesFolder(root)
    for student in students:
        saves = folder.player(student.store.name)
        for record in student.store.sessions():
            saves.save_session(record)
        for card in student.cards.values():
            saves.save_card(record.quiz_id, card)
