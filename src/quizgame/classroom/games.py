"""Which games count, and which of a player's games speaks for them.

The leaderboard and the teacher report read the same rules from here:

- only **finished quiz-mode and live** games count (practice and mistakes never do, nor
  abandoned games); a live game is a scored game like a solo one, played with the class;
- a player's **best** game has the highest score, then the highest accuracy, then the shortest
  time (then the earliest, so the choice is stable);
- with `first_attempt`, a player's game is their earliest finished quiz-mode game instead.

A `Game` is a session summary: everything the leaderboard needs, without the answers, so that it
comes as well from the store's session summaries (no answers parsed) as from a full `SessionRecord`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from quizgame.engine.accommodation_words import NO_SPEED_POINTS

if TYPE_CHECKING:  # `scores` runs on summaries alone, without loading the record models
    from quizgame.engine.records import Mode, SessionRecord
    from quizgame.store.scans import Summary

SCORED_MODES: frozenset[Mode] = frozenset({"quiz", "live"})


# A NamedTuple, not a dataclass: `scores` starts without dataclasses (and inspect, ~15 ms),
# and a school's 200,000 games take less memory.
class Game(NamedTuple):
    """One session of one player, summarised."""

    session_id: str
    player_key: str
    player: str
    quiz_id: str
    quiz_title: str
    mode: Mode
    started_at: datetime
    finished_at: datetime | None
    score: int
    question_count: int
    answered: int
    correct: int
    duration_ms: int
    marked: int = 0
    """Answers with a claim or an override: every view marks them."""
    accommodations: tuple[str, ...] = ()
    """The player's accommodations in this game, as words (`time=2`, `no-speed-points`)."""

    @classmethod
    def of(cls, record: SessionRecord, player_key: str) -> Game:
        """Summarise a full session record."""
        return cls(
            session_id=record.id,
            player_key=player_key,
            player=record.player,
            quiz_id=record.quiz_id,
            quiz_title=record.quiz_title,
            mode=record.mode,
            started_at=record.started_at,
            finished_at=record.finished_at,
            score=record.score,
            question_count=record.question_count,
            answered=len(record.scored_answers),  # polls are not questions of the score
            correct=record.correct_count,
            duration_ms=record.duration_ms,
            marked=record.marked_count,
            accommodations=tuple(record.accommodations or ()),
        )

    @classmethod
    def of_summary(cls, summary: Summary, player: str, player_key: str) -> Game:
        """From the store's session summary: the same figures, without parsing the answers."""
        # By position, in the fields' order: a school's 200,000 games are made here.
        return cls(summary.id, player_key, player, summary.quiz_id, summary.quiz_title,
                   summary.mode, summary.started_at, summary.finished_at, summary.score,
                   summary.question_count, summary.answered, summary.correct,
                   summary.duration_ms, summary.marked,
                   tuple(summary.accommodations) if summary.accommodations else ())

    @property
    def counts(self) -> bool:
        """Whether this game is on the leaderboard and in the report at all."""
        return self.mode in SCORED_MODES and self.finished_at is not None

    @property
    def accuracy(self) -> float:
        """Fully correct answers / questions (0 for a game without questions).

        A finished game answered every planned question; taking the larger of the two keeps a
        question left unanswered from raising the accuracy.
        """
        questions = max(self.question_count, self.answered)
        return self.correct / questions if questions else 0.0

    @property
    def speed_points(self) -> bool:
        """Whether speed could earn points in this game (not with `no-speed-points`)."""
        return NO_SPEED_POINTS not in self.accommodations

    @property
    def merit(self) -> tuple[int, float, int]:
        """Sort key of a game, best first: score desc, accuracy desc, time asc."""
        return (-self.score, -self.accuracy, self.duration_ms)

    @property
    def completeness(self) -> tuple[bool, int]:
        """Of two copies of one session (synced folders), the larger is the more complete."""
        return (self.finished_at is not None, self.answered)


def by_player(games: Iterable[Game]) -> dict[str, list[Game]]:
    """Counted games grouped by player key, each list oldest first."""
    grouped: dict[str, list[Game]] = defaultdict(list)
    for game in games:
        if game.counts:
            grouped[game.player_key].append(game)
    for player_games in grouped.values():
        player_games.sort(key=lambda game: (game.started_at, game.session_id))
    return dict(grouped)


def chosen(games: list[Game], *, first_attempt: bool) -> Game:
    """The game that speaks for a player (oldest first list): first finished, or best."""
    if first_attempt:
        return games[0]
    return min(games, key=lambda game: (game.merit, game.started_at, game.session_id))


def chosen_per_player(games: Iterable[Game], *, first_attempt: bool) -> list[Game]:
    """One chosen game per player, over counted games only."""
    return [chosen(player_games, first_attempt=first_attempt)
            for player_games in by_player(games).values()]
