"""Continuing an unfinished game and playing rounds (issue 9, observation 5, and rounds)."""

from __future__ import annotations

import pytest

from engine_data import quiz
from fakes import FakeClock, MemoryStore
from quizgame.engine.plans import fixed_plan
from quizgame.engine.scheduling import make_scheduler
from quizgame.engine.session import GameSession
from test_session import START, play_all, right, start, wrong


def resume(store, name="all-types", mode="quiz"):
    record = GameSession.unfinished(quiz(name), store, mode)
    assert record is not None
    clock = FakeClock(START)
    return GameSession.resume(quiz(name), store, record, clock=clock, monotonic=clock.monotonic,
                              scheduler=make_scheduler(enable_fuzzing=False))


def shown_of(session):
    q = session.current()
    return (q.number, q.total, q.question.id, q.options)


def test_a_continued_game_asks_the_same_questions_with_the_same_shuffles_as_one_game():
    store = MemoryStore()
    reference = start(seed=5)
    expected = []
    while reference.current() is not None:
        expected.append(shown_of(reference))
        reference.submit(right(reference.current().question), elapsed_ms=1_000)

    first = start(store=store, seed=5)
    for _ in range(3):
        first.submit(right(first.current().question), elapsed_ms=1_000)
    assert GameSession.unfinished(quiz("all-types"), store, "quiz") is not None

    continued = resume(store)
    assert continued.streak == 3 and continued.score == first.score
    seen = []
    while continued.current() is not None:
        seen.append(shown_of(continued))
        continued.submit(right(continued.current().question), elapsed_ms=1_000)
    assert seen == expected[3:]
    [record] = store.sessions()
    assert record.id == first.record.id and record.finished
    assert [a.question_id for a in record.answers] == [e[2] for e in expected]
    assert record.score == reference.score  # streaks carry on across the break
    assert GameSession.unfinished(quiz("all-types"), store, "quiz") is None


def test_only_the_latest_game_of_that_mode_is_offered():
    store = MemoryStore()
    old = start(store=store, seed=1)
    old.submit(right(old.current().question), elapsed_ms=1_000)
    clock = FakeClock(START)
    clock.advance(hours=1)
    newer = start(store=store, seed=2, clock=clock)
    play_all(newer)
    assert GameSession.unfinished(quiz("all-types"), store, "quiz") is None
    assert GameSession.unfinished(quiz("all-types"), store, "practice") is None


def test_a_game_without_answers_is_not_offered():
    store = MemoryStore()
    start(store=store)
    assert GameSession.unfinished(quiz("all-types"), store, "quiz") is None


def test_a_round_draws_its_questions_by_the_seed_and_counts_them():
    store = MemoryStore()
    session = start(store=store, seed=3, round_size=3)
    assert session.current().total == 3
    play_all(session)
    [record] = store.sessions()
    assert record.finished and record.question_count == 3 == len(record.answers)
    assert len(set(record.planned)) == 3
    again = start(seed=3, round_size=3)
    assert again.record.planned == record.planned
    others = {tuple(start(seed=seed, round_size=3).record.planned) for seed in range(10)}
    assert len(others) > 1


def test_the_quiz_can_set_the_round(tmp_path):
    from engine_data import DATA
    from quizgame.format import load_quiz

    path = tmp_path / "round.toml"
    raw = (DATA / "all-types.toml").read_text(encoding="utf-8").replace("[quiz]\n", "[quiz]\nround = 4\n", 1)
    path.write_text(raw, encoding="utf-8")
    clock = FakeClock(START)
    session = GameSession.start(load_quiz(path), MemoryStore(), seed=1, clock=clock,
                                monotonic=clock.monotonic)
    assert session.current().total == 4


def test_a_round_larger_than_the_bank_plays_every_question():
    assert len(fixed_plan(quiz("all-types"), seed=1, round_size=99).question_ids) == 7


@pytest.mark.parametrize("answered", [1, 6])
def test_a_continued_mistakes_game_keeps_its_plan(answered):
    store = MemoryStore()
    ids = [q.id for q in quiz("all-types").questions]
    play_all(start(store=store), wrong_ids=ids)
    clock = FakeClock(START)
    clock.advance(hours=1)
    mistakes = start("mistakes", store=store, clock=clock)
    planned = list(mistakes.record.planned)
    for _ in range(answered):
        mistakes.submit(wrong(mistakes.current().question), elapsed_ms=1_000)
    continued = resume(store, mode="mistakes")
    assert continued.current().question.id == planned[answered]
