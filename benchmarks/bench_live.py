"""Live game at class scale, on 127.0.0.1: answer→ack latency, lost answers, hub memory, tabs.

    python benchmarks/bench_live.py class    60 players x 20 questions (57 simulated + 3 `join
                                             --plain` processes): p95 answer->ack, 0 lost, RSS
    python benchmarks/bench_live.py soak     200 simulated players x 10 questions: 0 lost
    python benchmarks/bench_live.py storm    30 `serve --join` tabs opened at once (textual-serve's
                                             websocket driven directly): first screen and joined
    python benchmarks/bench_live.py          all three

The hub is a real `quizgame host --plain` process; "lost" counts answers the hub acknowledged
that are missing from the saves at the end, plus answers never acknowledged. Timings are printed
(min / median / p95 / max), never asserted: the goals are p95 <= 100 ms and tabs playable <= 15 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from quizgame.store.folder import scan_sessions

CHOICES = ["Alpha", "Bravo", "Charlie", "Delta"]
FIRST_LINE = re.compile(r"join at http://127\.0\.0\.1:(\d+)/ with code (\d+)")


def make_quiz(folder: Path, questions: int) -> Path:
    lines = ['[quiz]\nid = "bench-live"\ntitle = "Bench"\ntime_limit = 60\nshuffle = false\n']
    for n in range(questions):
        lines.append(f'[[questions]]\nid = "q{n}"\ntype = "choice"\nprompt = "Question {n}?"\n'
                     f'choices = {json.dumps(CHOICES)}\nanswer = "{CHOICES[n % 4]}"\n'
                     f'explanation = "Because {n}."\n')
    path = folder / "bench-live.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def summary(values: list[float], unit: str = "ms") -> str:
    if not values:
        return "no values"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"min {ordered[0]:.1f} / median {statistics.median(ordered):.1f} / p95 {p95:.1f} / "
            f"max {ordered[-1]:.1f} {unit} (n={len(ordered)})")


class HubProcess:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []
        self.events: asyncio.Queue[str] = asyncio.Queue()

    @classmethod
    async def start(cls, quiz: Path, saves: Path) -> tuple[HubProcess, int, str]:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "quizgame", "host", str(quiz), "--plain", "--port", "0",
            "--saves", str(saves), stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE)
        hub = cls(process)
        assert process.stdout is not None
        first = (await process.stdout.readline()).decode()
        found = FIRST_LINE.search(first)
        assert found, first
        asyncio.create_task(hub._read())
        return hub, int(found.group(1)), found.group(2)

    async def _read(self) -> None:
        assert self.process.stdout is not None
        while raw := await self.process.stdout.readline():
            self.lines.append(raw.decode())
            await self.events.put(raw.decode())

    async def say(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{command}\n".encode())
        await self.process.stdin.drain()

    async def wait_line(self, prefix: str) -> str:
        async with asyncio.timeout(120):
            while True:
                line = await self.events.get()
                if line.startswith(prefix):
                    return line

    def memory(self) -> str:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        return f"RSS {fields['VmRSS'].strip()}, peak {fields['VmHWM'].strip()}"


class SimulatedPlayer:
    """Answers each question after a short random think, and times the acknowledgement."""

    def __init__(self, name: str, port: int, code: str, latencies: list[float]) -> None:
        self.name, self.port, self.code, self.latencies = name, port, code, latencies
        self.acked: dict[int, str] = {}
        self.unacked: set[int] = set()
        self.sent_at: dict[int, float] = {}

    async def play(self, session: aiohttp.ClientSession, ready: asyncio.Event) -> None:
        async with session.ws_connect(f"ws://127.0.0.1:{self.port}/ws") as socket:
            await socket.send_str(json.dumps({"type": "join", "v": 1, "code": self.code,
                                              "name": self.name}))
            async for frame in socket:
                message = json.loads(frame.data)
                kind = message["type"]
                if kind == "welcome":
                    ready.set()
                elif kind == "question":
                    asyncio.create_task(self._answer(socket, message))
                elif kind == "ack":
                    number = message["number"]
                    self.latencies.append((time.perf_counter() - self.sent_at[number]) * 1000)
                    self.unacked.discard(number)
                elif kind == "podium":
                    break

    async def _answer(self, socket: aiohttp.ClientWebSocketResponse, message: dict[str, Any]
                      ) -> None:
        await asyncio.sleep(random.uniform(0.0, 0.5))
        number = message["number"]
        pick = random.choice(message["options"])
        self.sent_at[number] = time.perf_counter()
        self.acked[number] = pick
        self.unacked.add(number)
        await socket.send_str(json.dumps({"type": "answer", "number": number, "raw": pick}))


async def answer_in_plain(process: asyncio.subprocess.Process) -> None:
    """A student at `join --plain`: types an option number when a question is printed."""
    assert process.stdout is not None and process.stdin is not None
    while raw := await process.stdout.readline():
        if raw.startswith(b"Question "):
            await asyncio.sleep(random.uniform(0.0, 0.5))
            process.stdin.write(f"{random.randint(1, 4)}\n".encode())
            await process.stdin.drain()


async def run_game(players: int, questions: int, real_joins: int) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="bench-live-"))
    quiz = make_quiz(folder, questions)
    saves = folder / "saves"
    hub, port, code = await HubProcess.start(quiz, saves)
    latencies: list[float] = []
    simulated = [SimulatedPlayer(f"Sim {n}", port, code, latencies)
                 for n in range(players - real_joins)]
    joins = [await asyncio.create_subprocess_exec(
        sys.executable, "-m", "quizgame", "join", f"127.0.0.1:{port}", "--code", code,
        "--name", f"Real {n}", "--plain", stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE) for n in range(real_joins)]
    answering = [asyncio.create_task(answer_in_plain(process)) for process in joins]
    connector = aiohttp.TCPConnector(limit=0)
    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector) as session:
        readies = [asyncio.Event() for _ in simulated]
        tasks = [asyncio.create_task(p.play(session, r)) for p, r in zip(simulated, readies)]
        await asyncio.gather(*(r.wait() for r in readies))
        while sum(line.startswith("joined:") for line in hub.lines) < players:
            await asyncio.sleep(0.1)
        joined_s = time.perf_counter() - started
        await hub.say("start")
        for number in range(1, questions + 1):
            await hub.wait_line(f"question {number}/")
            await hub.wait_line(f"reveal {number}:")
            await hub.say("next")
            await hub.say("next")
        await hub.wait_line("podium")
        await asyncio.wait_for(asyncio.gather(*tasks), 60)
    memory = hub.memory()
    await asyncio.wait_for(hub.process.wait(), 60)
    for process in joins:
        await asyncio.wait_for(process.wait(), 60)
    await asyncio.gather(*answering)
    records = {found.player: found.record for found in scan_sessions(saves).items}
    lost = 0
    for player in simulated:
        record = records.get(player.name)
        saved = {n + 1: a.given for n, a in enumerate(record.answers)} if record else {}
        lost += sum(1 for n, given in player.acked.items() if saved.get(n) != given)
        lost += len(player.unacked)
    real_answers = sum(1 for name, r in records.items() if name.startswith("Real")
                       for a in r.answers if not a.timed_out)
    return {"latencies": latencies, "lost": lost, "memory": memory, "joined_s": joined_s,
            "players_saved": len(records), "real_answers": real_answers}


async def bench_class() -> None:
    result = await run_game(60, 20, 3)
    print(f"class: 60 players x 20 questions; all joined in {result['joined_s']:.1f} s")
    print(f"  answer->ack: {summary(result['latencies'])}")
    print(f"  lost: {result['lost']}; saved players: {result['players_saved']}; answers of the "
          f"3 `join --plain` processes saved: {result['real_answers']}/60")
    print(f"  hub memory at the podium: {result['memory']}")


async def bench_soak() -> None:
    result = await run_game(200, 10, 0)
    print(f"soak: 200 players x 10 questions; joined in {result['joined_s']:.1f} s")
    print(f"  answer->ack: {summary(result['latencies'])}")
    print(f"  lost: {result['lost']}; saved players: {result['players_saved']}")
    print(f"  hub memory at the podium: {result['memory']}")


SCREENS: dict[str, bytes] = {}


async def open_tab(port: int, code: str, name: str, drawn: list[float], started: float) -> None:
    """A browser tab: reads the screen as the browser would, types the code and name."""
    async with aiohttp.ClientSession() as session, session.ws_connect(
            f"ws://127.0.0.1:{port}/ws?width=80&height=24", max_msg_size=0,
            origin=f"http://127.0.0.1:{port}") as socket:
        first_screen, redrawn = asyncio.Event(), asyncio.Event()

        async def read() -> None:
            screen = b""
            async for frame in socket:
                if frame.type != aiohttp.WSMsgType.BINARY:
                    continue
                redrawn.set()
                SCREENS[name] = SCREENS.get(name, b"")[-20000:] + frame.data
                if not first_screen.is_set():
                    screen += frame.data
                    if b"Join code" in screen or (not code and len(screen) > 1000):
                        drawn.append(time.perf_counter() - started)
                        first_screen.set()

        reader = asyncio.create_task(read())
        await first_screen.wait()
        if not code:  # the baseline: the game's own first screen is all that is measured
            return
        # A person types a field, presses Enter, and sees the cursor move before typing on.
        for field in (code, name):
            await asyncio.sleep(0.5)
            await socket.send_str(json.dumps(["stdin", field]))
            await asyncio.sleep(0.3)
            redrawn.clear()
            await socket.send_str(json.dumps(["stdin", "\r"]))
            await redrawn.wait()
        await reader  # the tab stays open until cancelled


async def bench_storm(tabs: int = 30) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-storm-"))
    hub, port, code = await HubProcess.start(make_quiz(folder, 3), folder / "saves")
    serve_port = port + 1
    serve = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "quizgame", "serve", "--join", f"127.0.0.1:{port}", "--port",
        str(serve_port), stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    tasks: list[asyncio.Task[None]] = []
    try:
        await asyncio.sleep(2.0)  # the server is up (its own start is not what is measured)
        drawn: list[float] = []
        started = time.perf_counter()
        tasks = [asyncio.create_task(open_tab(serve_port, code, f"Tab {n}", drawn, started))
                 for n in range(tabs)]
        deadline = started + 300
        while sum(line.startswith("joined:") for line in hub.lines) < tabs:
            if time.perf_counter() > deadline:
                joined = sum(line.startswith("joined:") for line in hub.lines)
                print(f"storm: gave up after 300 s: {len(drawn)} tabs drawn, {joined} joined")
                for tab, screen in SCREENS.items():
                    if not any(f"joined: {tab} " in line for line in hub.lines):
                        text = re.sub(rb"\x1b\[[0-9;?]*[a-zA-Z]", b" ", screen)
                        print(f"  {tab} not joined; its screen ends: "
                              f"{' '.join(text.decode('utf-8', 'replace').split())[-300:]}")
                return
            await asyncio.sleep(0.1)
        playable = time.perf_counter() - started
        print(f"storm: {tabs} serve --join tabs opened at once")
        print(f"  first screen per tab: {summary([d * 1000 for d in drawn])}")
        print(f"  all {tabs} joined (playable) {playable:.1f} s after the tabs opened")
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        serve.terminate()
        await serve.wait()
        hub.process.kill()
        await hub.process.wait()


async def bench_storm_baseline(tabs: int = 30) -> None:
    """The same storm against `quizgame serve` (the whole game per tab): first screens only."""
    folder = Path(tempfile.mkdtemp(prefix="bench-storm-game-"))
    make_quiz(folder, 3)
    serve = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "quizgame", "serve", "--port", "8787", "--quizzes", str(folder),
        "--saves", str(folder / "saves"), stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL)
    try:
        await asyncio.sleep(2.0)
        drawn: list[float] = []
        started = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(open_tab(8787, "", f"Game {n}", drawn, started)
                                                for n in range(tabs))), 300)
        print(f"baseline: {tabs} `serve` tabs (the game) opened at once")
        print(f"  first screen per tab: {summary([d * 1000 for d in drawn])}")
    finally:
        serve.terminate()
        await serve.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", choices=("class", "soak", "storm", "all"),
                        default="all")
    which = parser.parse_args().which
    for name, bench in (("class", bench_class), ("soak", bench_soak), ("storm", bench_storm),
                        ("storm", bench_storm_baseline)):
        if which in (name, "all"):
            asyncio.run(bench())


if __name__ == "__main__":
    main()
