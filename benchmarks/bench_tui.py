"""TUI benchmark (issues 4 and 12): start-up time against a bare Textual app, key press to the next
question drawn, and the first question of each type drawn.

    .venv/bin/python benchmarks/bench_tui.py [--runs 15] [--questions 30] [--no-bytecode-cache]
                                             [--only terminal|headless|next|types]

0. Start in a real terminal (issue 12). Each app is started in a fresh process on a pseudo-terminal
   of 80×24, exactly as a player types it, and timed from spawning to the moment its terminal
   output shows the screen's text: the bare app's label, the home screen ("Reading the quizzes…")
   and the first question of `quizgame play nato-2025 --player X` ("Question 1 of"). Runs
   alternate bare / home / play; each ratio is paired run by run against the bare app of the
   same round and printed as min / median / max. Measured twice: with a warm bytecode cache (in a
   temporary folder) and with the environment's own PYTHONDONTWRITEBYTECODE=1 (every start
   compiles an editable install's modules). Goals: home <= 1.1 ×, first question <= 1.3 × bare.
   Run with the Python of an installed copy (`/path/to/venv/bin/python benchmarks/bench_tui.py`
   after the README's `pip install .`) to time a student's start: pip compiles every module as
   it installs, PYTHONDONTWRITEBYTECODE or not, so that copy never starts without bytecode.
   The first question is drawn from the opening the last game kept (engine/openings.py: the
   warm-up game stays on its question for two seconds, as a player reading it, which is when
   it keeps one): its header, clock and prompt first, its answer widget a frame later. When
   that widget is drawn (its instructions show), when the question can be answered (its
   session started: the key bar offers "+30 s"), and the same start with no opening kept (a
   player's first game of the quiz, drawn and answerable at once) are printed too.

1. Start to first interactive screen. Each app is started in a fresh process (Python start-up and
   imports included), headless at 80×24, and reports the moment its first screen has been drawn
   and is taking keys: Textual's Ready event. The bare app shows one Label; quizgame is the real
   command line, `quizgame --quizzes DIR --saves DIR` (the home screen), on the bundled quizzes
   and an empty saves folder. Runs alternate between the two apps; medians are compared. Goal:
   quizgame <= 1.15 × bare. Also shown: when the home screen's lists have been filled in (read in
   a thread after the first paint).
   Both apps run with the same interpreter, flags and environment, with Python's bytecode cache
   on (in a temporary folder): Textual's modules come precompiled from its wheel, and an installed
   quizgame's do too, so an environment that sets PYTHONDONTWRITEBYTECODE would otherwise charge
   quizgame alone for compiling its modules at every start. `--no-bytecode-cache` keeps the
   environment as it is.
2. Key press to next question drawn. In this process, through Textual's Pilot: on the feedback
   panel, the time from sending Enter to the refresh that shows the next question (measured
   inside the app, so Pilot's own waiting is not counted). Bundled quiz, quiz mode, timed.
   Goal: median <= 16 ms.
3. The first question of each type drawn (tests/data/valid/all-types.toml, one question of each
   type in turn, each answered half a second after it is shown, as a quick player would): the
   time from Enter on the feedback panel to the refresh that shows it, the first time a
   question of that type is shown in the game. Goal: <= 16 ms each.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quizgame.commands.paths import bundled_quizzes_dir

# Both apps report the same moment: Textual's Ready event, sent to the app when "the DOM is ready
# and the first frame has been displayed". (Not `Pilot.pause`, which waits for the whole process
# to be idle, worker threads included.) `refreshed` waits for the screen's next refresh.
WATCH = """
import asyncio, time
from textual.app import App

first_frame = asyncio.Event()

def on_ready(app):
    print(time.monotonic(), flush=True)
    first_frame.set()

App.on_ready = on_ready

async def refreshed(app):
    done = asyncio.Event()
    app.screen.call_after_refresh(done.set)
    await done.wait()
    print(time.monotonic(), flush=True)
"""

BARE_APP = WATCH + """
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Hello")

async def ready(pilot):
    await first_frame.wait()
    pilot.app.exit()

