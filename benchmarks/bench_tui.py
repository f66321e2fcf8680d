"""TUI benchmark (issue 4): start-up time against a bare Textual app, and key press to the next
question drawn.

    .venv/bin/python benchmarks/bench_tui.py [--runs 15] [--questions 30] [--no-bytecode-cache]

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

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
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


async def next_question_latency(questions: int, saves: Path) -> list[float]:
    from textual.widgets import Input

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
    quiz = bundled_quizzes_dir() / "nato-2025.toml"
    app = create_app(bundled_quizzes_dir(), saves, player="Bench", quiz_path=quiz, seed=1)
    latencies: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(questions):
            while not (isinstance(app.screen, QuestionScreen) and app.screen.query(QuestionInput)):
                await pilot.pause()
            screen: Any = app.screen
            for line in screen.query(Input):
                line.value = "1"
            # The answer widget on show (those of other types are kept, hidden, for reuse). Rows
            # start with nothing chosen: pick the first, as a player's number key would.
            widget: Any = next(widget for widget in screen.query(QuestionInput) if widget.display)
            if hasattr(widget, "action_pick"):
                widget.action_pick(0)
            widget.submit()
            while not screen.query_one(FeedbackPanel).display:
                await pilot.pause()
            await pilot.pause()
            drawn.clear()
            pressed = time.perf_counter()
            await pilot.press("enter")
            while not drawn:
                await pilot.pause()
            latencies.append(drawn[0] - pressed)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="start-ups of each app (default 15)")
    parser.add_argument("--questions", type=int, default=30, help="questions answered (default 30)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="start both apps with the environment as it is")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        if not options.no_bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        startup(options.runs, Path(folder) / "startup-saves", env)
        latencies = asyncio.run(next_question_latency(options.questions, Path(folder) / "game-saves"))
    ms = sorted(latency * 1000 for latency in latencies)
    print(f"Key press to next question drawn ({len(ms)} questions, bundled quiz, 80×24):")
    p90 = ms[int(len(ms) * 0.9)]
    print(f"  median {statistics.median(ms):6.1f} ms (goal <= 16)   p90 {p90:6.1f} ms   max {ms[-1]:6.1f} ms")


if __name__ == "__main__":
    main()
