"""Sure / unsure after an answer: the rating table, what rating does to the card, the saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from fsrs import Rating

from engine_data import cases
from fakes import FakeClock, MemoryStore
from quizgame.engine.errors import NotNowError
from quizgame.engine.records import AnswerRecord
from quizgame.engine.scheduling import make_scheduler, rating_of, review
from test_session import START, right, start, wrong

RATINGS = cases("rating-cases.toml")


@pytest.mark.parametrize("case", RATINGS, ids=[case["name"] for case in RATINGS])
def test_rating_table(case):
    answer = AnswerRecord(
        question_id="q",
        question_type="choice",
        correct=case["credit"] >= 1 and not case.get("timed_out", False),
        credit=case["credit"],
        elapsed_ms=case.get("elapsed_ms", 3000),
        hint_used=case.get("hint_used", False),
        overridden=case.get("overridden", False),
        timed_out=case.get("timed_out", False),
        sure=case.get("sure"),
        answered_at=START,
    )
    easy_within = case.get("easy_within")
    assert rating_of(answer, easy_within * 1000 if easy_within else None) == Rating[case["rating"]]


def test_docs_table_lists_every_rating():
    docs = (Path(__file__).parents[1] / "docs" / "practice.md").read_text()
    for rating in ("Again", "Hard", "Good", "Easy"):
        assert f"| {rating} |" in docs


@pytest.mark.parametrize(("sure", "rating"), [(True, Rating.Good), (False, Rating.Hard)])
def test_rating_a_right_answer_reschedules_its_card(sure, rating):
    store = MemoryStore()
    session = start("practice", store=store)
    shown = session.current()
    feedback = session.submit(right(shown.question), elapsed_ms=2000)
    assert feedback.can_rate
    rated = session.rate(sure)
    assert rated.record.sure is sure and not rated.can_rate
    expected = review(make_scheduler(enable_fuzzing=False), "all-types", shown.question.id,
                      None, rating, START)
    card = store.load_cards("all-types")[shown.question.id]
    assert (card.due, card.stability) == (expected.due, expected.stability)
    assert store.sessions()[-1].answers[-1].sure is sure


def test_sure_and_fast_is_easy_when_the_session_opts_in():
    store = MemoryStore()
    session = start("practice", store=store, easy_within=5)
    shown = session.current()
    session.submit(right(shown.question), elapsed_ms=2000)
    session.rate(True)
    expected = review(make_scheduler(enable_fuzzing=False), "all-types", shown.question.id,
                      None, Rating.Easy, START)
    assert store.load_cards("all-types")[shown.question.id].due == expected.due


def test_sure_and_wrong_is_saved_and_still_again():
    store = MemoryStore()
    session = start("practice", store=store)
    shown = session.current()
    session.submit(wrong(shown.question), elapsed_ms=2000)
    card_after_wrong = store.load_cards("all-types")[shown.question.id]
    session.rate(True)
    assert store.load_cards("all-types")[shown.question.id].due == card_after_wrong.due
    assert store.sessions()[-1].answers[-1].sure is True


def test_mistakes_mode_saves_certainty_without_cards():
    store = MemoryStore()
    clock = FakeClock(START)
    played = start(store=store, clock=clock)
    while (shown := played.current()) is not None:
        played.submit(wrong(shown.question), elapsed_ms=1000)
    played.finish()
    session = start("mistakes", store=store, clock=clock)
    session.submit(right(session.current().question), elapsed_ms=1000)
    session.rate(False)
    assert store.sessions()[-1].answers[-1].sure is False
    assert store.load_cards("all-types") == {}


def test_quiz_mode_and_twice_are_refused():
    session = start()
    session.submit(right(session.current().question), elapsed_ms=1000)
    assert not session.can_rate
    with pytest.raises(NotNowError):
        session.rate(True)
    practice = start("practice")
    with pytest.raises(NotNowError):
        practice.rate(True)  # nothing answered yet
    practice.submit(right(practice.current().question), elapsed_ms=1000)
    practice.rate(True)
    with pytest.raises(NotNowError):
        practice.rate(False)


def test_a_timed_out_answer_cannot_be_rated():
    session = start("practice")
    session.submit(None, timed_out=True)
    assert not session.can_rate


def test_certainty_survives_a_real_save(tmp_path):
    from quizgame.store import SavesFolder

    saves = SavesFolder(tmp_path).player("Zoë")
    clock = FakeClock(START)
    session = start("practice", store=saves, clock=clock)
    session.submit(right(session.current().question), elapsed_ms=1000)
    session.rate(False)
    assert saves.sessions()[-1].answers[-1].sure is False
    assert session.record.answers[-1].question_id in saves.load_cards("all-types")
