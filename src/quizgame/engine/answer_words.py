"""The small words a fair marker reads past in a typed answer, per language.

Articles, honorifics and abbreviations, words that name a kind of thing ("newspaper", "city"),
negations and hedges. English always applies; a quiz's `language` adds its own articles and
negations (the tables are keyed by primary BCP 47 subtag and easy to extend). Every word is
folded (lower case, no accents), as `quizgame.engine.normalise.words` returns them.
"""

from __future__ import annotations

import re

ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset({"the", "a", "an"}),
    "es": frozenset({"el", "la", "los", "las", "un", "una", "unos", "unas"}),
    "fr": frozenset({"le", "la", "les", "l", "un", "une", "des"}),
    "de": frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen"}),
    "it": frozenset({"il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una"}),
    "pt": frozenset({"o", "a", "os", "as", "um", "uma"}),
    "nl": frozenset({"de", "het", "een"}),
}

NEGATIONS: dict[str, frozenset[str]] = {
    "en": frozenset({
        "not", "no", "never", "neither", "nor", "none", "nothing", "nobody", "isnt", "arent",
        "wasnt", "werent", "dont", "doesnt", "didnt", "cant", "cannot", "wont", "wouldnt",
        "shouldnt", "couldnt", "hasnt", "havent", "hadnt", "aint", "without",
    }),
    "es": frozenset({"no", "ni", "nunca", "sin"}),
    "fr": frozenset({"ne", "pas", "non", "jamais", "sans"}),
    "de": frozenset({"nicht", "kein", "keine", "nie", "ohne"}),
    "it": frozenset({"non", "mai", "senza"}),
    "pt": frozenset({"nao", "nunca", "sem"}),
    "nl": frozenset({"niet", "geen", "nooit", "zonder"}),
}

# Words that make a number a range or an estimate: "over 15" is not an answer yet.
RANGE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("over", "under", "above", "below", "about", "around", "approximately", "approx",
           "roughly", "nearly", "almost", "circa", "some", "more than", "less than",
           "fewer than", "at least", "at most", "up to", "not more than", "not less than",
           "between", "from", "just over", "just under", "well over"),
    "es": ("más de", "mas de", "menos de", "al menos", "alrededor de", "unos", "unas",
           "aproximadamente", "casi", "entre", "hasta", "cerca de", "sobre"),
    "fr": ("plus de", "moins de", "au moins", "environ", "presque", "entre", "jusqu'à"),
    "de": ("über", "uber", "unter", "mehr als", "weniger als", "mindestens", "etwa", "circa",
           "fast", "zwischen", "bis zu"),
    "pt": ("mais de", "menos de", "pelo menos", "cerca de", "quase", "entre", "até"),
}

# Words that hedge between answers: "Santos or Petro" is two answers, not one.
HEDGES = frozenset({
    "or", "and", "maybe", "perhaps", "possibly", "probably", "either", "vs", "versus", "guess",
    "think", "unsure", "idk", "o", "y", "ou", "et", "oder", "und",
})

# Abbreviations read as the word they stand for, in answers and in source quotes alike.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "adm": ("admiral",), "pres": ("president",), "dr": ("doctor",), "prof": ("professor",),
    "gen": ("general",), "gov": ("governor",), "sen": ("senator",), "rep": ("representative",),
    "capt": ("captain",), "col": ("colonel",), "lt": ("lieutenant",), "sgt": ("sergeant",),
    "cmdr": ("commander",), "cdr": ("commander",), "amb": ("ambassador",), "st": ("saint",),
    "mt": ("mount",), "ft": ("fort",), "pm": ("prime", "minister"), "sec": ("secretary",),
    "dept": ("department",), "govt": ("government",), "intl": ("international",),
    "natl": ("national",), "univ": ("university",), "jr": ("junior",), "sr": ("senior",),
    "assn": ("association",), "corp": ("corporation",),
}

# Acronyms written with dots, expanded before folding (folding would make "U.S." into "us").
_DOTTED = {
    "u.s.a.": "United States", "u.s.": "United States", "u.k.": "United Kingdom",
    "u.n.": "United Nations", "e.u.": "European Union",
}
_DOTTED_PATTERN = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(key) for key in _DOTTED) + r")(?![\w])", re.IGNORECASE
)

HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "doctor", "professor", "president", "admiral", "general",
    "sir", "dame", "lord", "lady", "king", "queen", "prince", "princess", "senator", "governor",
    "minister", "prime", "chancellor", "captain", "colonel", "lieutenant", "sergeant",
    "commander", "ambassador", "judge", "justice", "reverend", "father", "saint", "sheikh",
    "emir", "sultan", "chief", "secretary", "representative", "former", "foreign", "defence",
    "defense", "of",
})

# Words naming what kind of thing an answer is: "The Guardian newspaper", "the city of Bogotá".
DESCRIPTORS = frozenset({
    "newspaper", "paper", "magazine", "journal", "daily", "city", "town", "village", "capital",
    "country", "nation", "state", "province", "region", "republic", "kingdom", "island",
    "islands", "river", "lake", "mount", "mountain", "sea", "ocean", "group", "organisation",
    "organization", "alliance", "coalition", "exercise", "exercises", "treaty", "agreement",
    "party", "company", "ministry", "department", "court", "council", "union", "summit",
    "conference", "programme", "program", "operation", "of", "in",
})


QUALIFIERS = HONORIFICS | DESCRIPTORS

# Words that cannot be part of a person's or a place's name.
NOT_NAMES = frozenset({
    "on", "at", "for", "to", "by", "with", "from", "is", "was", "are", "were", "it", "who",
    "which", "that", "this", "his", "her", "their", "its", "he", "she", "they", "friend",
    "successor", "predecessor", "wife", "husband", "son", "daughter", "brother", "sister",
})


def articles(language: str | None) -> frozenset[str]:
    """English articles and those of the quiz's language."""
    return ARTICLES["en"] | ARTICLES.get(_primary(language), frozenset())


def negations(language: str | None) -> frozenset[str]:
    """English negations and those of the quiz's language."""
    return NEGATIONS["en"] | NEGATIONS.get(_primary(language), frozenset())


def range_words(language: str | None) -> tuple[str, ...]:
    """English range words and those of the quiz's language."""
    return RANGE_WORDS["en"] + RANGE_WORDS.get(_primary(language), ())


def expand_dotted(text: str) -> str:
    """"the U.S. Department" -> "the United States Department"."""
    return _DOTTED_PATTERN.sub(lambda match: _DOTTED[match.group(1).casefold()], text)


def expand_abbreviations(folded_words: list[str]) -> list[str]:
    """Each abbreviation replaced by the words it stands for: ["adm", "cubides"] -> admiral..."""
    return [word for token in folded_words for word in ABBREVIATIONS.get(token, (token,))]


def _primary(language: str | None) -> str:
    return (language or "en").split("-")[0].casefold()
