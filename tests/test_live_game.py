"""LiveGame without a network: the teacher's controls, the hub clock, pacing and the grace period.

The clocks are plain numbers moved by the test, so every time rule is exact.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from live_helpers import QUIZ, RIGHT
from quizgame.format.loader import load_quiz
from quizgame.live.game import HOST, LiveGame, Refused, Settings

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Game:
    """A LiveGame and the two clocks it is given."""

    def __init__(self, **settings: object) -> None:
        self.game = LiveGame.new(load_quiz(QUIZ), Settings(**settings), START)  # type: ignore[arg-type]
        self.mono = 100.0

    @property
    def now(self) -> datetime:
        return START + timedelta(seconds=self.mono - 100.0)

    def wait(self, seconds: float) -> list:
        self.mono += seconds
        return self.game.tick(self.now, self.mono)

    def do(self, name: str, *args: object) -> list:
        method = getattr(self.game, name)
        if name in ("pause", "resume", "lock", "kick", "extend", "assign_team"):
            return method(*args, self.mono)
        return method(*args, self.now, self.mono)

    def join(self, name: str) -> str:
        player_id, _ = self.game.join(name, self.game.code, self.now, self.mono)
        return player_id

    def answer(self, player_id: str, raw: str) -> list:
        return self.game.answer(player_id, self.game.index + 1, raw, self.now, self.mono)

    def record(self, player_id: str):  # type: ignore[no-untyped-def]
        return self.game.players[player_id].record


def test_pauses_do_not_count_and_extra_time_widens_the_speed_scale() -> None:
    g = Game()
    ana, ben = g.join("Ana"), g.join("Ben")
    g.do("start")
    g.wait(4)
    g.do("pause")
    with pytest.raises(Refused, match="paused"):
        g.answer(ana, RIGHT["capital"])
    g.wait(100)  # long past the 30 s limit, but paused
    g.do("resume")
    g.do("extend", 15)
    g.wait(1)
    g.answer(ana, RIGHT["capital"])
    g.wait(40)  # 45 s used of 45: time is up for Ben, and the question is revealed
    assert g.game.phase == "reveal"
    first, missed = g.record(ana).answers[0], g.record(ben).answers[0]
    assert first.elapsed_ms == 5000 and first.correct
    assert first.points == round(1000 * (1 - 5 / 45 / 2))
    assert missed.timed_out and missed.points == 0 and not missed.not_seen


def test_a_late_answer_is_refused_and_one_answer_per_question() -> None:
    g = Game()
    ana, _ = g.join("Ana"), g.join("Ben")
    g.do("start")
    g.answer(ana, "Quito")
    with pytest.raises(Refused) as again:
        g.answer(ana, "Lima")
    assert again.value.code == "already-answered"
    with pytest.raises(Refused) as unreadable:
        g.game.answer("p2", 1, "Atlantis", g.now, g.mono)
    assert unreadable.value.code == "bad-answer" and "1 to 4" in unreadable.value.message


def test_skip_saves_not_seen_for_everyone_and_keeps_streaks() -> None:
    g = Game()
    ana = g.join("Ana")
    g.do("start")
    g.answer(ana, RIGHT["capital"])  # the only player: revealed at once
    g.do("next")
    g.do("next")
    g.do("skip")
    assert g.game.index == 2 and g.game.phase == "question"
    skipped = g.record(ana).answers[1]
    assert skipped.not_seen and skipped.points == 0
    assert g.game.players[ana].streak == 1


def test_a_game_ended_early_counts_the_questions_asked_not_the_quiz() -> None:
    g = Game()
    ana, ben = g.join("Ana"), g.join("Ben")
    g.do("start")
    g.answer(ana, RIGHT["capital"])
    g.answer(ben, RIGHT["capital"])
    g.do("next")
    g.do("next")
    g.answer(ana, RIGHT["river"])  # Ben never answers: the teacher ends during question 2
    g.do("end")
    assert g.game.phase == "podium"
    for player in (ana, ben):
        assert g.record(player).question_count == 2
        assert g.record(player).finished_at is not None
    assert [a.correct for a in g.record(ana).answers] == [True, True]


def test_a_game_ended_in_the_lobby_asked_nothing() -> None:
    g = Game()
    ana = g.join("Ana")
    g.do("end")
    assert g.record(ana).question_count == 0


def test_auto_pace_moves_on_by_itself_and_all_pace_is_untimed() -> None:
    g = Game(pace="auto", auto_delay_s=5.0)
    ana = g.join("Ana")
    g.do("start")
    g.answer(ana, RIGHT["capital"])
    assert g.game.phase == "reveal"
    g.wait(5)
    assert g.game.phase == "standings"
    g.wait(5)
    assert (g.game.phase, g.game.index) == ("question", 1)
    untimed = Game(pace="all")
    untimed.join("Ana")
    untimed.do("start")
    assert untimed.wait(3600) == [] and untimed.game.phase == "question"


def test_after_the_grace_period_a_rejoin_waits_for_the_teacher() -> None:
    g = Game(grace_s=60.0)
    ana = g.join("Ana")
    player = g.game.players[ana]
    g.game.disconnect(ana, g.mono)
    g.wait(30)
    assert any(target == ana for target, _ in g.game.rejoin(player, g.mono))
    g.game.disconnect(ana, g.mono)
    g.wait(61)
    asked = g.game.rejoin(player, g.mono)
    assert asked == [(HOST, {"type": "rejoin_request", "name": "Ana"})]
    g.game.allow("Ana")
    assert any(target == ana for target, _ in g.game.rejoin(player, g.mono))


def test_kicked_names_stay_out_and_a_locked_lobby_admits_nobody() -> None:
    g = Game(teams=2)
    ana, ben, cy = g.join("Ana"), g.join("Ben"), g.join("Cy")
    assert [g.game.players[p].team for p in (ana, ben, cy)] == ["Red", "Blue", "Red"]
    g.do("kick", "ana")
    with pytest.raises(Refused) as again:
        g.join("Ana")
    assert again.value.code == "name-taken"
    with pytest.raises(Refused) as kicked:
        g.game.find_rejoin(name="Ana", rejoin=g.game.players[ana].rejoin, code=g.game.code)
    assert kicked.value.code == "kicked"
    g.do("lock", True)
    with pytest.raises(Refused) as locked:
        g.join("Dee")
    assert locked.value.code == "locked"
    g.do("assign_team", "Ben", "Red")
    assert g.game.players[ben].team == "Red"


def test_replaying_the_journal_gives_the_same_game() -> None:
    g = Game()
    ana, ben = g.join("Ana"), g.join("Ben")
    g.do("start")
    g.wait(2)
    g.answer(ana, RIGHT["capital"])
    g.answer(ben, "Quito")
    g.do("next")
    g.do("next")
    g.answer(ana, "nile")
    again = LiveGame.replay(g.game.quiz, g.game.journal_out, 500.0)
    assert (again.phase, again.index) == ("question", 1)
    for player_id in (ana, ben):
        assert again.players[player_id].record == g.record(player_id)
        assert again.players[player_id].pending == g.game.players[player_id].pending
