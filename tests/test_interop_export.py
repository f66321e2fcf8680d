"""Exports of the committed sample quiz: golden files per format, and what each format skips."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from interop_helpers import GOLDEN, SAMPLE, UPDATE_GOLDEN, assert_golden
from quizgame.format import load_quiz
from quizgame.format.models import Quiz
from quizgame.interop.common import ExportOptions, ExportResult, format_number, print_order
from quizgame.interop.kahoot import HEADER_ROW, HEADERS, kahoot_time
from quizgame.interop.registry import EXPORT_FORMATS


def export(name: str, *, answer_key: bool = False) -> ExportResult:
    return EXPORT_FORMATS[name].exporter()(load_quiz(SAMPLE), ExportOptions(answer_key=answer_key))


@pytest.mark.parametrize(
    ("name", "answer_key", "golden"),
    [
        ("gift", False, "sample.gift"),
        ("csv", False, "sample.csv"),
        ("anki", False, "sample.anki.txt"),
        ("markdown", False, "sample.md"),
        ("markdown", True, "sample.answers.md"),
        ("json", False, "sample.json"),
    ],
)
def test_text_export_matches_golden(name: str, answer_key: bool, golden: str) -> None:
    result = export(name, answer_key=answer_key)
    assert isinstance(result.content, str)
    assert_golden(GOLDEN / golden, result.content)


def kahoot_cells(content: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_kahoot_cells_match_golden() -> None:
    result = export("kahoot")
    assert isinstance(result.content, bytes)
    cells = kahoot_cells(result.content)
    golden = GOLDEN / "sample.kahoot.json"
    if UPDATE_GOLDEN:
        rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in cells)
        golden.write_text(f"[\n{rows}\n]\n", encoding="utf-8")  # one row per line
    assert cells == json.loads(golden.read_text(encoding="utf-8"))


def test_kahoot_follows_the_template_layout() -> None:
    cells = kahoot_cells(export("kahoot").content)  # type: ignore[arg-type]
    assert cells[1][1] == "Quiz template"
    assert tuple(cells[HEADER_ROW - 1][1:8]) == HEADERS
    first = cells[HEADER_ROW]
    assert first == [1, "What is the capital of France?", "Lyon", "Paris", "Marseille", "Nice",
                     30, 2]
    multi = cells[HEADER_ROW + 1]
    assert multi[6:] == [120, "1,3,4"]  # time limit 100 rounded up; several correct answers
    truefalse = cells[HEADER_ROW + 2]
    assert truefalse[1:] == ["At sea level, water boils at 100 °C.", "True", "False", None, None,
                             20, 1]


def test_kahoot_keeps_text_starting_with_equals_as_text() -> None:
    quiz = Quiz.model_validate({
        "quiz": {"id": "q", "title": "Q"},
        "questions": [{"id": "f", "type": "choice", "prompt": "=1+1", "choices": ["=2", "3"],
                       "answer": "=2"}],
    })
    result = EXPORT_FORMATS["kahoot"].exporter()(quiz, ExportOptions())
    row = kahoot_cells(result.content)[HEADER_ROW]  # type: ignore[arg-type]
    assert row[1:4] == ["=1+1", "=2", "3"]


@pytest.mark.parametrize(
    ("seconds", "allowed"), [(0, 20), (1, 5), (5, 5), (6, 10), (25, 30), (240, 240), (3600, 240)]
)
def test_kahoot_time_is_rounded_up_to_an_allowed_limit(seconds: int, allowed: int) -> None:
    assert kahoot_time(seconds) == allowed


SKIPPED = {
    "gift": {"planets": "no ordering question type"},
    "kahoot": {
        "gift-specials": "5 choices, Kahoot allows at most 4",
        "primes": "5 choices, Kahoot allows at most 4",
        "pi": "no number questions",
        "everest": "no number questions",
        "hamlet": "no text questions",
        "two-lines": "no text questions",
        "planets": "no order questions",
        "logic-symbols": "no match questions",
        "long-prompt": "the prompt has 131 characters, Kahoot allows at most 120",
        "long-choice": "has 82 characters, Kahoot allows at most 75",
    },
    "moodle-xml": {},
    "qti": {},
    "apkg": {},
    "anki": {},
    "csv": {},
    "markdown": {},
    "json": {},
}


@pytest.mark.parametrize("name", list(EXPORT_FORMATS))
def test_every_question_is_exported_or_listed_with_its_reason(name: str) -> None:
    result = export(name)
    reasons = {s.question_id: s.reason for s in result.skipped}
    assert reasons.keys() == SKIPPED[name].keys()
    for question_id, words in SKIPPED[name].items():
        assert words in reasons[question_id]
    assert result.exported + len(result.skipped) == len(load_quiz(SAMPLE).questions)


def test_json_reads_back_as_the_same_quiz() -> None:
    assert Quiz.model_validate_json(export("json").content) == load_quiz(SAMPLE)


def test_anki_header_and_one_note_per_question() -> None:
    lines = export("anki").content.splitlines()  # type: ignore[union-attr]
    header = [line for line in lines if line.startswith("#")]
    assert header == [
        "#separator:tab", "#html:true", "#deck:Interop sample: every type",
        "#tags:interop-sample", "#guid column:1", "#notetype column:2", "#tags column:5",
    ]
    notes = list(csv.reader(lines[len(header):], delimiter="\t"))
    assert [len(note) for note in notes] == [5] * len(load_quiz(SAMPLE).questions)
    assert len({note[0] for note in notes}) == len(notes)
    assert {note[1] for note in notes} == {"Basic"}  # the sample has no cloze
    assert notes[0][4] == "geography europe"


def test_markdown_handout_hides_answers_and_key_uses_its_letters() -> None:
    handout = export("markdown").content
    key = export("markdown", answer_key=True).content
    assert "- c) {x}" in handout and "**2.** c) {x}" in key
    assert "Shakespeare" not in handout and "Shakespeare" in key


def test_print_order_is_fixed_and_never_the_answer_order() -> None:
    items = ["a", "b"]
    assert print_order(items, "seed") == print_order(items, "seed") != items


@pytest.mark.parametrize(("value", "text"), [(2017.0, "2017"), (0.5, "0.5"), (-3.0, "-3")])
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


def test_building_the_cli_does_not_import_format_code() -> None:
    code = ("import sys; from quizgame.cli import build_parser; build_parser(); "
            "print(any(m.startswith(('openpyxl', 'quizgame.interop.gift')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
