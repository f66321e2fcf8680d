"""Comparing what a player typed with what a teacher wrote: text folding, typos and numbers.

`fold` is the one definition of "the same text, ignoring case, accents, punctuation and spaces";
`one_typo_apart` forgives a single slip using rapidfuzz; `parse_number` reads the ways people
write numbers (`58,000`, `58 000`, `3.14`, `3,14`, `12 km`).
"""

from __future__ import annotations

import math
import re
import unicodedata

from rapidfuzz.distance import OSA

# Letters that NFKD does not split into a base letter plus an accent.
_UNSPLIT_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
# Shorter answers are not typo-forgiven: "cat" and "car" are different answers, not a slip.
TYPO_MIN_LENGTH = 4


def fold(text: str) -> str:
    """Text reduced to what matters for a typed answer: "  São-Paulo! " -> "saopaulo".

    Compatibility decomposition turns fullwidth and ligature forms into plain letters and splits
    accents off so they can be dropped; punctuation, whitespace and case are ignored entirely.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_UNSPLIT_LETTERS)
    return "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char)
        and not char.isspace()
        and not unicodedata.category(char).startswith("P")
    )


def one_typo_apart(given: str, accepted: str) -> bool:
    """True when two folded texts differ by one typo at most (Optimal String Alignment).

    One typo is a letter wrong, missing or extra, or two neighbours swapped. Digits must agree
    exactly: "1948" is not a typo of "1949", it is the wrong year.
    """
    if len(accepted) < TYPO_MIN_LENGTH or _digits(given) != _digits(accepted):
        return False
    return OSA.distance(given, accepted, score_cutoff=1) <= 1


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


_NUMBER = re.compile(r"^[+-]?(?:\d[\d.,]*|[.,]\d+)(?:e[+-]?\d+)?", re.IGNORECASE)
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


class NumberFormatError(ValueError):
    """Raised by `parse_number`; the message is meant for the player."""


def parse_number(raw: str, unit: str | None = None) -> float:
    """Read a number as a person types it, optionally followed by the question's unit.

    Thousands may be grouped with spaces or commas (`58 000`, `58,000`); a single comma that
    does not group thousands is a decimal comma (`3,14`). A trailing unit is accepted when it is
    the question's unit (ignoring case, spaces and a plural "s").
    """
    text = _join_digit_groups(raw.strip().replace("\u2212", "-"))  # typographic minus sign
    match = _NUMBER.match(text)
    if not match:
        raise NumberFormatError("Type a number, for example 42 or 3.14.")
    rest = text[match.end():].strip()
    if rest and not _is_unit(rest, unit):
        raise NumberFormatError(
            f"Type just the number (in {unit})." if unit else "Type just a number, without words."
        )
    value = _to_float(match.group())
    if not math.isfinite(value):
        raise NumberFormatError("That number is too large.")
    return value


def _join_digit_groups(text: str) -> str:
    """Remove grouping between digits ("58 000", "58_000", "58'000" -> "58000"), not before a unit."""
    return re.sub(r"(?<=\d)[\s\u00a0\u202f_']+(?=\d)", "", text)


def _is_unit(rest: str, unit: str | None) -> bool:
    if not unit:
        return False
    given, expected = fold(rest), fold(unit)
    return given in (expected, expected + "s") or (expected.endswith("s") and given == expected[:-1])


def _to_float(number: str) -> float:
    sign = "-" if number.startswith("-") else ""
    digits = number.lstrip("+-")
    if "," in digits and "." in digits:
        # Whichever separator comes last is the decimal one: 1,234.5 and 1.234,5.
        if digits.rfind(",") > digits.rfind("."):
            digits = digits.replace(".", "").replace(",", ".")
        else:
            digits = digits.replace(",", "")
    elif "," in digits:
        if _GROUPED.match(digits):
            digits = digits.replace(",", "")
        elif digits.count(",") == 1:
            digits = digits.replace(",", ".")
        else:
            raise NumberFormatError(f"{number!r} is not a number I can read; try 1234.5.")
    try:
        return float(sign + digits)
    except ValueError:
        raise NumberFormatError(f"{number!r} is not a number I can read; try 1234.5.") from None


def format_number(value: float) -> str:
    """A number as a person writes it: 2017, not 2017.0; 3.14, not 3.1400000000000001."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.15g}"
