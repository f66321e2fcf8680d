"""One player's standing in each quiz they played: best finished quiz-mode score, cards due.

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
    """A player's record in one quiz: best finished quiz-mode score and practice cards due."""

    best: int | None = None
    due: int = 0
    due_tomorrow: int = 0
    """Cards due within a day (those due now included)."""
    practised: frozenset[str] = frozenset()
    """Question ids with a card (the others are new)."""

    def due_text(self, question_ids: list[str]) -> str:
        """"Practice: 4 due now, 6 by tomorrow, 60 new": the practice cards of one quiz."""
        from quizgame.wording import number

        new = sum(1 for qid in question_ids if qid not in self.practised)
        return (f"Practice: {number(self.due)} due now, {number(self.due_tomorrow)} by tomorrow, "
                f"{number(new)} new")


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
    cards = saves.all_cards(problems)
    counts = {quiz_id: due_counts(quiz_cards, now) for quiz_id, quiz_cards in cards.items()}
    by_quiz = {
        quiz_id: QuizStanding(
            best=best.get(quiz_id),
            due=counts[quiz_id].now if quiz_id in counts else 0,
            due_tomorrow=counts[quiz_id].day if quiz_id in counts else 0,
            practised=frozenset(cards.get(quiz_id, {})),
        )
        for quiz_id in best.keys() | cards.keys()
    }
    return PlayerStandings(by_quiz, tuple(problems))
