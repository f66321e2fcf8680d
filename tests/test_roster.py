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


def _cases() -> list[dict[str, object]]:
    import tomllib

    with open(ROSTERS / "accommodation-cases.toml", "rb") as file:
        return tomllib.load(file)["case"]


@pytest.mark.parametrize("case", _cases(), ids=lambda case: str(case["name"]))
def test_a_roster_line_gives_a_name_and_its_accommodations(case: dict[str, object]):
    roster = Roster.read(ROSTERS / "accommodations.txt")
    assert case["name"] in roster.names
    assert roster.accommodations_for(str(case["name"])).words == case["words"]


def test_the_roster_names_have_no_accommodation_words():
    assert Roster.read(ROSTERS / "accommodations.txt").names == (
        "Ana", "Zoë Martín", "Ben", "Chloé", "Dev", "Eli", "Jean-Luc")


@pytest.mark.parametrize(("file", "message"), [
    ("accommodation-typo.txt", r"accommodation-typo.txt:2: 'tme=2' is not an accommodation"),
    ("accommodation-bad-time.txt", r"accommodation-bad-time.txt:2: '3' is not a time allowance"),
    ("accommodation-before-name.txt", r"accommodation-before-name.txt:2: a line starts with "
     r"'time=2': write the name first"),
    ("accommodation-then-name.txt", r"accommodation-then-name.txt:3: 'Martín' comes after the "
     r"accommodations"),
    ("accommodation-misspelled-flag.txt", r"accommodation-misspelled-flag.txt:2: "
     r"'no-speedpoints' is not an accommodation"),
])
def test_a_roster_accommodation_typo_is_refused_with_its_line(file: str, message: str):
    with pytest.raises(QuizgameError, match=message):
        Roster.read(ROSTERS / file)
