"""The terminal cursor follows the focus in a real terminal (issue 16): the game runs in tmux,
and after each key `tmux display -p '#{cursor_x},#{cursor_y}'` must land on the text of the
focused option of a choice, multi, order and match question, as `capture-pane` shows it.

Skipped (saying why) only when tmux is missing and `CI` is unset; under CI it fails instead,
since .ci/run installs tmux.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

QUIZ = Path(__file__).parents[1] / "data" / "tui" / "cursor.toml"
WIDTH, HEIGHT = 80, 24
WAIT_S = 20.0


def _tmux_or_skip() -> str:
    tmux = shutil.which("tmux")
    if tmux is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs the real-terminal cursor test: tmux is not installed")
        pytest.skip("tmux is not installed (apt-get install tmux); CI installs it")
    return tmux


class Terminal:
    """One tmux session running one command, on its own socket (never the user's server)."""

    def __init__(self, tmux: str, socket: Path, command: list[str]) -> None:
        self.base = [tmux, "-S", str(socket)]
        self.name = "cursor"
        self._run("new-session", "-d", "-s", self.name, "-x", str(WIDTH), "-y", str(HEIGHT),
                  " ".join(map(_quote, command)))

    def _run(self, *args: str) -> str:
        done = subprocess.run([*self.base, *args], capture_output=True, text=True, timeout=10,
                              check=True)
        return done.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._run("send-keys", "-t", self.name, key)
            time.sleep(0.15)  # one key a frame, as a person types

    def lines(self) -> list[str]:
        return self._run("capture-pane", "-p", "-t", self.name).splitlines()

    def cursor(self) -> tuple[int, int]:
        x, y = self._run("display", "-p", "-t", self.name, "#{cursor_x},#{cursor_y}").split(",")
        return int(x), int(y)

    def flag(self) -> str:
        """1 when the terminal shows its cursor, 0 when it is hidden."""
        return self._run("display", "-p", "-t", self.name, "#{cursor_flag}").strip()

    def at_cursor(self) -> str:
        x, y = self.cursor()
        lines = self.lines()
        return lines[y][x:] if y < len(lines) else ""

    def wait_for(self, text: str) -> None:
        """Until `text` is on screen (the game starts, a question is drawn)."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines()):
                return
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never showed:\n" + "\n".join(self.lines()))

    def wait_cursor_on(self, starts: str) -> None:
        """Until the text at the cursor starts with `starts` (the frame after a key)."""
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            if self.at_cursor().startswith(starts):
                return
            time.sleep(0.1)
        raise AssertionError(f"cursor at {self.cursor()} on {self.at_cursor()!r}, not {starts!r}:\n"
                             + "\n".join(self.lines()))

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, timeout=10, check=False)


def _quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    tmux = _tmux_or_skip()
    started: list[Terminal] = []

    def game(*options: str) -> Terminal:
        saves = tmp_path / f"saves-{len(started)}"  # each game its own: no "continue?" first
        env = f"TERM=xterm-256color TEXTUAL_ANIMATIONS=none QUIZGAME_SAVES={saves}"
        command = ["env", *env.split(), sys.executable, "-m", "quizgame", "play", str(QUIZ),
                   "--player", "Ana", "--seed", "7", *options]
        started.append(Terminal(tmux, tmp_path / f"tmux-{len(started)}.sock", command))
        return started[-1]

    try:
        yield game
    finally:
        for term in started:
            term.close()


@pytest.fixture
def terminal(start: Callable[..., Terminal]) -> Terminal:
    return start()


def test_the_cursor_is_hidden_unless_asked_for(start: Callable[..., Terminal]) -> None:
    """Textual hides the cursor (its position is still read by braille and magnifiers);
    --show-cursor shows it, on the focused option."""
    terminal = start("--show-cursor")
    terminal.wait_for("What is the capital of France?")
    terminal.keys("2")
    terminal.wait_cursor_on("2. Lyon")
    assert terminal.flag() == "1"
    terminal.close()
    terminal = start()
    terminal.wait_for("What is the capital of France?")
    assert terminal.flag() == "0"


def test_the_terminal_cursor_lands_on_the_focused_option(terminal: Terminal) -> None:
    terminal.wait_for("What is the capital of France?")
    terminal.keys("3")  # choice: a number picks
    terminal.wait_cursor_on("3. Marseille")
    terminal.keys("Up")
    terminal.wait_cursor_on("2. Lyon")
    terminal.keys("Enter")
    terminal.wait_for("Lyon")
    terminal.keys("Enter")  # the feedback: on to the next question

    terminal.wait_for("Which of these numbers are prime?")
    terminal.keys("Down", "Down", "Space")  # multi: tick the third
    terminal.wait_cursor_on("[x] 3. 7")
    terminal.keys("Enter")
    terminal.wait_for("Right answer")
    terminal.keys("Enter")

    terminal.wait_for("Order these planets")
    terminal.keys("d")  # order: Venus moves down, the cursor with it
    terminal.wait_cursor_on("2. Venus")
    terminal.keys("Down")
    terminal.wait_cursor_on("3. Earth")
    terminal.keys("Enter")
    terminal.wait_for("Right answer")
    terminal.keys("Enter")

    terminal.wait_for("Match each book")
    terminal.keys("Down")  # match: the second book
    terminal.wait_cursor_on("Don Quixote")
    terminal.keys("2")  # paired with Cervantes: on to the third
    terminal.wait_cursor_on("Faust")
