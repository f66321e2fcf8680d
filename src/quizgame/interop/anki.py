"""Export to Anki's text import: a tab-separated file whose header lines configure the import.

Header lines: `#separator:tab`, `#html:true`, `#notetype:Basic`, `#deck:<quiz title>`,
`#tags:<quiz id>` (on every note), `#guid column:1` and `#tags column:4`. Columns: a GUID made
from the quiz and question ids (importing a newer export updates the notes instead of
duplicating them), Front (the prompt and what to choose from), Back (the answer and the
explanation), and the question's tags. Every question type has a card: nothing is skipped.
"""

from __future__ import annotations

import csv
import html
import io

from quizgame.format.models import (
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Quiz,
)
from quizgame.interop.common import (
    INSTRUCTIONS,
    ExportOptions,
    ExportResult,
    answer_lines,
    print_order,
    shown_choices,
)


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """One Basic note per question, in the quiz's order."""
    out = io.StringIO()
    out.write(
        "#separator:tab\n#html:true\n#notetype:Basic\n"
        f"#deck:{_one_line(quiz.quiz.title)}\n#tags:{_tag(quiz.quiz.id)}\n"
        "#guid column:1\n#tags column:4\n"
    )
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for question in quiz.questions:
        writer.writerow([
            f"quizgame:{quiz.quiz.id}:{question.id}",
            front(quiz, question),
            back(question),
            " ".join(_tag(tag) for tag in question.tags),
        ])
    return ExportResult(out.getvalue(), len(quiz.questions))


def front(quiz: Quiz, question: Question) -> str:
    """The prompt, what kind of answer is wanted, and the options to pick from."""
    parts = [_html(question.prompt), f"<i>{INSTRUCTIONS[question.type]}</i>"]
    if isinstance(question, (ChoiceQuestion, MultiQuestion)):
        parts.append(_list(shown_choices(quiz, question), ordered=True))
    elif isinstance(question, OrderQuestion):
        parts.append(_list(print_order(question.items, question.id)))
    elif isinstance(question, MatchQuestion):
        lefts = [left for left, _ in question.pairs]
        rights = print_order([right for _, right in question.pairs], question.id)
        parts.append(_list(lefts) + _list(rights, ordered=True))
    elif isinstance(question, NumberQuestion) and question.unit:
        parts.append(f"({_html(question.unit)})")
    return "<br>".join(parts)


def back(question: Question) -> str:
    """The right answer, then the explanation."""
    answer = "<br>".join(_html(line) for line in answer_lines(question))
    if question.explanation:
        return f"<b>{answer}</b><br><br>{_html(question.explanation)}"
    return f"<b>{answer}</b>"


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _list(items: list[str], *, ordered: bool = False) -> str:
    tag = "ol type=a" if ordered else "ul"
    entries = "".join(f"<li>{_html(item)}</li>" for item in items)
    return f"<{tag}>{entries}</{tag.split()[0]}>"


def _tag(text: str) -> str:
    """Anki tags are separated by spaces, so a tag cannot contain one."""
    return "_".join(text.split())


def _one_line(text: str) -> str:
    return " ".join(text.split())
