"""The quiz-wide context of marking typed answers: `Marking`, made once per quiz.

A typed answer is judged against its own question, but with the whole quiz in view: another
question's answer is never taken for a typo of this one (engine/typed_answers.py), and the
quiz's `typos` and `language` apply to every question. `keyed_texts` says what a question keys,
whatever its type, so new question types need nothing here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from quizgame.engine import answer_words
from quizgame.engine.normalise import words

Phrase = tuple[str, ...]


def keyed_texts(question: Any) -> list[str]:
    """The texts a question keys as right: its answers, right choice, items or pairs."""
    texts: list[str] = []
    for name in ("answers", "answer", "items"):
        value = getattr(question, name, None)
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list):
            texts.extend(item for item in value if isinstance(item, str))
    for pair in getattr(question, "pairs", None) or ():
        texts.extend(pair)
    return texts


def accepted_texts(question: Any) -> list[str]:
    """What a question accepts as a whole answer: its answers or its right choice."""
    return [text for text in keyed_texts(question)
            if text not in (getattr(question, "items", None) or ())
            and not any(text in pair for pair in getattr(question, "pairs", None) or ())]


class Marking:
    """The quiz-wide context of marking: typos on or off, language, and every question's keys.

    Made once per quiz (`Marking.for_quiz`): it indexes the words and answers of every question
    so that judging one answer does not read the whole quiz again.
    """

    def __init__(
        self,
        typos: bool = True,
        language: str | None = None,
        keyed: dict[str, list[str]] | None = None,
        accepted: dict[str, list[str]] | None = None,
    ) -> None:
        self.typos = typos
        self.language = language
        self._words = {qid: frozenset(words_of(texts)) for qid, texts in (keyed or {}).items()}
        self._word_count = Counter(word for found in self._words.values() for word in found)
        self._answers = [(qid, phrase(text)) for qid, texts in (accepted or {}).items()
                         for text in texts]
        self._others: dict[str, frozenset[Phrase]] = {}

    @classmethod
    def for_quiz(cls, quiz: Any) -> Marking:
        return cls(
            typos=getattr(quiz.quiz, "typos", True),
            language=quiz.quiz.language,
            keyed={q.id: keyed_texts(q) for q in quiz.questions},
            accepted={q.id: accepted_texts(q) for q in quiz.questions},
        )

    def is_other_word(self, question_id: str, word: str) -> bool:
        """True when another question of the quiz keys a text with this word."""
        own = word in self._words.get(question_id, frozenset())
        return self._word_count[word] > own

    def other_answers(self, question_id: str) -> frozenset[Phrase]:
        """What the other questions accept as a whole answer, as words."""
        if question_id not in self._others:
            self._others[question_id] = frozenset(
                answer for qid, answer in self._answers if qid != question_id
            )
        return self._others[question_id]


PLAIN_MARKING = Marking()


@lru_cache(maxsize=4096)
def phrase(text: str) -> Phrase:
    """A text's folded words, dotted acronyms and abbreviations expanded."""
    return tuple(answer_words.expand_abbreviations(words(answer_words.expand_dotted(text))))


def words_of(texts: Sequence[str]) -> set[str]:
    return {word for text in texts for word in phrase(text)}
