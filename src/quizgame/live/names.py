"""Player names typed on a phone or sent by a script, made safe to show on a projector.

A name goes through the store's rules (`quizgame.store.names`: trimmed, 1-40 characters, no
control characters, unique after normalisation) after three repairs that a leaderboard needs and
a file name does not: format characters that make text invisible or reorder it (zero-width
spaces, bidi controls; the joiner inside emoji is kept) are removed, "glitch" text (a pile of
combining marks on one letter) keeps at most two marks per letter, and runs of whitespace become
one space. Anything else that cannot be shown goes through `quizgame.safe_text.visible`.
"""

from __future__ import annotations

import unicodedata

from quizgame.errors import PlayerNameError
from quizgame.safe_text import visible
from quizgame.store.names import display_name, normalised_name

MAX_MARKS = 2
_ZWJ = "\u200d"


def clean_name(raw: object) -> str:
    """The name as it will be shown, or `PlayerNameError` saying why it cannot be used."""
    if not isinstance(raw, str):
        raise PlayerNameError("a player name must be text")
    text = unicodedata.normalize("NFC", raw[:400])
    kept: list[str] = []
    marks = 0
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf" and char != _ZWJ:
            continue
        if category.startswith("M"):
            marks += 1
            if marks > MAX_MARKS or not kept:
                continue
        else:
            marks = 0
        kept.append(char)
    name = " ".join(visible("".join(kept), multiline=False).split())
    if not name:
        raise PlayerNameError("a player name cannot be empty or invisible")
    return display_name(name)


def same_name(first: str, second: str) -> bool:
    """Whether two shown names are the same player (the store's rule)."""
    return normalised_name(first) == normalised_name(second)
