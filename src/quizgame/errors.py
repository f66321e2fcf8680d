"""The typed error hierarchy: every error a user can see carries a readable message.

Front-ends catch `QuizgameError` and print `str(error)`; anything else is a bug.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

from quizgame.safe_text import visible


class QuizgameError(Exception):
    """Base of every error whose message is meant for the user."""


# A NamedTuple, not a dataclass: `scores` starts without dataclasses (and inspect, ~15 ms).
class Problem(NamedTuple):
    """One thing wrong (or suspicious) in a quiz file, ready to print on one line."""

    path: Path
    message: str
    line: int | None = None
    column: int | None = None
    where: str = ""
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        place = str(self.path)
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        label = "warning: " if self.severity == "warning" else ""
        where = f"{self.where}: " if self.where else ""
        # Messages quote what files hold: never a raw control character on the terminal.
        return visible(f"{place}: {label}{where}{self.message}", multiline=False)


class QuizLoadError(QuizgameError):
    """A quiz file could not be loaded; `problems` lists everything found wrong."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class QuizNotFoundError(QuizgameError):
    """A quiz named on the command line is neither a file nor a known id."""


class AmbiguousQuizError(QuizgameError):
    """A quiz id named on the command line is the id of several files: none is guessed."""


class SaveError(QuizgameError):
    """A player's save could not be read or written; the files are left untouched."""


class PlayerNameError(QuizgameError):
    """A player name that cannot be used (empty, too long, control characters)."""


class PlayerNotFoundError(QuizgameError):
    """A command asked for the saves of a player who has never played in that saves folder."""


class UsageError(QuizgameError):
    """Options that do not go together (exit status 2, like argparse's own errors)."""
