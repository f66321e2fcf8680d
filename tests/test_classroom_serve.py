"""`quizgame serve`: starts, answers an HTTP request on localhost, says where it listens, stops."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from quizgame.commands.serve_cmd import is_loopback, play_command

QUIZZES = Path(__file__).parent / "data" / "classroom"
START_TIMEOUT_S = 30
STOP_TIMEOUT_S = 15


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> int | None:
    """The status of a GET, or None while nothing listens yet."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


async def first_screen(url: str, expected: bytes, origin: str | None = None) -> bytes:
    """Open a browser tab's websocket and collect the game's output until `expected` shows."""
    received = b""
    origin = origin or "http://" + url.split("/")[2]
    async with aiohttp.ClientSession() as client, client.ws_connect(url, origin=origin) as websocket:
        while expected not in received:
            message = await websocket.receive(timeout=START_TIMEOUT_S)
            if message.type != aiohttp.WSMsgType.BINARY:
                break
            received += message.data
    return received


def start_server(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[str], int]:
    """`quizgame serve` on a free loopback port, once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "quizgame", "serve", "--port", str(port),
         "--quizzes", str(QUIZZES), "--saves", str(tmp_path / "saves"), *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    status = None
    while status is None and time.monotonic() < deadline and server.poll() is None:
        status = get(f"http://127.0.0.1:{port}/")
        time.sleep(0.2)
    if status != 200:
        server.kill()
        out, err = server.communicate(timeout=STOP_TIMEOUT_S)
        raise AssertionError(f"serve did not start: {out} {err}")
    return server, port


def test_serve_answers_on_localhost_runs_a_game_per_tab_and_stops(tmp_path: Path) -> None:
    server, port = start_server(tmp_path)
    try:
        # A tab gets its own game, started on the quizzes folder given to serve.
        screen = asyncio.run(first_screen(f"ws://127.0.0.1:{port}/ws?width=80&height=24",
                                          b"Capitals"))
        assert b"Capitals" in screen
    finally:
        server.terminate()
        out, err = server.communicate(timeout=STOP_TIMEOUT_S)
    assert f"listening on 127.0.0.1 port {port}" in out
    assert "warning" not in err
    assert server.returncode is not None


def test_each_tab_runs_this_python_on_absolute_folders(tmp_path: Path) -> None:
    command = play_command([tmp_path / "my quizzes"], tmp_path / "saves")
    assert command.startswith(sys.executable) or command.startswith(f"'{sys.executable}'")
    assert f"'{tmp_path / 'my quizzes'}'" in command  # quoted for the shell textual-serve uses
    assert "-m quizgame --quizzes" in command
    assert "--teacher" not in command and "--player" not in command
    with_roster = play_command([tmp_path / "q"], tmp_path / "saves", tmp_path / "class.txt")
    assert with_roster.endswith(f"--roster {tmp_path / 'class.txt'}")


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.20", False), ("::", False), ("example.org", False),
])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_missing_quizzes_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizgame", "serve", "--quizzes", str(tmp_path / "none")],
        capture_output=True, text=True, timeout=STOP_TIMEOUT_S,
    )
    assert result.returncode == 2 and "no quizzes folder" in result.stderr


class FakeServer:
    """Stands in for textual-serve's Server: records how it was built, serves nothing."""

    made: list[FakeServer] = []

    def __init__(self, command: str, **options: object) -> None:
        self.command, self.options = command, options
        FakeServer.made.append(self)

    def serve(self) -> None:
        pass


def test_a_non_loopback_host_is_announced_with_a_warning(monkeypatch, capsys, tmp_path) -> None:
    from quizgame.cli import main

    monkeypatch.setattr("textual_serve.server.Server", FakeServer)
    status = main(["serve", "--host", "0.0.0.0", "--port", "8123", "--quizzes", str(QUIZZES),
                   "--saves", "relative-saves"])
    out, err = capsys.readouterr()
    assert status == 0
    assert "listening on 0.0.0.0 port 8123" in out
    assert "warning" in err and "other machines" in err
    server = FakeServer.made[-1]
    assert server.options["host"] == "0.0.0.0" and server.options["port"] == 8123
    # Browsers cannot open 0.0.0.0: the page points them at this machine's name.
    assert server.options["public_url"] == f"http://{socket.gethostname()}:8123"
    # Every tab's process gets absolute folders, whatever the server's working directory.
    assert str(Path("relative-saves").resolve()) in server.command


def test_a_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "quizgame", "serve", "--port", str(port),
             "--quizzes", str(QUIZZES), "--saves", str(tmp_path / "saves")],
            capture_output=True, text=True, timeout=START_TIMEOUT_S,
        )
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1 port {port}" in result.stderr
    assert "Traceback" not in result.stderr


async def refused_status(url: str, origin: str | None) -> int:
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(url, headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


async def while_one_plays(port: int) -> tuple[bytes, bytes, int, str]:
    """Hold one game open; meanwhile open a second tab and load the page."""
    url = f"ws://127.0.0.1:{port}/ws?width=80&height=24"
    origin = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as client, client.ws_connect(url, origin=origin) as first:
        screen = b""
        while b"Capitals" not in screen:
            message = await first.receive(timeout=START_TIMEOUT_S)
            assert message.type == aiohttp.WSMsgType.BINARY
            screen += message.data
        async with client.ws_connect(url, origin=origin) as second:
            turned_away = b""
            async for message in second:
                if message.type == aiohttp.WSMsgType.BINARY:
                    turned_away += message.data
        async with client.get(f"http://127.0.0.1:{port}/") as page:
            return screen, turned_away, page.status, await page.text()


def test_serve_refuses_other_origins_and_says_when_the_game_is_full(tmp_path: Path) -> None:
    # Issue 10, finding 7: any page could open games, and any number of them.
    server, port = start_server(tmp_path, "--max-players", "1")
    url = f"ws://127.0.0.1:{port}/ws?width=80&height=24"
    try:
        assert asyncio.run(refused_status(url, "http://evil.example")) == 403
        assert asyncio.run(refused_status(url, None)) == 403
        screen, turned_away, status, page = asyncio.run(while_one_plays(port))
        assert b"Capitals" in screen
        assert b"The game is full: 1 player is playing" in turned_away
        assert status == 503 and "The game is full" in page
        deadline = time.monotonic() + STOP_TIMEOUT_S  # the first game ends: room again
        while get(f"http://127.0.0.1:{port}/") != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert get(f"http://127.0.0.1:{port}/") == 200
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=STOP_TIMEOUT_S)
    assert "at most 1 players at once" in out
