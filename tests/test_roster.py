"""Class rosters (`--roster`): one name a line; other names are refused, bad files explained."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.classroom.roster import Roster
from quizgame.errors import PlayerNameError, QuizgameError

ROSTERS = Path(__file__).parent / "data" / "classroom" / "rosters"
PLAIN_GAME = Path(__file__).parent / "data" / "engine" / "plain-game.toml"


def test_names_come_in_file_order_without_comments_or_blank_lines():
    assert Roster.read(ROSTERS / "class-4b.txt").names == ("Ana", "Ben", "Zoë")


@pytest.mark.parametrize("typed", ["Ana", " ana ", "ANA"])
def test_a_name_is_found_as_the_store_compares_players(typed: str):
    assert Roster.read(ROSTERS / "class-4b.txt").name_for(typed) == "Ana"


def test_a_name_not_on_the_roster_is_refused_with_a_reason():
    with pytest.raises(PlayerNameError, match="'Zoe' is not on the class roster"):
        Roster.read(ROSTERS / "class-4b.txt").name_for("Zoe")


@pytest.mark.parametrize(("file", "message"), [
    ("repeated.txt", r"repeated.txt:3: 'ana' is already on the roster \(line 1\)"),
    ("empty.txt", "has no names"),
    ("too-long.txt", "too-long.txt:2: a player name has at most 40"),
    ("missing.txt", "no roster file at /"),
])
def test_a_bad_roster_is_a_clear_error(file: str, message: str):
    with pytest.raises(QuizgameError, match=message):
        Roster.read(ROSTERS / file)


def test_plain_mode_asks_again_for_a_name_not_on_the_roster(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", "play", str(PLAIN_GAME), "--plain", "--saves",
         str(tmp_path), "--roster", str(ROSTERS / "class-4b.txt")],
        input="Mallory\nben\n", capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "'Mallory' is not on the class roster" in done.stdout and "player Ben." in done.stdout


def test_a_player_named_on_the_command_line_must_be_on_the_roster(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", "play", str(PLAIN_GAME), "--plain", "--saves",
         str(tmp_path), "--roster", str(ROSTERS / "class-4b.txt"), "--player", "Mallory"],
        input="", capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert done.returncode == 2 and "not on the class roster" in done.stderr
    assert not any(tmp_path.iterdir())
