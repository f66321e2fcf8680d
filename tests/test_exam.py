"""Exam-date scheduling: the cap, the new-card pace, the on-track count, and a simulated student
who reaches the target on exam day without many more reviews than normal practice."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from quizgame.engine.exam import ExamGoal, exam_status
from quizgame.engine.records import CardState
from quizgame.engine.scheduling import DEFAULT_PARAMETERS
from simulated_students import exam_day, exam_readiness, flashcards, practise

GOAL = ExamGoal(date(2026, 10, 1))
EVE = GOAL.moment - timedelta(days=1)


def card(last_review: datetime, stability: float, due: datetime) -> CardState:
    return CardState(question_id="q", card_id=1, state=2, stability=stability, difficulty=5.0,
                     due=due, last_review=last_review, reviews=3)


def test_the_exam_is_at_local_midnight_of_its_day():
    assert GOAL.moment.astimezone().replace(tzinfo=None) == datetime(2026, 10, 1)
    assert GOAL.moment.tzinfo == UTC


def test_a_card_below_target_on_exam_day_is_due_on_the_eve():
    weak = card(GOAL.moment - timedelta(days=10), stability=8, due=GOAL.moment + timedelta(days=5))
    assert GOAL.recall(weak, DEFAULT_PARAMETERS) < 0.9
    assert GOAL.capped(weak, DEFAULT_PARAMETERS).due == EVE


@pytest.mark.parametrize(
    "kept",
    [
        # Strong enough: recall on exam day above 0.9 although due after it.
        card(GOAL.moment - timedelta(days=10), stability=200, due=GOAL.moment + timedelta(days=60)),
        # Due before the eve: that review happens anyway.
        card(GOAL.moment - timedelta(days=20), stability=8, due=EVE - timedelta(days=2)),
        # The exam has begun: nothing to cap any more.
        card(GOAL.moment + timedelta(hours=1), stability=2, due=GOAL.moment + timedelta(days=3)),
    ],
    ids=["ready", "due-before-the-eve", "after-the-exam"],
)
def test_other_cards_keep_their_due_date(kept):
    assert GOAL.capped(kept, DEFAULT_PARAMETERS) is kept


def test_a_card_reviewed_on_the_eve_comes_back_after_ten_minutes():
    moment = EVE + timedelta(hours=18)
    shaky = card(moment, stability=0.2, due=moment + timedelta(days=1))
    assert GOAL.capped(shaky, DEFAULT_PARAMETERS).due == moment + timedelta(minutes=10)


def test_new_cards_come_faster_when_the_daily_limit_would_not_reach_them_all():
    now = GOAL.moment - timedelta(days=6)  # five days before the eve
    assert GOAL.new_limit(10, {}, unseen=100, now=now) == 20
    assert GOAL.new_limit(10, {}, unseen=30, now=now) == 10


def test_exam_status_counts_ready_due_and_not_started():
    ready = card(GOAL.moment - timedelta(days=1), stability=50, due=GOAL.moment + timedelta(days=40))
    due = card(GOAL.moment - timedelta(days=10), stability=3, due=EVE - timedelta(days=5))
    status = exam_status(GOAL, {"a": ready, "b": due}, ["a", "b", "c"], DEFAULT_PARAMETERS,
                         GOAL.moment - timedelta(days=12))
    assert (status.ready, status.scheduled, status.not_started, status.on_track) == (1, 1, 1, 2)
    assert status.summary() == ("Exam 2026-10-01 (in 12 days): 2 of 3 cards on track for 90% "
                                "recall (1 ready, 1 due before it, 1 not started)")


def test_an_exam_target_outside_zero_and_one_is_refused():
    with pytest.raises(ValueError, match="between 0 and 1"):
        ExamGoal(date(2026, 10, 1), 1.5)


@pytest.mark.parametrize(("cards", "days"), [(40, 30), (40, 12), (80, 20)])
@pytest.mark.parametrize("seed", range(3))
def test_a_student_doing_every_review_is_ready_on_exam_day(cards, days, seed):
    quiz = flashcards(cards)
    goal = ExamGoal(exam_day(days))
    normal = practise(quiz, days=days, seed=seed)
    exam = practise(quiz, days=days, seed=seed, exam=goal)
    assert exam_readiness(exam.cards, quiz, goal) >= 0.9
    assert exam.reviews <= 1.5 * normal.reviews


def test_too_many_new_cards_for_the_daily_limit_are_all_started_in_time():
    # Ten new cards a day would leave 20 of 100 unstarted: exam mode starts them all (which
    # costs reviews normal practice never does, so only readiness is compared here).
    quiz = flashcards(100)
    goal = ExamGoal(exam_day(8))
    normal = practise(quiz, days=8, seed=0)
    exam = practise(quiz, days=8, seed=0, exam=goal)
    assert len(normal.cards) == 80 and exam_readiness(normal.cards, quiz, goal) < 0.8
    assert len(exam.cards) == 100 and exam_readiness(exam.cards, quiz, goal) >= 0.9


def test_the_quiz_can_set_the_exam_date():
    from fakes import MemoryStore
    from quizgame.engine.session import GameSession
    from quizgame.format.models import Quiz

    quiz = flashcards(3)
    dated = Quiz.model_validate({**quiz.model_dump(), "quiz": {
        **quiz.quiz.model_dump(exclude_none=True), "exam_date": date(2026, 10, 1),
        "exam_target": 0.95}})
    status = GameSession.start(dated, MemoryStore(), "practice").exam_status()
    assert status is not None and status.goal == ExamGoal(date(2026, 10, 1), 0.95)
    assert GameSession.start(dated, MemoryStore(), "quiz").exam_status() is None


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--exam", "15/01/2027"], "'15/01/2027' is not a date like 2027-01-15"),
        (["--exam-target", "0.95"], "--exam-target needs an exam date"),
        (["--exam", "2027-01-15", "--exam-target", "1.2"], "must be from 0.7 to 0.99"),
    ],
)
def test_play_refuses_a_bad_exam_option(options, message, capsys, tmp_path):
    from quizgame.cli import main

    quiz = "tests/data/engine/all-types.toml"
    with pytest.raises(SystemExit) as stopped:
        status = main(["play", quiz, "--plain", "--player", "Ada", "--mode", "practice",
                       "--saves", str(tmp_path), *options])
        raise SystemExit(status)
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_play_with_an_exam_in_plain_mode(capsys, tmp_path, monkeypatch):
    import io

    from quizgame.cli import main

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    status = main(["play", "tests/data/engine/all-types.toml", "--plain", "--player", "Ada",
                   "--mode", "practice", "--saves", str(tmp_path), "--exam", "2099-01-15"])
    assert status == 0
    assert "Exam 2099-01-15 (in " in capsys.readouterr().out
