"""How plain mode shows each question type: its options and a line saying how to answer.

One renderer per type, in `RENDERERS` keyed by type (plain mode's entry of each type; see
docs/architecture.md, "Adding a question type"); each returns the lines to print under the
prompt. Options are numbered from 1, as `parse_response` reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from string import ascii_uppercase

from quizgame.engine.numbers import format_number
from quizgame.engine.presentation import PresentedQuestion
from quizgame.format.cloze import with_gaps

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


def _poll(shown: PresentedQuestion) -> list[str]:
    return [*numbered(shown.options), "Vote: the number or the text of your choice (a poll: no answer is right)."]


def _cloze(shown: PresentedQuestion) -> list[str]:
    question = shown.question
    assert question.type == "cloze"
    lines = [with_gaps(question.pieces)]
    for number, blank in enumerate(question.blanks, start=1):
        if blank.kind == "choice":
            options = "  ".join(f"{i}. {option}" for i, option in enumerate(blank.choices, start=1))
            lines.append(f"  ({number}): {options}")
    count = len(question.blanks)
    where = "what goes in the blank" if count == 1 else f"one line per blank, (1) to ({count})"
    lines.append(f"Answer: {where}; a choice by its number or text.")
    return lines


def _truefalse(shown: PresentedQuestion) -> list[str]:
    return ["  1. True", "  2. False", "Answer: true or false (t, f, yes, no, 1, 2)."]


def _number(shown: PresentedQuestion) -> list[str]:
    unit = getattr(shown.question, "unit", None)
    return [f"Answer: a number (in {unit})." if unit else "Answer: a number."]


def _estimate(shown: PresentedQuestion) -> list[str]:
    question = shown.question
    assert question.type == "estimate"
    unit = f" {question.unit}" if question.unit else ""
    low, high = format_number(question.min), format_number(question.max)
    return [f"Answer: your estimate, a number from {low} to {high}{unit} (closer earns more)."]


def _text(shown: PresentedQuestion) -> list[str]:
    return ["Answer: type it (case and accents do not matter)."]


def _order(shown: PresentedQuestion) -> list[str]:
    return [
        *numbered(shown.options),
        "Answer: all the items in the right order, first to last; numbers or texts separated "
        "by commas.",
    ]


def _pairing(each: str, one_of: str, what: str) -> Renderer:
    """Lettered left items, numbered options, and how to give one option per left item."""

    def render(shown: PresentedQuestion) -> list[str]:
        letters = ascii_uppercase[: len(shown.lefts)]
        lefts = [f"  {letter}. {left}" for letter, left in zip(letters, shown.lefts)]
        return [
            each,
            *lefts,
            one_of,
            *numbered(shown.options),
            f"Answer: for {', '.join(letters)} in this order, the number or text of {what}, "
            "separated by commas.",
        ]

    return render


_match = _pairing("Match each of:", "with one of:", "its partner")
_categorize = _pairing("Sort each of:", "into one of:", "its bucket (a bucket can take several)")


RENDERERS: dict[str, Renderer] = {
    "choice": _choice,
    "multi": _multi,
    "truefalse": _truefalse,
    "number": _number,
    "text": _text,
    "order": _order,
    "match": _match,
    "estimate": _estimate,
    "poll": _poll,
    "categorize": _categorize,
    "cloze": _cloze,
}


def render(shown: PresentedQuestion) -> list[str]:
    """The lines under a question's prompt: options and how to answer."""
    return RENDERERS[shown.type](shown)
