"""Data-driven tests of the quiz format over the files in tests/data/{valid,invalid,warnings}.

Each invalid or warnings file states what checking it must report, in leading comments:

    # expect: 12: questions[3] (id "capital-fr").answer: "París" is not one of the choices
    # expect: 5:29: TOML syntax error: ...        (line and column)
    # expect: -: quiz: missing [quiz] table ...   (no line: there is none to point at)

The text must occur in the problem as printed after `path:LINE: ` (its place and message), the
line must be exactly the one given, and the file must report exactly the problems listed, in
that order (sorted by line, line-less ones first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizgame.errors import Problem, QuizLoadError
from quizgame.format import load_quiz
from quizgame.format.checker import check_file
from quizgame.format.loader import read_quiz
from quizgame.format.models import QUESTION_TYPES, QuestionBase, QuizMeta, QuizSource
from quizgame.format.question_types import MODEL_BY_TYPE

DATA = Path(__file__).parent / "data"
VALID = sorted((DATA / "valid").glob("*.toml"))
INVALID = sorted((DATA / "invalid").glob("*.toml"))
WARNINGS = sorted((DATA / "warnings").glob("*.toml"))

_EXPECT = re.compile(r"^# expect: (?P<line>-|\d+)(?::(?P<column>\d+))?: (?P<text>.+)$")


@dataclass(frozen=True)
class Expected:
    line: int | None
    column: int | None
    text: str


def expectations(path: Path) -> list[Expected]:
    """The `# expect:` comments of a file (decoded leniently: some files are not UTF-8)."""
    raw = path.read_bytes()
    text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode(
        "utf-8", errors="replace"
    )
    found = []
    for line in text.splitlines():
        if match := _EXPECT.match(line):
            found.append(Expected(
                line=None if match["line"] == "-" else int(match["line"]),
                column=int(match["column"]) if match["column"] else None,
                text=match["text"],
            ))
    return found


def printed(problem: Problem) -> str:
    """The problem as printed, without its `path:LINE:` prefix."""
    return f"{problem.where}: {problem.message}" if problem.where else problem.message


def assert_reports(problems: list[Problem], expected: list[Expected]) -> None:
    shown = "\n".join(str(p) for p in problems)
    assert len(problems) == len(expected), f"expected {len(expected)} problems, got:\n{shown}"
    for problem, want in zip(problems, expected):
        assert want.text in printed(problem), f"{want.text!r} not in {str(problem)!r}"
        assert (problem.line, problem.column) == (want.line, want.column), str(problem)
        assert "\n" not in str(problem)


def test_the_data_folders_are_populated() -> None:
    assert len(VALID) >= 7 and len(INVALID) >= 50 and len(WARNINGS) >= 3


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_file_reports_exactly_its_mistakes(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' comment"
    with pytest.raises(QuizLoadError) as raised:
        load_quiz(path)
    assert_reports(raised.value.problems, expected)
    assert str(raised.value) == "\n".join(str(p) for p in raised.value.problems)
    assert all(str(p).startswith(f"{path}:" if p.line else f"{path}: ") for p in raised.value.problems)


@pytest.mark.parametrize("path", WARNINGS, ids=lambda p: p.name)
def test_warnings_file_loads_and_warns_exactly(path: Path) -> None:
    result = check_file(path)
    assert result.quiz is not None and not result.errors
    assert_reports(result.warnings, expectations(path))
    assert all(": warning: " in str(p) for p in result.warnings)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_file_loads(path: Path) -> None:
    quiz = load_quiz(path)
    assert quiz.questions
    assert expectations(path) == []


@pytest.mark.parametrize("path", [p for p in VALID if p.name != "minimal.toml"], ids=lambda p: p.name)
def test_valid_files_other_than_minimal_have_no_warnings(path: Path) -> None:
    assert check_file(path).warnings == []


def test_minimal_quiz_gets_every_default() -> None:
    quiz = load_quiz(DATA / "valid" / "minimal.toml")
    meta = quiz.quiz
    assert (meta.description, meta.author, meta.language, meta.source) == (None, None, None, None)
    assert (meta.time_limit, meta.shuffle, meta.shuffle_choices) == (0, True, True)
    assert (meta.scoring, meta.streak) == ("speed", True)
    question = quiz.questions[0]
    assert (question.explanation, question.source, question.hint) == (None, None, None)
    assert (question.tags, question.time_limit, question.points) == ([], None, 1000)
    assert quiz.time_limit_for(question) == 0


def test_all_types_file_uses_every_type_and_every_key() -> None:
    quiz = load_quiz(DATA / "valid" / "all-types.toml")
    assert {q.type for q in quiz.questions} == set(QUESTION_TYPES)
    assert quiz.quiz.model_fields_set == set(QuizMeta.model_fields)
    assert quiz.quiz.source is not None
    assert quiz.quiz.source.model_fields_set == set(QuizSource.model_fields) - {"file"}
    for qtype, model in MODEL_BY_TYPE.items():
        used = set().union(*(q.model_fields_set for q in quiz.questions if q.type == qtype))
        own_keys = set(model.model_fields) - set(QuestionBase.model_fields)
        assert own_keys <= used, f"{qtype} question without {own_keys - used}"
    common = set().union(*(q.model_fields_set for q in quiz.questions))
    assert set(QuestionBase.model_fields) <= common
    assert quiz.time_limit_for(quiz.question("capital-fr")) == 30
    assert quiz.time_limit_for(quiz.question("primes")) == 20
    assert quiz.time_limit_for(quiz.question("earth-flat")) == 0


@pytest.mark.parametrize("name", ["crlf.toml", "bom.toml"])
def test_crlf_and_bom_files_read_like_the_plain_one(name: str) -> None:
    plain = load_quiz(DATA / "valid" / "all-types.toml").model_dump()
    other = load_quiz(DATA / "valid" / name).model_dump()
    plain["quiz"]["id"] = other["quiz"]["id"]
    assert other == plain


def test_crlf_and_bom_files_keep_exact_lines() -> None:
    plain = read_quiz(DATA / "valid" / "all-types.toml").source_map
    for name in ("crlf.toml", "bom.toml"):
        # One comment line more at the top of each.
        other = read_quiz(DATA / "valid" / name).source_map
        assert other.line_of(("questions", 8, "pairs", 2)) == plain.line_of(
            ("questions", 8, "pairs", 2)
        ) + 1


def test_unicode_and_comments_file_keeps_text_exactly() -> None:
    quiz = load_quiz(DATA / "valid" / "unicode-and-comments.toml")
    assert quiz.quiz.title == "Ünïcödé — «quotes» and 日本語"
    assert "[[questions]] inside a string" in (quiz.quiz.description or "")
    assert quiz.quiz.source is not None and quiz.quiz.source.title.startswith("Dotted keys")
    assert quiz.questions[0].explanation == "Literal multi-line string:\nno \\escapes here."
    assert quiz.question("kanji").choices == ["mountain", "river", "tree"]
    assert len(quiz.questions) == 3


def test_grounded_quiz_is_checked_against_its_text() -> None:
    quiz = load_quiz(DATA / "valid" / "grounded.toml")
    assert quiz.quiz.source is not None and quiz.quiz.source.file == "grounded.source.txt"
    assert quiz.question("mayor-quote").source == 'said: "It is the pride of the town."'


def test_inline_table_questions_get_their_own_lines() -> None:
    loaded = read_quiz(DATA / "valid" / "inline-questions.toml")
    assert [q.id for q in loaded.quiz.questions] == ["one", "two"]
    assert loaded.source_map.line_of(("questions", 1, "answer")) == 5
