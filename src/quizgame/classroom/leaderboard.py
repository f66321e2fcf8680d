"""Leaderboards: one per quiz, one row per player, ranked by their best (or first) game.

A row shows the chosen game's score, accuracy and time (see `games` for which game is chosen),
with the player's number of finished quiz-mode games and when they last finished one. Players whose
chosen games tie on score, accuracy and time share a rank ("1, 2, 2, 4"), listed by name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from quizgame.classroom.games import Game, by_player, chosen


@dataclass(frozen=True, slots=True)
class Standing:
    """One player's line on a quiz's leaderboard."""

    rank: int
    player: str
    player_key: str
    best_score: int
    accuracy: float
    attempts: int
    best_time_ms: int
    last_played: datetime


@dataclass(frozen=True, slots=True)
class Leaderboard:
    """The ranked standings of one quiz."""

    quiz_id: str
    quiz_title: str
    first_attempt: bool
    standings: list[Standing]


def leaderboards(
    games: Iterable[Game], *, quiz_id: str | None = None, first_attempt: bool = False
) -> list[Leaderboard]:
    """A leaderboard per quiz with counted games (or only `quiz_id`'s), sorted by quiz id."""
    per_quiz: dict[str, list[Game]] = defaultdict(list)
    for game in games:
        if game.counts and (quiz_id is None or game.quiz_id == quiz_id):
            per_quiz[game.quiz_id].append(game)
    return [
        _leaderboard(qid, per_quiz[qid], first_attempt=first_attempt) for qid in sorted(per_quiz)
    ]


def _leaderboard(quiz_id: str, games: list[Game], *, first_attempt: bool) -> Leaderboard:
    players = by_player(games)
    entries = []
    for player_games in players.values():
        best = chosen(player_games, first_attempt=first_attempt)
        latest = max(player_games, key=lambda game: game.finished_at or game.started_at)
        entries.append((best, latest, len(player_games)))
    # Merit first; the name only orders players who share a rank.
    entries.sort(key=lambda entry: (entry[0].merit, entry[1].player.casefold(), entry[0].player_key))

    standings: list[Standing] = []
    for position, (best, latest, attempts) in enumerate(entries, start=1):
        tied = standings and entries[position - 2][0].merit == best.merit
        standings.append(
            Standing(
                rank=standings[-1].rank if tied else position,
                player=latest.player,
                player_key=best.player_key,
                best_score=best.score,
                accuracy=best.accuracy,
                attempts=attempts,
                best_time_ms=best.duration_ms,
                last_played=latest.finished_at or latest.started_at,
            )
        )
    # The title of the most recent game: a teacher's fix to a title shows up at once.
    title = max(games, key=lambda game: game.started_at).quiz_title
    return Leaderboard(quiz_id, title, first_attempt, standings)
