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
    loader's messages (file name, line, what is wrong), never raised."""
    from quizgame.format.checker import quiz_files

    paths = quiz_files([folder]) if folder.is_dir() else []
    if also is not None and not any(path.resolve() == also.resolve() for path in paths):
        paths.append(also)
    return [_read_entry(path) for path in paths]


def _read_entry(path: Path) -> QuizEntry:
    """The quiz in one file, or the problems that stop it from loading."""
    from quizgame.format.loader import load_quiz

    try:
        return QuizEntry(path, load_quiz(path))
    except QuizLoadError as error:
        # Name the file by itself: the folder is the one on screen.
        problems = [dataclasses.replace(problem, path=Path(path.name)) for problem in error.problems]
        return QuizEntry(path, None, tuple(map(str, problems)))
