"""Accommodations of one player, and the adjustable time every timed question offers.

A player's accommodations (docs/accommodations.md) are written as words, the same everywhere:
in `player.toml`, on a class roster line, in each saved game (what applied to it):

    time=1.5    one and a half times every time limit (rounded up to a whole second)
    time=2      twice every time limit
    time=untimed   no time limit at all: a question never times out
    no-speed-points   points by the accuracy rule (points × credit), never by speed

WCAG 2.2.1 (Timing Adjustable), for everyone on every timed question: a warning when
`warning_seconds(limit)` are left, and a key that adds `MORE_TIME_SECONDS`, usable
`MORE_TIME_TIMES` times per question (saved with the answer as `extra_seconds`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal, NamedTuple

from quizgame.engine.accommodation_words import NO_SPEED_POINTS, SPEED_POINTS
from quizgame.errors import QuizgameError

MORE_TIME_SECONDS = 30
MORE_TIME_TIMES = 10
WARNING_SECONDS = 20
"""The warning comes with 20 seconds left on limits of 30 s or more (WCAG 2.2.1's 20 seconds)."""
SHORT_WARNING_SHARE = 2 / 3
"""... and on shorter limits when two thirds of the time is left, so that it is never later."""

TIME_FACTORS: dict[str, float | None] = {"1": 1.0, "1.5": 1.5, "2": 2.0, "untimed": None}
"""The time a player may have: the spelling of each choice, and its factor (None: untimed)."""

Scoring = Literal["speed", "accuracy"]


class AccommodationError(QuizgameError):
    """An accommodation word that is not one (a typo on a roster line, a bad `--time`)."""


def time_factor(text: str) -> float | None:
    """The factor `--time` or `time=` names (None: untimed); `AccommodationError` otherwise."""
    spelled = text.strip().casefold().removesuffix("x").removesuffix("×")
    for name, factor in TIME_FACTORS.items():
        if spelled == name or _same_number(spelled, name):
            return factor
    raise AccommodationError(
        f"{text!r} is not a time allowance: use one of {', '.join(TIME_FACTORS)} "
        "(1 is the quiz's own time)"
    )


def _same_number(spelled: str, name: str) -> bool:
    try:
        return name != "untimed" and float(spelled) == float(name)
    except ValueError:
        return False


# A NamedTuple, not a dataclass: `scores` starts without dataclasses (and inspect, ~15 ms).
class Accommodations(NamedTuple):
    """More time (`time`: a factor, None for untimed) and whether speed earns points."""

    time: float | None = 1.0
    speed_points: bool = True

    @classmethod
    def parse(cls, words: Iterable[str]) -> Accommodations:
        """From words such as `time=2` and `no-speed-points` (`AccommodationError` naming the
        word that is not one)."""
        time: float | None = 1.0
        speed_points = True
        for word in words:
            key, equals, value = word.strip().partition("=")
            key = key.casefold()
            if equals and key == "time":
                time = time_factor(value)
            elif not equals and key == "untimed":
                time = None
            elif not equals and key == NO_SPEED_POINTS:
                speed_points = False
            elif not equals and key == SPEED_POINTS:
                speed_points = True
            else:
                raise AccommodationError(
                    f"{word!r} is not an accommodation: write time=1.5, time=2, time=untimed "
                    f"or {NO_SPEED_POINTS}"
                )
        return cls(time, speed_points)

    @property
    def words(self) -> list[str]:
        """The words that say these accommodations (none for the defaults)."""
        found = []
        if self.time != 1.0:
            found.append(f"time={_time_name(self.time)}")
        if not self.speed_points:
            found.append(NO_SPEED_POINTS)
        return found

    @property
    def any(self) -> bool:
        return bool(self.words)

    def describe(self) -> str:
        """In words for a person: "twice the time, no speed points"; "none"."""
        parts = []
        if self.time is None:
            parts.append("untimed")
        elif self.time != 1.0:
            parts.append("twice the time" if self.time == 2 else
                         f"{_time_name(self.time)} times the time")
        if not self.speed_points:
            parts.append("no speed points")
        return ", ".join(parts) or "none"

    def limit(self, seconds: int) -> int:
        """This player's limit for a question of `seconds` (0: untimed), rounded up."""
        if seconds <= 0 or self.time is None:
            return 0
        return math.ceil(seconds * self.time)

    def scoring(self, rule: Scoring) -> Scoring:
        """The quiz's scoring rule, as it applies to this player."""
        return rule if self.speed_points else "accuracy"

    def merged(self, other: Accommodations) -> Accommodations:
        """Both sets at once (a roster line and the player's own profile): the more time of
        the two, and no speed points when either says so."""
        times = [self.time, other.time]
        time = None if None in times else max(t for t in times if t is not None)
        return Accommodations(time, self.speed_points and other.speed_points)

    def but_timed(self) -> Accommodations:
        """The same without more time (a live game whose class does not wait)."""
        return Accommodations(1.0, self.speed_points)


NONE = Accommodations()


def checked_words(words: list[str] | None) -> list[str] | None:
    """A saved `accommodations` field in its written form (None when there are none); for the
    models' validators, so an unknown word is refused as a value error with its message."""
    if words is None:
        return None
    try:
        return Accommodations.parse(words).words or None
    except AccommodationError as error:
        raise ValueError(str(error)) from error


def _time_name(factor: float | None) -> str:
    return next(name for name, value in TIME_FACTORS.items() if value == factor) \
        if factor in TIME_FACTORS.values() else f"{factor:g}"


def warning_seconds(limit: int) -> int:
    """Seconds left when a question of `limit` seconds warns (WCAG 2.2.1): 20 on limits of
    30 s or more, two thirds of the limit on shorter ones (10 s on a 15 s question)."""
    if limit <= 0:
        return 0  # untimed: nothing to warn of
    if limit >= 30:
        return WARNING_SECONDS
    return max(1, math.floor(limit * SHORT_WARNING_SHARE))
