"""A class roster: the names a teacher allows, one per line of a plain text file (`--roster`).

A name may be followed by that student's accommodations (docs/accommodations.md), words after
it on the same line:

    Zoë Martín    time=2 no-speed-points
    Ana           time=untimed

A word is read as an accommodation when it holds `=`, starts with `no-` or is `untimed` or
`speed-points`; one that is not a known accommodation is refused with its line (a typo never
silently becomes part of a name). Blank lines and lines starting with `#` are ignored. Names
are compared as the store compares players (`store.names.normalised_name`: case, width and
spacing do not matter), and the roster's spelling is the one used. A name not on the roster is
refused with a message saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from quizgame.engine.accommodations import NONE, AccommodationError, Accommodations
from quizgame.engine.ports import PlayerStore
from quizgame.errors import PlayerNameError, QuizgameError
from quizgame.safe_text import visible
from quizgame.store.names import display_name, normalised_name


@dataclass(frozen=True)
class Roster:
    """The names of a class, in the file's order, and where they came from."""

    path: Path
    names: tuple[str, ...]
    accommodations: dict[str, Accommodations] = field(default_factory=dict)
    """Normalised name -> the accommodations on that name's line (only lines that have some)."""

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
        accommodations: dict[str, Accommodations] = {}
        seen: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                name, granted = _name_and_accommodations(line)
            except (PlayerNameError, AccommodationError) as error:
                raise QuizgameError(f"{path}:{number}: {error}") from None
            key = normalised_name(name)
            if granted.any:
                accommodations[key] = granted
            if key in seen:
                raise QuizgameError(
                    f"{path}:{number}: {visible(name)!r} is already on the roster (line {seen[key]})"
                )
            seen[key] = number
            names.append(name)
        if not names:
            raise QuizgameError(f"the roster {path} has no names (one name a line)")
        return cls(path, tuple(names), accommodations)

    def accommodations_for(self, name: str) -> Accommodations:
        """The accommodations on this name's line (none when it has none or is not listed)."""
        return self.accommodations.get(normalised_name(name), NONE)

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


_WORD = re.compile(r"\S+")


def _is_accommodation(word: str) -> bool:
    lowered = word.casefold()
    return "=" in word or lowered.startswith("no-") or lowered in ("untimed", "speed-points")


def _name_and_accommodations(line: str) -> tuple[str, Accommodations]:
    """The name at the start of a roster line and the accommodations after it."""
    words = list(_WORD.finditer(line))
    first = next((i for i, word in enumerate(words) if _is_accommodation(word.group())), None)
    if first is None:
        return display_name(line), NONE
    if first == 0:
        raise PlayerNameError(
            f"a line starts with {visible(words[0].group())!r}: write the name first, then "
            "its accommodations (Zoë time=2 no-speed-points)"
        )
    after = [word.group() for word in words[first:]]
    stray = next((word for word in after if not _is_accommodation(word)), None)
    if stray is not None:
        raise AccommodationError(
            f"{visible(stray)!r} comes after the accommodations: write the whole name first"
        )
    return display_name(line[: words[first].start()]), Accommodations.parse(after)


def accommodations_of(store: PlayerStore, roster: Roster | None) -> Accommodations:
    """A player's accommodations: their profile's, with their roster line's when there is a
    roster (the more generous of each, see `Accommodations.merged`)."""
    own = store.accommodations()
    return own if roster is None else own.merged(roster.accommodations_for(store.name))
