"""The forgetting forecast (FSRS's retrievability formula over hand-made cards, tuned
parameters, the report's sections and columns) and the sure-and-wrong counts."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Scheduler, State

from fakes import FakeClock
from quizgame.classroom import output
from quizgame.classroom.forecast import HORIZONS_DAYS, forecast
from quizgame.cli import main
from quizgame.engine.records import CardState
from quizgame.engine.scheduling import DEFAULT_PARAMETERS, make_scheduler, retrievability
from quizgame.engine.session import GameSession
from quizgame.format import load_quiz
from quizgame.store import SavesFolder
from quizgame.store.tuned import Evaluation, TunedParameters, save_tuned

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
DATA = Path(__file__).parent / "data" / "classroom"


def card(question_id: str, stability: float, days_ago: float) -> CardState:
    return CardState(question_id=question_id, card_id=1, state=2, stability=stability,
                     difficulty=5.0, due=NOW + timedelta(days=stability),
                     last_review=NOW - timedelta(days=days_ago), reviews=4)


def by_hand(stability: float, days: float, decay: float = DEFAULT_PARAMETERS[20]) -> float:
    """R = (1 + F·t/S)^(−w20) with F = 0.9^(−1/w20) − 1, written out."""
    factor = 0.9 ** (-1 / decay) - 1
    return (1 + factor * days / stability) ** -decay


def test_retrievability_is_fsrs_formula_and_py_fsrs_at_whole_days():
    scheduler = Scheduler()
    for stability, days in [(1.0, 0), (2.5, 1), (10, 10), (40, 3), (0.4, 30)]:
        mine = card("q", stability, days)
        assert retrievability(mine, NOW, DEFAULT_PARAMETERS) == pytest.approx(by_hand(stability, days))
        theirs = Card(state=State.Review, stability=stability, difficulty=5.0,
                      last_review=mine.last_review, due=mine.due)
        assert retrievability(mine, NOW, DEFAULT_PARAMETERS) == pytest.approx(
            scheduler.get_card_retrievability(theirs, NOW))
    assert by_hand(10, 10) == pytest.approx(0.9)  # stability: the days to 90 % recall


def test_forecast_is_the_mean_retrievability_at_each_horizon():
    cards = {"ana": {"q1": card("q1", 10, 2), "q2": card("q2", 0.5, 1)},
             "ben": {"q1": card("q1", 30, 5)},
             "cy": {}}
    result = forecast(cards, ["q1", "q2", "q3"], NOW)
    assert result.students == 2  # cy has no card of the quiz
    q1, q2, q3 = result.items
    for index, days in enumerate(HORIZONS_DAYS):
        assert q1.recall[index] == pytest.approx((by_hand(10, 2 + days) + by_hand(30, 5 + days)) / 2)
        assert q2.recall[index] == pytest.approx(by_hand(0.5, 1 + days))
    assert (q1.students, q2.students, q2.not_practised) == (2, 1, 1)
    assert q3.recall == (None, None, None) and q3.students == 0
    assert q2.reteach and not q1.reteach  # half a day of stability: below 70 % in a week


def test_forecast_uses_each_students_parameters():
    steep = list(DEFAULT_PARAMETERS)
    steep[20] = 0.5
    cards = {"ana": {"q": card("q", 10, 20)}, "ben": {"q": card("q", 10, 20)}}
    result = forecast(cards, ["q"], NOW,
                      parameters_for=lambda key: steep if key == "ana" else DEFAULT_PARAMETERS)
    expected = (by_hand(10, 20, 0.5) + by_hand(10, 20)) / 2
    assert result.items[0].recall[0] == pytest.approx(expected)


def test_output_horizons_agree_with_the_forecast():
    assert output.HORIZONS_DAYS == HORIZONS_DAYS


@pytest.fixture
def practised(tmp_path: Path) -> Path:
    """Three students practise the capitals quiz; two are sure of a wrong capital of France."""
    quiz = load_quiz(DATA / "capitals.toml")
    saves = SavesFolder(tmp_path / "saves")
    for name, first in (("Ana", "Lyon"), ("Ben", "Lyon"), ("Cy", "Paris")):
        clock = FakeClock(NOW - timedelta(days=3))
        session = GameSession.start(quiz, saves.player(name), "practice", seed=1, clock=clock,
                                    monotonic=clock.monotonic,
                                    scheduler=make_scheduler(enable_fuzzing=False))
        missed = False
        while (shown := session.current()) is not None:
            response = right_answer(shown.question)
            if shown.question.id == "q1" and not missed:
                response, missed = first, True
            session.submit(response, elapsed_ms=2000)
            session.rate(True)
            clock.advance(seconds=30)
        session.finish()
    return tmp_path / "saves"


def right_answer(question):  # noqa: ANN001, ANN201
    from test_session import right

    return right(question)


def test_report_shows_sure_and_wrong_and_the_forecast(practised, capsys):
    assert main(["report", "capitals", "--quizzes", str(DATA), "--saves", str(practised)]) == 0
    out = capsys.readouterr().out
    assert "Sure and wrong (answers marked 'I was sure' in practice and mistakes):" in out
    assert "sure and wrong: 2 of " in out and "(a misconception?)" in out
    assert "Forgetting forecast (" in out and "3 students with cards" in out
    assert "In 7 days" in out and "In 30 days" in out


def test_report_csv_and_json_carry_the_new_figures(practised, capsys):
    main(["report", "capitals", "--quizzes", str(DATA), "--saves", str(practised),
          "--format", "csv"])
    rows = {row["question_id"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert int(rows["q1"]["sure_wrong"]) == 2 and int(rows["q1"]["sure"]) >= 3
    assert 0 < float(rows["q1"]["recall_30d_pct"]) < float(rows["q1"]["recall_now_pct"]) <= 100
    main(["report", "capitals", "--quizzes", str(DATA), "--saves", str(practised),
          "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["forecast"]["students"] == 3 and report["forecast"]["horizons_days"] == [0, 7, 30]
    assert {"sure", "sure_wrong", "recall_7d_pct"} <= set(report["items"][0])


def test_the_forecast_follows_tuned_parameters(practised, capsys):
    from quizgame.classroom.forecast import class_forecast

    quiz = load_quiz(DATA / "capitals.toml")
    before, _ = class_forecast([practised], "capitals", quiz, NOW)
    steep = list(DEFAULT_PARAMETERS)
    steep[20] = 0.6
    score = Evaluation(log_loss=0.5, rmse_bins=0.05)
    save_tuned(practised, TunedParameters(quiz_id="capitals", tuned_at=NOW, players=3, reviews=12,
                                          parameters=steep, with_defaults=score, with_tuned=score))
    after, problems = class_forecast([practised], "capitals", quiz, NOW)
    assert problems == []
    assert after.items[0].recall[2] != pytest.approx(before.items[0].recall[2])
