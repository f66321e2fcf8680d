"""FSRS scheduling with a fixed clock and no fuzzing: card ids, ratings, intervals, the queue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating, State

from quizgame.engine.records import CardState
from quizgame.engine.scheduling import (
    PracticeQueue,
    card_id,
    introduced_on_day,
    make_scheduler,
    rating_for,
    review,
    to_fsrs,
)

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
SCHEDULER = make_scheduler(enable_fuzzing=False)


def reviewed(card: CardState | None, rating: Rating, at: datetime, question_id: str = "q1") -> CardState:
    return review(SCHEDULER, "quiz", question_id, card, rating, at)


def test_card_id_is_stable_positive_and_distinct():
    assert card_id("nato-2025", "q1") == card_id("nato-2025", "q1")
    assert card_id("nato-2025", "q1") != card_id("nato-2025", "q2")
    assert card_id("a", "b-c") != card_id("a-b", "c")
    assert 0 < card_id("nato-2025", "q1") < 2**63
    # Pinned: changing the derivation would orphan every player's practice history.
    assert card_id("nato-2025", "q1") == 6769129593898172887


@pytest.mark.parametrize(
    ("credit", "hint", "overridden", "timed_out", "rating"),
    [
        (1.0, False, False, False, Rating.Good),
        (1.0, True, False, False, Rating.Hard),
        (1.0, False, True, False, Rating.Hard),
        (0.5, False, False, False, Rating.Hard),
        (0.0, False, False, False, Rating.Again),
        (1.0, False, False, True, Rating.Again),
    ],
)
def test_rating_rule(credit, hint, overridden, timed_out, rating):
    assert rating_for(credit=credit, hint_used=hint, overridden=overridden, timed_out=timed_out) == rating


def test_intervals_grow_on_good():
    card = reviewed(None, Rating.Good, NOW)
    assert card.state == State.Review and card.introduced == NOW and card.reviews == 1
    intervals = []
    at = NOW
    for _ in range(4):
        intervals.append(card.due - at)
        at = card.due
        card = reviewed(card, Rating.Good, at)
    assert all(later > earlier for earlier, later in zip(intervals, intervals[1:]))
    assert intervals[0] >= timedelta(days=1)


def test_a_lapse_goes_to_relearning_and_comes_back_in_minutes():
    card = reviewed(None, Rating.Good, NOW)
    at = card.due
    lapsed = reviewed(card, Rating.Again, at)
    assert lapsed.state == State.Relearning
    assert lapsed.lapses == 1
    assert lapsed.due - at == timedelta(minutes=10)
    relearned = reviewed(lapsed, Rating.Good, lapsed.due)
    assert relearned.state == State.Review and relearned.lapses == 1


def test_a_new_card_answered_wrong_stays_in_learning_for_ten_minutes():
    card = reviewed(None, Rating.Again, NOW)
    assert card.state == State.Learning and card.lapses == 0
    assert card.due == NOW + timedelta(minutes=10)


def test_card_state_converts_to_fsrs_and_accepts_any_utc_tzinfo():
    card = reviewed(None, Rating.Good, NOW)
    restored = CardState.model_validate_json(card.model_dump_json())  # pydantic's own UTC tzinfo
    fsrs_card = to_fsrs(restored)
    assert fsrs_card.due.tzinfo is UTC
    assert reviewed(restored, Rating.Good, card.due) == reviewed(card, Rating.Good, card.due)


def state(question_id: str, due: datetime, introduced: datetime | None = None) -> CardState:
    return CardState(question_id=question_id, card_id=card_id("quiz", question_id), state=2,
                     stability=3.0, difficulty=5.0, due=due, last_review=due - timedelta(days=3),
                     reviews=2, introduced=introduced or due - timedelta(days=10))


def test_queue_due_most_overdue_first_then_new_cards():
    cards = {
        "a": state("a", NOW - timedelta(hours=1)),
        "b": state("b", NOW - timedelta(days=2)),
        "c": state("c", NOW + timedelta(days=1)),
    }
    queue = PracticeQueue(["a", "b", "c", "n1", "n2"], cards, now=NOW, new_limit=10)
    order = []
    while (question_id := queue.next(NOW)) is not None:
        order.append(question_id)
        queue.answered(question_id)
        queue.reviewed(reviewed(queue.card(question_id), Rating.Good, NOW, question_id))
    assert order == ["b", "a", "n1", "n2"]
    assert queue.next_due() == NOW + timedelta(days=1)


def test_new_cards_are_limited_per_day_counting_those_introduced_today():
    cards = {"a": state("a", NOW + timedelta(days=5), introduced=NOW - timedelta(minutes=30)),
             "b": state("b", NOW + timedelta(days=5), introduced=NOW - timedelta(days=3))}
    assert introduced_on_day(cards.values(), NOW) == 1
    queue = PracticeQueue(["a", "b", "n1", "n2", "n3"], cards, now=NOW, new_limit=3)
    assert queue.total(0, NOW) == 2
    assert PracticeQueue(["n1"], {}, now=NOW, new_limit=0).next(NOW) is None


def test_a_card_answered_wrong_comes_back_in_the_same_session():
    queue = PracticeQueue(["x", "y"], {}, now=NOW, new_limit=10)
    seen = []
    clock = NOW
    ratings = {"x": [Rating.Again, Rating.Good], "y": [Rating.Good]}
    while (question_id := queue.next(clock)) is not None:
        seen.append(question_id)
        queue.answered(question_id)
        card = reviewed(queue.card(question_id), ratings[question_id].pop(0), clock, question_id)
        queue.reviewed(card)
        clock += timedelta(seconds=30)
    # x comes back after y although its 10-minute step is not over: learn-ahead of 20 minutes.
    assert seen == ["x", "y", "x"]
    assert queue.next_due() >= NOW + timedelta(days=1)


def test_cards_of_removed_questions_are_ignored():
    queue = PracticeQueue(["a"], {"gone": state("gone", NOW - timedelta(days=1))}, now=NOW)
    assert queue.next(NOW) == "a"


def test_a_card_is_shown_at_most_three_times_in_a_session():
    queue = PracticeQueue(["x"], {}, now=NOW)
    shown = 0
    while (question_id := queue.next(NOW)) is not None:
        shown += 1
        queue.answered(question_id)
        queue.reviewed(reviewed(queue.card(question_id), Rating.Again, NOW, question_id))
    assert shown == 3
    assert queue.next_due() == NOW + timedelta(minutes=10)  # still due soon, next session
