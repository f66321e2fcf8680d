"""Where one finished game stands: the player's personal best before it, and their rank on the
saves folder's leaderboard among comparable games (same quiz, same number of questions)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgame.classroom.leaderboard import leaderboards
from quizgame.classroom.merge import collect_games
from quizgame.store.names import player_key


@dataclass(frozen=True, slots=True)
class GameStanding:
    """`best_before`: the player's best score in comparable games before this one (None: none);
    `rank` of `players` on the comparable leaderboard (None when this game is not on it)."""

    best_before: int | None
    rank: int | None
    players: int

    def is_new_best(self, score: int) -> bool:
        return self.best_before is None or score > self.best_before


def game_standing(saves: Path, quiz_id: str, questions: int, player: str, session_id: str) -> GameStanding:
    """The standing of session `session_id` of `player` (read from the saves folder)."""
    games = collect_games([saves]).games
    key = player_key(player)
    comparable = [g for g in games if g.counts and g.quiz_id == quiz_id and g.question_count == questions]
    before = [g.score for g in comparable if g.player_key == key and g.session_id != session_id]
    boards = [b for b in leaderboards(comparable, quiz_id=quiz_id) if b.questions == questions]
    rank = None
    players = 0
    if boards:
        players = len(boards[0].standings)
        rank = next((s.rank for s in boards[0].standings if s.player_key == key), None)
    return GameStanding(max(before, default=None), rank, players)
