"""What the home screen lists: the quizzes in the quizzes folder, broken ones included with the
checker's messages (a player's standing in each is `quizgame.classroom.standings`).

No Textual here: the home screen runs these in a worker thread and only lays out the result.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
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


def scan_quizzes(
    folders: Sequence[Path], also: Path | None = None, loaded: Quiz | None = None
) -> list[QuizEntry]:
    """Every `*.toml` in the folders (each folder sorted by file name), then `also` (a quiz named
    on the command line, already `loaded`) when it is not one of them. Files of one folder that
    share a quiz id are listed as broken (nothing says which one is meant); a quiz id met again
    in a later folder is left out: the earlier one wins, with a note. A file that fails to load
    is listed with the loader's messages (file name, line, what is wrong), never raised."""
    from quizgame.format.loader import quiz_files

    def read(path: Path) -> QuizEntry:
        named = also is not None and loaded is not None and path.resolve() == also.resolve()
        return QuizEntry(path, loaded) if named else _read_entry(path)

    entries: list[QuizEntry] = []
    by_id: dict[str, int] = {}
    paths: list[Path] = []
    for folder in folders:
        in_folder = quiz_files([folder]) if folder.is_dir() else []
        paths += in_folder
        for entry in _without_shared_ids([read(path) for path in in_folder]):
            quiz_id = entry.quiz_id
            if quiz_id is None:
                entries.append(entry)
            elif quiz_id in by_id:
                winner = entries[by_id[quiz_id]]
                note = f"Replaces the quiz {quiz_id!r} in {folder} (a local quiz wins)."
                entries[by_id[quiz_id]] = dataclasses.replace(winner, note=note)
            else:
                by_id[quiz_id] = len(entries)
                entries.append(entry)
    if also is not None and not any(path.resolve() == also.resolve() for path in paths):
        entries.append(read(also))  # named on purpose: listed as it is, never taken for another
    return entries


def _without_shared_ids(entries: list[QuizEntry]) -> list[QuizEntry]:
    """Quizzes of one folder sharing an id are listed as broken: playing one would mix their
    saves."""
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
        problems = [problem._replace(path=Path(path.name)) for problem in error.problems]
        return QuizEntry(path, None, tuple(map(str, problems)))
