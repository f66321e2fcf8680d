"""The loader beyond single mistakes: paths, encodings, grounding, ordering and message shape."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quizgame.bounded_read import read_limited
from quizgame.errors import QuizLoadError
from quizgame.format import load_quiz, load_quiz_text
from quizgame.format.loader import read_quiz
from quizgame.format.models import normalise_quote

DATA = Path(__file__).parent / "data"

QUESTION = """
[[questions]]
id = "sky"
type = "truefalse"
prompt = "The sky is blue."
answer = true
"""
QUIZ = '[quiz]\nid = "geo"\ntitle = "Geography"\n' + QUESTION


def problems_of(text: str, path: Path = Path("quiz.toml")) -> list[str]:
    with pytest.raises(QuizLoadError) as raised:
        load_quiz_text(text, path)
    return [str(p) for p in raised.value.problems]


def test_text_and_file_loading_agree(tmp_path: Path) -> None:
    path = tmp_path / "geo.toml"
    path.write_text(QUIZ, encoding="utf-8")
    assert load_quiz(path) == load_quiz_text(QUIZ, path).quiz
    assert read_quiz(str(path)).path == path  # a str is accepted too


def test_a_folder_is_not_a_quiz(tmp_path: Path) -> None:
    with pytest.raises(QuizLoadError, match="is a folder, not a quiz file"):
        load_quiz(tmp_path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(QuizLoadError) as raised:
        load_quiz(tmp_path / "nope.toml")
    assert str(raised.value) == f"{tmp_path / 'nope.toml'}: no such file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_text(QUIZ, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(QuizLoadError, match="cannot be read: permission denied"):
            load_quiz(path)
    finally:
        path.chmod(0o600)


def test_an_unreadable_file_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The same path as above, reachable when the tests run as root."""

    def refuse(path: Path, limit: int) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("quizgame.format.loader.read_limited", refuse)
    with pytest.raises(QuizLoadError) as raised:
        load_quiz(tmp_path / "secret.toml")
    assert str(raised.value) == f"{tmp_path / 'secret.toml'}: cannot be read: permission denied"


def test_other_os_errors_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path, limit: int) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("quizgame.format.loader.read_limited", fail)
    with pytest.raises(QuizLoadError, match="cannot be read: Input/output error"):
        load_quiz(Path("x.toml"))


def test_bom_and_crlf_are_read_like_plain_text() -> None:
    plain = load_quiz_text(QUIZ, Path("a.toml")).quiz
    assert load_quiz_text("\ufeff" + QUIZ.replace("\n", "\r\n"), Path("a.toml")).quiz == plain


def test_a_whitespace_only_or_comment_only_text_is_empty() -> None:
    for text in ("", "\n\n  \t\n", "\ufeff", "# only a comment\n"):
        assert problems_of(text) == [
            "quiz.toml: the file is empty: a quiz needs a [quiz] table and [[questions]] tables"
        ]


def test_problems_are_one_line_each_and_sorted_by_line() -> None:
    text = (
        'quiz = {id = "Bad\\nId", title = ""}\n'
        + QUESTION.replace('"sky"', '"a\\nb"', 1)
        + QUESTION.replace("answer = true", 'answer = "yes\\nno"\nextra = "x\\ny"')
        + '[[questions]]\nid = "q3"\ntype = "a\\nb"\nprompt = "x"\n'
    )
    with pytest.raises(QuizLoadError) as raised:
        load_quiz_text(text, Path("q.toml"))
    problems = raised.value.problems
    assert len(problems) >= 6
    assert all("\n" not in str(p) for p in problems)
    lines = [p.line or 0 for p in problems]
    assert lines == sorted(lines)
    assert '"a\\nb"' in str(raised.value)  # shown escaped, as TOML would write it


def test_long_values_are_shortened_in_messages() -> None:
    text = QUIZ.replace('prompt = "The sky is blue."', f"prompt = {'9' * 400}")
    (problem,) = problems_of(text)
    assert problem.endswith("expected text in quotes, got 99999999999999999...")


def test_dates_are_named_not_dumped() -> None:
    (problem,) = problems_of(QUIZ.replace('title = "Geography"', "title = 2025-07-16"))
    assert problem == "quiz.toml:3: quiz.title: expected text in quotes, got a date"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a = " + "9" * 5000, "a number is out of range"),
        ("a = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
    ],
)
def test_values_tomllib_rejects_without_its_own_error(text: str, message: str) -> None:
    (problem,) = problems_of(text)
    assert message in problem and problem.startswith("quiz.toml: TOML syntax error")


