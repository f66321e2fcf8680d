"""Where saves and quizzes are found (issue 9, observation 6): never on the starting folder alone.

Saves: --saves > $QUIZGAME_SAVES > ./saves when it exists > the per-user data folder. Quizzes:
the bundled ones always, ./quizzes and --quizzes added, a local quiz with the same id winning.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.commands.paths import bundled_quizzes_dir, quizzes_dirs, saves_dir
from quizgame.commands.quizzes import find_quiz
from quizgame.errors import QuizgameError

TUI_DATA = Path(__file__).parent / "data" / "tui"


def args(**values: object) -> argparse.Namespace:
    return argparse.Namespace(**{"saves": None, "quizzes": None, **values})


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder that is not a checkout."""
    folder = tmp_path / "somewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_saves_default_to_the_user_data_folder(elsewhere: Path, _own_user_data_folder: Path):
    assert saves_dir(args()) == _own_user_data_folder / "quizgame" / "saves"


def test_a_saves_folder_here_is_used_when_it_exists(elsewhere: Path):
    (elsewhere / "saves").mkdir()
    assert saves_dir(args()) == elsewhere / "saves"


def test_the_environment_beats_the_folder_here_and_the_option_beats_both(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
):
    (elsewhere / "saves").mkdir()
    monkeypatch.setenv("QUIZGAME_SAVES", "class-saves")
    assert saves_dir(args()) == elsewhere / "class-saves"  # absolute, for every message
    assert saves_dir(args(saves=Path("mine"))) == elsewhere / "mine"


def test_a_quizzes_folder_here_adds_to_the_bundled_quizzes(elsewhere: Path):
    shutil.copytree(TUI_DATA / "quizzes", elsewhere / "quizzes")
    folders = quizzes_dirs(args())
    assert folders == [elsewhere / "quizzes", bundled_quizzes_dir().absolute()]
    assert find_quiz("nato-2025", folders).parent == bundled_quizzes_dir()
    assert find_quiz("all-types", folders).parent == elsewhere / "quizzes"


def test_a_local_quiz_with_a_bundled_id_wins_with_a_note(elsewhere: Path, tmp_path: Path):
    local = elsewhere / "quizzes"
    local.mkdir()
    shutil.copy(bundled_quizzes_dir() / "nato-2025.source.txt", local)
    text = (bundled_quizzes_dir() / "nato-2025.toml").read_text(encoding="utf-8")
    (local / "nato-2025.toml").write_text(text.replace('title = "NATO 2025', 'title = "Local NATO', 1),
                                          encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", "play", "nato-2025", "--plain", "--player", "Ana",
         "--saves", str(tmp_path / "saves")],
        input="", capture_output=True, text=True, encoding="utf-8", timeout=60, cwd=elsewhere,
    )
    assert done.returncode == 0, done.stderr
    assert "Local NATO" in done.stdout
    assert f"note: playing {local / 'nato-2025.toml'}, which replaces" in done.stderr


def test_a_quiz_not_found_names_every_folder_in_full(elsewhere: Path):
    with pytest.raises(QuizgameError, match=f"looked in {bundled_quizzes_dir().absolute()}"):
        find_quiz("nope", quizzes_dirs(args(quizzes=[Path("missing")])))
