"""Finding quizzes for commands: a `.toml` path, or a quiz id looked up in the quizzes folders.

The folders come first-wins (`commands.paths.quizzes_dirs`): a quiz id in an added folder hides
the same id further down, and `shadowed` names what it hides so that a note can say so.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from quizgame.errors import QuizLoadError, QuizNotFoundError
from quizgame.format.checker import quiz_files
from quizgame.format.loader import load_quiz
from quizgame.format.models import Quiz


def valid_quizzes(folders: Sequence[Path]) -> Iterator[tuple[Path, Quiz]]:
    """Every quiz in the folders that loads, one per id (the first folder's); broken files are
    skipped (`check` reports them)."""
    seen: set[str] = set()
    for folder in folders:
        for path in quiz_files([folder]) if folder.is_dir() else []:
            try:
                quiz = load_quiz(path)
            except QuizLoadError:
                continue
            if quiz.quiz.id not in seen:
                seen.add(quiz.quiz.id)
                yield path, quiz


def find_quiz(reference: str, folders: Sequence[Path]) -> Path:
    """The file a command-line quiz reference names: a path to a file, or a quiz id.

    In each folder, first to last, `<folder>/<id>.toml` is tried (the usual layout); then every
    quiz of every folder.
    """
    as_path = Path(reference)
    if as_path.suffix == ".toml" or as_path.is_file():
        return as_path
    for folder in folders:
        usual = folder / f"{reference}.toml"
        if usual.is_file():
            return usual
    known: list[str] = []
    for path, quiz in valid_quizzes(folders):
        if quiz.quiz.id == reference:
            return path
        known.append(quiz.quiz.id)
    listed = ", ".join(sorted(known)) if known else "none"
    where = ", ".join(str(folder) for folder in folders)
    raise QuizNotFoundError(
        f"no quiz file or quiz id {reference!r} (looked in {where}; quiz ids there: {listed})"
    )


def shadowed(path: Path, folders: Sequence[Path]) -> list[Path]:
    """Files of the same name as `path` in the folders after its own (which it hides)."""
    here = path.resolve().parent
    index = next((i for i, folder in enumerate(folders) if folder.resolve() == here), None)
    if index is None:
        return []
    return [folder / path.name for folder in folders[index + 1:] if (folder / path.name).is_file()]
