"""Export to Anki's text import: a tab-separated file whose header lines configure the import.

Header lines: `#separator:tab`, `#html:true`, `#deck:<quiz title>`, `#tags:<quiz id>` (on
every note), `#guid column:1`, `#notetype column:2` and `#tags column:5`. Columns: a GUID made
from the quiz and question ids (importing a newer export updates the notes instead of
duplicating them), the note type, two fields and the question's tags. A Basic note's fields are
Front (the prompt and what to choose from) and Back (the answer and the explanation); a cloze
question becomes a Cloze note (Text with `{{c1::answer}}` deletions, a choice blank's options
as the hint; Back Extra with the prompt and the explanation). Polls are skipped: a card needs
an answer to remember.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Callable
from typing import Any, TypeVar

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
    Question,
    QuestionBase,
    Quiz,
)
from quizgame.interop.common import (
    INSTRUCTIONS,
    ExportOptions,
    ExportResult,
    ExportTable,
    NotCarried,
    answer_lines,
    format_number,
    print_order,
    render_each,
    shown_choices,
)

Q = TypeVar("Q", bound=AnyQuestion)


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """One note per question (Basic, or Cloze for a cloze), in the quiz's order."""
    notes, skipped = render_each(quiz, EXPORTS, "Anki")
    out = io.StringIO()
    out.write(
        "#separator:tab\n#html:true\n"
        f"#deck:{_one_line(quiz.quiz.title)}\n#tags:{anki_tag(quiz.quiz.id)}\n"
        "#guid column:1\n#notetype column:2\n#tags column:5\n"
    )
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(notes)
    return ExportResult(out.getvalue(), len(notes), skipped)


def _note(space: Callable[[Quiz, Q], list[str]]) -> Callable[[Quiz, Q], list[str]]:
    """A Basic note: GUID, type, front (the prompt, what is wanted, then `space`), back, tags."""

    def note(quiz: Quiz, question: Q) -> list[str]:
        parts = [html_text(question.prompt), f"<i>{INSTRUCTIONS[question.type]}</i>"]
        front = "<br>".join([*parts, *space(quiz, question)])
        return _columns(quiz, question, "Basic", front, back(question))

    return note


def _columns(quiz: Quiz, question: QuestionBase, note_type: str, first: str, second: str) -> list[str]:
    tags = " ".join(anki_tag(tag) for tag in question.tags)
    return [f"quizgame:{quiz.quiz.id}:{question.id}", note_type, first, second, tags]


def _cloze_note(quiz: Quiz, question: ClozeQuestion) -> list[str]:
    """A Cloze note: the text with its deletions, then the back extra."""
    return _columns(quiz, question, "Cloze", *cloze_fields(question))


def cloze_fields(question: ClozeQuestion) -> tuple[str, str]:
    """Anki's Cloze fields: Text, each blank a deletion of its own card (c1, c2...) with a
    choice's options as the hint, and Back Extra, the prompt and the explanation."""
    text = [html_text(question.pieces[0])]
    for number, (blank, piece) in enumerate(zip(question.blanks, question.pieces[1:]), start=1):
        hint = f"::{_cloze_safe(' / '.join(blank.choices))}" if blank.kind == "choice" else ""
        text += [f"{{{{c{number}::{_cloze_safe(blank.shown_answer)}{hint}}}}}", html_text(piece)]
    extra = html_text(question.prompt) + (f"<br><br>{html_text(question.explanation)}" if question.explanation else "")
    return "".join(text), extra


def _cloze_safe(text: str) -> str:
    """Text inside a deletion: `::` and `}}` would end it early."""
    return html_text(text).replace("::", ": :").replace("}}", "} }")


def _nothing(quiz: Quiz, question: QuestionBase) -> list[str]:
    return []


def _choices(quiz: Quiz, question: ChoiceQuestion | MultiQuestion) -> list[str]:
    return [_list(shown_choices(quiz, question), ordered=True)]


def _number(quiz: Quiz, question: NumberQuestion) -> list[str]:
    return [f"({html_text(question.unit)})"] if question.unit else []


def _order(quiz: Quiz, question: OrderQuestion) -> list[str]:
    return [_list(print_order(question.items, question.id))]


def _match(quiz: Quiz, question: MatchQuestion) -> list[str]:
    lefts = [left for left, _ in question.pairs]
    rights = print_order([right for _, right in question.pairs], question.id)
    return [_list(lefts) + _list(rights, ordered=True)]


def _scale(quiz: Quiz, question: EstimateQuestion) -> list[str]:
    unit = f" {question.unit}" if question.unit else ""
    low, high = format_number(question.min), format_number(question.max)
    return [f"(from {html_text(low)} to {html_text(high)}{html_text(unit)})"]


def _buckets(quiz: Quiz, question: CategorizeQuestion) -> list[str]:
    items = print_order(list(question.bucket_of()), question.id)
    return [_list(items) + _list([bucket.name for bucket in question.buckets], ordered=True)]


# What a Basic card shows under the prompt, by question type: the options to pick from.
OPTIONS: dict[str, Callable[[Quiz, Any], list[str]]] = {
    "choice": _choices,
    "multi": _choices,
    "truefalse": _nothing,
    "number": _number,
    "text": _nothing,
    "order": _order,
    "match": _match,
    "estimate": _scale,
    "categorize": _buckets,
}
POLL = NotCarried("a flashcard needs an answer to remember, and a poll has none")
EXPORTS: ExportTable[list[str]] = {
    **{qtype: _note(space) for qtype, space in OPTIONS.items()},
    "cloze": _cloze_note,
    "poll": POLL,
}


def answer(question: Question) -> str:
    """The right answer, as HTML lines."""
    return "<br>".join(html_text(line) for line in answer_lines(question))


def back(question: Question) -> str:
    """The right answer, then the explanation."""
    if question.explanation:
        return f"<b>{answer(question)}</b><br><br>{html_text(question.explanation)}"
    return f"<b>{answer(question)}</b>"


def html_text(text: str) -> str:
    """Text as HTML: escaped, line breaks as `<br>`."""
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
