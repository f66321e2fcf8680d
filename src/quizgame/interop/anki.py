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
        f"#deck:{_one_line(quiz.quiz.title)}\n#tags:{anki_tag(quiz.quiz.id)}\n"
        "#guid column:1\n#tags column:4\n"
    )
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for question in quiz.questions:
        writer.writerow([
            f"quizgame:{quiz.quiz.id}:{question.id}",
            front(quiz, question),
            back(question),
            " ".join(anki_tag(tag) for tag in question.tags),
        ])
    return ExportResult(out.getvalue(), len(quiz.questions))


def front(quiz: Quiz, question: Question) -> str:
    """The prompt, what kind of answer is wanted, and the options to pick from."""
    parts = [html_text(question.prompt), f"<i>{INSTRUCTIONS[question.type]}</i>"]
    if shown := options(quiz, question):
        parts.append(shown)
    return "<br>".join(parts)


def options(quiz: Quiz, question: Question) -> str:
    """What to pick from, as HTML: choices, shuffled order items, match items and partners."""
    if isinstance(question, (ChoiceQuestion, MultiQuestion)):
        return _list(shown_choices(quiz, question), ordered=True)
    if isinstance(question, OrderQuestion):
        return _list(print_order(question.items, question.id))
    if isinstance(question, MatchQuestion):
        lefts = [left for left, _ in question.pairs]
        rights = print_order([right for _, right in question.pairs], question.id)
        return _list(lefts) + _list(rights, ordered=True)
    if isinstance(question, NumberQuestion) and question.unit:
        return f"({html_text(question.unit)})"
    return ""


def answer(question: Question) -> str:
    """The right answer, as HTML lines."""
    return "<br>".join(html_text(line) for line in answer_lines(question))


def back(question: Question) -> str:
    """The right answer, then the explanation."""
    if question.explanation:
        return f"<b>{answer(question)}</b><br><br>{html_text(question.explanation)}"
    return f"<b>{answer(question)}</b>"


def html_text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _list(items: list[str], *, ordered: bool = False) -> str:
    tag = "ol type=a" if ordered else "ul"
    entries = "".join(f"<li>{html_text(item)}</li>" for item in items)
    return f"<{tag}>{entries}</{tag.split()[0]}>"


def anki_tag(text: str) -> str:
    """Anki tags are separated by spaces, so a tag cannot contain one."""
    return "_".join(text.split())


def _one_line(text: str) -> str:
    return " ".join(text.split())
