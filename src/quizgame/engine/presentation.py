"""How a question is shown: its number, options in a seeded order, time limit and hint.

Every shuffle draws from a `random.Random` seeded with the session seed and a key (the question
id, or "questions" for the question order), so a given seed replays a game exactly, and one
question's shuffle does not depend on which questions came before it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from quizgame.format.models import Question


@dataclass(frozen=True, slots=True)
class PresentedQuestion:
    """One question as the player sees it.

    `options` are the choices in shown order (choice, multi), the items shuffled (order), or the
    right-hand items shuffled (match; the left items keep the quiz's order); empty otherwise.
    `time_limit` is in seconds, 0 when untimed (only quiz mode is timed). `language` is the
    quiz's, for reading typed numbers in its words.
    """

    number: int
    total: int
    question: Question
    options: tuple[str, ...] = ()
    time_limit: int = 0
    hint: str | None = None
    language: str | None = None

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def lefts(self) -> tuple[str, ...]:
        """The left-hand items of a match question, in the quiz's order (empty otherwise)."""
        if self.question.type != "match":
            return ()
        return tuple(left for left, _ in self.question.pairs)


def rng(seed: int, key: str) -> random.Random:
    """A generator for one shuffle; string seeds are hashed with SHA-512, stable across runs."""
    return random.Random(f"{seed}:{key}")


def ordered_questions(questions: Sequence[Question], *, seed: int, shuffle: bool) -> list[Question]:
    """The questions in play order: the quiz's order, or a seeded shuffle of it."""
    ordered = list(questions)
    if shuffle:
        rng(seed, "questions").shuffle(ordered)
    return ordered


def options_for(question: Question, *, seed: int, shuffle_choices: bool) -> tuple[str, ...]:
    """The options a question shows, in the order the seed gives."""
    generator = rng(seed, question.id)
    match question.type:
        case "choice" | "multi":
            choices = list(question.choices)
            if shuffle_choices:
                generator.shuffle(choices)
            return tuple(choices)
        case "order":
            return _shuffled_apart(question.items, generator)
        case "match":
            return _shuffled_apart([right for _, right in question.pairs], generator)
        case _:
            return ()


def _shuffled_apart(answer: Sequence[str], generator: random.Random) -> tuple[str, ...]:
    """A shuffle that never shows the answer itself: rotated by one when the shuffle hit it."""
    items = list(answer)
    generator.shuffle(items)
    if items == list(answer):
        items = items[1:] + items[:1]
    return tuple(items)
