"""Adding an accepted answer to a text question in its quiz file, keeping the file as written.

tomlkit edits the document in place: comments, blank lines, key order and quoting of everything
else stay exactly as the teacher wrote them. The result is loaded again before it is written
(atomically), so a quiz file is never left unloadable.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import tomlkit

from quizgame.errors import QuizgameError, QuizLoadError
from quizgame.format.loader import load_quiz


def add_accepted_answer(path: Path, question_id: str, answer: str) -> bool:
    """Append `answer` to the `answers` of text question `question_id` in the file at `path`;
    False when it is already there. `QuizgameError` when the question is not a text question
    of that file or the edited file would not load."""
    text = path.read_text(encoding="utf-8")
    document = tomlkit.parse(text)
    questions = document.get("questions")
    table = next((q for q in questions or [] if q.get("id") == question_id), None)
    if table is None or table.get("type") != "text":
        raise QuizgameError(f"{path}: no text question {question_id!r} to add an answer to")
    answers = table["answers"]
    if any(str(existing).strip() == answer.strip() for existing in answers):
        return False
    answers.append(answer.strip())
    _replace(path, tomlkit.dumps(document))
    return True


def _replace(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        _check(Path(temporary), path)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _check(temporary: Path, path: Path) -> None:
    """The edited text must load as the quiz file it replaces (its source file beside it)."""
    try:
        load_quiz(temporary)
    except QuizLoadError as error:
        raise QuizgameError(f"{path}: the edited quiz would not load, left unchanged:\n{error}") from None
