"""Hostile quiz files (issue 10): escapes made visible, no hang, no read outside the quiz folder.

The quizzes are in tests/data/hostile/quizzes/; FIFOs and device links are made by the tests
(git cannot hold them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from quizgame.cli import main
from quizgame.errors import QuizLoadError
from quizgame.format.lines import SourceMap
from quizgame.format.loader import load_quiz, read_quiz
from quizgame.tui.catalog import scan_quizzes

QUIZZES = Path(__file__).parent / "data" / "hostile" / "quizzes"
MINIMAL = Path(__file__).parent / "data" / "valid" / "minimal.toml"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


# -- finding 1: control characters -------------------------------------------------------------


def test_control_characters_are_made_visible_when_a_quiz_loads() -> None:
    quiz = load_quiz(QUIZZES / "control-characters.toml")
    texts = [quiz.quiz.title, quiz.questions[0].prompt, *quiz.questions[0].choices,
             quiz.questions[0].explanation or ""]
    assert not any(char in text for text in texts for char in "\x1b\x07\x9b")
    assert quiz.quiz.title == "Capitals\\u001b]0;pwned\\u0007"
    assert quiz.questions[0].choices[1] == "Lyon\\u001b]52;c;ZWNobyBwd25lZA==\\u0007"


def test_check_reports_each_control_character_as_an_error_with_its_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = QUIZZES / "control-characters.toml"
    status, out, _ = run(capsys, "check", str(path))
    assert status == 1
    assert "\x1b" not in out and "OK " not in out
    lines = out.splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        f"{path}:4", f"{path}:9", f"{path}:10", f"{path}:12"]
    assert lines[0].endswith("quiz.title: control characters U+001B, U+0007 in this text: "
                             "quizgame shows them as \\uXXXX instead of sending them to the "
                             "terminal; remove them")
    assert "questions[0].choices[1]: control characters U+001B, U+0007" in lines[2]
    assert "questions[0].explanation: control character U+009B" in lines[3]


def test_a_play_in_plain_mode_never_prints_an_escape(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", "play", str(QUIZZES / "control-characters.toml"),
         "--plain", "--player", "Ana", "--saves", str(tmp_path)],
        input="1\n", capture_output=True, text=True, encoding="utf-8", timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    assert "\\u001b[2J" in done.stdout
    assert not any(char in done.stdout + done.stderr for char in "\x1b\x07\x9b")


# -- finding 2: deep nesting -----------------------------------------------------------------


def test_deep_nesting_is_a_syntax_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", str(QUIZZES / "deep-nesting.toml"))
    assert status == 1 and "Traceback" not in err
    assert "TOML syntax error" in out or "nested too deeply" in out


# -- finding 3: special files and size limits ------------------------------------------------------


@needs_fifo
def test_a_fifo_named_like_a_quiz_is_refused_without_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(MINIMAL, tmp_path / "good.toml")
    os.mkfifo(tmp_path / "trap.toml")
    status, out, _ = run(capsys, "check", str(tmp_path))
    assert status == 1
    assert f"{tmp_path / 'trap.toml'}: is a named pipe (FIFO), not a quiz file" in out
    assert f"OK {tmp_path / 'good.toml'}" in out
    entries = scan_quizzes([tmp_path])  # the TUI home screen's list
    assert [(entry.path.name, entry.broken) for entry in entries] == [
        ("good.toml", False), ("trap.toml", True)]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_before_a_byte_is_read(tmp_path: Path) -> None:
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    with pytest.raises(QuizLoadError, match="is a device, not a quiz file"):
        load_quiz(tmp_path / "zero.toml")


@needs_fifo
def test_a_source_file_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    path = shutil.copyfile(QUIZZES / "source-fifo.toml", tmp_path / "quiz.toml")
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(QuizLoadError, match='source file "pipe" is a named pipe'):
        load_quiz(path)


def test_a_quiz_over_the_size_limit_is_refused_saying_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(MINIMAL.read_bytes() + b"# padding\n" * 120_000)  # 1.2 MB
    monkeypatch.setenv("QUIZGAME_MAX_QUIZ_MB", "1")
    with pytest.raises(QuizLoadError, match=r"larger than 1 MB, the limit for quiz files \(set "
                       "QUIZGAME_MAX_QUIZ_MB to allow more\\)"):
        load_quiz(path)
    monkeypatch.setenv("QUIZGAME_MAX_QUIZ_MB", "2")
    assert load_quiz(path).quiz.id


# -- finding 6: source files stay in the quiz's folder --------------------------------------------


@pytest.mark.parametrize("name", ["source-outside.toml", "source-dotdot.toml"])
def test_a_source_file_outside_the_quiz_folder_is_never_read(tmp_path: Path, name: str) -> None:
    path = shutil.copyfile(QUIZZES / name, tmp_path / name)
    with pytest.raises(QuizLoadError) as raised:
        load_quiz(path)
    message = str(raised.value)
    assert "is outside the quiz's folder" in message
    assert "not found in the source file" not in message  # nothing tells what the file holds


def test_a_symlink_out_of_the_quiz_folder_is_outside_too(tmp_path: Path) -> None:
    path = shutil.copyfile(QUIZZES / "source-fifo.toml", tmp_path / "quiz.toml")
    (tmp_path / "pipe").symlink_to("/etc/hostname")
    with pytest.raises(QuizLoadError, match="is outside the quiz's folder"):
        load_quiz(path)


# -- finding 10: the line map is linear in memory ------------------------------------------------


def test_the_line_map_of_one_huge_prompt_takes_no_memory_per_character() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        'prompt = "', 'prompt = "' + "x" * 2_000_000, 1)
    loaded = read_quiz_text(text)
    tracemalloc.start()
    try:
        assert loaded.source_map.line_of(("questions", 0, "prompt")) is not None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The regex engine used to keep ~150 bytes of backtracking state per character (300 MB).
    assert peak < 20_000_000


def read_quiz_text(text: str):  # type: ignore[no-untyped-def]
    from quizgame.format.loader import load_quiz_text

    return load_quiz_text(text, MINIMAL)


def test_a_valid_quiz_is_not_scanned_for_lines_until_a_line_is_needed() -> None:
    loaded = read_quiz(MINIMAL)
    assert isinstance(loaded.source_map, SourceMap)
    assert loaded.source_map._lines is None  # noqa: SLF001 - the laziness is the point


# -- finding 1 at imports ------------------------------------------------------------------------


def test_an_import_makes_control_characters_visible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = shutil.copyfile(QUIZZES.parent / "escapes.csv", tmp_path / "escapes.csv")
    status, out, err = run(capsys, "import", str(source), "-o", str(tmp_path / "escapes.toml"))
    assert status == 0, err
    assert "\x1b" not in out + err and "\x07" not in out + err
    question = load_quiz(tmp_path / "escapes.toml").questions[0]
    assert question.prompt == "Capital of France?\\u001b]0;pwned\\u0007"
    assert question.choices == ["Lyon", "Paris\\u001b[2J"]


@needs_fifo
def test_an_import_of_a_fifo_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "trap.csv")
    status, _, err = run(capsys, "import", str(tmp_path / "trap.csv"))
    assert status == 2 and "is a named pipe (FIFO), not a file to import" in err
