"""Which accommodations applied, in every later view: history, scores (ranked fairly) and the
teacher report, from real saves."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from engine_data import DATA
from fakes import FakeClock
from quizgame.cli import main
from quizgame.engine.accommodations import Accommodations
from quizgame.engine.scheduling import make_scheduler
from quizgame.engine.session import GameSession
from quizgame.format import load_quiz
from quizgame.store import SavesFolder
from test_session import START, right

QUIZ = DATA / "all-types.toml"


def _play(saves: Path, name: str, accommodations: Accommodations, elapsed_ms: int) -> None:
    clock = FakeClock(START)
    store = SavesFolder(saves).player(name)
    store.set_accommodations(accommodations)
    session = GameSession.start(load_quiz(QUIZ), store, "quiz", seed=1, clock=clock,
                                monotonic=clock.monotonic, scheduler=make_scheduler())
    while (shown := session.current()) is not None:
        session.submit(right(shown.question), elapsed_ms=elapsed_ms)


@pytest.fixture
def saves(tmp_path: Path) -> Path:
    folder = tmp_path / "saves"
    _play(folder, "Ana", Accommodations(), 2_000)
    _play(folder, "Zoë", Accommodations(time=2.0, speed_points=False), 30_000)
    return folder


def test_history_names_the_accommodations(saves: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["history", "--player", "Zoë", "--saves", str(saves)]) == 0
    out = capsys.readouterr().out
    assert "Accommodations" in out and "time=2 no-speed-points" in out
    assert main(["history", "--player", "Zoë", "--saves", str(saves), "--format", "json"]) == 0
    [game] = json.loads(capsys.readouterr().out)["sessions"]
    assert game["accommodations"] == ["time=2", "no-speed-points"]


def test_scores_rank_a_mixed_board_by_accuracy(saves: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["scores", "--saves", str(saves), "--format", "csv"]) == 0
    rows = {row["player"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["Zoë"]["accommodations"] == "time=2 no-speed-points"
    assert rows["Ana"]["accommodations"] == ""
    assert {row["ranked_by"] for row in rows.values()} == {"accuracy"}
    assert rows["Zoë"]["rank"] == rows["Ana"]["rank"] == "1"  # both all right: one rank
    assert main(["scores", "--saves", str(saves)]) == 0
    assert "ranked by accuracy: some games were scored without speed points" in \
        capsys.readouterr().out


def test_the_teacher_report_lists_who_had_accommodations(
    saves: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["report", str(QUIZ), "--saves", str(saves)]) == 0
    out = capsys.readouterr().out
    assert "Accommodations that applied" in out and "  Zoë: time=2 no-speed-points" in out
    assert main(["report", str(QUIZ), "--saves", str(saves), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["accommodations"] == {
        "Zoë": "time=2 no-speed-points"}
