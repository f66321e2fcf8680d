"""Export to Moodle's GIFT text format (import is in `gift_import`).

Every type Moodle has is written: choice (`=right ~wrong`), multi (`~%50%` weights that sum to
100 for the right options, each wrong one taking off as much as one right one gives, so Moodle
grades every set of picks as quizgame does), truefalse (`{TRUE}`), number
(`{#answer:tolerance}`), text (`{=accepted =also}`, `*` escaped: Moodle reads it as a
wildcard) and match (`{=left -> right}`). The question
id is the GIFT title (`::id::`) and the explanation is the general feedback (`####`). `order`
has no GIFT form and is skipped with that reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from quizgame.format.models import (
    AnyQuestion,
    CategorizeQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    Question,
    Quiz,
    TextQuestion,
    TrueFalseQuestion,
)
from quizgame.interop.common import (
    ExportOptions,
    ExportResult,
    ExportTable,
    NotCarried,
    Unsupported,
    format_number,
    render_each,
)

# The characters GIFT gives a meaning to, and the backslash that escapes them (Moodle's list).
_ESCAPES = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}",
            ":": "\\:", "\n": "\\n", "\r": ""}
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
MATCH_ARROW = "->"
Q = TypeVar("Q", bound=AnyQuestion)
# Moodle reads a leading `[html]` (etc.) as the text's format, not as text.
FORMAT_MARKER = re.compile(r"\[(moodle|html|plain|markdown)\]")


def escape(text: str, *, formatted: bool = True) -> str:
    """Text with GIFT's special characters escaped and newlines written as `\\n`.

    In the places where Moodle looks for a `[format]` marker (`formatted`), a text that starts
    with one gets an explicit `[moodle]` first, so its own `[...]` stays text.
    """
    escaped = _SPECIAL.sub(lambda match: _ESCAPES[match.group()], text)
    if formatted and FORMAT_MARKER.match(escaped.strip()):
        return f"[moodle]{escaped}"
    return escaped


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """The quiz as GIFT text; `order` questions (and texts GIFT cannot hold) are skipped."""
    blocks, skipped = render_each(quiz, EXPORTS, "GIFT")
    title = " ".join(quiz.quiz.title.split())  # a comment ends at the line's end
    header = f"// {title} (quizgame quiz {quiz.quiz.id})\n\n"
    return ExportResult(header + "\n".join(blocks), len(blocks), skipped)


def question_block(question: Question, answers: list[str]) -> str:
    """One question: `::id::prompt{answers####explanation}` followed by a blank line."""
    if question.explanation:
        answers = [*answers, f"####{escape(question.explanation)}"]
    head = f"::{escape(question.id, formatted=False)}::{escape(question.prompt)}"
    if len(answers) == 1:
        return f"{head}{{{answers[0]}}}\n"
    body = "".join(f"\t{line}\n" for line in answers)
    return f"{head}{{\n{body}}}\n"


def _choice(question: ChoiceQuestion) -> list[str]:
    return [
        f"={escape(c)}" if c == question.answer else f"~{_guard(c)}{escape(c)}"
        for c in question.choices
    ]


def _multi(question: MultiQuestion) -> list[str]:
    right = [c for c in question.choices if c in question.answers]
    wrong = [c for c in question.choices if c not in question.answers]
    # Each wrong pick takes off what one right pick gives, as quizgame's grader does.
    weights = {c: 100 / len(right) for c in right} | {c: -100 / len(right) for c in wrong}
    return [f"~%{_weight(weights[c])}%{escape(c)}" for c in question.choices]


def _truefalse(question: TrueFalseQuestion) -> list[str]:
    return ["TRUE" if question.answer else "FALSE"]


def _number(question: NumberQuestion) -> list[str]:
    value = format_number(question.answer)
    if question.tolerance:
        value += f":{format_number(question.tolerance)}"
    return [f"#{value}"]


def _text(question: TextQuestion) -> list[str]:
    if any(MATCH_ARROW in a for a in question.answers):
        raise Unsupported(f"an accepted answer contains '{MATCH_ARROW}', which GIFT reads "
                          "as a matching pair")
    return [f"={'%100%' if a.startswith('%') else ''}{escape(escape_wildcard(a))}"
            for a in question.answers]


def _match(question: MatchQuestion) -> list[str]:
    if any(MATCH_ARROW in left for left, _ in question.pairs):
        raise Unsupported(f"a left item contains '{MATCH_ARROW}', which GIFT uses to "
                          "separate a pair")
    return [f"={escape(left)} {MATCH_ARROW} {escape(right, formatted=False)}"
            for left, right in question.pairs]


def _estimate(question: EstimateQuestion) -> list[str]:
    """Moodle numerical answers: full credit within the tolerance, half within half the
    fall-off beyond it (where quizgame's straight line gives half credit)."""
    value = format_number(question.answer)
    half = question.tolerance + (question.max - question.min) / 8
    return [f"#={value}:{format_number(question.tolerance)}", f"=%50%{value}:{format_number(half)}"]


def _categorize(question: CategorizeQuestion) -> list[str]:
    """As a Moodle matching question: each item's bucket is its partner (partners repeat, which
    the import reads back as categorize; a bucket with no items is lost)."""
    bucket_of = question.bucket_of()
    if any(MATCH_ARROW in item for item in bucket_of):
        raise Unsupported(f"an item contains '{MATCH_ARROW}', which GIFT uses to separate a pair")
    return [f"={escape(item)} {MATCH_ARROW} {escape(bucket, formatted=False)}"
            for item, bucket in bucket_of.items()]


def _cloze(quiz: Quiz, question: ClozeQuestion) -> str:
    """A one-blank cloze as a Moodle missing-word question: the answer block where the blank is."""
    blanks = question.blanks
    if len(blanks) > 1:
        raise Unsupported(f"GIFT holds one blank per question (missing word); this one has {len(blanks)}")
    blank, (before, after) = blanks[0], question.pieces
    if blank.kind == "choice":
        answers = " ".join(f"={escape(c)}" if c == blank.answers[0] else f"~{_guard(c)}{escape(c)}"
                           for c in blank.choices)
    elif blank.kind == "number":
        tolerance = f":{format_number(blank.tolerance)}" if blank.tolerance else ""
        answers = f"#{format_number(blank.number)}{tolerance}"
    else:
        if any(MATCH_ARROW in a for a in blank.answers):
            raise Unsupported(f"an accepted answer contains '{MATCH_ARROW}', which GIFT reads as a pair")
        answers = " ".join(f"={escape(escape_wildcard(a))}" for a in blank.answers)
    feedback = f"####{escape(question.explanation)}" if question.explanation else ""
    head = f"::{escape(question.id, formatted=False)}::"
    return f"{head}{escape(before)}{{{answers}{feedback}}}{escape(after, formatted=False)}\n"


def _block(answers: Callable[[Q], list[str]]) -> Callable[[Quiz, Q], str]:
    return lambda quiz, question: question_block(question, answers(question))


EXPORTS: ExportTable[str] = {
    "choice": _block(_choice),
    "multi": _block(_multi),
    "truefalse": _block(_truefalse),
    "number": _block(_number),
    "text": _block(_text),
    "order": NotCarried("GIFT has no ordering question type"),
    "match": _block(_match),
    "estimate": _block(_estimate),
    "categorize": _block(_categorize),
    "cloze": _cloze,
    "poll": NotCarried("GIFT has no poll: every Moodle choice question needs a right answer"),
}


def escape_wildcard(answer: str) -> str:
    """Moodle's short answer reads `*` as "any text": `\\*` is a literal asterisk."""
    return answer.replace("*", "\\*")


def _guard(choice: str) -> str:
    """A wrong choice starting with `%50%` would be read as a weight: give it an explicit 0%."""
    return "%0%" if choice.startswith("%") else ""


def _weight(percent: float) -> str:
    """Moodle's grade list has five decimals (33.33333, 14.28571): write weights the same way."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")
