"""Which questions a session asks, per mode: the quiz, the last game's mistakes, or practice.

A plan answers "what next?" for `GameSession`. Quiz and mistakes modes follow a fixed list in
seeded order; practice mode follows the spaced-repetition queue (`scheduling.PracticeQueue`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from quizgame.engine.errors import NothingToPlayError
from quizgame.engine.ports import PlayerStore
from quizgame.engine.presentation import ordered_questions, rng
from quizgame.engine.records import CardState, Mode, SessionRecord
from quizgame.engine.reviewer import Reviewer
from quizgame.engine.scheduling import PracticeQueue
from quizgame.format.models import Quiz
from quizgame.format.question_types import is_scored


class Plan(Protocol):
    """The questions of a session, one at a time."""

    def next(self, now: datetime) -> str | None:
        """Id of the question to show now; None when the session is over."""
        ...

    def total(self, answered: int, now: datetime) -> int:
        """How many questions the session has (answered ones included)."""
        ...

    def answered(self, question_id: str) -> None:
        """The question shown was answered."""
        ...

    def undone(self, question_id: str, card: CardState | None) -> None:
        """The last answer, to `question_id`, was taken back; `card` is its card before it."""
        ...

    def card(self, question_id: str) -> CardState | None:
        """The question's card before this review (practice only)."""
        ...

    def reviewed(self, card: CardState) -> None:
        """A card's new state after a review (practice only)."""
        ...

    def next_due(self) -> datetime | None:
        """When the next card falls due (practice only)."""
        ...


class FixedPlan:
    """A list of questions asked once each, in order; `done` of them already answered (a game
    being continued)."""

    def __init__(self, question_ids: list[str], done: int = 0) -> None:
        self._ids = question_ids
        self._done = done

    @property
    def question_ids(self) -> list[str]:
        return list(self._ids)

    def next(self, now: datetime) -> str | None:
        return self._ids[self._done] if self._done < len(self._ids) else None

    def total(self, answered: int, now: datetime) -> int:
        return len(self._ids)

    def answered(self, question_id: str) -> None:
        self._done += 1

    def undone(self, question_id: str, card: CardState | None) -> None:
        self._done -= 1

    def card(self, question_id: str) -> CardState | None:
        return None

    def reviewed(self, card: CardState) -> None:
        """Fixed plans do not schedule cards."""

    def next_due(self) -> datetime | None:
        return None


def plan_for(
    mode: Mode,
    quiz: Quiz,
    store: PlayerStore,
    *,
    seed: int,
    now: datetime,
    new_limit: int,
    round_size: int | None = None,
    reviewer: Reviewer | None = None,
    problems: list[str] | None = None,
) -> Plan:
    """The plan of a session in this mode (raises `NothingToPlayError` for empty mistakes).
    `round_size` (quiz mode) draws that many questions; None takes the quiz's `round`. Save
    files that cannot be read are described in `problems` and skipped."""
    if mode == "practice":
        return practice_plan(quiz, store, seed=seed, now=now, new_limit=new_limit,
                             reviewer=reviewer)
    if mode == "mistakes":
        return mistakes_plan(quiz, store, seed=seed, problems=problems)
    return fixed_plan(quiz, seed=seed, round_size=round_size or quiz.quiz.round)


def fixed_plan(quiz: Quiz, *, seed: int, round_size: int | None = None) -> FixedPlan:
    """Quiz mode: every question (or a round of `round_size` drawn by the seed), shuffled when
    the quiz says so (a round keeps the quiz's order otherwise)."""
    questions = list(quiz.questions)
    if round_size is not None and round_size < len(questions):
        drawn = set(rng(seed, "round").sample(range(len(questions)), round_size))
        questions = [question for index, question in enumerate(questions) if index in drawn]
    ordered = ordered_questions(questions, seed=seed, shuffle=quiz.quiz.shuffle)
    return FixedPlan([question.id for question in ordered])


def continued_plan(quiz: Quiz, record: SessionRecord) -> FixedPlan:
    """The plan of an unfinished quiz or mistakes game, to continue it where it was left: its
    planned questions that the quiz still has, those answered first."""
    answered = [answer.question_id for answer in record.answers]
    planned = record.planned or fixed_plan(quiz, seed=record.seed).question_ids
    known = {question.id for question in quiz.questions}
    rest = [qid for qid in planned if qid in known and qid not in set(answered)]
    return FixedPlan(answered + rest, done=len(answered))


def mistakes_plan(
    quiz: Quiz, store: PlayerStore, *, seed: int, problems: list[str] | None = None
) -> FixedPlan:
    """Mistakes mode: the questions missed in the player's last quiz-mode game of this quiz."""
    title = quiz.quiz.title
    last = store.latest_session(quiz.quiz.id, "quiz", problems)
    if last is None:
        raise NothingToPlayError(
            f"{store.name} has not played {title!r} in quiz mode yet; mistakes mode replays "
            "the questions missed in the last game."
        )
    missed = {answer.question_id for answer in last.scored_answers if not answer.correct}
    questions = [q for q in quiz.questions if q.id in missed]
    if not questions:
        raise NothingToPlayError(
            f"No mistakes to replay: {store.name} got every question answered right in the last "
            f"game of {title!r} ({last.started_at:%Y-%m-%d %H:%M} UTC)."
        )
    ordered = ordered_questions(questions, seed=seed, shuffle=quiz.quiz.shuffle)
    return FixedPlan([question.id for question in ordered])


def practice_plan(
    quiz: Quiz,
    store: PlayerStore,
    *,
    seed: int,
    now: datetime,
    new_limit: int,
    reviewer: Reviewer | None = None,
) -> PracticeQueue:
    """Practice mode: due cards, then new ones (introduced in seeded order) up to the limit;
    for an exam, cards capped before it and the limit raised to start every card in time."""
    # A poll has nothing to remember: it never gets a card.
    scored = [question for question in quiz.questions if is_scored(question.type)]
    questions = ordered_questions(scored, seed=seed, shuffle=quiz.quiz.shuffle)
    ids = [question.id for question in questions]
    cards = store.load_cards(quiz.quiz.id)
    if reviewer is not None and reviewer.exam is not None:
        cards = reviewer.prepared_all(cards)
        unseen = sum(1 for question_id in ids if question_id not in cards)
        new_limit = reviewer.exam.new_limit(new_limit, cards, unseen, now)
    return PracticeQueue(ids, cards, now=now, new_limit=new_limit)
