"""Accommodations and adjustable time in the engine: more time, untimed, no speed points, the
more-time key (WCAG 2.2.1) and its warning, and what is saved of them."""

from __future__ import annotations

import pytest

from fakes import FakeClock, MemoryStore
from quizgame.engine.accommodations import (
    AccommodationError,
    Accommodations,
    time_factor,
    warning_seconds,
)
from quizgame.engine.claims import rescore
from quizgame.engine.errors import NotNowError
from quizgame.engine.records import SessionRecord
from test_session import START, right, start

TWICE = Accommodations(time=2.0)
UNTIMED = Accommodations(time=None)
NO_SPEED = Accommodations(speed_points=False)


def test_twice_the_time_is_exactly_twice_the_limit() -> None:
    session = start(accommodations=TWICE)
    shown = session.current()
    assert shown is not None
    assert session.quiz.time_limit_for(shown.question) == 20
    assert shown.time_limit == 40
    assert session.record.accommodations == ["time=2"]


def test_twice_the_time_is_not_timed_out_until_twice_the_limit() -> None:
    clock = FakeClock(START)
    session = start(accommodations=TWICE, clock=clock)
    shown = session.current()
    assert shown is not None
    clock.seconds += 40  # exactly twice the 20 s limit: still in time
    assert not session.submit(right(shown.question)).record.timed_out
    shown = session.current()
    assert shown is not None
    clock.seconds += 40.001
    assert session.submit(right(shown.question)).record.timed_out


def test_one_and_a_half_rounds_up_to_a_whole_second() -> None:
    assert Accommodations(time=1.5).limit(15) == 23
    assert Accommodations(time=1.5).limit(20) == 30
    assert TWICE.limit(0) == 0  # an untimed question stays untimed


def test_untimed_never_times_out() -> None:
    clock = FakeClock(START)
    session = start(accommodations=UNTIMED, clock=clock)
    shown = session.current()
    assert shown is not None
    assert shown.time_limit == 0
    assert session.time_left() is None
    clock.seconds += 10 * 24 * 3600  # ten days on one question
    feedback = session.submit(right(shown.question))
    assert not feedback.record.timed_out and feedback.correct


def test_untimed_with_speed_points_earns_what_the_quiz_limit_gives() -> None:
    # No more points for more time: speed is measured against the time everyone had.
    session = start(accommodations=UNTIMED)
    shown = session.current()
    assert shown is not None
    points = session.submit(right(shown.question), elapsed_ms=60_000).points
    assert points == 500  # past the quiz's 20 s: half, as at the last second


def test_no_speed_points_scores_by_accuracy() -> None:
    fast, slow = start(), start(accommodations=NO_SPEED)
    for session, elapsed in ((fast, 10_000), (slow, 10_000)):
        shown = session.current()
        assert shown is not None
        session.submit(right(shown.question), elapsed_ms=elapsed)
    assert fast.score == 750  # 1000 × (1 − (10/20)/2)
    assert slow.score == 1000  # 1000 × credit: time does not count
    assert slow.record.accommodations == ["no-speed-points"]


def test_more_time_works_ten_times_and_is_saved() -> None:
    clock = FakeClock(START)
    store = MemoryStore()
    session = start(clock=clock, store=store)
    shown = session.current()
    assert shown is not None
    for press in range(1, 11):
        assert session.more_time() == 20 + 30 * press
    assert not session.can_have_more_time
    with pytest.raises(NotNowError, match="10 times"):
        session.more_time()
    clock.seconds += 300  # 5 minutes: within the 20 + 300 s now allowed
    feedback = session.submit(right(shown.question))
    assert not feedback.record.timed_out
    assert feedback.record.extra_seconds == 300
    saved = store.sessions()[0].answers[0]
    assert saved.extra_seconds == 300
    assert "extra_seconds" not in store.sessions()[0].answers[0].model_dump(exclude_none=True) \
        or saved.extra_seconds
    # The next question starts with its own time again.
    assert session.current() is not None and session.time_limit == 20 and session.can_have_more_time


def test_more_time_is_measured_from_the_quiz_limit_for_points() -> None:
    session = start()
    shown = session.current()
    assert shown is not None
    session.more_time()
    points = session.submit(right(shown.question), elapsed_ms=10_000).points
    assert points == 750  # as without the extra 30 s: more time earns no more points


