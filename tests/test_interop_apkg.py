"""Anki packages (.apkg): read back with sqlite3 (an .apkg is a zip holding Anki's SQLite
collection), the deck, note types, notes, GUIDs and tags are the ones promised."""

from __future__ import annotations

import html
import io
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from interop_helpers import BANK, SAMPLE
from quizgame.format import load_quiz
from quizgame.format.models import Quiz
from quizgame.interop.anki import answer_lines
from quizgame.interop.anki_package import FIELDS, export_quiz
from quizgame.interop.common import ExportOptions


def read_back(quiz: Quiz, tmp_path: Path) -> sqlite3.Connection:
    result = export_quiz(quiz, ExportOptions())
    assert isinstance(result.content, bytes)
    assert [s.question_id for s in result.skipped] == [q.id for q in quiz.questions if q.type == "poll"]
    with zipfile.ZipFile(io.BytesIO(result.content)) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(tmp_path / "collection.anki2")


@pytest.mark.parametrize("path", [SAMPLE, BANK], ids=["sample", "bank"])
def test_one_deck_one_note_per_question_with_stable_guids(path: Path, tmp_path: Path) -> None:
    quiz = load_quiz(path)
    db = read_back(quiz, tmp_path)
    decks = json.loads(db.execute("select decks from col").fetchone()[0])
    assert quiz.quiz.title in [deck["name"] for deck in decks.values()]
    models = json.loads(db.execute("select models from col").fetchone()[0])
    by_id = {int(mid): model for mid, model in models.items()}
    rows = db.execute("select guid, mid, tags, flds from notes order by id").fetchall()
    carded = [q for q in quiz.questions if q.type != "poll"]  # a poll has nothing to remember
    assert len(rows) == len(carded)
    for question, (guid, mid, tags, fields) in zip(carded, rows):
        assert guid == genanki.guid_for(quiz.quiz.id, question.id)
        model = by_id[mid]
        assert model["name"] == f"quizgame {question.type}"
        assert tags.split() == [*(t.replace(" ", "_") for t in question.tags), quiz.quiz.id]
        if question.type == "cloze":
            assert model["type"] == 1  # Anki's cloze kind: one card per deletion
            assert fields.split("\x1f")[0].count("{{c") == len(question.blanks)
            continue
        assert [field["name"] for field in model["flds"]] == list(FIELDS)
        prompt, _, shown_answer, explanation = fields.split("\x1f")
        assert prompt == html.escape(question.prompt).replace("\n", "<br>")
        assert html.escape(answer_lines(question)[0]).replace("\n", "<br>") in shown_answer
        assert explanation == html.escape(question.explanation or "").replace("\n", "<br>")
    cards = db.execute("select count(*) from cards").fetchone()[0]
    assert cards == sum(len(q.blanks) if q.type == "cloze" else 1 for q in carded)
    types = {q.type for q in carded}
    assert {m["name"] for m in models.values()} == {f"quizgame {t}" for t in types}


def test_a_newer_export_keeps_note_guids_deck_and_note_types(tmp_path: Path) -> None:
    quiz = load_quiz(SAMPLE)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = read_back(quiz, tmp_path / "a"), read_back(quiz, tmp_path / "b")
    for query in ("select guid, mid from notes order by guid", "select did from cards"):
        assert sorted(first.execute(query).fetchall()) == sorted(second.execute(query).fetchall())


def anki_collection(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A fresh collection of Anki's own library (the one the desktop app is built on)."""
    if os.environ.get("CI"):
        from anki.collection import Collection
    else:
        Collection = pytest.importorskip(
            "anki.collection", reason="Anki's library (pip package anki) is not installed"
        ).Collection
    return Collection(str(tmp_path / "collection.anki2"))


def test_anki_itself_imports_the_package_and_a_reimport_updates(tmp_path: Path) -> None:
    from anki.collection import ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageOptions

    quiz = load_quiz(BANK)
    package = tmp_path / "bank.apkg"
    package.write_bytes(export_quiz(quiz, ExportOptions()).content)  # type: ignore[arg-type]
    collection = anki_collection(tmp_path)
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False))
        carded = [q for q in quiz.questions if q.type != "poll"]
        first = collection.import_anki_package(request)
        assert len(first.log.new) == len(carded)
        assert quiz.quiz.title in [d.name for d in collection.decks.all_names_and_ids()]
        again = collection.import_anki_package(request)
        assert len(again.log.new) == 0 and collection.note_count() == len(carded)
        notes = {note.guid: note for note in map(collection.get_note, collection.find_notes(""))}
        for question in carded:
            note = notes[genanki.guid_for(quiz.quiz.id, question.id)]
            assert note.note_type()["name"] == f"quizgame {question.type}"
            assert quiz.quiz.id in note.tags
    finally:
        collection.close()
