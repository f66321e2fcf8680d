"""Spaced repetition with the `fsrs` package: card ids, the rating rule and the practice queue.

One card per (quiz id, question id); its integer id is derived from both, so a teacher can fix a
question's wording without resetting anyone's history. Rating rule: wrong or timed out -> Again;
partial credit, hint, override or "I guessed" -> Hard; correct -> Good; correct, "I was sure" and
fast (when the quiz or player opts in with `easy_within`) -> Easy.

New cards have one 10-minute learning step: a card answered right graduates at once, one
answered wrong comes back in the same session (the queue shows cards due within a 20-minute
learn-ahead window when nothing else is left, as Anki does), up to three showings per session.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS as FSRS_DEFAULTS

from quizgame.engine.records import AnswerRecord, CardState

DEFAULT_NEW_LIMIT = 10
LEARN_AHEAD = timedelta(minutes=20)
# A card is shown at most this often in one session, so a player who keeps missing it (or keeps
# taking the hint) is not stuck with it: it waits, due, for the next session.
MAX_SHOWINGS = 3
LEARNING_STEPS = (timedelta(minutes=10),)
RELEARNING_STEPS = (timedelta(minutes=10),)

Clock = Callable[[], datetime]
DEFAULT_PARAMETERS: tuple[float, ...] = tuple(FSRS_DEFAULTS)


def utc_now() -> datetime:
    return datetime.now(UTC)


def card_id(quiz_id: str, question_id: str) -> int:
    """A stable positive id below 2**63: the first 8 bytes of SHA-256 of both ids."""
    digest = hashlib.sha256(f"{quiz_id}\x1f{question_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def make_scheduler(
    *, enable_fuzzing: bool = True, parameters: Sequence[float] | None = None
) -> Scheduler:
    """The FSRS scheduler quizgame uses (fuzzing spreads reviews; tests turn it off), with the
    default FSRS-6 parameters or those `quizgame tune` fitted to a class."""
    return Scheduler(
        parameters=DEFAULT_PARAMETERS if parameters is None else tuple(parameters),
        learning_steps=LEARNING_STEPS,
        relearning_steps=RELEARNING_STEPS,
        enable_fuzzing=enable_fuzzing,
    )


def rating_for(
    *,
    credit: float,
    hint_used: bool,
    overridden: bool,
    timed_out: bool,
    sure: bool | None = None,
    fast: bool = False,
) -> Rating:
    """The documented rating rule (an override leaves credit 1 but was not a clean recall; a
    right guess is no proof of memory, as in certainty-based marking). `fast` only counts when
    the player was sure: Easy is never given for speed alone."""
    if timed_out or credit <= 0:
        return Rating.Again
    if credit < 1 or hint_used or overridden or sure is False:
        return Rating.Hard
    if sure and fast:
        return Rating.Easy
    return Rating.Good


def rating_of(answer: AnswerRecord, easy_within_ms: int | None = None) -> Rating:
    """The rating of a recorded answer; Easy needs `easy_within_ms` (the opt-in)."""
    fast = easy_within_ms is not None and answer.elapsed_ms <= easy_within_ms
    return rating_for(
        credit=answer.credit,
        hint_used=answer.hint_used,
        overridden=answer.overridden,
        timed_out=answer.timed_out,
        sure=answer.sure,
        fast=fast,
    )


def retrievability(card: CardState, moment: datetime, parameters: Sequence[float]) -> float:
    """FSRS's predicted probability of recalling `card` at `moment`:

        R = (1 + F * t / S) ** -w20,   F = 0.9 ** (-1 / w20) - 1

    with S the card's stability and t the days since its last review. py-fsrs counts t in whole
    days; here it is fractional, so the two agree at whole days and this one does not jump at
    midnight. 0 for a card never reviewed."""
    if card.stability is None or card.last_review is None:
        return 0.0
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    days = max(0.0, (moment - card.last_review).total_seconds() / 86_400)
    return float((1 + factor * days / card.stability) ** decay)


def _as_utc(moment: datetime) -> datetime:
    # fsrs compares tzinfo with timezone.utc itself; pydantic and tomllib give equivalent others.
    return moment.astimezone(UTC)


def to_fsrs(state: CardState) -> Card:
    return Card(
        card_id=state.card_id,
        state=State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=_as_utc(state.due),
        last_review=_as_utc(state.last_review) if state.last_review else None,
    )


def review(
    scheduler: Scheduler,
    quiz_id: str,
    question_id: str,
    previous: CardState | None,
    rating: Rating,
    now: datetime,
) -> CardState:
    """The card's state after one review (`previous` is None for a new card)."""
    now = _as_utc(now)
    before = previous or CardState(
        question_id=question_id, card_id=card_id(quiz_id, question_id), due=now
    )
    if before.last_review is not None and now < before.last_review:
        # Another game reviewed the card after this answer was given (store.update_card): the
        # review counts as given then, so the card's history never runs backwards.
        now = _as_utc(before.last_review)
    card, _ = scheduler.review_card(to_fsrs(before), rating, review_datetime=now)
    lapsed = before.state == State.Review and rating == Rating.Again
    return CardState(
        question_id=question_id,
        card_id=before.card_id,
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reviews=before.reviews + 1,
        lapses=before.lapses + int(lapsed),
        introduced=before.introduced or now,
    )