def test_unknown_type_still_checks_the_common_keys() -> None:
    text = QUIZ.replace('type = "truefalse"', 'type = "yesno"').replace('id = "sky"', 'id = "s k y"')
    problems = problems_of(text.replace('prompt = "The sky is blue."\n', ""))
    assert [p.split(": ", 2)[1] for p in problems] == [
        'questions[0] (id "s k y").prompt',
        'questions[0] (id "s k y").id',
        'questions[0] (id "s k y").type',
    ]


def test_a_typo_does_not_hide_the_answer_rule() -> None:
    text = QUIZ + '[[questions]]\nid = "c"\ntype = "choice"\nprompt = "p"\nchoices = ["a", "b"]\n' \
        'answer = "c"\nhnt = "h"\n'
    problems = problems_of(text)
    assert problems == [
        'quiz.toml:15: questions[1] (id "c").answer: "c" is not one of the choices',
        'quiz.toml:16: questions[1] (id "c").hnt: unknown key "hnt" (did you mean "hint"?)',
    ]


def test_every_duplicate_id_is_reported_even_when_other_questions_fail() -> None:
    text = QUIZ + QUESTION + QUESTION.replace("answer = true", 'answer = "no"') + QUESTION
    problems = problems_of(text)
    duplicates = [p for p in problems if "already the id of questions[0]" in p]
    assert [p.split(": ")[1] for p in duplicates] == [
        f'questions[{i}] (id "sky").id' for i in (1, 2, 3)
    ]


def test_ids_that_are_not_text_are_not_compared() -> None:
    text = QUIZ.replace('id = "sky"', "id = [1]") + QUESTION.replace('id = "sky"', "id = [1]")
    problems = problems_of(text)
    assert len(problems) == 2 and all("expected text in quotes, got a list" in p for p in problems)


def test_quote_normalisation_folds_whitespace_and_curly_quotes() -> None:
    assert normalise_quote("“It’s\n  here”\t") == "\"It's here\""


def grounded(tmp_path: Path, source_file: str, quote: str = "The sky is blue.") -> Path:
    path = tmp_path / "quiz.toml"
    path.write_text(
        QUIZ.replace("[[questions]]", f'[quiz.source]\nfile = "{source_file}"\n\n[[questions]]')
        + f'source = "{quote}"\n',
        encoding="utf-8",
    )
    return path


def test_source_file_is_found_relative_to_the_quiz(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "sky.txt").write_text("Today  the sky\nis blue.", encoding="utf-8")
    assert load_quiz(grounded(tmp_path, "texts/sky.txt", "the sky is blue.")).questions


def test_quote_not_found_shortens_long_quotes(tmp_path: Path) -> None:
    (tmp_path / "sky.txt").write_text("The sky is blue.", encoding="utf-8")
    with pytest.raises(QuizLoadError) as raised:
        load_quiz(grounded(tmp_path, "sky.txt", "x" * 100))
    (problem,) = raised.value.problems
    assert problem.message == f'quote "{"x" * 57}..." was not found in the source file'


@pytest.mark.parametrize(
    ("setup", "name", "message"),
    [
        (lambda d: (d / "folder").mkdir(), "folder", 'source file "folder" is a folder'),
        (lambda d: (d / "l1.txt").write_bytes(b"caf\xe9"), "l1.txt",
         'source file "l1.txt" is not UTF-8 text'),
        (lambda d: None, "a\\u0000b", 'source file "a\\u0000b" is not a usable file name'),
    ],
)
def test_unusable_source_files(tmp_path: Path, setup, name: str, message: str) -> None:
    setup(tmp_path)
    with pytest.raises(QuizLoadError) as raised:
        load_quiz(grounded(tmp_path, name))
    (problem,) = raised.value.problems
    assert (problem.line, problem.where, problem.message) == (6, "quiz.source.file", message)


def test_an_unreadable_source_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = grounded(tmp_path, "sky.txt")
    original = read_limited

    def refuse(path: Path, limit: int) -> bytes:
        if path.name == "sky.txt":
            raise PermissionError(13, "Permission denied")
        return original(path, limit)

    monkeypatch.setattr("quizgame.format.loader.read_limited", refuse)
    with pytest.raises(QuizLoadError, match=r'"sky.txt" cannot be read \(Permission denied\)'):
        load_quiz(path)


def test_the_shipped_quiz_and_its_source_load_from_a_copy(tmp_path: Path) -> None:
    """Grounding reads the source next to the quiz file, wherever the pair is copied."""
    quizzes = Path(__file__).parents[1] / "quizzes"
    for file in quizzes.glob("nato-2025*"):
        shutil.copy(file, tmp_path)
    assert load_quiz(tmp_path / "nato-2025.toml").quiz.source is not None
