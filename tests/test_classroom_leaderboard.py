"""Leaderboard ranking over game summaries, with the expected order worked out by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

from quizgame.classroom.games import Game
from quizgame.classroom.leaderboard import leaderboards
from quizgame.engine.records import AnswerRecord, SessionRecord

DAY1 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
_ids = count(1)


def game(player: str, day: int, score: int, correct: int, seconds: int, *,
         quiz_id: str = "capitals", mode: str = "quiz", finished: bool = True) -> Game:
    started = DAY1 + timedelta(days=day)
    return Game(
        session_id=f"s{next(_ids)}", player_key=player.lower(), player=player, quiz_id=quiz_id,
        quiz_title=quiz_id.title(), mode=mode, started_at=started,
        finished_at=started + timedelta(minutes=10) if finished else None,
        score=score, question_count=10, answered=10, correct=correct,
        duration_ms=seconds * 1000,
    )


GAMES = [
    game("Ana", 0, 5000, 8, 60),   # Ana's first game
    game("Ana", 2, 5000, 9, 70),   # same score, more accurate: her best game
    game("Ben", 1, 5000, 9, 65),
    game("Dee", 1, 5000, 9, 65),   # exactly Ben's game: they share a rank
    game("Cy", 1, 6000, 7, 90),
    game("Fay", 0, 3000, 5, 50),   # Fay's first game ...
    game("Fay", 3, 7000, 10, 40),  # ... and her best
    game("Eve", 0, 9000, 10, 10, mode="practice"),    # practice never counts
    game("Eve", 1, 9999, 10, 10, finished=False),     # nor an abandoned game
    game("Ana", 0, 100, 1, 30, quiz_id="rivers"),
]


def rows(board) -> list[tuple]:
    return [(s.rank, s.player, s.best_score, s.accuracy, s.attempts, s.best_time_ms // 1000)
            for s in board.standings]


def test_ranked_by_best_score_then_accuracy_then_time() -> None:
    capitals, rivers = leaderboards(GAMES)
    assert (capitals.quiz_id, rivers.quiz_id) == ("capitals", "rivers")
    # Fay 7000 > Cy 6000 > Ben = Dee (5000, 90 %, 65 s) > Ana (5000, 90 %, 70 s)
    assert rows(capitals) == [
        (1, "Fay", 7000, 1.0, 2, 40),
        (2, "Cy", 6000, 0.7, 1, 90),
        (3, "Ben", 5000, 0.9, 1, 65),
        (3, "Dee", 5000, 0.9, 1, 65),
        (5, "Ana", 5000, 0.9, 2, 70),
    ]
    assert rows(rivers) == [(1, "Ana", 100, 0.1, 1, 30)]


def test_first_attempt_ranks_each_players_first_finished_game() -> None:
    (capitals,) = leaderboards(GAMES, quiz_id="capitals", first_attempt=True)
    # Cy 6000 > Ben = Dee (5000, 90 %) > Ana's first (5000, 80 %) > Fay's first (3000)
    assert rows(capitals) == [
        (1, "Cy", 6000, 0.7, 1, 90),
        (2, "Ben", 5000, 0.9, 1, 65),
        (2, "Dee", 5000, 0.9, 1, 65),
        (4, "Ana", 5000, 0.8, 2, 60),
        (5, "Fay", 3000, 0.5, 2, 50),
    ]
    assert capitals.first_attempt


def test_last_played_is_the_latest_finished_game() -> None:
    (capitals,) = leaderboards(GAMES, quiz_id="capitals")
    ana = next(s for s in capitals.standings if s.player == "Ana")
    assert ana.last_played == DAY1 + timedelta(days=2, minutes=10)


def test_no_counted_game_no_leaderboard() -> None:
    assert leaderboards(GAMES, quiz_id="geography") == []
    assert leaderboards([g for g in GAMES if g.player == "Eve"]) == []


def test_game_summary_of_a_session_record() -> None:
    answers = [
        AnswerRecord(question_id=f"q{i}", question_type="truefalse", given=True, correct=i < 3,
                     credit=1.0 if i < 3 else 0.0, elapsed_ms=1500, answered_at=DAY1)
        for i in range(4)
    ]
    record = SessionRecord(id="x", quiz_id="capitals", player="Ana", mode="quiz", seed=1,
                           started_at=DAY1, finished_at=DAY1, question_count=5, score=3000,
                           answers=answers)
    summary = Game.of(record, "ana")
    assert (summary.correct, summary.answered, summary.duration_ms) == (3, 4, 6000)
    assert summary.accuracy == 0.6  # an unanswered planned question counts as not correct
    assert summary.counts


def test_a_board_mixing_speed_and_no_speed_points_ranks_by_accuracy() -> None:
    # Zoë (no speed points) earns 10000 for 8 right; Ana earns 7000 for 9 right with speed.
    zoe = game("Zoë", 0, 10000, 8, 300)._replace(accommodations=("time=2", "no-speed-points"))
    games = [game("Ana", 0, 7000, 9, 60), zoe, game("Ben", 0, 6000, 8, 50)]
    [board] = leaderboards(games)
    assert board.ranked_by == "accuracy"
    assert [(s.rank, s.player) for s in board.standings] == [(1, "Ana"), (2, "Ben"), (2, "Zoë")]
    assert board.standings[2].accommodations == ("time=2", "no-speed-points")


def test_more_time_alone_keeps_the_ranking_by_score() -> None:
    slow = game("Zoë", 0, 8000, 8, 300)._replace(accommodations=("time=2",))
    [board] = leaderboards([game("Ana", 0, 7000, 9, 60), slow])
    assert board.ranked_by == "score" and board.standings[0].player == "Zoë"
