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
_DOUBLE_QUOTES = "\"“”„‟«»「」"
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
    """What the more-time key did: `Time left: 48 seconds (30 seconds more).`"""
    return f"{time_left(left).removesuffix('.')} ({count(added, 'second')} more)."


def extra_time(added: int) -> str:
    """The more time a player added to one question, as reports mark it: `+60 s more time`."""
    return f"+{seconds(added)} more time"


def verdict(outcome: str, credit: float = 0.0) -> str:
    """The verdict of an answer in words: `Correct`, `Partly right (60%)`, `Time's up`."""
    words = VERDICTS[outcome]
    return f"{words} ({percent(credit)})" if outcome == "partial" else words


def quoted(text: str) -> str:
    """Text between typographic double quotes, never doubled.

    Quotes that wrap the whole text are replaced; double quotes inside it become single ones,
    as typography nests them (“‘No state is above the law,’ he said”).
    """
    text = text.strip()
    while (len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES
           and not any(mark in _DOUBLE_QUOTES for mark in text[1:-1])):
        text = text[1:-1].strip()
    return f"“{_nested(text)}”"



def _nested(text: str) -> str:
    """Double quotes inside a quotation as single ones; a straight quote opens, then closes."""
    out: list[str] = []
    opening = True
    for char in text:
        if char in "“„‟«「":
            char, opening = "‘", False
        elif char in "”»」":
            char, opening = "’", True
        elif char == '"':
            char, opening = ("‘" if opening else "’"), not opening
        out.append(char)
    return "".join(out)


# -- the lines of plain mode -------------------------------------------------------------------
# Each change of state in plain mode (`play --plain`, `join --plain`) is one line that starts
# with one of these prefixes, so that a screen reader, a braille display or a script can rely on
# them; docs/accessibility.md lists them (tests/test_plain_lines.py checks both).

PLAIN_PREFIXES: tuple[tuple[str, str], ...] = (
    ("Question 3 of 20:", "a new question; its prompt follows on the same line"),
    ("Time limit:", "the question is timed: how long there is to answer"),
    ("Time left:", "a timed question's warning, or the live game's countdown"),
    ("Answer:", "how to answer this type of question (options are the indented lines above)"),
    ("Hint:", "the hint asked for with ? (it halves the points)"),
    ("Correct.", "the verdict: right (points and score follow on the same line)"),
    ("Partly right (60%).", "the verdict: partly right, with the credit earned"),
    ("Incorrect.", "the verdict: wrong"),
    ("Time's up", "the verdict: the time ran out"),
    ("Thanks for voting", "a poll's answer: no right answer, no points"),
    ("You answered:", "your answer, after a wrong one"),
    ("Right answer:", "the right answer"),
    ("Explanation:", "why"),
    ("Source:", "the quote the answer comes from"),
    ("Results:", "the game is over: the results follow, one line each"),
    ("Score:", "the score at the end of the game"),
    ("Stopped.", "the game stopped before its end; every answer is saved"),
    ("Joined", "live game: you are in, with your rejoin code"),
    ("Waiting for the teacher", "live game: the lobby, before the first question"),
    ("Answer received", "live game: the hub has your answer; the reveal follows"),
    ("The class:", "live game: how the class answered, option by option"),
    ("The teacher paused the game.", "live game: the clock is stopped"),
    ("Standings after question 3 of 20:", "live game: the ranking so far, one player a line"),
    ("Final podium:", "live game: the final ranking"),
    ("You are", "live game: your place, \"You are 2nd of 25 with 1,800 points.\""),
)
"""(prefix, what the line says): the prefix as it is printed (numbers vary)."""


def question_line(number: int, total: int, prompt: str) -> str:
    """A question's first line in plain mode: `Question 3 of 20: What is the capital of Peru?`"""
    return f"Question {number} of {total}: {prompt}"


def time_limit(amount: float) -> str:
    """A timed question's limit, one line: `Time limit: 30 seconds.`"""
    return f"Time limit: {count(round(amount), 'second')}."
