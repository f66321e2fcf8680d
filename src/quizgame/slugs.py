"""The one way quizgame turns free text into an ASCII slug: quiz and question ids, player keys.

Letters are transliterated rather than dropped ("planète" -> `planete`, "Straße" -> `strasse`),
so an id made on import reads like the text it came from, exactly as a player's name does in
the player key. Scripts with no Latin transliteration (Arabic, Chinese, emoji) leave nothing,
and the caller's fallback is used.

`store.names.player_key` is built on `slug`: changing the result for any text orphans saves
(`tests/test_store_names.py` pins it).
"""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Case-folded text with accents taken off and what has no ASCII form dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    return kept.encode("ascii", "ignore").decode("ascii")


def slug(text: str, max_length: int, fallback: str) -> str:
    """`[a-z0-9]+(-[a-z0-9]+)*` of at most `max_length` characters, or `fallback` when empty."""
    words = _NOT_SLUG.sub("-", ascii_fold(text))
    return words[:max_length].strip("-") or fallback
