"""Finding quizzes for commands: a `.toml` path, or a quiz id looked up in the quizzes folders.

The folders come first-wins (`commands.paths.quizzes_dirs`): a quiz id in an added folder hides
the same id further down (a local quiz wins over a bundled one), and `shadowed` names what it
hides so that a note can say so. Two files of *one* folder that share an id are refused rather
than guessed (`AmbiguousQuizError`): nothing says which of them was meant.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from quizgame.errors import AmbiguousQuizError, QuizLoadError, QuizNotFoundError
from quizgame.format.loader import load_quiz, quiz_files
from quizgame.format.models import Quiz


def folder_quizzes(folder: Path) -> Iterator[tuple[Path, Quiz]]:
    """Every quiz in one folder that loads (broken files are skipped: `check` reports them)."""
    for path in quiz_files([folder]) if folder.is_dir() else []:
        try:
            yield path, load_quiz(path)
        except QuizLoadError:
            continue


def valid_quizzes(folders: Sequence[Path]) -> Iterator[tuple[Path, Quiz]]:
    """Every quiz in the folders that loads, one per id (the first folder's)."""
    seen: set[str] = set()
    for folder in folders:
        for path, quiz in folder_quizzes(folder):
            if quiz.quiz.id not in seen:
                seen.add(quiz.quiz.id)
                yield path, quiz


def find_quiz(reference: str, folders: Sequence[Path]) -> Path:
    """The file a command-line quiz reference names: a path to a file, or a quiz id."""
    return locate_quiz(reference, folders)[0]


def locate_quiz(reference: str, folders: Sequence[Path]) -> tuple[Path, Quiz | None]:
    """The file a quiz reference names, and the quiz when finding it loaded it (so that a
    command loads it once).

    A path to a file is taken as it is. An id is looked up folder by folder, first to last: in
    each, an id that two of its files share is refused, then `<folder>/<id>.toml` is taken (the
    usual layout), then the file whose quiz has that id.
    """
    as_path = Path(reference)
    if as_path.suffix == ".toml" or as_path.is_file():
        return as_path, None
    known: set[str] = set()
    for folder in folders:
        loaded = list(folder_quizzes(folder))
        known.update(quiz.quiz.id for _, quiz in loaded)
        matches = [(path, quiz) for path, quiz in loaded if quiz.quiz.id == reference]
        if len(matches) > 1:
            listed = ", ".join(path.name for path, _ in matches)
            raise AmbiguousQuizError(
                f"the quiz id {reference!r} is the id of {len(matches)} files in {folder}: "
                f"{listed}; give each quiz its own id (`quizgame check {folder}` shows them), "
                "or name the file"
            )
        usual = folder / f"{reference}.toml"
        if usual.is_file():
            return usual, next((quiz for path, quiz in loaded if path == usual), None)
        if matches:
            return matches[0]
    listed = ", ".join(sorted(known)) if known else "none"
    where = ", ".join(str(folder) for folder in folders)
    raise QuizNotFoundError(
        f"no quiz file or quiz id {reference!r} (looked in {where}; quiz ids there: {listed})"
    )


def shadowed(path: Path, quiz_id: str, folders: Sequence[Path]) -> list[Path]:
    """Files with the quiz id `quiz_id` in the folders after the one of `path` (which hides
    them: the first folder wins)."""
    here = path.absolute().resolve().parent
    index = next((i for i, folder in enumerate(folders) if folder.resolve() == here), None)
    if index is None:
        return []
    return [other for folder in folders[index + 1:] for other, quiz in folder_quizzes(folder)
            if quiz.quiz.id == quiz_id]
