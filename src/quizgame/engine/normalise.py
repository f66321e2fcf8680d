"""Text folding: the one definition of "the same text, ignoring case, accents and punctuation".

`fold` compares whole answers; `words` splits a text into folded words, for the rules of
engine/typed_answers.py (typos, qualifiers) and engine/support.py. Numbers are read by
engine/numbers.py.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not split into a base letter plus an accent.
_UNSPLIT_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


def fold(text: str) -> str:
    """Text reduced to what matters for a typed answer: "  São-Paulo! " -> "saopaulo".

    Compatibility decomposition turns fullwidth and ligature forms into plain letters and splits
    accents off so they can be dropped; punctuation, whitespace and case are ignored entirely.
    """
    return "".join(
        char
        for char in _strip_marks(text)
        if not char.isspace() and not unicodedata.category(char).startswith("P")
    )


def _strip_marks(text: str) -> str:
    """Case-folded text without accents ("São" -> "sao"), its punctuation and spaces kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_UNSPLIT_LETTERS)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    """The folded words of a text: "Adm. Cubides (Colombia)" -> ["adm", "cubides", "colombia"].

    Apostrophes inside a word are dropped ("isn't" -> "isnt"); hyphens and other punctuation
    separate words.
    """
    return [re.sub(r"['’]", "", word) for word in _WORD.findall(_strip_marks(text))]
