"""`quizgame history`: the table, the JSON, unknown players and unreadable saves."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quizgame.cli import main

DATA = Path(__file__).parent / "data" / "store"
ANA = "ana-24d4b96f58"
PRACTICE_FILE = "20250304T090000Z-capitals-d4e5f6.toml"


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    return shutil.copytree(DATA / "saves", tmp_path / "saves")


def test_the_table_lists_each_game(saves: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--player", "ana", "--saves", str(saves)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "Ana: 2 games",
        "Started (UTC)     Quiz      Mode      Ended (UTC)       Score  Correct  Marked",
        "2025-03-03 09:00  capitals  quiz      2025-03-03 09:01  1,900      2/2",
        "2025-03-04 09:00  capitals  practice  unfinished            0      1/1       1",
    ]
    assert err == ""


def test_json_holds_every_answer(saves: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "--player", "Ana", "--saves", str(saves), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert (document["player"], document["key"], document["problems"]) == ("Ana", ANA, [])
    quiz, practice = document["sessions"]
    assert [answer["question_id"] for answer in quiz["answers"]] == ["q1", "q2"]
    assert quiz["answers"][1] == {
        "question_id": "q2", "question_type": "number", "given": 58000.0, "correct": True,
        "credit": 1.0, "points": 900, "streak_bonus": 100, "elapsed_ms": 9000, "hint_used": True,
        "timed_out": False, "overridden": False, "claim": None, "not_seen": False, "sure": None,
            "extra_seconds": None,
        "answered_at": "2025-03-03T09:00:13Z",
    }
    assert (practice["finished_at"], practice["answers"][0]["overridden"]) == (None, True)


def test_the_saves_folder_comes_from_the_environment(
    saves: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUIZGAME_SAVES", str(saves))
    assert main(["history", "--player", "Ana"]) == 0
    assert capsys.readouterr().out.startswith("Ana: 2 games")


def test_a_player_without_games(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from quizgame.store import SavesFolder

    SavesFolder(tmp_path).player("Zoë")
    assert main(["history", "--player", "zoë", "--saves", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "Zoë has no games yet.\n"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Bob", "quizgame: no saves for player 'Bob' in "),
        ("", "quizgame: a player name cannot be empty"),
        ("../../etc", "quizgame: no saves for player '../../etc' in "),
    ],
)
def test_unknown_or_unusable_players_exit_2_with_a_message(
    saves: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    assert main(["history", "--player", name, "--saves", str(saves)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(message)
    assert sorted(path.name for path in saves.iterdir()) == [ANA]


@pytest.mark.parametrize("output", ["table", "json"])
def test_unreadable_saves_are_named_skipped_and_exit_1(
    saves: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    broken = saves / ANA / "sessions" / PRACTICE_FILE
    shutil.copyfile(DATA / "bad" / "not-toml.toml", broken)
    before = broken.read_bytes()
    assert main(["history", "--player", "Ana", "--saves", str(saves), "--format", output]) == 1
    out, err = capsys.readouterr()
    assert ("1,900" if output == "table" else "1900") in out and "practice" not in out
    assert err == f"quizgame: warning: {broken}: is not valid TOML: Unclosed array (at line 12, " \
                  "column 1) (the file was left as it is)\n"
    assert broken.read_bytes() == before


ROOMS = Path(__file__).parent / "data" / "classroom"


@pytest.mark.parametrize("output", ["table", "json"])
def test_several_saves_folders_are_merged(
    capsys: pytest.CaptureFixture[str], output: str
) -> None:
    # Ana played on two machines (typed "Ana", then "ana"); ana-1 is in both folders.
    assert main(["history", "--player", "ANA", "--saves", str(ROOMS / "room-a"),
                 "--saves", str(ROOMS / "room-b"), "--format", output]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    if output == "json":
        document = json.loads(out)
        assert document["player"] == "Ana"  # as first typed
        assert [session["id"] for session in document["sessions"]] == ["ana-1", "ana-2", "ana-3"]
    else:
        assert out.splitlines()[0] == "Ana: 3 games"
        assert [line.split()[-2] for line in out.splitlines()[2:]] == ["3,000", "3,500", "4,000"]


def test_a_player_in_none_of_the_folders_is_unknown(
    capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--player", "Nobody", "--saves", str(ROOMS / "room-a"),
                 "--saves", str(ROOMS / "room-b")]) == 2
    assert "no saves for player 'Nobody' in" in capsys.readouterr().err
