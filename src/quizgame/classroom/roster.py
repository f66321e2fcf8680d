"""A class roster: the names a teacher allows, one per line of a plain text file (`--roster`).

Blank lines and lines starting with `#` are ignored. Names are compared as the store compares
players (`store.names.normalised_name`: case, width and spacing do not matter), and the roster's
spelling is the one used. A name not on the roster is refused with a message saying so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgame.errors import PlayerNameError, QuizgameError
from quizgame.safe_text import visible
from quizgame.store.names import display_name, normalised_name


@dataclass(frozen=True)
class Roster:
    """The names of a class, in the file's order, and where they came from."""

    path: Path
    names: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> Roster:
        """The roster in `path`; `QuizgameError` (with the absolute path and line) when it is
        missing, unreadable, empty, or has a bad or repeated name."""
        path = Path(path).absolute()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise QuizgameError(f"no roster file at {path}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise QuizgameError(f"cannot read the roster {path}: {error}") from None
        names: list[str] = []
        seen: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                name = display_name(line)
            except PlayerNameError as error:
                raise QuizgameError(f"{path}:{number}: {error}") from None
            key = normalised_name(name)
            if key in seen:
                raise QuizgameError(
                    f"{path}:{number}: {visible(name)!r} is already on the roster (line {seen[key]})"
                )
            seen[key] = number
            names.append(name)
        if not names:
            raise QuizgameError(f"the roster {path} has no names (one name a line)")
        return cls(path, tuple(names))

    def name_for(self, typed: str) -> str:
        """The roster's spelling of `typed`; `PlayerNameError` when it is not on the roster."""
        wanted = normalised_name(display_name(typed))
        for name in self.names:
            if normalised_name(name) == wanted:
                return name
        raise PlayerNameError(
            f"{visible(typed.strip())!r} is not on the class roster; pick your name from the list "
            "(ask your teacher if it is missing)"
        )
