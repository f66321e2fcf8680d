"""Export to Markdown: a printable handout for students without a screen, or its answer key.

The handout numbers the questions in the quiz's order, letters the choices (a, b, c...), leaves
blanks for typed answers, lists order items shuffled with a blank for their rank, and lays out
match questions as a table of numbered items and lettered partners. Shuffles are fixed per
question, so a reprinted handout and its key (`--answers`) always agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from quizgame.format.cloze import with_gaps
from quizgame.format.models import (
    AnyQuestion,
    CategorizeQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    PollQuestion,
    QuestionBase,
    Quiz,
    TrueFalseQuestion,
)
from quizgame.interop.common import (
    INSTRUCTIONS,
    LETTERS,
    ExportOptions,
    ExportResult,
    ExportTable,
    answer_lines,
    format_number,
    print_order,
    render_each,
    shown_choices,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_BLANK = "_" * 30
Q = TypeVar("Q", bound=AnyQuestion)


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """The handout, or with `answer_key` the answer key."""
    blocks, skipped = render_each(quiz, EXPORTS, "Markdown")
    title = _md(quiz.quiz.title) + (" — answer key" if options.answer_key else "")
    parts = [f"# {title}\n"]
    if quiz.quiz.description and not options.answer_key:
        parts.append(f"{_md(quiz.quiz.description)}\n")
    if not options.answer_key:
        parts.append("Name: ______________________________ Date: ______________\n")
    for number, block in enumerate(blocks, start=1):
        parts.append(f"**{number}.** {block.key if options.answer_key else block.handout}\n")
    return ExportResult("\n".join(parts), len(blocks), skipped)


@dataclass(frozen=True)
class Block:
    """One question on the handout (prompt, instruction, space to answer) and in the key."""

    handout: str
    key: str


def _block(
    space: Callable[[Quiz, Q], list[str]],
    key: Callable[[Quiz, Q], str] | None = None,
) -> Callable[[Quiz, Q], Block]:
    """A type's entry: its answer `space` on the handout, its `key` (default: the answer lines)."""

    def block(quiz: Quiz, question: Q) -> Block:
        head = f"{_md(question.prompt)}  \n*{INSTRUCTIONS[question.type]}*"
        answer = key(quiz, question) if key else "; ".join(map(_md, answer_lines(question)))
        if question.explanation:
            answer = f"{answer}  \n*Why:* {_md(question.explanation)}"
        return Block(head + "\n\n" + "\n".join(space(quiz, question)), answer)

    return block


def _choices(quiz: Quiz, question: ChoiceQuestion | MultiQuestion | PollQuestion) -> list[str]:
    box = "☐ " if isinstance(question, MultiQuestion) else ""
    shown = shown_choices(quiz, question)
    return [f"- {box}{LETTERS[i]}) {_md(choice)}" for i, choice in enumerate(shown)]


def _choices_key(quiz: Quiz, question: ChoiceQuestion | MultiQuestion) -> str:
    right = [question.answer] if isinstance(question, ChoiceQuestion) else question.answers
    shown = shown_choices(quiz, question)
    return "; ".join(f"{LETTERS[i]}) {_md(c)}" for i, c in enumerate(shown) if c in right)


def _truefalse(quiz: Quiz, question: TrueFalseQuestion) -> list[str]:
    return ["☐ True ☐ False"]


def _number(quiz: Quiz, question: NumberQuestion) -> list[str]:
    return [f"Answer: {_BLANK} {_md(question.unit or '')}".rstrip()]


def _estimate(quiz: Quiz, question: EstimateQuestion) -> list[str]:
    unit = f" {_md(question.unit)}" if question.unit else ""
    low, high = format_number(question.min), format_number(question.max)
    return [f"Answer: {_BLANK}{unit} (from {low} to {high})"]


def _line(quiz: Quiz, question: QuestionBase) -> list[str]:
    return [f"Answer: {_BLANK}"]


def _order(quiz: Quiz, question: OrderQuestion) -> list[str]:
    return [f"- ____ {_md(item)}" for item in print_order(question.items, question.id)]


def _match(quiz: Quiz, question: MatchQuestion) -> list[str]:
    rights = _shown_rights(question)
    rows = ["| Item | Letter | Partner |", "|---|---|---|"]
    for index, (left, _) in enumerate(question.pairs):
        rows.append(f"| {index + 1}. {_md(left)} | ____ | {LETTERS[index]}) {_md(rights[index])} |")
    return rows


def _match_key(quiz: Quiz, question: MatchQuestion) -> str:
    rights = _shown_rights(question)
    return "; ".join(
        f"{n} → {LETTERS[rights.index(right)]}) {_md(right)}"
        for n, (_, right) in enumerate(question.pairs, start=1)
    )


def _categorize(quiz: Quiz, question: CategorizeQuestion) -> list[str]:
    items = print_order(list(question.bucket_of()), question.id)
    buckets = ", ".join(f"{LETTERS[i]}) {_md(bucket.name)}" for i, bucket in enumerate(question.buckets))
    return [f"Groups: {buckets}", "", *(f"- ____ {_md(item)}" for item in items)]


def _cloze(quiz: Quiz, question: ClozeQuestion) -> list[str]:
    lines = [with_gaps([_md(piece) for piece in question.pieces], "({n}) __________")]
    for number, blank in enumerate(question.blanks, start=1):
        if blank.kind == "choice":
            options = ", ".join(f"{LETTERS[i]}) {_md(c)}" for i, c in enumerate(blank.choices))
            lines += ["", f"({number}) {options}"]
    return lines


EXPORTS: ExportTable[Block] = {
    "choice": _block(_choices, _choices_key),
    "multi": _block(_choices, _choices_key),
    "truefalse": _block(_truefalse),
    "number": _block(_number),
    "text": _block(_line),
    "order": _block(_order),
    "match": _block(_match, _match_key),
    "estimate": _block(_estimate),
    "poll": _block(_choices),
    "categorize": _block(_categorize),
    "cloze": _block(_cloze),
}


def _shown_rights(question: MatchQuestion) -> list[str]:
    return print_order([right for _, right in question.pairs], question.id)


def _md(text: str) -> str:
    """Teacher's text shown literally: Markdown's special characters escaped, lines kept."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")