Bare().run(headless=True, size=(80, 24), auto_pilot=ready)
"""

QUIZGAME_APP = WATCH + """
import sys

async def ready(pilot):
    await first_frame.wait()
    while not pilot.app.workers:  # the lists are read in a worker, started after the first frame
        await asyncio.sleep(0.001)
    await pilot.app.workers.wait_for_complete()
    await refreshed(pilot.app)
    pilot.app.exit()

# The real command line, with the app run headless and watched (the benchmark's only change).
run = App.run
App.run = lambda app, **options: run(app, headless=True, size=(80, 24), auto_pilot=ready)
from quizgame.cli import main

sys.exit(main(sys.argv[1:]))
"""


def launch(source: str, *args: str, env: dict[str, str]) -> list[float]:
    """Seconds from spawning a Python process running `source` to each time it prints."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", source, *args], capture_output=True, text=True, check=True, env=env
    )
    return [float(line) - started for line in done.stdout.split()]


def startup(runs: int, saves: Path, env: dict[str, str]) -> None:
    quizzes = bundled_quizzes_dir()
    bare: list[float] = []
    ours: list[float] = []
    filled: list[float] = []
    command = ["--quizzes", str(quizzes), "--saves", str(saves)]
    launch(BARE_APP, env=env)  # warm the file (and bytecode) caches for both
    launch(QUIZGAME_APP, *command, env=env)
    for _ in range(runs):
        bare += launch(BARE_APP, env=env)
        first, full = launch(QUIZGAME_APP, *command, env=env)
        ours.append(first)
        filled.append(full)
    bare_ms, ours_ms = statistics.median(bare) * 1000, statistics.median(ours) * 1000
    print(f"Start to first interactive screen (median of {runs} runs, fresh processes):")
    print(f"  bare Textual app, one label   {bare_ms:7.0f} ms")
    print(f"  quizgame home screen          {ours_ms:7.0f} ms   ratio {ours_ms / bare_ms:.2f} (goal <= 1.15)")
    print(f"  quizgame lists filled in      {statistics.median(filled) * 1000:7.0f} ms")


TERMINAL_BARE = """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("Hello")

Bare().run()
"""

# Escape sequences (CSI, OSC, charset and keypad modes): what is left is the text on screen.
_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\\\)|\x1b[()][0-9A-Za-z]"
                      rb"|\x1b[=>78MDE]")


