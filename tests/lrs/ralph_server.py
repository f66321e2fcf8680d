"""A real Ralph LRS for the tests: its own virtual environment, its API on the fs backend.

Ralph is never imported into quizgame's environment: it lives in `<repo>/.ralph-venv` (git-ignored,
made by `.ci/run` or on first use here, and reused while its requirements stay the same), and
everything that needs its code (the server, which writes its credentials with `ralph auth`, and
statement validation) runs there as a subprocess (ralph_serve.py, validate_statements.py). The
server listens on 127.0.0.1 on a free port, with the fs backend writing one JSON
Lines file that the tests read as the ground truth of what the LRS stored.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
VENV = REPO / ".ralph-venv"
# ralph-malph[cli,lrs]==5.1.0 and requests, pinned with what they pull in.
REQUIREMENTS = Path(__file__).with_name("ralph-requirements.txt")
MARKER = VENV / "quizgame-requirements.txt"
VALIDATOR = Path(__file__).with_name("validate_statements.py")
SERVE = Path(__file__).with_name("ralph_serve.py")
USER = "quizgame"
START_TIMEOUT_S = 60.0


def bin_path(name: str) -> Path:
    return VENV / ("Scripts" if sys.platform == "win32" else "bin") / name


def ensure_venv() -> str | None:
    """Make Ralph's venv if it is missing or stale; the reason when that is impossible."""
    wanted = REQUIREMENTS.read_text()
    if bin_path("ralph").exists() and MARKER.is_file() and MARKER.read_text() == wanted:
        return None
    steps = [[sys.executable, "-m", "venv", "--clear", str(VENV)],
             [str(bin_path("python")), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)]]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as error:
            return f"cannot make Ralph's venv ({' '.join(step[:3])}): {error}"
        if done.returncode != 0:
            return f"cannot make Ralph's venv: {' '.join(step[:4])}: {done.stderr.strip()[-400:]}"
    MARKER.write_text(wanted)
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Ralph:
    """One Ralph LRS with its own data folder (and its app folder holding the credentials)."""

    def __init__(self, root: Path, homepage: str, **settings: str) -> None:
        self.root = root
        self.data = root / "data"
        self.homepage = homepage
        password = secrets.token_urlsafe(12)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.auth = f"{USER}:{password}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = root / "ralph.log"
        # `settings`: more of Ralph's own, e.g. RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT="1000".
        self.env = {**os.environ, "RALPH_APP_DIR": str(root / "app"),
                    "RALPH_RUNSERVER_BACKEND": "fs",
                    "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.data),
                    "QUIZGAME_RALPH_PASSWORD": password, **settings}
        self.data.mkdir(parents=True, exist_ok=True)

    def start(self) -> None:
        assert self.process is None
        log = self.log.open("ab")
        self.process = subprocess.Popen(
            [str(bin_path("python")), str(SERVE), "127.0.0.1", str(self.port), USER, self.homepage],
            env=self.env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph's server exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(
                        f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Ralph's server did not answer in {START_TIMEOUT_S:.0f} s")

    def stop(self, *, kill: bool = False) -> None:
        """Stop the server (`kill`: SIGKILL, as a crash or a pulled plug would)."""
        if self.process is None:
            return
        self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)
        self.process = None

    def clear(self) -> None:
        """Empty the LRS for the next test, and have it running: its fs backend reads and
        appends its one file at every request, so without the file it holds nothing. (Between
        tests nothing talks to it: each test waits for the processes it starts.)"""
        (self.data / "fs_lrs.jsonl").unlink(missing_ok=True)
        if self.process is None or self.process.poll() is not None:
            self.process = None
            self.start()

    def stored(self) -> list[dict[str, Any]]:
        """Every statement the LRS wrote, read from its fs backend's file."""
        path = self.data / "fs_lrs.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def written(self) -> int:
        """How many statements the LRS has written whole so far, for polling while it writes: a
        line it is still writing (no newline yet) is not one, where `stored` would fail on it."""
        path = self.data / "fs_lrs.jsonl"
        return path.read_text().count("\n") if path.exists() else 0


def validate(*batches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ralph's verdict on each batch of statements: {"checked": n, "invalid": [...]}."""
    done = subprocess.run([str(bin_path("python")), str(VALIDATOR)], input=json.dumps(batches),
                          capture_output=True, text=True, timeout=300, check=True)
    verdicts: list[dict[str, Any]] = json.loads(done.stdout)
    return verdicts


if __name__ == "__main__":  # `.ci/run` makes the venv up front: python3 tests/lrs/ralph_server.py
    problem = ensure_venv()
    sys.exit(problem)
