"""Leaderboards: one per quiz, one row per player, ranked by their best (or first) game.

A row shows the chosen game's score, accuracy and time (see `games` for which game is chosen),
with the player's number of finished quiz-mode games and when they last finished one. Players whose
chosen games tie on score, accuracy and time share a rank ("1, 2, 2, 4"), listed by name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
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
    unranked = [_standing(player_games, first_attempt=first_attempt)
                for player_games in by_player(games).values()]
    # Merit decides; the name only orders players who share a rank.
    unranked.sort(key=lambda pair: (pair[0].merit, pair[1].player.casefold(), pair[1].player_key))
    standings: list[Standing] = []
    for position, (game, standing) in enumerate(unranked, start=1):
        tied = position > 1 and unranked[position - 2][0].merit == game.merit
        standings.append(replace(standing, rank=standings[-1].rank if tied else position))
    # The title of the most recent game: a teacher's fix to a title shows up at once.
    title = max(games, key=lambda game: game.started_at).quiz_title
    return Leaderboard(quiz_id, title, first_attempt, standings)


def _standing(games: list[Game], *, first_attempt: bool) -> tuple[Game, Standing]:
    """A player's chosen game and their (not yet ranked) standing."""
    game = chosen(games, first_attempt=first_attempt)
    latest = max(games, key=lambda other: other.finished_at or other.started_at)
    standing = Standing(
        rank=0,
        player=latest.player,
        player_key=game.player_key,
        best_score=game.score,
        accuracy=game.accuracy,
        attempts=len(games),
        best_time_ms=game.duration_ms,
        last_played=latest.finished_at or latest.started_at,
    )
    return game, standing
