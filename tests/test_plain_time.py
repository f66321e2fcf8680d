"""Plain mode's adjustable time (WCAG 2.2.1) and accommodations: the `Time left` line, `+`
for 30 more seconds, and a player's profile, in-process on a fake clock and in a real process."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

from quizgame.engine.accommodations import Accommodations
from quizgame.store import SavesFolder
from test_plain import play

SHORT = Path(__file__).parent / "data" / "engine" / "short-timed.toml"


def test_the_warning_line_and_more_time():
    # Each line takes 8 s on the fake clock: the 20 s question warns at 13 s left.
    out, store = play(["?", "+", "Picasso", ""], seconds=8)
    assert "Time left: 12 seconds." in out.splitlines()
    assert "Time left: 34 seconds (30 seconds more)." in out.splitlines()
    answer = store.sessions()[0].answers[0]
    assert not answer.timed_out and answer.extra_seconds == 30


def test_more_time_ten_times_then_a_clear_no():
    out, store = play(["+"] * 11 + ["Picasso", ""], seconds=0.1)
    assert out.count(" (30 seconds more).") == 10
    assert "More time can be added 10 times per question." in out
    assert store.sessions()[0].answers[0].extra_seconds == 300


def test_the_question_line_says_how_long_and_how_to_get_more():
    out, _ = play([], seconds=0.1)
    assert "Time limit: 20 seconds." in out.splitlines()
    assert "On a timed question, type + for 30 seconds more (up to ten times)." in out


def test_twice_the_time_from_the_profile():
    from fakes import MemoryStore

    store = MemoryStore()
    store.profile = Accommodations(time=2.0, speed_points=False)
    out, _ = play(["Picasso", ""], seconds=30, store=store)  # 30 s: late for others, not for Ada
    assert "Accommodations: twice the time, no speed points." in out
    assert "Time limit: 40 seconds." in out and "Correct." in out
    assert store.sessions()[0].accommodations == ["time=2", "no-speed-points"]


def test_untimed_shows_no_limit_and_more_time_says_why():
    from fakes import MemoryStore

    store = MemoryStore()
    store.profile = Accommodations(time=None)
    out, _ = play(["+", "Picasso", ""], seconds=3600, store=store)
    assert "Time limit" not in out and "Time left" not in out and "type +" not in out
    assert "This question has no time limit: take the time you need." in out
    assert "Correct." in out


def _lines(process: subprocess.Popen[str]) -> queue.Queue[str | None]:
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)  # end of output

    threading.Thread(target=read, daemon=True).start()
    return lines


def _until(lines: queue.Queue[str | None], wanted: str) -> list[str]:
    seen: list[str] = []
    while True:
        line = lines.get(timeout=60)
        assert line is not None, f"the game ended before {wanted!r}: {seen}"
        seen.append(line)
        if wanted in line:
            return seen


def test_a_real_game_warns_while_the_player_thinks_and_saves_the_extension(tmp_path: Path):
    saves = tmp_path / "saves"
    command = [sys.executable, "-m", "quizgame"]
    made = subprocess.run([*command, "player", "Ana", "--new", "--no-speed-points", "--saves",
                           str(saves)], capture_output=True, text=True, timeout=60)
    assert made.returncode == 0 and "Ana: accommodations: no speed points" in made.stdout
    process = subprocess.Popen(
        [*command, "play", str(SHORT), "--plain", "--player", "Ana", "--saves", str(saves)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        encoding="utf-8")
    assert process.stdin is not None
    try:
        lines = _lines(process)
        _until(lines, "Time limit: 3 seconds.")
        _until(lines, "Time left: 2 seconds.")  # printed while the game waits for a line
        process.stdin.write("+\n")
        process.stdin.flush()
        assert _until(lines, "seconds more)")[-1].startswith("Time left: ")
        process.stdin.write("Lisbon\n\n")
        process.stdin.close()
        assert any(line.startswith("Correct.") for line in _until(lines, "Correct."))
        assert process.wait(timeout=60) == 0
    finally:
        process.kill()
        process.wait()
    [session] = (saves / "ana-24d4b96f58" / "sessions").glob("*.toml")
    saved = tomllib.loads(session.read_text(encoding="utf-8"))
    assert saved["accommodations"] == ["no-speed-points"]
    [record] = SavesFolder(saves).player("Ana", create=False).sessions()
    assert record.answers[0].extra_seconds == 30
    assert record.score == 1000  # no speed points: time never costs points
