"""Marking a typed text answer the way a fair human marker would (rules in docs/scoring.md).

`judge(question, typed, marking)` compares what a player typed with a question's accepted
answers, in this order:

1. the same text, ignoring case, accents, punctuation and spaces;
2. the answer with qualifiers a marker reads past: a leading article (English and the quiz's
   language), an honorific or abbreviation ("Adm.", "Pres."), a word naming the kind of thing
   ("newspaper"), a fuller name around an accepted name, a trailing ", place" and an added
   "(parenthetical)" — never when the extra words negate the answer ("not Santos"), hedge ("or"),
   or contain a different accepted answer or a wrong choice;
3. likely typos only: none in words of up to 4 letters, one slip (Damerau: swap, drop, add,
   change) in words of 5 to 8 letters, two from 9 letters; never in the first letter or in
   digits, and never when the typed word is itself a word of another question's answers or of
   this question's choices.

`exact = true` keeps the strict comparison; `typos = false` (question or quiz) turns off 3.
The quiz-wide context (its `typos` and `language`, every question's keyed answers) is a
`Marking` (engine/marking.py), made once per quiz with `Marking.for_quiz`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from quizgame.engine import answer_words
from quizgame.engine.marking import PLAIN_MARKING, Marking, Phrase, keyed_texts, phrase, words_of
from quizgame.engine.normalise import fold, words

How = Literal["same", "qualified", "typo", "wrong", "negated", "hedged", "rival", "empty"]

# The longest word with no typo forgiven, and the shortest with two.
NO_TYPO_UP_TO = 4
TWO_TYPOS_FROM = 9
_MAX_EXTRA_WORDS = 3
_MAX_PARENTHETICAL_WORDS = 6
_POSSESSIVE = re.compile(r"[^\W_]+['’]s\b|[^\W_]+s['’](?!\w)", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class TextVerdict:
    """How a typed answer was judged; `canonical` is the accepted spelling after a typo."""

    correct: bool
    how: How
    canonical: str | None = None


def judge(question: Any, typed: str, marking: Marking = PLAIN_MARKING) -> TextVerdict:
    """Judge a typed answer to a question with `answers` (see the module docstring)."""
    text = typed.strip()
    answers: list[str] = list(question.answers)
    if getattr(question, "exact", False):
        same = text in (answer.strip() for answer in answers)
        return TextVerdict(same, "same" if same else "wrong")
    folded = fold(text)
    if not folded:
        return TextVerdict(False, "empty")
    if any(folded == _folded(answer) for answer in answers):
        return TextVerdict(True, "same")
    judge_ = _Judge(question, answers, marking)
    typed_answer = _Typed.read(text)
    refusal: How | None = None
    for allow_typos in (False, True):
        if allow_typos and not judge_.typos:
            break
        for answer in answers:
            verdict = judge_.compare(typed_answer, answer, allow_typos)
            if verdict.correct:
                return verdict
            if verdict.how != "wrong":
                refusal = refusal or verdict.how
    return TextVerdict(False, refusal or "wrong")


@dataclass(frozen=True, slots=True)
class _Typed:
    """A typed answer split into its main words, its trailing ", qualifier" and parentheticals."""

    main: list[str]
    head: list[str]  # the main words before the last comma (empty when there is none)
    tail: list[str]  # the words after the last comma
    parenthetical: list[str]
    possessives: frozenset[str]  # "picassos" from "Picasso's": a possessive, not a typo

    @classmethod
    def read(cls, text: str) -> _Typed:
        text = answer_words.expand_dotted(text)
        inside = " ".join(a or b for a, b in _PARENTHETICAL.findall(text))
        outside = _PARENTHETICAL.sub(" ", text)
        head, comma, tail = outside.rpartition(",")
        expand = answer_words.expand_abbreviations
        return cls(
            main=expand(words(outside)),
            head=expand(words(head)) if comma else [],
            tail=expand(words(tail)) if comma else [],
            parenthetical=expand(words(inside)),
            possessives=frozenset(words(" ".join(_POSSESSIVE.findall(text)))),
        )


class _Judge:
    """The rules applied to one question, with what its context forbids."""

    def __init__(self, question: Any, answers: list[str], marking: Marking) -> None:
        own = getattr(question, "typos", None)
        self.typos = marking.typos if own is None else own
        self.articles = answer_words.articles(marking.language)
        self.negations = answer_words.negations(marking.language)
        self.question_id = question.id
        self.marking = marking
        self.own_words = words_of(answers)
        choices = list(getattr(question, "choices", None) or ())
        self.choice_words = words_of(choices) - self.own_words
        self.own_rivals = frozenset(phrase(c) for c in choices if c not in keyed_texts(question))
        self.other_rivals = marking.other_answers(question.id)

    def compare(self, typed: _Typed, answer: str, allow_typos: bool) -> TextVerdict:
        core = self._strip_article(phrase(answer))
        proper = _is_proper_name(answer)
        candidates: list[tuple[list[str], list[list[str]]]] = [(typed.main, [typed.parenthetical])]
        if typed.tail:
            candidates.append((typed.head, [typed.parenthetical, typed.tail]))
        outcome: How = "wrong"
        for typed_words, qualifiers in candidates:
            main = list(self._strip_article(tuple(typed_words)))
            found = self._find(main, core, allow_typos, typed.possessives)
            if found is None:
                continue
            prefix, suffix = main[:found], main[found + len(core):]
            if suffix and main[found + len(core) - 1] in typed.possessives:
                continue  # "Santos' successor" is someone else
            typo = allow_typos and tuple(main[found:found + len(core)]) != core
            # A slip and a longer name at once is a guess at someone else ("Picaso's friend").
            how = self._extras_refusal(prefix, suffix, qualifiers, proper and not typo)
            if how is None:
                if typo:
                    return TextVerdict(True, "typo", canonical=answer)
                return TextVerdict(True, "qualified")
            outcome = how
        return TextVerdict(False, outcome)

    def _strip_article(self, folded_words: Phrase) -> Phrase:
        if len(folded_words) > 1 and folded_words[0] in self.articles:
            return folded_words[1:]
        return folded_words

    def _find(
        self, main: list[str], core: Phrase, allow_typos: bool, possessives: frozenset[str]
    ) -> int | None:
        """Where the answer's words start in the typed words, or None."""
        for start in range(len(main) - len(core) + 1):
            window = main[start:start + len(core)]
            if all(given == wanted or (allow_typos and given not in possessives
                                       and self._is_slip(given, wanted))
                   for given, wanted in zip(window, core)):
                return start
        return None

    def _is_slip(self, given: str, wanted: str) -> bool:
        # A typed word that is another answer's word, or a choice's, is not a slip for ours.
        if given in self.choice_words or (
            given not in self.own_words and self.marking.is_other_word(self.question_id, given)
        ):
            return False
        return is_likely_typo(given, wanted)

    def _extras_refusal(
        self,
        prefix: list[str],
        suffix: list[str],
        qualifiers: list[list[str]],
        proper: bool,
    ) -> How | None:
        """Why the words around the answer make it another answer, or None when they don't."""
        extras = prefix + suffix + [word for words_ in qualifiers for word in words_]
        if any(word in self.negations for word in extras):
            return "negated"
        if any(word in answer_words.HEDGES for word in extras):
            return "hedged"
        if any(_contains_any(part, self.own_rivals) for part in (prefix, suffix, *qualifiers)):
            return "rival"
        # Beside the answer or in brackets another question's answer is a second answer
        # ("Santos Petro", "Santos (Petro)"); after a comma it is a place ("Bogotá, Colombia").
        parenthetical, *tail = qualifiers
        if any(_contains_any(part, self.other_rivals) for part in (prefix, suffix, parenthetical)):
            return "rival"
        for part in (prefix, suffix):
            if len(part) > _MAX_EXTRA_WORDS or not all(self._qualifier(w, proper) for w in part):
                return "wrong"
        if len(parenthetical) > _MAX_PARENTHETICAL_WORDS:
            return "wrong"
        for part in tail:  # ", Colombia": a place qualifier, after a name only
            if len(part) > _MAX_EXTRA_WORDS or not all(w.isalpha() for w in part):
                return "wrong"
            if not proper and not all(w in answer_words.DESCRIPTORS for w in part):
                return "wrong"
        return None

    def _qualifier(self, word: str, proper: bool) -> bool:
        if word in self.articles or word in answer_words.QUALIFIERS:
            return True
        # A fuller name: "Juan Manuel Santos Calderón", but not "Santos of the …".
        return proper and word.isalpha() and word not in answer_words.NOT_NAMES


def is_likely_typo(given: str, wanted: str) -> bool:
    """True when one folded word is a likely slip for another (see the module docstring)."""
    if given == wanted:
        return True
    if len(wanted) <= NO_TYPO_UP_TO or given[:1] != wanted[:1]:
        return False
    if _digits(given) != _digits(wanted):
        return False
    # Imported at the first typo checked, not with the engine: a game's first question is drawn
    # before anything is graded.
    from rapidfuzz.distance import DamerauLevenshtein

    allowed = 1 if len(wanted) < TWO_TYPOS_FROM else 2
    return DamerauLevenshtein.distance(given, wanted, score_cutoff=allowed) <= allowed


def _digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)


def _contains_any(part: Sequence[str], phrases: frozenset[Phrase]) -> bool:
    """True when some run of consecutive words of `part` is one of `phrases`."""
    return any(tuple(part[start:end]) in phrases
               for start in range(len(part)) for end in range(start + 1, len(part) + 1))


def _is_proper_name(answer: str) -> bool:
    """True for a name as the teacher wrote it: each word capitalised ("Juan Manuel Santos")."""
    names = [word for word in re.findall(r"[^\W\d_]+", answer) if len(word) > 3]
    return bool(names) and all(word[0].isupper() for word in names)
