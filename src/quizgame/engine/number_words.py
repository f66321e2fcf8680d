"""Numbers written in words, one reader per language: "fifty-eight thousand" -> 58000.

`read_number_words(text, language)` reads cardinals ("eight", "one hundred and five",
"two million") and ordinals ("fortieth", "twenty-first") up to the trillions. Languages register
a reader in `READERS` by their primary BCP 47 subtag; English is built in, and a quiz in another
language falls back to it (digits work in every language).
"""

from __future__ import annotations

import re
from collections.abc import Callable

NumberWordsReader = Callable[[list[str]], int | None]

_EN_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_EN_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
_EN_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_EN_ORDINAL_SCALES = {
    "hundredth": 100, "thousandth": 1_000, "millionth": 1_000_000, "billionth": 1_000_000_000,
}


def _english(words: list[str]) -> int | None:
    """An English cardinal or ordinal, or None when the words are not one number."""
    if words[:1] == ["a"] and len(words) > 1:  # "a hundred", "a million"
        words = ["one", *words[1:]]
    total = current = 0
    last_scale = 10**15
    seen_number = ordinal_done = False
    for word in words:
        if ordinal_done:
            return None  # nothing may follow an ordinal ("fortieth one")
        if word == "and" and seen_number:
            continue
        value = _EN_UNITS.get(word, _EN_ORDINAL_UNITS.get(word))
        if value is not None:
            # "fifty eight" is one number; "eight fifty" is not (it is read as two).
            if current % 100 and (value >= 10 or current % 10):
                return None
            current += value
            seen_number = True
            ordinal_done = word in _EN_ORDINAL_UNITS
            continue
        scale = _EN_SCALES.get(word, _EN_ORDINAL_SCALES.get(word))
        if scale is None or not seen_number:
            return None
        if scale == 100:
            if current == 0 or current >= 100:
                return None
            current *= 100
        else:
            # Big scales come in decreasing order: "two million three thousand".
            if current == 0 or scale >= last_scale:
                return None
            total += current * scale
            current = 0
            last_scale = scale
        ordinal_done = word in _EN_ORDINAL_SCALES
    return total + current if seen_number else None


READERS: dict[str, NumberWordsReader] = {"en": _english}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def reader_for(language: str | None) -> NumberWordsReader:
    """The number-words reader of a BCP 47 language tag ("en", "en-GB"); English by default."""
    primary = (language or "en").split("-")[0].casefold()
    return READERS.get(primary, _english)


def number_words(text: str) -> list[str]:
    """The words of a number, lower-cased, hyphens and commas treated as spaces."""
    return _WORD.findall(text.casefold())


def read_number_words(text: str, language: str | None = None) -> int | None:
    """The number that `text` spells out entirely ("fifty-eight thousand"), or None."""
    words = number_words(text)
    if not words or "".join(words) != re.sub(r"[\s,\-]+", "", text.casefold()):
        return None
    return reader_for(language)(words)


_DIGIT_ORDINAL = re.compile(r"^(\d+)\s*(?:st|nd|rd|th)$", re.IGNORECASE)


def read_ordinal_digits(text: str) -> int | None:
    """"40th" -> 40, "1st" -> 1; None for anything else."""
    match = _DIGIT_ORDINAL.match(text.strip())
    return int(match.group(1)) if match else None
