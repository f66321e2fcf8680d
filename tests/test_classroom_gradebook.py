"""Gradebook CSVs over several quizzes: one column per quiz, empty where a player has not played."""

from __future__ import annotations

from datetime import UTC, datetime

from quizgame.classroom.gradebook import gradebook_csv
from quizgame.classroom.leaderboard import Leaderboard, Standing

WHEN = datetime(2025, 3, 5, tzinfo=UTC)


def board(quiz_id: str, title: str, *players: tuple[str, float]) -> Leaderboard:
    standings = [Standing(rank, name, f"{name.lower()}-key", 1000, accuracy, 1, 1000, WHEN)
                 for rank, (name, accuracy) in enumerate(players, start=1)]
    return Leaderboard(quiz_id, title, False, standings)


def test_one_row_per_player_one_column_per_quiz() -> None:
    boards = [board("capitals", "Capitals", ("Zoë", 1.0), ("ana", 0.5)),
              board("rivers", "Rivers", ("Zoë", 0.25)),
              board("rivers-2", "Rivers", ("ana", 2 / 3))]
    assert gradebook_csv(boards, "moodle").splitlines() == [
        "Player,Player key,Capitals,Rivers [rivers],Rivers [rivers-2]",
        "ana,ana-key,50.0,,66.7",
        "Zoë,zoë-key,100.0,25.0,",
    ]
