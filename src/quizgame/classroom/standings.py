"""One player's standing in each quiz they played: best finished quiz-mode score, cards due now.

The home screen shows it next to each quiz; it reads only the session summaries (no answers)
and the cards, in one pass over the player's saves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quizgame.engine.scheduling import due_counts
from quizgame.store.player import PlayerSaves


@dataclass(frozen=True)
class QuizStanding:
    """A player's record in one quiz: best finished quiz-mode score and practice cards due now."""

    best: int | None = None
    due: int = 0


@dataclass(frozen=True)
class PlayerStandings:
    """A player's standing in every quiz they played, and the save files that could not be read
    (reported, skipped and left untouched)."""

    by_quiz: dict[str, QuizStanding]
    problems: tuple[str, ...] = ()


def player_standings(saves: PlayerSaves, now: datetime) -> PlayerStandings:
    """Best scores from the session summaries (no answers are read) and due cards per quiz."""
    problems: list[str] = []
    best: dict[str, int] = {}
    for summary in saves.summaries(problems):
        if summary.mode == "quiz" and summary.finished:
            best[summary.quiz_id] = max(best.get(summary.quiz_id, 0), summary.score)
    due = {quiz_id: due_counts(cards, now).now for quiz_id, cards in saves.all_cards(problems).items()}
    by_quiz = {
        quiz_id: QuizStanding(best=best.get(quiz_id), due=due.get(quiz_id, 0))
        for quiz_id in best.keys() | due.keys()
    }
    return PlayerStandings(by_quiz, tuple(problems))
