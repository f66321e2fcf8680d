"""One way to put figures and verdicts into words, for every front-end, command and export.

    number(70995)             "70,995"
    count(14, "answer")       "14 answers"
    percent(0.6)              "60%"
    duration(159_000)         "2:39"        (m:ss; h:mm:ss past an hour; "0:04" for 4.3 s)
    seconds(20)               "20 s"        (a time limit or a countdown)
    time_left(19.2)           "Time left: 20 seconds."   (the warning of a timed question)
    verdict("partial", 0.6)   "Partly right (60%)"
    quoted('"Israel commits…"')  "“Israel commits…”"   (never doubled)

Verdicts are words (a symbol may be added by a front-end, never colour alone). `Outcome` names
are the engine's (`engine.feedback.Outcome`).
"""

from __future__ import annotations

import math

VERDICTS: dict[str, str] = {
    "correct": "Correct",
    "partial": "Partly right",
    "incorrect": "Incorrect",
    "timed_out": "Time's up",
    "unscored": "Voted: a poll is not scored",
}
CLAIMED = "claimed, waiting for the teacher"
OVERRIDDEN = "you said you were right"
NOT_AVAILABLE = "n/a"

# Quote marks a source may already carry: stripped before ours are added.
_QUOTES = "\"'“”„‟‘’‚‛«»‹›「」"


def number(value: int | float) -> str:
    """A whole number with thousands separators: `70,995`; other floats to two places at most."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def count(amount: int, noun: str, plural: str | None = None) -> str:
    """`1 answer`, `14 answers`, `1,200 cards`; `plural` for irregular nouns."""
    word = noun if amount == 1 else (plural or f"{noun}s")
    return f"{number(amount)} {word}"


def percent(fraction: float | None) -> str:
    """`60%`; `n/a` when there is nothing to divide."""
    return NOT_AVAILABLE if fraction is None else f"{100 * fraction:.0f}%"


def duration(milliseconds: float | None) -> str:
    """Elapsed time on a clock face: `0:04`, `2:39`, `1:02:03`; `n/a` when unknown."""
    if milliseconds is None:
        return NOT_AVAILABLE
    minutes, secs = divmod(round(milliseconds / 1000), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def seconds(amount: int | float) -> str:
    """A time limit or what is left of it: `20 s`."""
    return f"{round(amount)} s"


def time_left(amount: float) -> str:
    """The time warning of a timed question, one line: `Time left: 20 seconds.`"""
    whole = max(0, math.ceil(amount))
    return f"Time left: {count(whole, 'second')}."


def more_time(added: int, left: float) -> str:
    """What the more-time key did: `30 seconds more. Time left: 48 seconds.`"""
    return f"{count(added, 'second')} more. {time_left(left)}"


def extra_time(added: int) -> str:
    """The more time a player added to one question, as reports mark it: `+60 s more time`."""
    return f"+{seconds(added)} more time"


def verdict(outcome: str, credit: float = 0.0) -> str:
    """The verdict of an answer in words: `Correct`, `Partly right (60%)`, `Time's up`."""
    words = VERDICTS[outcome]
    return f"{words} ({percent(credit)})" if outcome == "partial" else words


def quoted(text: str) -> str:
    """Text between typographic quotes; quotes around it already are replaced, not doubled."""
    text = text.strip()
    while len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return f"“{text}”"
