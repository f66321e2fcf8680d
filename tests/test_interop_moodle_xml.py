"""Moodle XML: golden export, the structure Moodle's importer reads, round trips, a Moodle file.

`MOODLE_READS` is what `qformat_xml::readquestions` and its `import_<type>` functions (and
`qtype_ordering::import_from_xml`) look up for each question type: elements whose absence makes
Moodle refuse the question or read something else. Fractions must be in Moodle's grade list,
since its importer refuses any other (`match_grade_options` with `matchgrades = error`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from interop_helpers import BANK, DATA, GOLDEN, SAMPLE, assert_golden, carried
from quizgame.format import load_quiz, load_quiz_text
from quizgame.format.models import EstimateQuestion, NumberQuestion, Question, Quiz
from quizgame.interop.common import ExportOptions
from quizgame.interop.importing import quiz_meta
from quizgame.interop.moodle_xml import export_quiz
from quizgame.interop.moodle_xml_import import read_questions
from quizgame.interop.quiz_toml import quiz_toml

# What Moodle XML carries back into quizgame; time_limit and source have no Moodle form.
MOODLE_FIELDS = {"id", "type", "prompt", "choices", "answer", "answers", "tolerance", "unit",
                 "pairs", "items", "exact", "explanation", "hint", "tags", "points", "text",
                 "buckets"}
COMMON = ("name/text", "questiontext/text", "generalfeedback/text", "defaultgrade", "penalty")
MOODLE_READS = {
    "multichoice": (*COMMON, "single", "shuffleanswers", "answernumbering", "answer/text"),
    "truefalse": (*COMMON, "answer/text"),
    "shortanswer": (*COMMON, "usecase", "answer/text"),
    "numerical": (*COMMON, "answer/text", "answer/tolerance"),
    "matching": (*COMMON, "shuffleanswers", "subquestion/text", "subquestion/answer/text"),
    "ordering": (*COMMON, "layouttype", "selecttype", "selectcount", "gradingtype",
                 "answer/text"),
    "multianswer": ("name/text", "questiontext/text", "generalfeedback/text", "penalty"),
    "category": ("category/text",),
}
# Moodle's question_bank::fraction_options_full(), in percent.
GRADES = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
          14.28571, 12.5, 11.11111, 10, 5, 0]
GRADES_FULL = GRADES + [-g for g in GRADES]
MOODLE_FILE = DATA / "moodle" / "moodle-export.xml"


def export_tree(quiz: Quiz) -> etree._Element:
    text = export_quiz(quiz, ExportOptions()).content
    assert isinstance(text, str)
    return etree.fromstring(text.encode("utf-8"))


def test_sample_export_matches_golden() -> None:
    result = export_quiz(load_quiz(SAMPLE), ExportOptions())
    assert isinstance(result.content, str)
    assert_golden(GOLDEN / "sample.moodle.xml", result.content)
    assert result.skipped == ()


@pytest.mark.parametrize("path", [SAMPLE, BANK], ids=["sample", "bank"])
def test_export_has_what_moodles_importer_reads(path: Path) -> None:
    root = export_tree(load_quiz(path))
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions and all(c.tag == "question" for c in root if isinstance(c.tag, str))
    for question in questions:
        qtype = question.get("type")
        assert qtype in MOODLE_READS, qtype
        for needed in MOODLE_READS[qtype]:
            assert question.find(needed) is not None, f"{qtype} lacks {needed}"
        if qtype in ("multichoice", "shortanswer", "numerical", "truefalse"):
            for answer in question.iterfind("answer"):
                fraction = float(answer.get("fraction"))
                assert any(abs(fraction - g) < 1e-5 for g in GRADES_FULL), fraction
        if qtype == "truefalse":
            assert sorted(a.findtext("text") for a in question.iterfind("answer")) == [
                "false", "true"]
        if qtype != "category":
            assert 0 <= float(question.findtext("penalty")) <= 1


def test_multichoice_right_options_sum_to_one_hundred() -> None:
    for question in export_tree(load_quiz(BANK)).iterfind("question[@type='multichoice']"):
        fractions = [float(a.get("fraction")) for a in question.iterfind("answer")]
        assert abs(sum(f for f in fractions if f > 0) - 100) < 1e-3


def test_categories_come_from_the_first_tag() -> None:
    root = export_tree(load_quiz(SAMPLE))
    paths = [q.findtext("category/text") for q in root.iterfind("question[@type='category']")]
    assert "$course$/top/Interop sample: every type/geography" in paths
    assert "$course$/top/Interop sample: every type" in paths


@pytest.mark.parametrize("path", [SAMPLE, BANK], ids=["sample", "bank"])
def test_round_trip_keeps_every_question_and_what_moodle_holds(path: Path) -> None:
    quiz = load_quiz(path)
    text = export_quiz(quiz, ExportOptions()).content
    assert isinstance(text, str)
    result = read_questions(text, Path("round-trip.xml"))
    estimates = [q for q in quiz.questions if q.type == "estimate"]
    # An estimate's half-credit band is reported as dropped: it comes back as a number.
    assert len(result.problems) == len(estimates)
    assert all("other accepted numbers dropped" in p.message for p in result.problems)
    expected = [as_moodle_holds(q) for q in quiz.questions if q.type != "poll"]
    assert [carried(q, MOODLE_FIELDS) for q in result.questions] == expected


def as_moodle_holds(question: Question) -> dict[str, object]:
    """What comes back of a question: an estimate as the number Moodle holds (no scale)."""
    if isinstance(question, EstimateQuestion):
        number = NumberQuestion(**question.model_dump(exclude={"type", "min", "max"}), type="number")
        return carried(number, MOODLE_FIELDS)
    return carried(question, MOODLE_FIELDS)


def test_a_file_made_by_moodle_imports_as_committed() -> None:
    """Moodle 4.x's own export: HTML texts, a category, partial credit, feedback, an image,
    and types quizgame does not have."""
    result = read_questions(MOODLE_FILE.read_text(encoding="utf-8"), Path(MOODLE_FILE.name))
    messages = "".join(f"{problem}\n" for problem in result.sorted_problems())
    assert_golden(MOODLE_FILE.with_suffix(".messages.txt"), messages)
    assert result.errors == []
    quiz = Quiz(quiz=quiz_meta("moodle-export", "Moodle export"), questions=result.questions)
    text = quiz_toml(quiz)
    assert_golden(MOODLE_FILE.with_suffix(".toml"), text)
    assert load_quiz_text(text, Path("moodle-export.toml")).quiz == quiz
