"""CSV: TOML -> CSV -> TOML round trips, the documented template, and the reader's details."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interop_helpers import BANK, SAMPLE
from quizgame.format import load_quiz
from quizgame.format.question_types import QUESTION_TYPES
from quizgame.interop.common import ExportOptions
from quizgame.interop.csv_format import ANSWER_FIELD, COLUMNS, export_quiz, read_questions
from quizgame.interop.importing import ImportResult

DOC = Path(__file__).parents[1] / "docs" / "import-csv.md"


def read(text: str) -> ImportResult:
    return read_questions(text, Path("t.csv"))


@pytest.mark.parametrize("path", [SAMPLE, BANK], ids=["sample", "bank"])
def test_round_trip_gives_back_the_same_questions(path: Path) -> None:
    """CSV carries every field of every type it carries (the others are skipped, with the
    reason): those questions come back equal."""
    quiz = load_quiz(path)
    exported = export_quiz(quiz, ExportOptions())
    assert isinstance(exported.content, str)
    result = read(exported.content)
    assert result.problems == []
    assert result.questions == [q for q in quiz.questions if q.type in ANSWER_FIELD]
    assert {s.question_type for s in exported.skipped} <= set(QUESTION_TYPES) - set(ANSWER_FIELD)


def test_the_documented_template_imports_cleanly() -> None:
    template = re.search(r"```csv\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert template is not None
    result = read(template.group(1))
    assert result.problems == []
    assert {q.type for q in result.questions} == set(ANSWER_FIELD)  # every type CSV carries
    assert template.group(1).splitlines()[0] == ",".join(COLUMNS)


def test_minimal_columns_any_order_any_case() -> None:
    result = read("Prompt,TYPE,Answer\nThe sky is blue.,truefalse,TRUE\n")
    (question,) = result.questions
    assert (question.id, question.answer) == ("the-sky-is-blue", True)


def test_semicolons_and_decimal_commas_as_saved_by_a_european_excel() -> None:
    result = read("\n\ntype;prompt;answer;tolerance\nnumber;Pi?;3,14;0,01\n")
    (question,) = result.questions
    assert (question.answer, question.tolerance) == (3.14, 0.01)


def test_tab_separated_rows_pasted_from_a_table() -> None:
    (question,) = read("type\tprompt\tanswer\ntext\tCapital of Peru?\tLima\n").questions
    assert question.answers == ["Lima"]


def test_escaped_separators() -> None:
    text = 'type,prompt,choices,answer\nchoice,Which?,a \\| b | c \\\\ d,a \\| b\n'
    (question,) = read(text).questions
    assert question.choices == ["a | b", "c \\ d"]
    (match,) = read("type,prompt,answer\nmatch,Pairs?,x \\-> y -> z | u -> v\n").questions
    assert match.pairs == [["x -> y", "z"], ["u", "v"]]


def test_derived_ids_are_stable_and_unique_and_given_ids_are_kept() -> None:
    text = ("id,type,prompt,answer\n,truefalse,Same?,true\n,truefalse,Same?,false\n"
            "same,truefalse,Other?,true\n")
    assert [q.id for q in read(text).questions] == ["same-2", "same-3", "same"]


def test_lines_are_those_of_the_file_even_after_a_multiline_cell() -> None:
    text = 'type,prompt,answer\ntext,"Two\nlines",ok\ntruefalse,Bad?,maybe\n'
    (error,) = read(text).errors
    assert error.line == 4


def test_blank_rows_are_ignored_and_an_empty_file_is_reported() -> None:
    assert len(read("type,prompt,answer\n\n,,\ntruefalse,Yes?,true\n").questions) == 1
    (error,) = read("  \n").errors
    assert "empty" in error.message


def test_every_bad_cell_of_a_row_is_reported() -> None:
    result = read("type,prompt,answer,points,time_limit\ntruefalse,Q?,maybe,many,long\n")
    assert sorted(p.where for p in result.errors) == ["answer", "points", "time_limit"]


def test_unnamed_empty_columns_are_ignored_but_not_their_content() -> None:
    assert len(read("type,prompt,answer,,\ntruefalse,Yes?,true,,\n").questions) == 1
    (error,) = read("type,prompt,answer,\ntruefalse,Yes?,true,stray\n").errors
    assert '"stray" is in a column with no name' in error.message
