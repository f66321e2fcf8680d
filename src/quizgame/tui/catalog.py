"""What the home screen lists: the quizzes in the quizzes folder, broken ones included with the
checker's messages (a player's standing in each is `quizgame.classroom.standings`).

No Textual here: the home screen runs these in a worker thread and only lays out the result.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame.errors import QuizLoadError

if TYPE_CHECKING:
    from quizgame.format.models import Quiz


@dataclass(frozen=True)
class QuizEntry:
    """One quiz file: the quiz when it loads, else the problems that stop it."""

    path: Path
    quiz: Quiz | None
    problems: tuple[str, ...] = ()

    @property
    def broken(self) -> bool:
        return self.quiz is None

    @property
    def title(self) -> str:
        return self.quiz.quiz.title if self.quiz is not None else self.path.name

    @property
    def quiz_id(self) -> str | None:
        return self.quiz.quiz.id if self.quiz is not None else None


def scan_quizzes(folder: Path, also: Path | None = None) -> list[QuizEntry]:
    """Every `*.toml` in the folder, sorted by file name, then `also` (a quiz named on the
    command line) when it is not one of them; a file that fails to load is listed with the
    loader's messages (file name, line, what is wrong), never raised, and so are files of the
    folder that share a quiz id."""
    from quizgame.format.checker import quiz_files

    paths = quiz_files([folder]) if folder.is_dir() else []
    entries = _without_shared_ids([_read_entry(path) for path in paths])
    if also is not None and not any(path.resolve() == also.resolve() for path in paths):
        entries.append(_read_entry(also))  # named on purpose: never taken for another
    return entries


def _without_shared_ids(entries: list[QuizEntry]) -> list[QuizEntry]:
    """Quizzes sharing an id are listed as broken: playing one would mix their saves."""
    from quizgame.format.checker import shared_id_message, shared_ids

    shared = shared_ids((entry.path, entry.quiz) for entry in entries if entry.quiz is not None)
    listed = []
    for entry in entries:
        if entry.quiz is not None and entry.path in shared:
            others = [Path(other.name) for other in shared[entry.path]]
            problem = f"{entry.path.name}: {shared_id_message(entry.quiz.quiz.id, others)}"
            entry = QuizEntry(entry.path, None, (problem,))
        listed.append(entry)
    return listed


def _read_entry(path: Path) -> QuizEntry:
    """The quiz in one file, or the problems that stop it from loading."""
    from quizgame.format.loader import load_quiz

    try:
        return QuizEntry(path, load_quiz(path))
    except QuizLoadError as error:
        # Name the file by itself: the folder is the one on screen.
        problems = [dataclasses.replace(problem, path=Path(path.name)) for problem in error.problems]
        return QuizEntry(path, None, tuple(map(str, problems)))
