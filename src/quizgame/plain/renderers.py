"""How plain mode shows each question type: its options and a line saying how to answer.

One renderer per type, in a table keyed by type like `format.question_types`; each returns the
lines to print under the prompt. Options are numbered from 1, as `parse_response` reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from string import ascii_uppercase

from quizgame.engine.presentation import PresentedQuestion

Renderer = Callable[[PresentedQuestion], list[str]]


def numbered(options: Sequence[str]) -> list[str]:
    return [f"  {number}. {option}" for number, option in enumerate(options, start=1)]


def _choice(shown: PresentedQuestion) -> list[str]:
    return [*numbered(shown.options), "Answer: the number or the text of your choice."]


def _multi(shown: PresentedQuestion) -> list[str]:
    return [
        *numbered(shown.options),
        "Answer: pick every right one; numbers or texts separated by commas.",
    ]


def _truefalse(shown: PresentedQuestion) -> list[str]:
    return ["  1. True", "  2. False", "Answer: true or false (t, f, yes, no, 1, 2)."]


def _number(shown: PresentedQuestion) -> list[str]:
    unit = shown.question.unit
    return [f"Answer: a number (in {unit})." if unit else "Answer: a number."]


def _text(shown: PresentedQuestion) -> list[str]:
    return ["Answer: type it (case and accents do not matter)."]


def _order(shown: PresentedQuestion) -> list[str]:
    return [
        *numbered(shown.options),
        "Answer: all the items in the right order, first to last; numbers or texts separated "
        "by commas.",
    ]


def _match(shown: PresentedQuestion) -> list[str]:
    letters = ascii_uppercase[: len(shown.lefts)]
    lefts = [f"  {letter}. {left}" for letter, left in zip(letters, shown.lefts)]
    return [
        "Match each of:",
        *lefts,
        "with one of:",
        *numbered(shown.options),
        f"Answer: for {', '.join(letters)} in this order, the number or text of its partner, "
        "separated by commas.",
    ]


RENDERERS: dict[str, Renderer] = {
    "choice": _choice,
    "multi": _multi,
    "truefalse": _truefalse,
    "number": _number,
    "text": _text,
    "order": _order,
    "match": _match,
}


def render(shown: PresentedQuestion) -> list[str]:
    """The lines under a question's prompt: options and how to answer."""
    return RENDERERS[shown.type](shown)
