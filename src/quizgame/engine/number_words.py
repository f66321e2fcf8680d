"""Numbers written in words, one reader per language: "fifty-eight thousand" -> 58000.

`read_number_words(text, language)` reads cardinals ("eight", "one hundred and five",
"two million") and ordinals ("fortieth", "twenty-first") up to the trillions. Languages register
a reader in `READERS` by their primary BCP 47 subtag; English and Spanish are built in. English
number words are read in every quiz, its own language's first (digits work in every language).
"""

from __future__ import annotations

import re
import unicodedata
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


_ES_UNITS = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
    "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiun": 21,
    "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90,
}
_ES_HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}
_ES_ORDINALS = {
    "primero": 1, "primer": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercero": 3,
    "tercer": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6,
    "sexta": 6, "septimo": 7, "septima": 7, "octavo": 8, "octava": 8, "noveno": 9,
    "novena": 9, "decimo": 10, "decima": 10,
}
_ES_SCALES = {"mil": 1_000, "millon": 1_000_000, "millones": 1_000_000,
              "billon": 10**12, "billones": 10**12}


def _spanish(words: list[str]) -> int | None:
    """A Spanish cardinal ("cincuenta y ocho mil") or a small ordinal ("cuarto")."""
    words = [_unaccented(word) for word in words]
    if len(words) == 1 and words[0] in _ES_ORDINALS:
        return _ES_ORDINALS[words[0]]
    total = current = 0
    last_scale = 10**15
    seen_number = False
    for index, word in enumerate(words):
        if word == "y":
            # "treinta y ocho": only between tens and units.
            if not (current % 10 == 0 and current % 100 >= 30 and index + 1 < len(words)
                    and _ES_UNITS.get(words[index + 1], 10) < 10):
                return None
            continue
        if word in _ES_HUNDREDS:
            if current:
                return None
            current = _ES_HUNDREDS[word]
        elif word in _ES_UNITS:
            value = _ES_UNITS[word]
            if current % 100 and (value >= 10 or current % 10):
                return None
            current += value
        elif word in _ES_SCALES:
            scale = _ES_SCALES[word]
            if scale >= last_scale:
                return None
            # "mil" alone is a thousand; "millones" needs a number before it.
            if current == 0 and scale != 1_000:
                return None
            total += (current or 1) * scale
            current = 0
            last_scale = scale
        else:
            return None
        seen_number = True
    return total + current if seen_number else None


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


READERS: dict[str, NumberWordsReader] = {"en": _english, "es": _spanish}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def read_words(words: list[str], language: str | None = None) -> int | None:
    """The number that folded words spell, in the language of a BCP 47 tag or in English."""
    primary = (language or "en").split("-")[0].casefold()
    reader = READERS.get(primary, _english)
    value = reader(words)
    return value if value is not None or reader is _english else _english(words)


def number_words(text: str) -> list[str]:
    """The words of a number, lower-cased, hyphens and commas treated as spaces."""
    return _WORD.findall(text.casefold())


def read_number_words(text: str, language: str | None = None) -> int | None:
    """The number that `text` spells out entirely ("fifty-eight thousand"), or None."""
    words = number_words(text)
    if not words or "".join(words) != re.sub(r"[\s,\-]+", "", text.casefold()):
        return None
    return read_words(words, language)


_DIGIT_ORDINAL = re.compile(r"^(\d+)\s*(?:st|nd|rd|th)$", re.IGNORECASE)


def read_ordinal_digits(text: str) -> int | None:
    """"40th" -> 40, "1st" -> 1; None for anything else."""
    match = _DIGIT_ORDINAL.match(text.strip())
    return int(match.group(1)) if match else None
