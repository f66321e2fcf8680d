"""A quiz id that two files in the quizzes folder share is never guessed: play refuses, home
lists both as broken (one shared Best score would mix two quizzes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.cli import main
from quizgame.commands.quizzes import find_quiz
from quizgame.errors import AmbiguousQuizError
from quizgame.tui.catalog import scan_quizzes

SHARED_ID = Path(__file__).parent / "data" / "shared-id"


def test_find_quiz_refuses_a_shared_id() -> None:
    with pytest.raises(AmbiguousQuizError, match="planets-copy.toml, solar-system.toml"):
        find_quiz("solar-system", [SHARED_ID])
    assert find_quiz("moons", [SHARED_ID]) == SHARED_ID / "moons.toml"
    assert find_quiz(str(SHARED_ID / "planets-copy.toml"), [SHARED_ID]).name == "planets-copy.toml"


def test_play_refuses_to_guess(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status = main(["play", "solar-system", "--plain", "--quizzes", str(SHARED_ID),
                   "--saves", str(tmp_path), "--player", "Ana"])
    assert status == 2
    err = capsys.readouterr().err
    assert "is the id of 2 files" in err and "give each quiz its own id" in err


def test_home_lists_shared_ids_as_broken() -> None:
    entries = {entry.path.name: entry for entry in scan_quizzes([SHARED_ID])}
    assert not entries["moons.toml"].broken
    for name, other in (("solar-system.toml", "planets-copy.toml"),
                        ("planets-copy.toml", "solar-system.toml")):
        assert entries[name].broken
        assert entries[name].problems == (
            f'{name}: the quiz id "solar-system" is also the id of {other}: give each quiz its '
            "own id (saves and best scores are kept by id)",
        )
