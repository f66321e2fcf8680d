"""Finished means answered (issue 9, observation 1): a game whose planned questions all have
answers is finished however it is left, and 0.1 saves that have every answer count as finished."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine_data import DATA as ENGINE_DATA
from fakes import FakeClock, MemoryStore
from quizgame.cli import main
from quizgame.engine.records import SessionRecord
from quizgame.store import SavesFolder
from test_session import START, play_all, right, start

STORE_DATA = Path(__file__).parent / "data" / "store"


def test_the_last_answer_finishes_the_game_before_any_key():
    store = MemoryStore()
    session = start(store=store)
    play_all(session)
    [saved] = store.sessions()
    assert saved.finished and saved.finished_at == saved.answers[-1].answered_at
    saves = store.session_saves
    session.finish()
    assert store.session_saves == saves  # nothing more to write


def test_a_game_left_before_its_last_answer_stays_unfinished():
    store = MemoryStore()
    session = start(store=store)
    session.submit(right(session.current().question), elapsed_ms=1_000)
    assert not store.sessions()[0].finished


def test_practice_is_never_marked_finished_by_its_answers():
    store = MemoryStore()
    session = start("practice", store=store, clock=FakeClock(START))
    session.submit(right(session.current().question), elapsed_ms=1_000)
    assert not store.sessions()[0].finished


def test_a_poll_left_unanswered_leaves_the_game_unfinished():
    # The polls are planned but not counted in question_count: every counted question answered
    # is not every planned one.
    store = MemoryStore()
    session = start(store=store, name="new-types")
    assert session.record.question_count == 2 and len(session.record.planned or []) == 3
    while (shown := session.current()) is not None and shown.question.type != "poll":
        session.submit(shown.question.answer, elapsed_ms=1_000)
    [saved] = store.sessions()
    assert len(saved.scored_answers) == 2 and not saved.finished
    assert SessionRecord.model_validate(saved.model_dump()).finished is False
    session.submit(session.current().question.choices[0], elapsed_ms=1_000)
    assert store.sessions()[0].finished


def test_a_round_counts_the_polls_it_drew_out():
    session = start(name="new-types", round_size=2, seed=3)
    planned = session.record.planned or []
    polls = sum(session.quiz.question(qid).type == "poll" for qid in planned)
    assert len(planned) == 2 and session.record.question_count == 2 - polls


@pytest.fixture
def saves_01(tmp_path: Path) -> Path:
    return shutil.copytree(STORE_DATA / "answered-0.1", tmp_path / "saves")


def test_a_0_1_save_with_every_answer_reads_as_finished(saves_01: Path):
    records = SavesFolder(saves_01).player("Bea").sessions("capitals")
    assert [record.finished for record in records] == [True, False]
    assert records[0].finished_at == records[0].answers[-1].answered_at


def test_history_and_scores_count_a_0_1_game_with_every_answer(
    saves_01: Path, capsys: pytest.CaptureFixture[str]
):
    assert main(["history", "--player", "Bea", "--saves", str(saves_01)]) == 0
    history = capsys.readouterr().out.splitlines()
    assert "2025-03-05 09:00" in history[2] and "unfinished" not in history[2]
    assert "unfinished" in history[3]
    assert main(["scores", "--saves", str(saves_01)]) == 0
    assert "Bea" in capsys.readouterr().out


@pytest.mark.skipif(sys.platform == "win32", reason="SIGHUP is POSIX")
@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_game_answered_to_the_end_stays_finished_when_its_terminal_goes(tmp_path: Path, sig):
    # Seed 7 asks the text question last: the feedback then offers "I was right" and waits.
    saves = tmp_path / "saves"
    answers = ["f", "", "8849", "", "portuguese,german", "", "lisbon", "", "mercury,venus,earth",
               "", "whale,bat", "", "Dali"]
    game = subprocess.Popen(
        [sys.executable, "-m", "quizgame", "play", str(ENGINE_DATA / "plain-game.toml"), "--plain",
         "--seed", "7", "--player", "Ana", "--saves", str(saves)],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        # A runner started under nohup ignores SIGHUP, and children inherit that: the game gets
        # the signal's default action, as in a terminal that closes.
        preexec_fn=lambda: signal.signal(sig, signal.SIG_DFL),
    )
    try:
        assert game.stdin is not None
        game.stdin.write("\n".join(answers) + "\n")
        game.stdin.flush()  # stdin stays open: the game waits on the last feedback
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            records = SavesFolder(saves).player("Ana").sessions() if saves.exists() else []
            if records and len(records[0].answers) == 7:
                break
            time.sleep(0.05)
        time.sleep(0.2)  # waiting for Enter now
        assert game.poll() is None, game.stderr.read() if game.stderr else ""
        game.send_signal(sig)
        game.wait(timeout=30)
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
    [record] = SavesFolder(saves).player("Ana").sessions()
    assert record.finished and len(record.answers) == 7
