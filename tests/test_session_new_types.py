"""The newer types in a whole session: an estimate's partial credit, and a poll that counts for
nothing (no points, no streak change, not among the questions, no card, never replayed)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from engine_data import quiz
from fakes import FakeClock, MemoryStore
from quizgame.classroom.item_analysis import analyse
from quizgame.engine.scheduling import make_scheduler
from quizgame.engine.session import GameSession

START = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
RIGHT = {"pompeii": 79, "everest": "8849 m", "visit": "One day"}


def start(mode: str = "quiz", store: MemoryStore | None = None, **options: object) -> GameSession:
    clock = FakeClock(START)
    return GameSession.start(
        quiz("new-types"), store or MemoryStore(), mode, seed=1, clock=clock,  # type: ignore[arg-type]
        monotonic=clock.monotonic, scheduler=make_scheduler(enable_fuzzing=False), **options,
    )


def play(session: GameSession, responses: dict[str, object]) -> list:
    feedback = []
    while (shown := session.current()) is not None:
        feedback.append(session.submit(responses[shown.question.id], elapsed_ms=1000))  # type: ignore[arg-type]
    return feedback


def test_a_poll_earns_nothing_and_keeps_the_streak() -> None:
    session = start()
    pompeii, everest, visit = play(session, RIGHT)
    assert (pompeii.streak, everest.streak) == (1, 2)
    assert visit.outcome == "unscored" and visit.points == 0 and visit.streak == 2
    assert visit.given == "One day" and not visit.can_override
    results = session.finish()
    assert (results.correct, results.total, results.planned, results.best_streak) == (2, 2, 2, 2)
    assert [row.outcome for row in results.rows] == ["correct", "correct", "unscored"]


def test_an_estimate_gets_the_credit_of_the_documented_line() -> None:
    session = start()
    feedback = play(session, {**RIGHT, "pompeii": 129})
    assert feedback[0].outcome == "partial" and feedback[0].credit == pytest.approx(0.55)
    assert feedback[0].right_answer == "79 (full credit within ± 5)"


def test_the_split_of_a_poll_is_shown_after_voting() -> None:
    votes = {"Yes, soon": 3, "One day": 1}
    session = start(poll_votes=lambda quiz_id, question_id: votes)
    *_, visit = play(session, RIGHT)
    assert visit.split == (("Yes, soon", 3), ("One day", 1), ("No, thanks", 0))


def test_a_poll_is_never_scheduled_nor_replayed() -> None:
    store = MemoryStore()
    play(start(store=store), {**RIGHT, "pompeii": 300})  # the estimate missed, the poll "wrong"
    mistakes = start("mistakes", store=store)
    assert [shown.question.id for shown in [mistakes.current()]] == ["pompeii"]
    practice = start("practice", store=store, new_limit=10)
    asked = []
    while (shown := practice.current()) is not None:
        asked.append(shown.question.id)
        practice.submit(RIGHT[shown.question.id])  # type: ignore[arg-type]
    assert sorted(asked) == ["everest", "pompeii"]
    assert set(store.load_cards("new-types")) == {"everest", "pompeii"}


def test_a_poll_is_left_out_of_the_item_analysis() -> None:
    store = MemoryStore()
    session = start(store=store)
    play(session, RIGHT)
    session.finish()
    report = analyse("new-types", store.sessions("new-types"), quiz("new-types"))
    assert [item.question_id for item in report.items] == ["pompeii", "everest"]
    assert report.questions == 2 and report.mean_marks == 2.0


def test_a_poll_vote_must_be_one_of_its_choices() -> None:
    from quizgame.engine.errors import AnswerFormatError

    session = start()
    session.submit(79)
    session.submit(8849)
    with pytest.raises(AnswerFormatError):
        session.submit("Maybe")
    assert len(session.record.answers) == 2 and session.record.answers[-1].question_id == "everest"



def test_a_poll_does_not_lower_the_accuracy_on_the_leaderboard() -> None:
    from quizgame.classroom.games import Game
    from quizgame.store.models import SessionSummary

    store = MemoryStore()
    session = start(store=store)
    play(session, RIGHT)
    session.finish()
    [record] = store.sessions("new-types")
    assert Game.of(record, "ada").accuracy == 1.0
    summary = SessionSummary.of(record)
    assert (summary.answered, summary.correct, summary.question_count) == (2, 2, 2)
    assert Game.of_summary(summary, "Ada", "ada").accuracy == 1.0
