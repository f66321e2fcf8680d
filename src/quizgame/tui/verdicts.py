"""How an outcome is shown: a symbol and words, never colour alone (colour comes from CSS)."""

from __future__ import annotations

from quizgame import wording

SYMBOL: dict[str, str] = {
    "correct": "✔", "partial": "◑", "incorrect": "✘", "timed_out": "✘", "unscored": "•",
}


def verdict(outcome: str, *, credit: float = 0.0, overridden: bool = False, claimed: bool = False) -> str:
    """"✔ Correct", "◑ Partly right (60%)", "✔ Correct (you said you were right)"."""
    text = f"{SYMBOL[outcome]} {wording.verdict(outcome, credit)}"
    if overridden:
        text += f" ({wording.OVERRIDDEN})"
    if claimed:
        text += f" ({wording.CLAIMED})"
    return text
