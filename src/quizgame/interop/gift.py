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
from typing import assert_never

from quizgame.format.models import (
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Quiz,
    TextQuestion,
    TrueFalseQuestion,
)
from quizgame.interop.common import (
    ExportOptions,
    ExportResult,
    Unsupported,
    format_number,
    render_each,
)

# The characters GIFT gives a meaning to, and the backslash that escapes them (Moodle's list).
_ESCAPES = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}",
            ":": "\\:", "\n": "\\n", "\r": ""}
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
MATCH_ARROW = "->"
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
    blocks, skipped = render_each(quiz.questions, question_block)
    title = " ".join(quiz.quiz.title.split())  # a comment ends at the line's end
    header = f"// {title} (quizgame quiz {quiz.quiz.id})\n\n"
    return ExportResult(header + "\n".join(blocks), len(blocks), skipped)


def question_block(question: Question) -> str:
    """One question: `::id::prompt{answers####explanation}` followed by a blank line."""
    answers = _answers(question)
    if question.explanation:
        answers.append(f"####{escape(question.explanation)}")
    head = f"::{escape(question.id, formatted=False)}::{escape(question.prompt)}"
    if len(answers) == 1:
        return f"{head}{{{answers[0]}}}\n"
    body = "".join(f"\t{line}\n" for line in answers)
    return f"{head}{{\n{body}}}\n"


def _answers(question: Question) -> list[str]:
    if isinstance(question, ChoiceQuestion):
        return [
            f"={escape(c)}" if c == question.answer else f"~{_guard(c)}{escape(c)}"
            for c in question.choices
        ]
    if isinstance(question, MultiQuestion):
        right = [c for c in question.choices if c in question.answers]
        wrong = [c for c in question.choices if c not in question.answers]
        # Each wrong pick takes off what one right pick gives, as quizgame's grader does.
        weights = {c: 100 / len(right) for c in right} | {c: -100 / len(right) for c in wrong}
        return [f"~%{_weight(weights[c])}%{escape(c)}" for c in question.choices]
    if isinstance(question, TrueFalseQuestion):
        return ["TRUE" if question.answer else "FALSE"]
    if isinstance(question, NumberQuestion):
        value = format_number(question.answer)
        if question.tolerance:
            value += f":{format_number(question.tolerance)}"
        return [f"#{value}"]
    if isinstance(question, TextQuestion):
        if any(MATCH_ARROW in a for a in question.answers):
            raise Unsupported(f"an accepted answer contains '{MATCH_ARROW}', which GIFT reads "
                              "as a matching pair")
        return [f"={'%100%' if a.startswith('%') else ''}{escape(escape_wildcard(a))}"
                for a in question.answers]
    if isinstance(question, MatchQuestion):
        if any(MATCH_ARROW in left for left, _ in question.pairs):
            raise Unsupported(f"a left item contains '{MATCH_ARROW}', which GIFT uses to "
                              "separate a pair")
        return [f"={escape(left)} {MATCH_ARROW} {escape(right, formatted=False)}"
                for left, right in question.pairs]
    if isinstance(question, OrderQuestion):
        raise Unsupported("GIFT has no ordering question type")
    assert_never(question)


def escape_wildcard(answer: str) -> str:
    """Moodle's short answer reads `*` as "any text": `\\*` is a literal asterisk."""
    return answer.replace("*", "\\*")


def _guard(choice: str) -> str:
    """A wrong choice starting with `%50%` would be read as a weight: give it an explicit 0%."""
    return "%0%" if choice.startswith("%") else ""


def _weight(percent: float) -> str:
    """Moodle's grade list has five decimals (33.33333, 14.28571): write weights the same way."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")
