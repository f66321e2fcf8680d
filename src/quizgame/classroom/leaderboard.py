"""Leaderboards: one per quiz and game length, one row per player, ranked by their best (or
first) game.

Games of different lengths never share a board: a round of 10 questions drawn from a bank of 70
(`round = 10`) is ranked only against other 10-question games of that quiz, never by raw points
against a 70-question game (docs/classroom.md).

A row shows the chosen game's score, accuracy and time (see `games` for which game is chosen),
with the player's number of finished quiz-mode games and when they last finished one. Players whose
chosen games tie on score, accuracy and time share a rank ("1, 2, 2, 4"), listed by name.

Fair to accommodations (docs/accommodations.md): a board where some chosen games were scored
without speed points (`no-speed-points`) and others with them cannot compare their points (the
accuracy rule never loses points to time), so it ranks by accuracy alone, the one figure no
accommodation changes; equal accuracy shares a rank. `ranked_by` says which. More time never
changes points (speed is measured against the quiz's own limit), so it needs no such rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Literal, NamedTuple

from quizgame.classroom.games import Game, by_player, chosen
from quizgame.wording import count


# A NamedTuple, not a dataclass: `scores` starts without dataclasses (and inspect, ~15 ms).
class Standing(NamedTuple):
    """One player's line on a quiz's leaderboard."""

    rank: int
    player: str
    player_key: str
    best_score: int
    accuracy: float
    attempts: int
    best_time_ms: int
    last_played: datetime
    marked: int = 0
    """Answers of the chosen game with a claim or an override (marked in every view)."""
    accommodations: tuple[str, ...] = ()
    """The accommodations that applied to the chosen game, as words."""


class Leaderboard(NamedTuple):
    """The ranked standings of one quiz's games of one length."""

    quiz_id: str
    quiz_title: str
    first_attempt: bool
    standings: list[Standing]
    questions: int = 0
    """How many questions each game on this board planned."""
    ranked_by: Literal["score", "accuracy"] = "score"
    """`accuracy` when games with and without speed points share the board (see above)."""

    @property
    def key(self) -> str:
        """Names this board among the boards of every quiz and length."""
        return f"{self.quiz_id}/{self.questions}"

    @property
    def title(self) -> str:
        """The quiz's title and the length of its games: "Capitals, 10 questions"."""
        return f"{self.quiz_title or self.quiz_id}, {count(self.questions, 'question')}"


def leaderboards(
    games: Iterable[Game], *, quiz_id: str | None = None, first_attempt: bool = False
) -> list[Leaderboard]:
    """A leaderboard per quiz and game length with counted games (or only `quiz_id`'s), sorted
    by quiz id, the longest games first."""
    per_board: dict[tuple[str, int], list[Game]] = defaultdict(list)
    for game in games:
        if game.counts and (quiz_id is None or game.quiz_id == quiz_id):
            per_board[game.quiz_id, game.question_count].append(game)
    return [
        _leaderboard(qid, size, per_board[qid, size], first_attempt=first_attempt)
        for qid, size in sorted(per_board, key=lambda board: (board[0], -board[1]))
    ]


def _leaderboard(quiz_id: str, size: int, games: list[Game], *, first_attempt: bool) -> Leaderboard:
    unranked = [_standing(player_games, first_attempt=first_attempt)
                for player_games in by_player(games).values()]
    # Merit decides; the name only orders players who share a rank.
    by_accuracy = len({game.speed_points for game, _ in unranked}) > 1

    def merit(game: Game) -> tuple[float, ...]:
        return (-game.accuracy,) if by_accuracy else game.merit

    unranked.sort(key=lambda pair: (merit(pair[0]), pair[1].player.casefold(), pair[1].player_key))
    standings: list[Standing] = []
    for position, (game, standing) in enumerate(unranked, start=1):
        tied = position > 1 and merit(unranked[position - 2][0]) == merit(game)
        standings.append(standing._replace(rank=standings[-1].rank if tied else position))
    # The title of the most recent game: a teacher's fix to a title shows up at once.
    title = max(games, key=lambda game: game.started_at).quiz_title
    return Leaderboard(quiz_id, title, first_attempt, standings, size,
                       "accuracy" if by_accuracy else "score")


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
        marked=game.marked,
        accommodations=game.accommodations,
    )
    return game, standing
