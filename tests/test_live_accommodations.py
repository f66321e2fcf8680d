"""Accommodations in the live game (issue 16): each player's own deadline on the hub's clock,
the teacher's choice of whether the class waits for it, the more-time key (and turning it off:
WCAG's real-time exception), and what is saved. Clocks are numbers moved by the test."""

from __future__ import annotations

import pytest

from live_helpers import RIGHT
from quizgame.engine.accommodations import Accommodations
from quizgame.live.game import HOST, LiveGame, Refused
from quizgame.live.protocol import MoreTime, parse_client
from test_live_game import Game

ROSTER = {"Zoë": ["time=2", "no-speed-points"], "Eli": ["time=untimed"]}


def _class(**settings: object) -> tuple[Game, str, str]:
    g = Game(roster=("Ana", "Zoë", "Eli"), accommodations=ROSTER, **settings)
    return g, g.join("Ana"), g.join("Zoë")


def test_twice_the_time_is_that_players_own_deadline_and_the_class_waits() -> None:
    g, ana, zoe = _class()
    g.do("start")
    [(_, to_zoe)] = [send for send in g.do("extend", 0) if send[0] == zoe]
    assert to_zoe["remaining_ms"] == 60_000  # twice the quiz's 30 s
    sends = g.wait(31)  # the class's time is up; Zoë's is not
    assert g.game.phase == "question"
    assert (HOST, {"type": "waiting", "players": 1}) in sends
    with pytest.raises(Refused, match="Time is up"):
        g.answer(ana, RIGHT["capital"])
    g.wait(19)  # 50 s in: within Zoë's 60
    g.answer(zoe, RIGHT["capital"])
    g.wait(0.5)
    assert g.game.phase == "reveal"
    mine, ana_answer = g.record(zoe).answers[0], g.record(ana).answers[0]
    assert mine.correct and not mine.timed_out and mine.points == 1000  # no speed points
    assert ana_answer.timed_out
    assert g.record(zoe).accommodations == ["time=2", "no-speed-points"]


def test_the_question_closes_at_the_players_own_deadline() -> None:
    g, _ana, zoe = _class()
    g.do("start")
    g.wait(59)
    assert g.game.phase == "question"
    g.wait(1.5)
    assert g.game.phase == "reveal" and g.record(zoe).answers[0].timed_out


def test_untimed_waits_until_the_teacher_reveals() -> None:
    g = Game(roster=("Ana", "Eli"), accommodations=ROSTER)
    g.join("Ana")
    eli = g.join("Eli")
    g.do("start")
    g.wait(600)
    assert g.game.phase == "question"
    g.answer(eli, RIGHT["capital"])
    assert g.game.phase == "question"  # Ana has not answered; her time is up: the tick reveals
    g.wait(0.5)
    assert g.game.phase == "reveal" and g.record(eli).answers[0].correct


def test_without_waiting_everyone_has_the_class_time() -> None:
    g, _ana, zoe = _class(wait_for_more_time=False)
    g.do("start")
    with pytest.raises(Refused, match="turned more time off"):
        g.game.more_time(zoe, 1, g.mono)
    g.wait(31)
    assert g.game.phase == "reveal"
    assert g.record(zoe).accommodations == ["no-speed-points"]  # only what applied


def test_the_more_time_key_ten_times_saved_with_the_answer() -> None:
    g, _ana, zoe = _class()
    g.do("start")
    for press in range(1, 11):
        [(_, told)] = g.game.more_time(zoe, 1, g.mono)
        assert told["remaining_ms"] == (60 + 30 * press) * 1000
    assert told["more_time"] is False
    with pytest.raises(Refused, match="No more time"):
        g.game.more_time(zoe, 1, g.mono)
    g.wait(300)
    g.answer(zoe, RIGHT["capital"])
    g.wait(0.5)
    assert g.record(zoe).answers[0].extra_seconds == 300
    # The next question starts with no extension.
    g.do("next")
    g.do("next")
    g.game.more_time(zoe, 2, g.mono)
    assert g.game.players[zoe].extra_s == 30


def test_the_teacher_can_turn_the_key_off() -> None:
    g, ana, _zoe = _class(more_time_key=False)
    g.do("start")
    [(_, question)] = [send for send in g.game.connect(ana, g.mono) if send[1]["type"] == "question"]
    assert question["more_time"] is False
    with pytest.raises(Refused, match="turned more time off"):
        g.game.more_time(ana, 1, g.mono)


def test_the_question_message_carries_the_players_own_time() -> None:
    g, ana, zoe = _class()
    g.do("start")
    mine = {pid: msg for pid, msg in g.game.connect(zoe, g.mono) if msg["type"] == "question"}
    theirs = {pid: msg for pid, msg in g.game.connect(ana, g.mono) if msg["type"] == "question"}
    assert (mine[zoe]["time_limit"], mine[zoe]["more_time"]) == (60, True)
    assert theirs[ana]["time_limit"] == 30


def test_a_players_own_profile_counts_with_the_roster() -> None:
    g = Game()
    g.game.profile = lambda name: Accommodations(time=1.5) if name == "Ben" else Accommodations()
    ben = g.join("Ben")
    g.do("start")
    assert g.game.clock is not None and g.game.clock.limit_for(g.game.players[ben]) == 45


def test_replaying_the_journal_keeps_deadlines_and_extensions() -> None:
    g, _ana, zoe = _class()
    g.do("start")
    g.game.more_time(zoe, 1, g.mono)
    again = LiveGame.replay(g.game.quiz, g.game.journal_out, g.mono)
    player = again.players[zoe]
    assert player.extra_s == 30 and player.accommodations.time == 2.0
    assert again.clock is not None and again.clock.limit_for(player) == 90


def test_the_more_time_message_parses() -> None:
    assert parse_client('{"type": "more_time", "number": 2}') == MoreTime(type="more_time",
                                                                        number=2)


def test_no_more_time_once_the_players_own_time_is_up() -> None:
    g, _ana, zoe = _class()
    eli = g.join("Eli")  # untimed: the question stays open
    g.do("start")
    g.wait(61)  # past Zoë's 60 s
    assert g.game.phase == "question"
    with pytest.raises(Refused, match="No more time"):
        g.game.more_time(zoe, 1, g.mono)
    with pytest.raises(Refused, match="No more time"):
        g.game.more_time(eli, 1, g.mono)  # untimed: nothing to add to
