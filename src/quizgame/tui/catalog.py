"""What the home screen lists: the quizzes in the quizzes folder (broken ones included, with the
checker's messages) and, for one player, their best score and cards due in each quiz.

No Textual here: the home screen runs these in a worker thread and only lays out the result.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame.errors import QuizLoadError

if TYPE_CHECKING:
    from quizgame.format.models import Quiz
    from quizgame.store.player import PlayerSaves


@dataclass(frozen=True)
class QuizEntry:
    """One quiz file: the quiz when it loads, else the problems that stop it."""

    path: Path
    quiz: Quiz | None
    problems: tuple[str, ...] = ()
    note: str = ""
    """Said next to the quiz: say, that it replaces a quiz of the same id further down."""

    @property
    def broken(self) -> bool:
        return self.quiz is None

    @property
    def title(self) -> str:
        return self.quiz.quiz.title if self.quiz is not None else self.path.name

    @property
    def quiz_id(self) -> str | None:
        return self.quiz.quiz.id if self.quiz is not None else None


@dataclass(frozen=True)
class Standing:
    """A player's record in one quiz: best finished quiz-mode score and practice cards due now."""

    best: int | None = None
    due: int = 0
    due_tomorrow: int = 0
    """Cards due within a day (those due now included)."""
    practised: frozenset[str] = frozenset()
    """Question ids with a card (the others are new)."""

    def due_text(self, question_ids: list[str]) -> str:
        """"4 due now, 6 by tomorrow, 60 new": the practice cards of one quiz."""
        from quizgame.wording import number

        new = sum(1 for qid in question_ids if qid not in self.practised)
        return (f"Practice: {number(self.due)} due now, {number(self.due_tomorrow)} by tomorrow, "
                f"{number(new)} new")


@dataclass(frozen=True)
class PlayerStandings:
    """A player's standing in every quiz they played, and the save files that could not be read
    (reported, skipped and left untouched)."""

    by_quiz: dict[str, Standing]
    problems: tuple[str, ...] = ()


def scan_quizzes(
    folders: Sequence[Path], also: Path | None = None, loaded: Quiz | None = None
) -> list[QuizEntry]:
    """Every `*.toml` in the folders (each folder sorted by file name), then `also` (a quiz named
    on the command line, already `loaded`) when it is not one of them. A quiz id met again in a
    later folder is left out: the earlier one wins, with a note. A file that fails to load is
    listed with the loader's messages (file name, line, what is wrong), never raised."""
    from quizgame.format.checker import quiz_files

    paths = [path for folder in folders if folder.is_dir() for path in quiz_files([folder])]
    if also is not None and not any(path.resolve() == also.resolve() for path in paths):
        paths.append(also)
    entries: list[QuizEntry] = []
    by_id: dict[str, int] = {}
    for path in paths:
        named = also is not None and path.resolve() == also.resolve()
        entry = QuizEntry(path, loaded) if named and loaded is not None else _read_entry(path)
        quiz_id = entry.quiz_id
        if quiz_id is None or named:  # the command line's file is listed as it is
            entries.append(entry)
        elif quiz_id in by_id:
            winner = entries[by_id[quiz_id]]
            note = f"Replaces the quiz {quiz_id!r} in {path.parent} (a local quiz wins)."
            entries[by_id[quiz_id]] = dataclasses.replace(winner, note=note)
        else:
            by_id[quiz_id] = len(entries)
            entries.append(entry)
    return entries


def _read_entry(path: Path) -> QuizEntry:
    """The quiz in one file, or the problems that stop it from loading."""
    from quizgame.format.loader import load_quiz

    try:
        return QuizEntry(path, load_quiz(path))
    except QuizLoadError as error:
        # Name the file by itself: the folder is the one on screen.
        problems = [dataclasses.replace(problem, path=Path(path.name)) for problem in error.problems]
        return QuizEntry(path, None, tuple(map(str, problems)))


def player_standings(saves: PlayerSaves, now: datetime) -> PlayerStandings:
    """Best scores from the session summaries (no answers are read) and due cards per quiz."""
    problems: list[str] = []
    best: dict[str, int] = {}
    for summary in saves.summaries(problems):
        if summary.mode == "quiz" and summary.finished:
            best[summary.quiz_id] = max(best.get(summary.quiz_id, 0), summary.score)
    from quizgame.engine.scheduling import due_counts

    cards = saves.all_cards(problems)
    counts = {quiz_id: due_counts(quiz_cards, now) for quiz_id, quiz_cards in cards.items()}
    by_quiz = {
        quiz_id: Standing(
            best=best.get(quiz_id),
            due=counts[quiz_id].now if quiz_id in counts else 0,
            due_tomorrow=counts[quiz_id].day if quiz_id in counts else 0,
            practised=frozenset(cards.get(quiz_id, {})),
        )
        for quiz_id in best.keys() | cards.keys()
    }
    return PlayerStandings(by_quiz, tuple(problems))
