"""Hostile save files (issue 10): every reader skips a damaged file and names it, the same way.

Each file of tests/data/hostile/*.save.toml (written by make_hostile.py) is put in Ana's folder
beside one good game, then read by `scores`, `report`, `history` (table and JSON) and the store's
scans. A damaged or dishonest file is skipped and named on stderr by every one of them; nothing
raises, nothing prints a control character, and the file is never changed.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from quizgame.cli import main
from quizgame.store import SavesFolder, scan_sessions, scan_summaries
from test_classroom_merge import game

HOSTILE = Path(__file__).parent / "data" / "hostile"
CAPITALS = Path(__file__).parent / "data" / "classroom" / "capitals.toml"
# What the player's own history makes of each file; the classroom skips every one of them.
HISTORY_SKIPS = {
    "deep-nesting": True,
    "deep-nesting-in-answers": True,
    "deep-inline-tables": True,
    "control-characters": False,
    "edited-score": False,  # the player's own file, shown as it stands
    "edited-counts": False,  # counted from the answers
    "another-players": True,
    "huge-number": True,
    "garbage-appended": True,  # issue 15, bug 7: read the same way by every command
}
CASES = sorted(HOSTILE.glob("*.save.toml"))


def ana_with(tmp_path: Path, bad: Path) -> tuple[Path, Path]:
    """A saves folder where Ana has a good game and `bad` as a second one."""
    root = tmp_path / "saves"
    ana = SavesFolder(root).player("Ana")
    ana.save_session(game("Ana", "good", 4, finished=True))
    target = ana.path / "sessions" / "20250303T090000Z-capitals-a1b2c3.toml"
    shutil.copyfile(bad, target)
    return root, target


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_every_case_is_listed() -> None:
    assert sorted(path.name.removesuffix(".save.toml") for path in CASES) == sorted(HISTORY_SKIPS)


@pytest.mark.parametrize("bad", CASES, ids=lambda path: path.name.removesuffix(".save.toml"))
def test_the_classroom_skips_and_names_a_hostile_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: Path
) -> None:
    root, target = ana_with(tmp_path, bad)
    before = target.read_bytes()
    clean = bad.stem.removesuffix(".save") == "control-characters"
    for command in (["scores"], ["report", str(CAPITALS)]):
        status, out, err = run(capsys, *command, "--saves", str(root))
        assert status == 0, err
        assert "\x1b" not in out + err and "\x9b" not in out + err
        assert "Traceback" not in err
        if clean:
            assert err == ""
        else:
            assert f"quizgame: skipped: {target}: " in err, (command, err)
    scans = scan_sessions(root), scan_summaries(root)
    assert [len(scan.items) for scan in scans] == ([2, 2] if clean else [1, 1])
    assert target.read_bytes() == before


@pytest.mark.parametrize("bad", CASES, ids=lambda path: path.name.removesuffix(".save.toml"))
def test_history_skips_and_names_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: Path
) -> None:
    root, target = ana_with(tmp_path, bad)
    skips = HISTORY_SKIPS[bad.name.removesuffix(".save.toml")]
    for output in ("table", "json"):
        status, out, err = run(capsys, "history", "--player", "Ana", "--saves", str(root),
                               "--format", output)
        assert "\x1b" not in out + err and "Traceback" not in err
        assert status == (1 if skips else 0), err
        assert (f"quizgame: warning: {target}: " in err) == skips
        if output == "json":
            assert len(json.loads(out)["sessions"]) == (1 if skips else 2)


def test_control_characters_in_a_save_are_shown_not_sent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = ana_with(tmp_path, HOSTILE / "control-characters.save.toml")
    _, out, _ = run(capsys, "history", "--player", "Ana", "--saves", str(root), "--format", "json")
    record = next(s for s in json.loads(out)["sessions"] if s["id"] != "good")
    assert record["quiz_title"] == "Capi\\u001b]0;pwned\\u0007tals"
    assert record["answers"][0]["given"] == "\\u001b[2J\\u009b31m"
    _, out, _ = run(capsys, "scores", "--saves", str(root), "--format", "json")
    assert "\\u001b" in out and "\x1b" not in out


def test_a_hand_edited_score_never_tops_the_board(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, target = ana_with(tmp_path, HOSTILE / "edited-score.save.toml")
    status, out, err = run(capsys, "scores", "--saves", str(root), "--format", "json")
    assert [row["best_score"] for row in json.loads(out)] == [4000]
    assert "score = 99999999 but its answers' points add up to 3000" in err


def test_a_game_copied_from_another_player_is_not_theirs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, target = ana_with(tmp_path, HOSTILE / "another-players.save.toml")
    status, out, err = run(capsys, "scores", "--saves", str(root), "--format", "json")
    assert [(row["player"], row["attempts"]) for row in json.loads(out)] == [("Ana", 1)]
    assert f"{target}: is a game of player 'Bob', not of 'Ana'" in err


# -- finding 4: a player folder nobody may read ----------------------------------------------------

ROOM = Path(__file__).parent / "data" / "classroom" / "room-a"
BEN = "ben-6700869c8f"


@pytest.fixture
def ben_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """room-a with Ben's folder unreadable: mode 000, or (as root, whom modes do not stop) every
    look into it refused the way the system refuses another user's 0700 folder."""
    root = shutil.copytree(ROOM, tmp_path / "room")
    locked = str(root / BEN)
    if os.geteuid() != 0:
        os.chmod(locked, 0)
        yield root
        os.chmod(locked, 0o755)
        return
    real = {name: getattr(os, name) for name in ("stat", "scandir", "open", "lstat")}

    def refusing(name: str):  # type: ignore[no-untyped-def]
        def call(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            text = os.fspath(path) if not isinstance(path, int) else ""
            if text.startswith(locked + os.sep):
                raise PermissionError(13, "Permission denied", text)
            return real[name](path, *args, **kwargs)
        return call

    for name in real:
        monkeypatch.setattr(os, name, refusing(name))
    yield root


@pytest.mark.parametrize("command", [["scores"], ["report", str(CAPITALS)]])
def test_an_unreadable_player_folder_is_skipped_with_a_message(
    ben_locked: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    status, out, err = run(capsys, *command, "--saves", str(ben_locked))
    assert status == 0 and "Traceback" not in err
    assert f"quizgame: skipped: {ben_locked / BEN}" in err and "ermission denied" in err
    if command == ["scores"]:
        assert "Ana" in out and "Ben" not in out
    else:
        assert "Players 1;" in out  # Ana's game; Ben's cannot be read


def test_history_of_an_unreadable_player_says_why(
    ben_locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "history", "--player", "Ben", "--saves", str(ben_locked))
    assert status == 2 and "ermission denied" in err and "Traceback" not in err
    status, out, err = run(capsys, "history", "--player", "Ana", "--saves", str(ben_locked))
    assert status == 0 and "Ana: 2 games" in out


def test_mistakes_mode_skips_a_damaged_game_and_names_it(tmp_path: Path) -> None:
    # Issue 10, finding 2: mistakes mode read every old game and died on a damaged one.
    import subprocess
    import sys

    root = shutil.copytree(ROOM, tmp_path / "room")
    target = next(root.glob("ana-*")) / "sessions" / "deep.toml"
    shutil.copyfile(HOSTILE / "deep-nesting.save.toml", target)
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", "play", str(CAPITALS), "--plain", "--mode", "mistakes",
         "--player", "Ana", "--saves", str(root)],
        input="true\n", capture_output=True, text=True, encoding="utf-8", timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    assert f"quizgame: skipped: {target}: is not valid TOML" in done.stderr
    assert "Question 1 of 1" in done.stdout and "Traceback" not in done.stderr
