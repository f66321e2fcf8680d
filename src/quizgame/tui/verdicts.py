"""How an outcome is shown: a symbol and words, never colour alone (colour comes from CSS)."""

from __future__ import annotations

from typing import Literal

Outcome = Literal["correct", "partial", "incorrect", "timed_out"]

SYMBOL: dict[str, str] = {"correct": "✔", "partial": "◑", "incorrect": "✘", "timed_out": "✘"}
WORDS: dict[str, str] = {
    "correct": "Correct",
    "partial": "Partly right",
    "incorrect": "Incorrect",
    "timed_out": "Time's up",
}


def outcome(*, correct: bool, credit: float, timed_out: bool) -> Outcome:
    """The outcome of an answer, as `engine.feedback.Feedback.outcome` defines it."""
    if timed_out:
        return "timed_out"
    if correct:
        return "correct"
    return "partial" if credit > 0 else "incorrect"


def verdict(kind: Outcome, *, credit: float = 0.0, overridden: bool = False) -> str:
    """"✔ Correct", "◑ Partly right (60%)", "✔ Correct (you said you were right)"."""
    text = f"{SYMBOL[kind]} {WORDS[kind]}"
    if kind == "partial":
        text += f" ({credit:.0%})"
    if overridden:
        text += " (you said you were right)"
    return text
