"""Item analysis over small games whose figures are computed by hand in the comments.

The quiz is tests/data/classroom/capitals.toml (q1 choice, q2 multi, q3 text, q4 truefalse with
a deliberately wrong key). Credits of the four players' games:

    player  q1   q2   q3   q4   marks T  score
    P1      1    1    1    0    3        3000
    P2      1    1    0    0    2        2000
    P3      1    0.5  0    1    2.5      2500
    P4      0    0    0    1    1        1000
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgame.classroom.item_analysis import Distractor, analyse
from quizgame.classroom.stats import cronbach_alpha
from quizgame.engine.records import AnswerRecord, Given, SessionRecord
from quizgame.format import load_quiz

DATA = Path(__file__).parent / "data" / "classroom"
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
TYPES = {"q1": "choice", "q2": "multi", "q3": "text", "q4": "truefalse"}


def answer(qid: str, given: Given, credit: float, elapsed_ms: int = 1000,
           **flags: bool) -> AnswerRecord:
    return AnswerRecord(
        question_id=qid, question_type=TYPES.get(qid, "choice"), given=given, correct=credit == 1,
        credit=credit, points=int(1000 * credit), elapsed_ms=elapsed_ms, answered_at=START, **flags,
    )


def game(player: str, score: int, *answers: AnswerRecord,
         quiz_id: str = "capitals") -> SessionRecord:
    return SessionRecord(
        id=f"{player}-1", quiz_id=quiz_id, quiz_title="Capitals", player=player, mode="quiz",
        seed=1, started_at=START, finished_at=START + timedelta(minutes=5),
        question_count=len(answers), score=score, answers=list(answers),
    )


GAMES = [
    game("P1", 3000,
         answer("q1", "Paris", 1, 1000), answer("q2", ["Rome", "Madrid"], 1),
         answer("q3", "ouagadugu", 1, overridden=True), answer("q4", False, 0)),
    game("P2", 2000,
         answer("q1", "Paris", 1, 2000), answer("q2", ["Madrid", "Rome"], 1),
         answer("q3", None, 0, timed_out=True), answer("q4", False, 0)),
    game("P3", 2500,
         answer("q1", "Paris", 1, 3000), answer("q2", ["Rome"], 0.5),
         answer("q3", "Niamey", 0), answer("q4", True, 1)),
    game("P4", 1000,
         answer("q1", "Lyon", 0, 6000), answer("q2", ["Milan"], 0),
         answer("q3", "", 0, hint_used=True), answer("q4", True, 1)),
]


@pytest.fixture(scope="module")
def report():
    return analyse("capitals", GAMES, load_quiz(DATA / "capitals.toml"))


def test_facility_is_the_mean_credit(report) -> None:
    # q1 3/4, q2 (1 + 1 + 0.5 + 0)/4 = 2.5/4, q3 1/4, q4 2/4
    assert [item.facility for item in report.items] == [0.75, 0.625, 0.25, 0.5]
    assert [item.attempts for item in report.items] == [4, 4, 4, 4]


def test_discrimination_correlates_credit_with_the_rest_of_the_quiz(report) -> None:
    # q1: x = 1 1 1 0, rest = T − x = 2 1 1.5 1; x̄ = .75, r̄ = 1.375
    #     Σdx·dr = .25·.625 + .25·(−.375) + .25·.125 + (−.75)(−.375) = .375
    #     Σdx² = .75, Σdr² = .390625 + .140625 + .015625 + .140625 = .6875
    #     r = .375 / √(.75 · .6875) = .522233 → 52.22 %
    # q2: x = 1 1 .5 0, rest = 2 1 2 1; dx = .375 .375 −.125 −.625, dr = .5 −.5 .5 −.5
    #     Σdx·dr = .25, Σdx² = .6875, Σdr² = 1 → r = .25 / √.6875 = .301511
    # q3: x = 1 0 0 0, rest = 2 2 2.5 1; dx = .75 −.25 −.25 −.25, dr = .125 .125 .625 −.875
    #     Σdx·dr = .125, Σdx² = .75, Σdr² = 1.1875 → r = .125 / √.890625 = .132453
    # q4: x = 0 0 1 1, rest = 3 2 1.5 0; dx = −.5 −.5 .5 .5, dr = 1.375 .375 −.125 −1.625
    #     Σdx·dr = −1.75, Σdx² = 1, Σdr² = 4.6875 → r = −1.75 / √4.6875 = −.808290
    expected = [52.2233, 30.1511, 13.2453, -80.8290]
    assert [item.discrimination for item in report.items] == pytest.approx(expected, abs=1e-4)


def test_whole_quiz_figures(report) -> None:
    assert report.players == 4 and report.questions == 4
    # scores 3000 2000 2500 1000: mean 2125; Σ(x − x̄)² = 765625 + 15625 + 140625 + 1265625
    # = 2187500; sample sd = √(2187500 / 3) = 853.913
    assert report.mean_score == 2125
    assert report.sd_score == pytest.approx(853.913, abs=1e-3)
    # marks 3 2 2.5 1: mean 2.125, sd √(2.1875 / 3) = .853913
    assert report.mean_marks == 2.125
    assert report.sd_marks == pytest.approx(0.853913, abs=1e-6)
    # item variances (Σdx² / 3): .75/3, .6875/3, .75/3, 1/3 → Σ = 3.1875/3; Var(T) = 2.1875/3
    # α = 4/3 · (1 − 3.1875 / 2.1875) = −.609524 (the wrong key of q4 drags it below zero)
    assert report.alpha == pytest.approx(-0.609524, abs=1e-6)
    assert report.alpha_items == 4


def test_distractors_count_every_wrong_choice_even_unpicked(report) -> None:
    q1, q2, q3, q4 = report.items
    assert q1.distractors == (Distractor("Lyon", 1), Distractor("Nice", 0), Distractor("Lille", 0))
    assert q2.distractors == (Distractor("Milan", 1), Distractor("Porto", 0))
    assert q3.distractors == () and q4.distractors == ()


def test_time_hints_overrides_and_timeouts(report) -> None:
    q1, _, q3, _ = report.items
    assert q1.mean_time_ms == 3000  # (1000 + 2000 + 3000 + 6000) / 4
    assert (q3.hints, q3.overrides, q3.timeouts) == (1, 1, 1)


def test_flags(report) -> None:
    codes = [[flag.code for flag in item.flags] for item in report.items]
    assert codes == [
        ["unused-distractor", "unused-distractor"],
        ["unused-distractor"],
        [],
        ["negative-discrimination"],
    ]
    assert "check the answer key" in report.items[3].flags[0].message
    assert '"Nice"' in report.items[0].flags[0].message


def test_too_easy_and_too_hard() -> None:
    # Everyone right on q1 (facility 1 > .9), everyone wrong on q3 (0 < .2); neither has spread,
    # so neither has a discrimination index.
    games = [game(p, 0, answer("q1", "Paris", 1), answer("q3", "x", 0)) for p in ("A", "B", "C")]
    report = analyse("capitals", games)
    easy, hard = report.items
    assert [f.code for f in easy.flags] == ["too-easy"] and easy.discrimination is None
    assert [f.code for f in hard.flags] == ["too-hard"] and hard.discrimination is None


def test_without_the_quiz_only_what_the_saves_show(report) -> None:
    bare = analyse("capitals", GAMES)
    assert [item.question_id for item in bare.items] == ["q1", "q2", "q3", "q4"]
    assert [item.facility for item in bare.items] == [item.facility for item in report.items]
    # Wrong picks of a choice question are known without the key; unpicked ones are not.
    assert bare.items[0].distractors == (Distractor("Lyon", 1),)
    assert bare.items[1].distractors == ()
    assert not any(f.code == "unused-distractor" for item in bare.items for f in item.flags)


def test_no_games_gives_an_empty_but_valid_report() -> None:
    report = analyse("capitals", [], load_quiz(DATA / "capitals.toml"))
    assert report.players == 0 and report.mean_score is None and report.alpha is None
    assert [item.attempts for item in report.items] == [0, 0, 0, 0]
    assert all(item.flags == () and item.facility is None for item in report.items)


def test_alpha_of_a_perfect_scale() -> None:
    # Items x players (Guttman pattern): totals 3 2 1 0, Var(T) = 5/3;
    # item variances .75/3, 1/3, .75/3 → Σ = 2.5/3; α = 3/2 · (1 − 2.5/5) = .75
    table = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]
    assert cronbach_alpha(table) == pytest.approx(0.75)


def test_alpha_is_undefined_without_spread_or_items() -> None:
    assert cronbach_alpha([[1, 1], [1, 1]]) is None
    assert cronbach_alpha([[1], [0]]) is None
    assert cronbach_alpha([[1, 0]]) is None
    assert cronbach_alpha([]) is None
    with pytest.raises(ValueError):
        cronbach_alpha([[1, 0], [1]])
