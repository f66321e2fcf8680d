"""How an outcome is shown: a symbol and words, never colour alone (colour comes from CSS)."""

from __future__ import annotations

SYMBOL: dict[str, str] = {
    "correct": "✔", "partial": "◑", "incorrect": "✘", "timed_out": "✘", "unscored": "•",
}
WORDS: dict[str, str] = {
    "correct": "Correct",
    "partial": "Partly right",
    "incorrect": "Incorrect",
    "timed_out": "Time's up",
    "unscored": "Voted: a poll is not scored",
}


def verdict(outcome: str, *, credit: float = 0.0, overridden: bool = False) -> str:
    """"✔ Correct", "◑ Partly right (60%)", "✔ Correct (you said you were right)"."""
    text = f"{SYMBOL[outcome]} {WORDS[outcome]}"
    if outcome == "partial":
        text += f" ({credit:.0%})"
    if overridden:
        text += " (you said you were right)"
    return text
