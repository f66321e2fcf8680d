"""A real Ralph LRS for the tests: its own virtual environment, `ralph runserver -b fs`.

Ralph is never imported into quizgame's environment: it lives in `<repo>/.ralph-venv` (git-ignored,
made by `.ci/run` or on first use here, and reused while its requirements stay the same), and
everything that needs its code (the server, `ralph auth`, statement validation) runs there as a
subprocess. The server listens on 127.0.0.1 on a free port, with the fs backend writing one JSON
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
PATCH = Path(__file__).with_name("ralph_fs_fixes.py")
PATCH_ENV = "QUIZGAME_RALPH_PATCH"
# A .pth file runs at the start of every Python of Ralph's venv: only the servers started here
# (the reloader and its worker process) have PATCH_ENV set, so only they are patched.
PTH_LINE = (f"import os; exec(open(os.environ['{PATCH_ENV}']).read(), {{}}) "
            f"if os.environ.get('{PATCH_ENV}') else None\n")
USER = "quizgame"
START_TIMEOUT_S = 60.0


def bin_path(name: str) -> Path:
    return VENV / ("Scripts" if sys.platform == "win32" else "bin") / name


def ensure_venv() -> str | None:
    """Make Ralph's venv if it is missing or stale; the reason when that is impossible."""
    wanted = REQUIREMENTS.read_text()
    if bin_path("ralph").exists() and MARKER.is_file() and MARKER.read_text() == wanted:
        return install_patch()
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
    return install_patch()


def install_patch() -> str | None:
    found = subprocess.run(
        [str(bin_path("python")), "-c",
         "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, timeout=60)
    if found.returncode != 0:
        return f"Ralph's venv has no working Python: {found.stderr.strip()[-400:]}"
    pth = Path(found.stdout.strip()) / "quizgame_ralph_fs_fixes.pth"
    if not pth.exists() or pth.read_text() != PTH_LINE:
        pth.write_text(PTH_LINE)
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Ralph:
    """One Ralph LRS with its own data folder (and its app folder holding the credentials)."""

    def __init__(self, root: Path, homepage: str, **settings: str) -> None:
        self.root = root
        self.app = root / "app"
        self.data = root / "data"
        self.password = secrets.token_urlsafe(12)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.auth = f"{USER}:{self.password}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = root / "ralph.log"
        self.env = {**os.environ, "RALPH_APP_DIR": str(self.app),
                    "RALPH_RUNSERVER_BACKEND": "fs"}
        # `settings`: more of Ralph's own, e.g. RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT="1000".
        self.server_env = {**self.env, **settings, PATCH_ENV: str(PATCH)}
        self.data.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(bin_path("ralph")), "auth", "-u", USER, "-p", self.password,
                        "-s", "all", "-A", USER, homepage, "-w"],
                       env=self.env, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        assert self.process is None
        log = self.log.open("ab")
        self.process = subprocess.Popen(
            [str(bin_path("ralph")), "runserver", "-b", "fs", "--fs-default-directory-path",
             str(self.data), "-h", "127.0.0.1", "-p", str(self.port)],
            env=self.server_env, stdout=log, stderr=subprocess.STDOUT,
            # Its own process group: uvicorn's worker processes go with it when it is stopped.
            start_new_session=True)
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ralph runserver exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(
                        f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"ralph runserver did not answer in {START_TIMEOUT_S:.0f} s")

    def stop(self, *, kill: bool = False) -> None:
        """Stop the server (`kill`: SIGKILL, as a crash or a pulled plug would)."""
        if self.process is None:
            return
        self._signal_group(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=20)
        self._signal_group(signal.SIGKILL)  # any worker the server left behind
        self.process = None

    def _signal_group(self, signum: int) -> None:
        assert self.process is not None
        try:
            os.killpg(self.process.pid, signum)
        except ProcessLookupError:  # the whole group is gone already
            pass

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


def validate(statements_jsonl: str) -> dict[str, Any]:
    """Ralph's verdict on statements: {"checked": n, "invalid": [...]}."""
    done = subprocess.run([str(bin_path("python")), str(VALIDATOR)], input=statements_jsonl,
                          capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout)


if __name__ == "__main__":  # `.ci/run` makes the venv up front: python3 tests/lrs/ralph_server.py
    problem = ensure_venv()
    sys.exit(problem)
