"""Plain mode with the newer types: an estimate on its scale, and a poll whose split is shown
from every player's saves (the CLI wires the saves folder in)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cli_run import run_main
from engine_data import DATA
from quizgame.classroom.polls import poll_votes, split_lines

QUIZ = DATA / "new-types.toml"


@pytest.fixture
def play(capsys, monkeypatch) -> Callable[[str, list[str], Path], str]:
    """A player's game of QUIZ through the command line (in-process, cli_run.py): its output."""

    def played(player: str, lines: list[str], saves: Path) -> str:
        status, out, err = run_main(capsys, monkeypatch, "play", str(QUIZ), "--plain", "--seed", "1",
                                    "--saves", str(saves), "--player", player,
                                    stdin="\n".join(lines) + "\n")
        assert status == 0, err
        return out

    return played


def test_an_estimate_off_the_scale_is_asked_again_and_a_poll_shows_how_everyone_voted(tmp_path: Path, play) -> None:
    play("Ana", ["79", "", "8849", "", "1", ""], tmp_path)  # "": Enter after each feedback
    out = play("Ben", ["500", "129", "", "9000 m", "", "2", ""], tmp_path)
    assert "Answer: your estimate, a number from 0 to 400 (closer earns more)." in out
    assert "Give a number from 0 to 400." in out  # 500 is off the scale
    assert "Partly right (55%)" in out
    assert "Thanks for voting (One day): a poll has no right answer and no points." in out
    assert "How everyone voted:" in out
    assert "Yes, soon: 1 (50%)" in out  # no bars: plain mode has no decoration
    assert "No, thanks: 0 (0%)" in out
    assert "Correct: 0 of 2" in out and "Poll: Would you visit Pompeii?" in out
    assert poll_votes(tmp_path, "new-types", "visit") == {"Yes, soon": 1, "One day": 1}


def test_the_split_reads_as_bars_and_shares() -> None:
    assert split_lines((("Yes", 3), ("No", 1))) == [
        "Yes  ████████████████████  3 (75%)",
        "No   ███████               1 (25%)",
    ]
    assert split_lines((("Yes", 0), ("No", 0))) == []


def test_continuing_counts_the_poll_among_the_questions_as_they_were_shown(tmp_path: Path, play) -> None:
    play("Ana", ["79", ""], tmp_path)  # one answer, then the input ends
    out = play("Ana", ["c", "8849", "", "1", ""], tmp_path)
    assert "continue (question 2 of 3)" in out and "Question 2 of 3" in out