@dataclass(frozen=True, slots=True)
class DueCounts:
    """Cards of one quiz due by now, within a day and within a week (each count includes the
    previous ones), and questions never practised."""

    now: int
    day: int
    week: int
    new: int


def due_counts(
    cards: dict[str, CardState], now: datetime, question_ids: Collection[str] | None = None
) -> DueCounts:
    """Count due cards; with `question_ids` (the quiz's questions) only those count, and the
    questions without a card are the new ones."""
    if question_ids is not None:
        cards = {qid: card for qid, card in cards.items() if qid in question_ids}
    dues = [card.due for card in cards.values()]
    return DueCounts(
        now=sum(1 for due in dues if due <= now),
        day=sum(1 for due in dues if due <= now + timedelta(days=1)),
        week=sum(1 for due in dues if due <= now + timedelta(days=7)),
        new=0 if question_ids is None else len(set(question_ids) - cards.keys()),
    )


def review_answer(
    scheduler: Scheduler,
    quiz_id: str,
    answer: AnswerRecord,
    previous: CardState | None,
    *,
    easy_within_ms: int | None = None,
) -> CardState:
    """The card's state after an answer, rated by the documented rule."""
    rating = rating_of(answer, easy_within_ms)
    return review(scheduler, quiz_id, answer.question_id, previous, rating, answer.answered_at)


def introduced_on_day(cards: Iterable[CardState], now: datetime) -> int:
    """How many cards were first reviewed on `now`'s day (the player's local calendar day)."""
    today = now.astimezone().date()
    return sum(1 for card in cards if card.introduced and card.introduced.astimezone().date() == today)


class PracticeQueue:
    """What to practise next: due cards (most overdue first), then new cards, then learn-ahead.

    `question_ids` is the quiz's questions in the order new cards are introduced. Cards of
    questions no longer in the quiz are ignored (their history stays in the saves).
    """

    def __init__(
        self,
        question_ids: Sequence[str],
        cards: dict[str, CardState],
        *,
        now: datetime,
        new_limit: int = DEFAULT_NEW_LIMIT,
        learn_ahead: timedelta = LEARN_AHEAD,
    ) -> None:
        self._rank = {question_id: index for index, question_id in enumerate(question_ids)}
        self._cards = {qid: card for qid, card in cards.items() if qid in self._rank}
        allowance = max(0, new_limit - introduced_on_day(cards.values(), now))
        self._new = [qid for qid in question_ids if qid not in self._cards][:allowance]
        self._learn_ahead = learn_ahead
        self._showings: Counter[str] = Counter()

    def next(self, now: datetime) -> str | None:
        """The question to show now, or None when the session is over."""
        due = self._due_by(now)
        if due:
            return due[0]
        if self._new:
            return self._new[0]
        ahead = self._due_by(now + self._learn_ahead)
        return ahead[0] if ahead else None

    def total(self, answered: int, now: datetime) -> int:
        """Answered plus still to show (an estimate: wrong answers come back)."""
        return answered + len(self._due_by(now + self._learn_ahead)) + len(self._new)

    def answered(self, question_id: str) -> None:
        """Count a showing; the card's next due time arrives with its review (`reviewed`)."""
        self._showings[question_id] += 1

    def reviewed(self, card: CardState) -> None:
        """Record a review: the card leaves the new list and waits for its next due time."""
        if card.question_id in self._new:
            self._new.remove(card.question_id)
        self._cards[card.question_id] = card

    def undone(self, question_id: str, card: CardState | None) -> None:
        """Take back the last review of `question_id`: its showing, and its card as it was
        before (None: it was new, and is again)."""
        self._showings[question_id] -= 1
        if card is None:
            self._cards.pop(question_id, None)
            self._new.insert(0, question_id)
        else:
            self._cards[question_id] = card

    def card(self, question_id: str) -> CardState | None:
        return self._cards.get(question_id)

    def next_due(self) -> datetime | None:
        """When the next known card falls due (None when nothing has been practised)."""
        return min((card.due for card in self._cards.values()), default=None)

    def _due_by(self, moment: datetime) -> list[str]:
        due = [
            (card.due, self._rank[qid], qid)
            for qid, card in self._cards.items()
            if card.due <= moment and self._showings[qid] < MAX_SHOWINGS
        ]
        return [qid for *_, qid in sorted(due)]
