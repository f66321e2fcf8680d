"""Export to an Anki package (`.apkg`), written with genanki: a deck Anki opens with a double-click.

- One deck, named after the quiz (its id derived from the quiz id, so a re-import lands in the
  same deck).
- One note type per question type (`quizgame choice`, `quizgame match`...), each with the fields
  Prompt, Options, Answer and Explanation and a card that says what kind of answer is wanted;
  their ids are fixed, so every quiz shares them. A cloze question is an Anki cloze note
  (`quizgame cloze`: Text with a `{{c1::...}}` deletion per blank, Back Extra).
- Tags: the question's tags (spaces made `_`, as Anki separates tags by spaces) and the quiz id.
- Note GUIDs come from the quiz and question ids, so importing a newer export updates the
  notes instead of duplicating them.

Polls are skipped: a card needs an answer to remember. `hint`, `source`, `time_limit` and
`points` are not used by flashcards.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import tempfile
import time
import zipfile
from functools import cache
from itertools import count
from pathlib import Path

import genanki

from quizgame.format.models import ClozeQuestion, Question, Quiz
from quizgame.interop import anki
from quizgame.interop.common import INSTRUCTIONS, ExportOptions, ExportResult, ExportTable, render_each

FIELDS = ("Prompt", "Options", "Answer", "Explanation")
_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.kind { color: #666; font-style: italic; }"""


def stable_id(*parts: str) -> int:
    """A positive 31-bit id from text: the same on every machine and every export."""
    digest = hashlib.sha256(":".join(("quizgame", *parts)).encode("utf-8")).digest()
    return 1 << 30 | int.from_bytes(digest[:4], "big") >> 2


@cache
def note_type(question_type: str) -> genanki.Model:
    """The note type of one question type: the prompt and options, then the answer."""
    kind = f'<div class="kind">{INSTRUCTIONS[question_type]}</div>'
    return genanki.Model(
        stable_id("note type", question_type),
        f"quizgame {question_type}",
        fields=[{"name": name} for name in FIELDS],
        templates=[{
            "name": f"{question_type} card",
            "qfmt": f"{{{{Prompt}}}}{kind}{{{{Options}}}}",
            "afmt": "{{FrontSide}}<hr id=answer><b>{{Answer}}</b>"
                    "{{#Explanation}}<br><br>{{Explanation}}{{/Explanation}}",
        }],
        css=_CSS,
    )


@cache
def cloze_type() -> genanki.Model:
    """Anki's own kind of cloze note type: a card per deletion."""
    return genanki.Model(
        stable_id("note type", "cloze"),
        "quizgame cloze",
        fields=[{"name": "Text"}, {"name": "Back Extra"}],
        templates=[{
            "name": "cloze card",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}<br>{{Back Extra}}",
        }],
        css=_CSS,
        model_type=genanki.Model.CLOZE,
    )


def _tags(quiz: Quiz, question: Question) -> list[str]:
    return [*(anki.anki_tag(tag) for tag in question.tags), anki.anki_tag(quiz.quiz.id)]


def basic_note(quiz: Quiz, question: Question) -> genanki.Note:
    return genanki.Note(
        model=note_type(question.type),
        fields=[anki.html_text(question.prompt), "<br>".join(anki.OPTIONS[question.type](quiz, question)),
                anki.answer(question), anki.html_text(question.explanation or "")],
        tags=_tags(quiz, question),
        guid=genanki.guid_for(quiz.quiz.id, question.id),
    )


def cloze_note(quiz: Quiz, question: ClozeQuestion) -> genanki.Note:
    return genanki.Note(model=cloze_type(), fields=list(anki.cloze_fields(question)),
                        tags=_tags(quiz, question), guid=genanki.guid_for(quiz.quiz.id, question.id))


EXPORTS: ExportTable[genanki.Note] = {
    **{qtype: basic_note for qtype in anki.OPTIONS},
    "cloze": cloze_note,
    "poll": anki.POLL,
}


def export_quiz(quiz: Quiz, options: ExportOptions) -> ExportResult:
    """The quiz as one deck of notes, in the quiz's order."""
    deck = genanki.Deck(stable_id("deck", quiz.quiz.id), " ".join(quiz.quiz.title.split()),
                        description=quiz.quiz.description or "")
    notes, skipped = render_each(quiz, EXPORTS, "Anki package")
    for note in notes:
        deck.add_note(note)
    return ExportResult(_package_bytes(genanki.Package(deck)), len(notes), skipped)


def _package_bytes(package: genanki.Package) -> bytes:
    """What `Package.write_to_file` writes, in memory, and without its leftover temporary file."""
    with tempfile.TemporaryDirectory(prefix="quizgame-apkg-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            now = time.time()
            package.write_to_db(connection.cursor(), now, count(int(now * 1000)))
            connection.commit()
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(database, "collection.anki2")
            archive.writestr("media", "{}")
    return buffer.getvalue()
