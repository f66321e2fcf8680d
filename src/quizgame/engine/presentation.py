"""How a question is shown: its number, options in a seeded order, time limit and hint.

Every shuffle draws from a `random.Random` seeded with the session seed and a key (the question
id, or "questions" for the question order), so a given seed replays a game exactly, and one
question's shuffle does not depend on which questions came before it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from quizgame.engine.shown import Shown
from quizgame.format.models import Question


@dataclass(frozen=True, slots=True)
class PresentedQuestion:
    """One question as the player sees it.

    `options` and `lefts` are laid out by the question type's grader (`Grader.layout`): the
    choices in shown order (choice, multi), the items shuffled (order), or the right-hand items
    shuffled with the left items in the quiz's order in `lefts` (match); empty otherwise.
    `time_limit` is in seconds, 0 when untimed (only quiz mode is timed). `language` is the
    quiz's, for reading typed numbers in its words.
    """

    number: int
    total: int
    question: Question
    options: tuple[str, ...] = ()
    time_limit: int = 0
    hint: str | None = None
    lefts: tuple[str, ...] = ()
    language: str | None = None

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def shown(self) -> Shown:
        """What a front-end draws of it (plain data: see engine/shown.py)."""
        question = self.question
        return Shown(
            question_id=question.id,
            type=question.type,
            prompt=question.prompt,
            number=self.number,
            total=self.total,
            options=self.options,
            lefts=self.lefts,
            time_limit=self.time_limit,
            has_hint=self.hint is not None,
            unit=getattr(question, "unit", None),
            scale=(question.min, question.max) if question.type == "estimate" else None,
            cloze_text=question.text if question.type == "cloze" else None,
        )


def rng(seed: int, key: str) -> random.Random:
    """A generator for one shuffle; string seeds are hashed with SHA-512, stable across runs."""
    return random.Random(f"{seed}:{key}")


def ordered_questions(questions: Sequence[Question], *, seed: int, shuffle: bool) -> list[Question]:
    """The questions in play order: the quiz's order, or a seeded shuffle of it."""
    ordered = list(questions)
    if shuffle:
        rng(seed, "questions").shuffle(ordered)
    return ordered


def shuffled_apart(answer: Sequence[str], generator: random.Random) -> tuple[str, ...]:
    """A shuffle that never shows the answer itself: rotated by one when the shuffle hit it."""
    items = list(answer)
    generator.shuffle(items)
    if items == list(answer):
        items = items[1:] + items[:1]
    return tuple(items)
