"""Reading a typed number the way people write it, for number questions (docs/scoring.md).

`parse_number(raw, unit, whole_answer=..., language=...)` accepts digits with any usual
thousands separator (`58,000`, `58 000`, `58'000`, and `58.000` when the answer is a whole
number of at least a thousand, so it cannot be a decimal), decimal points and commas, number
words ("fifty-eight thousand"), ordinals (`40th`, "fortieth"), `k`/`m`/`bn` suffixes and scale
words ("58 thousand", "1.5 million"), and the question's unit in the singular or the plural.
A range or an estimate ("over 15", "about 50", "10-20") is refused with a message asking for one
number: it is neither right nor wrong, it is not an answer yet.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from quizgame.engine import answer_words
from quizgame.engine.normalise import fold
from quizgame.engine.number_words import read_number_words, read_ordinal_digits


class NumberFormatError(ValueError):
    """Raised by `parse_number`; the message is meant for the player."""


_NUMBER = re.compile(r"^[+-]?(?:\d[\d.,]*|[.,]\d+)(?:e[+-]?\d+)?", re.IGNORECASE)
_COMMA_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DOT_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_SUFFIXES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6,
             "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "thousands": 1e3}
_RANGE_SIGNS = re.compile(r"^(?:[<>≤≥~≈±]|\+/-)")
_RANGE_INSIDE = re.compile(r"\d\s*(?:-|–|—|to|or|and)\s*\d|\d\s*\+$|\bplus\b", re.IGNORECASE)
_IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children",
                      "foot": "feet", "tooth": "teeth", "mouse": "mice", "percent": "%"}


def parse_number(
    raw: str, unit: str | None = None, *, whole_answer: bool = False, language: str | None = None
) -> float:
    """Read a number as a person types it, optionally followed by the question's unit.

    `whole_answer` says the right answer is a whole number of at least 1000: only then is
    `58.000` read as fifty-eight thousand. `language` picks the number-words reader.
    """
    text = _join_digit_groups(raw.strip().replace("\u2212", "-"))  # typographic minus sign
    if _is_range(text, language):
        raise NumberFormatError(f"Type one number, not a range or an estimate ({raw.strip()!r}).")
    text = _without_unit(text, unit)
    value = _read(text, raw, unit, whole_answer, language)
    if not math.isfinite(value):
        raise NumberFormatError("That number is too large.")
    return value


def _is_range(text: str, language: str | None) -> bool:
    """True for "over 15", "10-20", "15+" and the like (in English or the quiz's language)."""
    if _RANGE_SIGNS.match(text) or _RANGE_INSIDE.search(text):
        return True
    return _range_pattern(language).match(text) is not None


@lru_cache(maxsize=16)
def _range_pattern(language: str | None) -> re.Pattern[str]:
    words = sorted(answer_words.range_words(language), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _read(text: str, raw: str, unit: str | None, whole: bool, language: str | None) -> float:
    ordinal = read_ordinal_digits(text)
    if ordinal is not None:
        return float(ordinal)
    words = read_number_words(text, language)
    if words is not None:
        return float(words)
    match = _NUMBER.match(text)
    if not match:
        raise NumberFormatError("Type a number, for example 42 or 3.14.")
    value = _to_float(match.group(), whole)
    rest = text[match.end():].strip().casefold()
    if rest in _SUFFIXES and not _is_unit(rest, unit):
        return value * _SUFFIXES[rest]
    if rest:
        raise NumberFormatError(
            f"Type just the number (in {unit})." if unit else "Type just a number, without words."
        )
    return value


def _join_digit_groups(text: str) -> str:
    """Remove grouping between digits ("58 000", "58_000", "58'000" -> "58000")."""
    return re.sub(r"(?<=\d)[\s\u00a0\u202f_'’](?=\d{3}(?!\d))", "", text)


def _without_unit(text: str, unit: str | None) -> str:
    """The text with the question's unit, in any of its forms, taken off the end."""
    if not unit:
        return text
    forms = unit_forms(unit)
    words = text.split()
    for count in (1, 2, 3):  # units of several words: "square km"
        if len(words) > count and _unit_form(" ".join(words[-count:])) in forms:
            return " ".join(words[:-count])
    attached = re.match(r"^(.*\d)\s*([^\d\s][^\d]*)$", text)  # "8850m", "71%"
    if attached and _unit_form(attached.group(2)) in forms:
        return attached.group(1)
    return text


def _unit_form(text: str) -> str:
    # A unit that is only punctuation ("%") is compared as written, not folded away.
    return fold(text) or text.strip().casefold()


def unit_forms(unit: str) -> set[str]:
    """The folded forms of a unit a player may type: "countries" -> country, countries."""
    base = _unit_form(unit)
    forms = {base}
    for singular, plural in _IRREGULAR_PLURALS.items():
        if base in (singular, plural):
            return {singular, plural}
    if base.isalpha() and len(base) > 2:
        if base.endswith("ies"):
            forms.add(base[:-3] + "y")
        elif base.endswith("es") and base[:-2].endswith(("s", "x", "ch", "sh")):
            forms.add(base[:-2])
        elif base.endswith("s"):
            forms.add(base[:-1])
        elif base.endswith("y") and base[-2] not in "aeiou":
            forms.add(base[:-1] + "ies")
        elif base.endswith(("s", "x", "ch", "sh")):
            forms.add(base + "es")
        else:
            forms.add(base + "s")
    return forms


def _is_unit(rest: str, unit: str | None) -> bool:
    return bool(unit) and _unit_form(rest) in unit_forms(unit or "")


def _to_float(number: str, whole: bool) -> float:
    sign = "-" if number.startswith("-") else ""
    digits = number.lstrip("+-")
    if whole and _DOT_GROUPED.match(digits):
        digits = digits.replace(".", "").replace(",", ".")
    elif "," in digits and "." in digits:
        # Whichever separator comes last is the decimal one: 1,234.5 and 1.234,5.
        if digits.rfind(",") > digits.rfind("."):
            digits = digits.replace(".", "").replace(",", ".")
        else:
            digits = digits.replace(",", "")
    elif "," in digits:
        if _COMMA_GROUPED.match(digits):
            digits = digits.replace(",", "")
        elif digits.count(",") == 1:
            digits = digits.replace(",", ".")
        else:
            raise NumberFormatError(f"{number!r} is not a number I can read; try 1234.5.")
    elif digits.count(".") > 1 and _DOT_GROUPED.match(digits):
        digits = digits.replace(".", "")  # 1.234.567 cannot be a decimal
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
