"""Every student's reviews and card states of one quiz, merged from saves folders: what the
scheduler tuning (`tuning`) and the forgetting forecast (`forecast`) read.

A review is any answer to a question, in any mode (quiz-mode answers are recall attempts too),
rated by the practice rating rule; undone answers are not reviews. Folders merge as the other
classroom readers do: by player key, each session once (`merge.collect_games`), and a card
found in several folders counts once, its most recently reviewed copy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from quizgame.classroom.merge import collect_games
from quizgame.engine.records import CardState
from quizgame.engine.scheduling import rating_of
from quizgame.errors import QuizgameError
from quizgame.store import SavesFolder


@dataclass(frozen=True, slots=True)
class Review:
    """One answer as FSRS sees it: when, and the rating (1 Again .. 4 Easy)."""

    at: datetime
    rating: int


@dataclass
class Reviews:
    """The quiz's review histories: (player key, question id) -> reviews, oldest first."""

    histories: dict[tuple[str, str], list[Review]] = field(default_factory=dict)
    players: dict[str, str] = field(default_factory=dict)  # key -> display name
    problems: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(reviews) for reviews in self.histories.values())

    def of_player(self, key: str) -> dict[tuple[str, str], list[Review]]:
        return {card: reviews for card, reviews in self.histories.items() if card[0] == key}


def collect_reviews(saves_dirs: Sequence[Path], quiz_id: str) -> Reviews:
    """Every answer to the quiz in the folders, as review histories."""
    collected = collect_games(saves_dirs, quiz_id)
    found: dict[tuple[str, str], list[Review]] = defaultdict(list)
    reviews = Reviews(problems=collected.problems)
    for game in collected.games:
        try:
            record = collected.record(game)
        except QuizgameError as error:
            reviews.problems.append(str(error))
            continue
        reviews.players[game.player_key] = game.player
        for answer in record.answers:
            found[game.player_key, answer.question_id].append(
                Review(answer.answered_at, int(rating_of(answer)))
            )
    reviews.histories = {card: sorted(history, key=lambda r: r.at)
                         for card, history in sorted(found.items())}
    return reviews


@dataclass
class ClassCards:
    """Every student's card states of one quiz: player key -> question id -> card."""

    cards: dict[str, dict[str, CardState]] = field(default_factory=dict)
    players: dict[str, str] = field(default_factory=dict)  # key -> display name
    problems: list[str] = field(default_factory=list)


def collect_cards(saves_dirs: Sequence[Path], quiz_id: str) -> ClassCards:
    """The quiz's cards of every player in the folders, merged by player key."""
    found = ClassCards()
    for root in saves_dirs:
        folder = SavesFolder(root)
        if not folder.root.is_dir():
            found.problems.append(f"{folder.root}: no such saves folder")
            continue
        for info in folder.players(found.problems):
            try:
                cards = folder.player(info.name, create=False).load_cards(quiz_id)
            except QuizgameError as error:
                found.problems.append(str(error))
                continue
            found.players[info.key] = info.name
            mine = found.cards.setdefault(info.key, {})
            for question_id, card in cards.items():
                other = mine.get(question_id)
                if other is None or _reviewed_later(card, other):
                    mine[question_id] = card
    return found


def _reviewed_later(card: CardState, other: CardState) -> bool:
    return (card.last_review or card.due, card.reviews) > (other.last_review or other.due,
                                                           other.reviews)
