"""Export to Markdown: a printable handout for students without a screen, or its answer key.

The handout numbers the questions in the quiz's order, letters the choices (a, b, c...), leaves
blanks for typed answers, lists order items shuffled with a blank for their rank, and lays out
match questions as a table of numbered items and lettered partners. Shuffles are fixed per
question, so a reprinted handout and its key (`--answers`) always agree.
"""

from __future__ import annotations

import re

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
    INSTRUCTIONS,
    LETTERS,
    ExportOptions,
    ExportResult,
    answer_lines,
    print_order,
    shown_choices,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_BLANK = "_" * 30


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """The handout, or with `answer_key` the answer key; every question type is printable."""
    render = answer_block if options.answer_key else question_block
    title = _md(quiz.quiz.title) + (" — answer key" if options.answer_key else "")
    parts = [f"# {title}\n"]
    if quiz.quiz.description and not options.answer_key:
        parts.append(f"{_md(quiz.quiz.description)}\n")
    if not options.answer_key:
        parts.append("Name: ______________________________ Date: ______________\n")
    for number, question in enumerate(quiz.questions, start=1):
        parts.append(f"**{number}.** {render(quiz, question)}\n")
    return ExportResult("\n".join(parts), len(quiz.questions))


def question_block(quiz: Quiz, question: Question) -> str:
    """The prompt, the instruction, and the space to answer in."""
    if isinstance(question, (ChoiceQuestion, MultiQuestion)):
        box = "☐ " if isinstance(question, MultiQuestion) else ""
        shown = shown_choices(quiz, question)
        space = [f"- {box}{LETTERS[i]}) {_md(choice)}" for i, choice in enumerate(shown)]
    elif isinstance(question, TrueFalseQuestion):
        space = ["☐ True ☐ False"]
    elif isinstance(question, NumberQuestion):
        space = [f"Answer: {_BLANK} {_md(question.unit or '')}".rstrip()]
    elif isinstance(question, TextQuestion):
        space = [f"Answer: {_BLANK}"]
    elif isinstance(question, OrderQuestion):
        space = [f"- ____ {_md(item)}" for item in print_order(question.items, question.id)]
    else:
        space = _match_table(question)
    head = f"{_md(question.prompt)}  \n*{INSTRUCTIONS[question.type]}*"
    return head + "\n\n" + "\n".join(space)


def answer_block(quiz: Quiz, question: Question) -> str:
    """The right answer (with the handout's letters) and the explanation."""
    if isinstance(question, (ChoiceQuestion, MultiQuestion)):
        right = [question.answer] if isinstance(question, ChoiceQuestion) else question.answers
        shown = shown_choices(quiz, question)
        answer = "; ".join(f"{LETTERS[i]}) {_md(c)}" for i, c in enumerate(shown) if c in right)
    elif isinstance(question, MatchQuestion):
        rights = _shown_rights(question)
        answer = "; ".join(
            f"{n} → {LETTERS[rights.index(right)]}) {_md(right)}"
            for n, (_, right) in enumerate(question.pairs, start=1)
        )
    else:
        answer = "; ".join(_md(line) for line in answer_lines(question))
    if question.explanation:
        return f"{answer}  \n*Why:* {_md(question.explanation)}"
    return answer


def _match_table(question: MatchQuestion) -> list[str]:
    rights = _shown_rights(question)
    rows = ["| Item | Letter | Partner |", "|---|---|---|"]
    for index, (left, _) in enumerate(question.pairs):
        rows.append(f"| {index + 1}. {_md(left)} | ____ | {LETTERS[index]}) {_md(rights[index])} |")
    return rows


def _shown_rights(question: MatchQuestion) -> list[str]:
    return print_order([right for _, right in question.pairs], question.id)


def _md(text: str) -> str:
    """Teacher's text shown literally: Markdown's special characters escaped, lines kept."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", "<br>")