def on_terminal(command: Sequence[str], marker: str, env: dict[str, str], timeout: float = 30,
                linger: float = 0) -> float:
    """Seconds from spawning `command` on an 80×24 pseudo-terminal to the moment the text
    `marker` has been written to it (escape sequences left out); the process is killed then, or
    `linger` seconds later (as a player looking at the screen)."""
    main_fd, child_fd = os.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    wanted = marker.encode()
    started = time.monotonic()
    process = subprocess.Popen(command, stdin=child_fd, stdout=child_fd, stderr=child_fd, env=env,
                               start_new_session=True, close_fds=True)
    os.close(child_fd)
    output = b""
    try:
        while time.monotonic() - started < timeout:
            ready, _, _ = select.select([main_fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # the child closed the terminal
                break
            output += chunk
            if wanted in _ESCAPES.sub(b"", output):
                shown = time.monotonic() - started
                while time.monotonic() - started < shown + linger:
                    if select.select([main_fd], [], [], 0.05)[0]:
                        os.read(main_fd, 65536)
                return shown
        raise RuntimeError(f"{marker!r} never shown by {command}: {_ESCAPES.sub(b'', output)[-400:]!r}")
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(main_fd)


def spread(values: Sequence[float], unit: str = "ms", scale: float = 1000) -> str:
    """min / median / max of `values`."""
    low, mid, high = min(values) * scale, statistics.median(values) * scale, max(values) * scale
    digits = 0 if unit == "ms" else 2
    return f"min {low:7.{digits}f}  median {mid:7.{digits}f}  max {high:7.{digits}f}{' ' + unit if unit else ''}"


def terminal_startup(runs: int, saves: Path, env: dict[str, str], label: str) -> None:
    env = {**env, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    python = sys.executable
    apps = {
        "bare Textual app": ([python, "-c", TERMINAL_BARE], "Hello"),
        "quizgame home screen": ([python, "-m", "quizgame", "--saves", str(saves)], "Reading the quizzes"),
        "play nato-2025, 1st question": ([python, "-m", "quizgame", "play", "nato-2025", "--player",
                                          "Bench", "--seed", "1", "--saves", str(saves)], "Question 1 of"),
    }
    play = apps["play nato-2025, 1st question"]
    openings = Path(env["QUIZGAME_CACHE"]) / "openings"
    times: dict[str, list[float]] = {name: [] for name in apps}
    # Warm the file, bytecode and quiz caches; the game is left on its first question for a
    # moment, as a player reads it, so that it keeps its next game's opening (engine/openings.py)
    # as any game played before does.
    for command, marker in apps.values():
        on_terminal(command, marker, env, linger=2)
    first_game: list[float] = []
    answer_widget: list[float] = []
    answerable: list[float] = []
    for _ in range(runs):
        for name, (command, marker) in apps.items():
            times[name].append(on_terminal(command, marker, env))
        # The same start, until the question's answer widget is drawn too (a frame after the
        # question: its instructions, "… Enter to answer", are drawn with it).
        answer_widget.append(on_terminal(play[0], "Enter to answer", env))
        # The same start, until the question can be answered: the key bar offers "+30 s" (more
        # time) only once the session is attached.
        answerable.append(on_terminal(play[0], "+30 s", env))
        # The same game with no opening kept (a player's first game of the quiz): the quiz
        # models load before the first frame. The kept opening is put back for the next round.
        openings.rename(openings.with_name("openings.kept"))
        first_game.append(on_terminal(*play, env))
        shutil.rmtree(openings, ignore_errors=True)
        openings.with_name("openings.kept").rename(openings)
    print(f"Start in a real terminal, {label} ({runs} rounds, fresh processes, 80×24 pty):")
    bare = times["bare Textual app"]
    for name, values in times.items():
        print(f"  {name:<30} {spread(values)}")
    print(f"  {'… its answer widget drawn':<30} {spread(answer_widget)}   "
          f"/ bare: {spread([ours / base for ours, base in zip(answer_widget, bare)], unit='', scale=1)}")
    print(f"  {'… and answerable':<30} {spread(answerable)}")
    print(f"  {'… no opening kept (1st game)':<30} {spread(first_game)}   "
          f"/ bare: {spread([ours / base for ours, base in zip(first_game, bare)], unit='', scale=1)}")
    for name, goal in (("quizgame home screen", 1.1), ("play nato-2025, 1st question", 1.3)):
        ratios = [ours / base for ours, base in zip(times[name], bare)]
        print(f"  {name + ' / bare':<37} {spread(ratios, unit='', scale=1)}   (goal <= {goal})")


async def question_latencies(quiz: Path, questions: int, saves: Path, think: float = 0
                             ) -> list[tuple[str, float]]:
    """(type, seconds) of each question after the first: from Enter on the feedback panel to the
    refresh that shows the next question (measured inside the app, so Pilot's own waiting is
    not counted). Each question is answered as its time running out would answer it, `think`
    seconds after it is shown (a player reads the question first)."""
    from quizgame.tui.app import create_app
    from quizgame.tui.screens.question import QuestionScreen
    from quizgame.tui.widgets.feedback import FeedbackPanel
    from quizgame.tui.widgets.question_input import QuestionInput

    drawn: list[float] = []
    show_current = QuestionScreen.show_current

    async def timed_show_current(self: QuestionScreen) -> None:
        await show_current(self)
        self.call_after_refresh(lambda: drawn.append(time.perf_counter()))

    QuestionScreen.show_current = timed_show_current  # type: ignore[method-assign]
    app = create_app(quiz.parent, saves, player="Bench", quiz_path=quiz, seed=1)
    latencies: list[tuple[str, float]] = []
    pressed = 0.0
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            for number in range(questions):
                while not (isinstance(app.screen, QuestionScreen) and app.screen.query(QuestionInput)):
                    await pilot.pause()
                screen: Any = app.screen
                if number:
                    latencies.append((screen.presented.type, drawn[0] - pressed))
                await asyncio.sleep(think)
                widget: Any = next(widget for widget in screen.query(QuestionInput) if widget.display)
                if hasattr(widget, "action_pick"):
                    widget.action_pick(0)  # rows start with nothing chosen: pick the first
                screen.answering.answer(widget.response(), timed_out=True)  # any type, any answer
                while not screen.query_one(FeedbackPanel).display:
                    await pilot.pause()
                if number == questions - 1:
                    break
                await pilot.pause()
                drawn.clear()
                pressed = time.perf_counter()
                await pilot.press("enter")
                while not drawn:
                    await pilot.pause()
    finally:
        QuestionScreen.show_current = show_current  # type: ignore[method-assign]
    return latencies


def next_question(questions: int, saves: Path) -> None:
    quiz = bundled_quizzes_dir() / "nato-2025.toml"
    latencies = asyncio.run(question_latencies(quiz, questions + 1, saves))
    ms = sorted(latency * 1000 for _, latency in latencies)
    print(f"Key press to next question drawn ({len(ms)} questions, bundled quiz, 80×24):")
    p90 = ms[int(len(ms) * 0.9)]
    print(f"  median {statistics.median(ms):6.1f} ms (goal <= 16)   p90 {p90:6.1f} ms   max {ms[-1]:6.1f} ms")


ALL_TYPES = Path(__file__).parents[1] / "tests" / "data" / "valid" / "all-types.toml"


def first_of_each_type(runs: int, folder: Path) -> None:
    """The first question of each type, in fresh apps: the quiz in its order, then with its
    first question moved last (so that the first type is also met after a key press)."""
    text = ALL_TYPES.read_text(encoding="utf-8").replace("\nround = 9\n", "\n")  # every question
    head, *blocks = text.split("\n[[questions]]\n")
    quizzes = []
    for name, order in (("in-order", blocks), ("rotated", [*blocks[1:], blocks[0]])):
        quiz = folder / name / "all-types.toml"
        quiz.parent.mkdir(parents=True, exist_ok=True)
        quiz.write_text("\n[[questions]]\n".join([head, *order]), encoding="utf-8")
        quizzes.append(quiz)
    by_type: dict[str, list[float]] = {}
    for run in range(runs):
        for quiz in quizzes:
            seen: set[str] = set()
            saves = folder / f"types-saves-{run}-{quiz.parent.name}"
            for kind, latency in asyncio.run(question_latencies(quiz, len(blocks), saves, think=0.5)):
                if kind not in seen:
                    seen.add(kind)
                    by_type.setdefault(kind, []).append(latency)
    print(f"First question of each type drawn ({runs} runs of two fresh games each, 80×24; "
          "goal <= 16 ms):")
    for kind, values in by_type.items():
        print(f"  {kind:<12} {spread(values)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="start-ups of each app (default 15)")
    parser.add_argument("--questions", type=int, default=30, help="questions answered (default 30)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="headless start: start both apps with the environment as it is")
    parser.add_argument("--only", choices=("terminal", "headless", "next", "types"), action="append",
                        help="run only these sections (default: all)")
    options = parser.parse_args()
    sections = options.only or ["terminal", "headless", "next", "types"]
    with tempfile.TemporaryDirectory() as folder:
        cached = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        cached["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        cached["QUIZGAME_CACHE"] = str(Path(folder) / "quiz-cache")
        if "terminal" in sections:
            uncached = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
                        "QUIZGAME_CACHE": str(Path(folder) / "quiz-cache")}
            terminal_startup(options.runs, Path(folder) / "terminal-saves", cached,
                             "warm bytecode cache")
            terminal_startup(options.runs, Path(folder) / "terminal-saves", uncached,
                             "no bytecode cache (PYTHONDONTWRITEBYTECODE=1)")
        if "headless" in sections:
            startup(options.runs, Path(folder) / "startup-saves",
                    dict(os.environ) if options.no_bytecode_cache else cached)
        if "next" in sections:
            next_question(options.questions, Path(folder) / "game-saves")
        if "types" in sections:
            first_of_each_type(max(1, options.runs // 3), Path(folder))


if __name__ == "__main__":
    main()