def test_more_time_once_the_time_is_up_is_refused() -> None:
    # As in the game, where the answer is then submitted: the warning came before.
    clock = FakeClock(START)
    session = start(clock=clock)
    assert session.current() is not None
    clock.seconds += 21
    assert not session.can_have_more_time
    with pytest.raises(NotNowError, match="Time is up"):
        session.more_time()


def test_more_time_on_an_untimed_question_says_so() -> None:
    session = start("practice")
    assert session.current() is not None
    with pytest.raises(NotNowError, match="no time limit"):
        session.more_time()


def test_the_warning_follows_the_extension() -> None:
    clock = FakeClock(START)
    session = start(clock=clock)
    assert session.current() is not None
    assert session.warning_seconds == 13  # a 20 s question warns with 13 s left (2/3)
    clock.seconds += 15
    assert session.time_left() == 5
    session.more_time()
    assert session.time_left() == 35


@pytest.mark.parametrize(("limit", "warns_at"), [
    (120, 20), (30, 20), (29, 19), (20, 13), (15, 10), (10, 6), (3, 2), (1, 1), (0, 0),
])
def test_warning_seconds(limit: int, warns_at: int) -> None:
    assert warning_seconds(limit) == warns_at


def test_the_profile_is_the_default_and_a_continued_game_keeps_its_own() -> None:
    store = MemoryStore()
    store.profile = TWICE
    session = start(store=store)
    shown = session.current()
    assert shown is not None and shown.time_limit == 40
    session.submit(right(shown.question), elapsed_ms=1000)
    store.profile = Accommodations()  # changed since: the game goes on as it began
    left = session.unfinished(session.quiz, store, "quiz")
    assert left is not None
    resumed = type(session).resume(session.quiz, store, left, clock=FakeClock(START).__call__)
    shown = resumed.current()
    assert shown is not None and shown.time_limit == 40


def test_an_accepted_claim_is_rescored_without_speed_points() -> None:
    session = start(accommodations=NO_SPEED)
    shown = session.current()
    assert shown is not None
    session.submit(right(shown.question), elapsed_ms=15_000)
    record = session.record.model_copy(deep=True)
    record.score = 0
    rescore(session.quiz, record)
    assert record.score == 1000


@pytest.mark.parametrize(("words", "expected"), [
    ([], Accommodations()),
    (["time=2"], TWICE),
    (["time=1.5", "no-speed-points"], Accommodations(1.5, False)),
    (["time=untimed"], UNTIMED),
    (["untimed"], UNTIMED),
    (["TIME=2x"], TWICE),
    (["time=1"], Accommodations()),
    (["no-speed-points", "speed-points"], Accommodations()),
])
def test_words(words: list[str], expected: Accommodations) -> None:
    assert Accommodations.parse(words) == expected
    assert Accommodations.parse(expected.words) == expected


@pytest.mark.parametrize("word", ["time=3", "time=", "tme=2", "no-speed", "fast"])
def test_words_that_are_not_accommodations(word: str) -> None:
    with pytest.raises(AccommodationError, match="not a"):
        Accommodations.parse([word])


def test_time_factor_names_the_choices() -> None:
    with pytest.raises(AccommodationError, match="1, 1.5, 2, untimed"):
        time_factor("double")


def test_merged_takes_the_more_generous() -> None:
    assert TWICE.merged(NO_SPEED) == Accommodations(2.0, False)
    assert TWICE.merged(UNTIMED) == UNTIMED
    assert Accommodations(1.5).merged(TWICE).time == 2.0


def test_describe() -> None:
    assert Accommodations(2.0, False).describe() == "twice the time, no speed points"
    assert Accommodations(1.5).describe() == "1.5 times the time"
    assert UNTIMED.describe() == "untimed"
    assert Accommodations().describe() == "none"


def test_a_save_with_an_unknown_accommodation_is_refused() -> None:
    with pytest.raises(ValueError, match="not a time allowance"):
        SessionRecord.model_validate({
            "id": "x", "quiz_id": "q", "player": "Ada", "mode": "quiz", "seed": 1,
            "started_at": START, "accommodations": ["time=9"],
        })
