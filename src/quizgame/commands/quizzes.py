"""Finding quizzes for commands: a `.toml` path, or a quiz id looked up in a quizzes folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from quizgame.errors import AmbiguousQuizError, QuizLoadError, QuizNotFoundError
from quizgame.format.checker import quiz_files
from quizgame.format.loader import load_quiz
from quizgame.format.models import Quiz


def valid_quizzes(folder: Path) -> Iterator[tuple[Path, Quiz]]:
    """Every quiz in a folder that loads (broken files are skipped: `check` reports them)."""
    for path in quiz_files([folder]) if folder.is_dir() else []:
        try:
            yield path, load_quiz(path)
        except QuizLoadError:
            continue


def find_quiz(reference: str, folder: Path) -> Path:
    """The file a command-line quiz reference names: a path to a file, or a quiz id in `folder`.

    `<folder>/<id>.toml` is tried first (the usual layout), then every quiz in the folder. An id
    that two files in the folder share is refused rather than guessed.
    """
    as_path = Path(reference)
    if as_path.suffix == ".toml" or as_path.is_file():
        return as_path
    usual = folder / f"{reference}.toml"
    matches = [path for path, quiz in valid_quizzes(folder) if quiz.quiz.id == reference]
    if len(matches) > 1:
        listed = ", ".join(path.name for path in matches)
        raise AmbiguousQuizError(
            f"the quiz id {reference!r} is the id of {len(matches)} files in {folder}: {listed}; "
            f"give each quiz its own id (`quizgame check {folder}` shows them), or name the file"
        )
    if usual.is_file():
        return usual
    if matches:
        return matches[0]
    known = sorted(quiz.quiz.id for _, quiz in valid_quizzes(folder))
    listed = ", ".join(known) if known else "none"
    raise QuizNotFoundError(
        f"no quiz file or quiz id {reference!r} (looked in {folder}; quiz ids there: {listed})"
    )
