"""Undo of the last practice answer within 10 seconds: card, queue, score and the undone log."""

from __future__ import annotations

import pytest

from fakes import FakeClock, MemoryStore
from quizgame.engine.errors import NotNowError
from quizgame.engine.session import UNDO_SECONDS
from test_session import START, right, start, wrong


def test_undo_a_new_cards_first_answer_forgets_the_card_and_asks_again():
    store, clock = MemoryStore(), FakeClock(START)
    session = start("practice", store=store, clock=clock)
    shown = session.current()
    session.submit(wrong(shown.question), elapsed_ms=1000)
    clock.advance(seconds=UNDO_SECONDS)
    assert session.can_undo
    again = session.undo()
    assert again is shown and session.current() is shown
    assert store.load_cards("all-types") == {}
    saved = store.sessions()[-1]
    assert saved.answers == []
    assert [(a.question_id, a.undone_at) for a in saved.undone] == [
        (shown.question.id, START.replace(second=UNDO_SECONDS))
    ]
    session.submit(right(shown.question), elapsed_ms=1000)
    assert [a.correct for a in store.sessions()[-1].answers] == [True]


def test_undo_restores_a_reviewed_cards_previous_state():
    store, clock = MemoryStore(), FakeClock(START)
    first = start("practice", store=store, clock=clock)
    while (shown := first.current()) is not None:
        first.submit(right(shown.question), elapsed_ms=1000)
    first.finish()
    before = store.load_cards("all-types")
    clock.advance(days=30)
    session = start("practice", store=store, clock=clock)
    shown = session.current()
    session.submit(wrong(shown.question), elapsed_ms=1000)
    assert store.load_cards("all-types")[shown.question.id] != before[shown.question.id]
    session.undo()
    assert store.load_cards("all-types") == before


def test_undo_gives_back_points_and_streak_in_mistakes_mode():
    store, clock = MemoryStore(), FakeClock(START)
    played = start(store=store, clock=clock)
    while (shown := played.current()) is not None:
        played.submit(wrong(shown.question), elapsed_ms=1000)
    played.finish()
    session = start("mistakes", store=store, clock=clock)
    shown = session.current()
    session.submit(right(shown.question), elapsed_ms=1000)
    assert session.score > 0 and session.streak == 1
    session.undo()
    assert (session.score, session.streak, session.current()) == (0, 0, shown)
    assert session.record.question_count == session.current().total


def test_undo_is_refused_after_ten_seconds_twice_and_in_quiz_mode():
    clock = FakeClock(START)
    session = start("practice", clock=clock)
    session.submit(right(session.current().question), elapsed_ms=1000)
    clock.advance(seconds=UNDO_SECONDS + 0.5)
    assert not session.can_undo
    with pytest.raises(NotNowError):
        session.undo()
    session.submit(right(session.current().question), elapsed_ms=1000)
    session.undo()
    with pytest.raises(NotNowError):
        session.undo()  # only the last answer
    quiz_mode = start()
    quiz_mode.submit(right(quiz_mode.current().question), elapsed_ms=1000)
    assert not quiz_mode.can_undo


def test_the_undone_log_survives_a_real_save(tmp_path):
    from quizgame.store import SavesFolder

    saves = SavesFolder(tmp_path).player("Zoë")
    session = start("practice", store=saves)
    shown = session.current()
    session.submit(right(shown.question), elapsed_ms=1000)
    session.rate(True)
    session.undo()
    assert shown.question.id not in saves.load_cards("all-types")
    saved = saves.sessions()[-1]
    assert (saved.answers, [a.sure for a in saved.undone]) == ([], [True])
    assert saves.summaries()[-1].answered == 0
