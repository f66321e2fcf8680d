"""The plain home (`quizgame play --plain` without a quiz, issue 16): who plays, which quiz,
which mode, as lines; mistakes are explained and asked again, never a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from fakes import FakeClock
from plain_transcripts import EVERY_TYPE, START, TimedInput
from quizgame.classroom.standings import player_standings
from quizgame.plain import Console
from quizgame.plain.home import Home
from quizgame.store import SavesFolder
from quizgame.tui.catalog import scan_quizzes


def run_home(tmp_path: Path, lines: list[str], *,
             names: list[str] | None = None) -> tuple[str, list[tuple[str, str, str]]]:
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir(exist_ok=True)
    (quizzes / "all-types.toml").write_bytes(EVERY_TYPE.read_bytes())
    (quizzes / "broken.toml").write_text("[quiz]\nid = 'broken'\n", encoding="utf-8")
    saves = SavesFolder(tmp_path / "saves")
    clock = FakeClock(START)
    out = io.StringIO()
    played: list[tuple[str, str, str]] = []

    def player_name(typed: str) -> str:
        return saves.player(typed).name

    home = Home(scan_quizzes([quizzes]), names or [], Console(TimedInput(lines, clock), out),
                player_name, lambda name: player_standings(saves.player(name), clock()),
                lambda quiz, player, mode: played.append((quiz.quiz.id, player, mode)))
    assert home.run() == 0
    return out.getvalue(), played


def test_a_name_that_cannot_be_used_is_explained_and_asked_again(tmp_path: Path) -> None:
    out, played = run_home(tmp_path, ["", "a\x07b" * 30, "Zoë", "1", "p"])
    assert "Type your name first." in out
    assert "That name cannot be used:" in out
    assert "Player: Zoë." in out
    assert played == [("all-types-2025", "Zoë", "practice")]  # "p" chose practice


def test_a_listed_player_is_chosen_by_number_and_a_quiz_by_its_id(tmp_path: Path) -> None:
    out, played = run_home(tmp_path, ["2", "all-types-2025", ""], names=["Ana", "Ben"])
    assert "Players: 1. Ana, 2. Ben." in out and "Player: Ben." in out
    assert played == [("all-types-2025", "Ben", "quiz")]


def test_a_wrong_quiz_number_and_a_broken_quiz_are_explained(tmp_path: Path) -> None:
    out, played = run_home(tmp_path, ["Ana", "9", "2", "/mode sideways", "/quit"])
    assert "No quiz '9': type its number (1 to 2) or its id." in out
    assert "broken.toml cannot be played:" in out
    assert "No mode 'sideways': the modes are quiz, practice, mistakes." in out
    assert played == []


def test_play_plain_without_a_quiz_opens_the_plain_home(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", "play", "--plain", "--quizzes",
         str(EVERY_TYPE.parent), "--saves", str(tmp_path / "saves")],
        input="Ana\n/quit\n", capture_output=True, text=True, encoding="utf-8", env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Player: Ana." in done.stdout and "Every type of question" in done.stdout
