"""`quizgame check` and `quizgame schema` from the command line: output and exit status."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.cli import main
from quizgame.format.loader import quiz_files

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parents[1]
MINIMAL = DATA / "valid" / "minimal.toml"
ALL_TYPES = DATA / "valid" / "all-types.toml"


def check(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    status = main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_valid_quiz_gets_a_one_line_summary(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = check(capsys, ALL_TYPES)
    assert status == 0 and err == ""
    assert out == (
        f'OK {ALL_TYPES}: all-types-2025 "Every type of question": 13 questions '
        "(1 choice, 1 multi, 1 truefalse, 2 number, 2 text, 1 order, 1 match, 1 estimate, 1 poll, "
        "1 categorize, 1 cloze)\n"
    )


def test_warnings_are_printed_but_pass(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = check(capsys, MINIMAL)
    assert status == 0
    assert out.splitlines() == [
        f'{MINIMAL}:6: warning: questions[0] (id "sky").explanation: no explanation: '
        "players learn more when told why",
        f'OK {MINIMAL}: minimal "Minimal": 1 question (1 truefalse) (1 warning)',
    ]


def test_strict_turns_warnings_into_failure(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = check(capsys, "--strict", MINIMAL)
    assert status == 1
    assert out.splitlines()[-1] == f"FAIL {MINIMAL}: 1 warning, and --strict makes them errors"
    status, _, _ = check(capsys, "--strict", ALL_TYPES)
    assert status == 0


@pytest.mark.parametrize("name", ["duplicate-prompt", "giveaway-choice", "missing-explanation"])
def test_each_kind_of_warning_fails_strict(capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = DATA / "warnings" / f"{name}.toml"
    assert check(capsys, path)[0] == 0
    status, out, _ = check(capsys, "--strict", path)
    assert status == 1 and ": warning: " in out and "FAIL" in out


def test_an_invalid_quiz_prints_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "invalid" / "multi-error.toml"
    status, out, err = check(capsys, path)
    assert status == 1 and err == ""
    lines = out.splitlines()
    assert len(lines) == 10 and all(line.startswith(f"{path}:") for line in lines)
    assert lines[2] == (
        f'{path}:22: questions[0] (id "capital-fr").answer: "París" is not one of the choices '
        '(did you mean "Paris"?)'
    )


def test_a_folder_gives_summaries_and_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copy(ALL_TYPES, tmp_path / "a.toml")
    shutil.copy(DATA / "invalid" / "answer-not-a-choice.toml", tmp_path / "b.toml")
    shutil.copy(MINIMAL, tmp_path / "c.toml")
    (tmp_path / "notes.txt").write_text("not a quiz", encoding="utf-8")
    status, out, _ = check(capsys, tmp_path)
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"OK {tmp_path / 'a.toml'}: all-types-2025 ")
    assert lines[1].startswith(f"{tmp_path / 'b.toml'}:11: questions[0]")
    assert lines[2].startswith(f"{tmp_path / 'c.toml'}:6: warning:")
    assert lines[3].startswith(f"OK {tmp_path / 'c.toml'}: minimal ")
    assert lines[4] == "3 files checked: 2 valid, 1 invalid"


def test_the_whole_valid_folder_passes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = check(capsys, DATA / "valid")
    assert status == 0
    valid_files = len(list((DATA / "valid").glob("*.toml")))
    assert sum(line.startswith("OK ") for line in out.splitlines()) == valid_files


def test_a_missing_path_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = check(capsys, tmp_path / "nope.toml", ALL_TYPES)
    assert status == 2
    assert err == f"quizgame: {tmp_path / 'nope.toml'}: no such file or folder\n"
    assert out.startswith(f"OK {ALL_TYPES}")  # the other paths are still checked


def test_a_folder_without_quizzes_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = check(capsys, tmp_path)
    assert (status, out) == (2, "")
    assert err == f"quizgame: {tmp_path}: no *.toml quiz files in this folder\n"


def test_no_path_at_all_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check"])
    assert exited.value.code == 2
    assert "the following arguments are required: PATH" in capsys.readouterr().err


def test_a_folder_named_like_a_quiz(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "odd.toml").mkdir()
    status, out, _ = check(capsys, tmp_path / "odd.toml")
    # Given by name it is a folder to search, and it holds no quiz files.
    assert status == 2 and out == ""
    shutil.copy(MINIMAL, tmp_path / "real.toml")
    status, out, _ = check(capsys, tmp_path)
    assert status == 1
    assert f"{tmp_path / 'odd.toml'}: is a folder, not a quiz file" in out


def test_an_unreadable_file_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, limit: int) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("quizgame.format.loader.read_limited", refuse)
    status, out, _ = check(capsys, MINIMAL)
    assert status == 1
    assert out == f"{MINIMAL}: cannot be read: permission denied\n"


def test_quiz_files_expands_folders_and_keeps_each_file_once(tmp_path: Path) -> None:
    for name in ("b.toml", "a.toml", "c.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert quiz_files([tmp_path / "b.toml", tmp_path]) == [tmp_path / "b.toml", tmp_path / "a.toml"]


def test_schema_command_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    committed = (ROOT / "schemas" / "quiz.schema.json").read_text(encoding="utf-8")
    assert capsys.readouterr().out == committed


def run_quizgame(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "quizgame", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120,
    )


def test_a_real_run_over_every_broken_file_shows_no_traceback() -> None:
    result = run_quizgame("check", str(DATA / "invalid"), str(DATA / "valid"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    assert "binary-nul.toml: is not a text file" in result.stdout
    assert "latin1-bytes.toml:5: is not UTF-8 text" in result.stdout
    assert "syntax-error.toml:5:29: TOML syntax error" in result.stdout
    invalid = len(list((DATA / "invalid").glob("*.toml")))
    valid = len(list((DATA / "valid").glob("*.toml")))
    assert result.stdout.splitlines()[-1] == (
        f"{invalid + valid} files checked: {valid} valid, {invalid} invalid"
    )


def test_a_real_run_exit_statuses() -> None:
    assert run_quizgame("check", str(ALL_TYPES)).returncode == 0
    assert run_quizgame("check", "--strict", str(MINIMAL)).returncode == 1
    missing = run_quizgame("check", "no-such-folder")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


SHARED_ID = DATA / "shared-id"


def test_two_files_with_one_quiz_id_are_both_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = check(capsys, SHARED_ID)
    assert status == 1
    copy, solar = SHARED_ID / "planets-copy.toml", SHARED_ID / "solar-system.toml"
    assert f'{copy}:3: quiz.id: the quiz id "solar-system" is also the id of {solar}' in out
    assert f'{solar}:2: quiz.id: the quiz id "solar-system" is also the id of {copy}' in out
    assert "give each quiz its own id" in out
    assert f"OK {SHARED_ID / 'moons.toml'}" in out
    assert "3 files checked: 1 valid, 2 invalid" in out


def test_one_file_of_a_shared_id_alone_passes(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = check(capsys, SHARED_ID / "solar-system.toml")
    assert status == 0
