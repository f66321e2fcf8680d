"""Is a question's keyed answer in its own `source` quote? (`quizgame check --support`)

A quote proves that the article says something; this check says whether it says *the answer*.
Both are reduced to content words first: accents and case folded, abbreviations and dotted
acronyms expanded ("U.S." -> united states), numbers written as digits ("eight" -> 8,
"58,000" -> 58000, "40th" -> 40), words stemmed in the quiz's language ("announcing" and
"announces" agree) and small words dropped. A keyed text is supported when every one of its
content words is in the quote. What is not supported is an inference ("the following year" ->
2018) or a paraphrase: a teacher should look at each.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]

from quizgame.engine import answer_words
from quizgame.engine.marking import accepted_texts
from quizgame.engine.normalise import words
from quizgame.engine.number_words import read_words
from quizgame.engine.numbers import format_number
from quizgame.format.models import quoted

_STEMMERS = {"en": "english", "es": "spanish", "fr": "french", "de": "german", "it": "italian",
             "pt": "portuguese", "nl": "dutch"}
_SMALL_WORDS = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "by", "with", "as", "and", "or",
    "its", "it", "is", "are", "was", "be", "that", "this", "his", "her", "their", "from",
    "such", "s", "into", "one", "other", "will", "would", "who", "whom", "when", "has", "have",
    "had", "we", "they", "there", "these", "those", "he", "she", "up",
})
_LONGEST_NUMBER_WORDS = 12
_NUMBER = re.compile(r"\d+(?:[.,'’\u00a0\u202f]\d+)*(?:st|nd|rd|th)?")
_THOUSANDS = re.compile(r"(?<=\d)[,.'’\u00a0\u202f](?=\d{3}(?!\d))")


def support_warnings(question: Any, language: str | None) -> list[str]:
    """Why a question's keyed answer is not in its source quote; [] when it is (or no quote)."""
    quote = getattr(question, "source", None)
    if not quote or question.type == "truefalse":
        return []
    found = content(quote, language)
    if question.type == "number":
        number = format_number(question.answer)
        if number in found:
            return []
        return [f"the answer {number} is not in the source quote: if it is inferred from the "
                "text, check the inference"]
    if question.type == "text":
        if any(content(answer, language) <= found for answer in question.answers):
            return []
        return [f"no accepted answer (such as {quoted(question.answers[0])}) is in the source "
                "quote: if it is inferred or reworded, check it"]
    missing = [text for text in _keyed(question) if not content(text, language) <= found]
    if not missing:
        return []
    listed = ", ".join(quoted(text) for text in missing)
    return [f"not in the source quote: {listed}: if inferred or reworded, check it"]


def _keyed(question: Any) -> list[str]:
    if getattr(question, "pairs", None):
        return [side for pair in question.pairs for side in pair]
    return list(getattr(question, "items", None) or accepted_texts(question))


def content(text: str, language: str | None) -> set[str]:
    """The content words of a text, normalised as the module docstring says."""
    text = answer_words.expand_dotted(text)
    tokens: list[str] = []
    position = 0
    for match in _NUMBER.finditer(text):
        tokens += _words_with_numbers(text[position:match.start()], language)
        tokens.append(_number_token(match.group()))
        position = match.end()
    tokens += _words_with_numbers(text[position:], language)
    stem = _stemmer(language)
    return {stem(token) for token in tokens if token not in _SMALL_WORDS}


def _words_with_numbers(text: str, language: str | None) -> list[str]:
    """Folded words, abbreviations expanded, runs of number words read as one number."""
    folded = answer_words.expand_abbreviations(words(text))
    tokens: list[str] = []
    start = 0
    while start < len(folded):
        # The longest run of words from here that reads as one number ("fifty eight thousand");
        # a number starts with a number word, and spelt-out numbers are short.
        value = None
        if read_words(folded[start:start + 1], language) is not None:
            for end in range(min(len(folded), start + _LONGEST_NUMBER_WORDS), start, -1):
                value = read_words(folded[start:end], language)
                if value is not None:
                    tokens.append(str(value))
                    start = end
                    break
        if value is None:
            tokens.append(folded[start])
            start += 1
    return tokens


def _number_token(number: str) -> str:
    digits = re.sub(r"(?:st|nd|rd|th)$", "", number)
    digits = _THOUSANDS.sub("", digits).replace(",", ".")
    try:
        return format_number(float(digits))
    except ValueError:
        return digits


@cache
def _stemmer(language: str | None) -> Any:
    primary = (language or "en").split("-")[0].casefold()
    stemmer = snowballstemmer.stemmer(_STEMMERS.get(primary, "english"))
    if primary != "en":
        return stemmer.stemWord
    # British and American spellings agree: formalised, formalized.
    return lambda word: stemmer.stemWord(re.sub(r"(?<=\w{3})is(e|es|ed|ing|ation|ations)$",
                                                r"iz\1", word))
