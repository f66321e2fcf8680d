"""`kill -9` the hub mid-question, `host --resume`: no acknowledged answer is lost.

The hub is a real `quizgame host --plain` process on 127.0.0.1; the players are `LiveClient`s,
which reconnect by themselves when the hub comes back on the same port. Bounded: every wait has a
timeout and the processes are killed at the end whatever happens.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from pathlib import Path
from typing import Any

from live_helpers import QUIZ, RIGHT, WRONG
from quizgame.live.client import LiveClient
from quizgame.store.folder import scan_sessions

WAIT_S = 20.0
FIRST_LINE = re.compile(r"join at http://127\.0\.0\.1:(\d+)/ with code (\d+) \(game (\S+);")


class Host:
    """A `quizgame host --plain` process: commands in, event lines out."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []

    @classmethod
    async def start(cls, saves: Path, *extra: str) -> Host:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "quizgame", "host", str(QUIZ), "--plain", "--saves",
            str(saves), *extra, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT)
        return cls(process)

    async def line(self, pattern: str) -> re.Match[str]:
        """Read event lines until one matches `pattern`."""
        assert self.process.stdout is not None
        async with asyncio.timeout(WAIT_S):
            while True:
                raw = await self.process.stdout.readline()
                assert raw, f"the hub stopped; it said: {self.lines}"
                self.lines.append(raw.decode())
                found = re.search(pattern, self.lines[-1])
                if found:
                    return found

    async def say(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{command}\n".encode())
        await self.process.stdin.drain()

    async def kill(self) -> None:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
        await self.process.wait()


class Student:
    def __init__(self, port: int, code: str, name: str) -> None:
        self.messages: list[dict[str, Any]] = []
        self.arrived = asyncio.Event()
        self.client = LiveClient(f"127.0.0.1:{port}", code=code, name=name,
                                 on_message=self._on, retry_s=0.2)
        self.task = asyncio.create_task(self.client.run())

    def _on(self, message: dict[str, Any]) -> None:
        self.messages.append(message)
        self.arrived.set()

    async def wait_for(self, kind: str, count: int = 1, **fields: Any) -> dict[str, Any]:
        async with asyncio.timeout(WAIT_S):
            while True:
                found = [m for m in self.messages if m.get("type") == kind
                         and all(m.get(k) == v for k, v in fields.items())]
                if len(found) >= count:
                    return found[count - 1]
                self.arrived.clear()
                await self.arrived.wait()


async def test_kill_9_mid_question_then_resume_loses_no_acknowledged_answer(
        tmp_path: Path) -> None:
    host = await Host.start(tmp_path, "--port", "0")
    resumed: Host | None = None
    students: list[Student] = []
    try:
        port, code, game_id = (await host.line(FIRST_LINE.pattern)).groups()
        students = [Student(int(port), code, name) for name in ("Ana", "Ben", "Cy")]
        for student in students:
            await student.wait_for("welcome")
        await host.say("start")
        ana, ben, cy = students
        for student in students:
            await student.wait_for("question", number=1)
        # Question 1: everyone answers and it is revealed; question 2: two answers acknowledged.
        for student, table in ((ana, RIGHT), (ben, RIGHT), (cy, WRONG)):
            await student.client.answer(1, table["capital"])
            await student.wait_for("ack", number=1)
        await ana.wait_for("reveal", number=1)
        await host.say("next")
        await host.say("next")
        await ana.wait_for("question", number=2)
        await ana.client.answer(2, RIGHT["river"])
        await ana.wait_for("ack", number=2)
        await ben.wait_for("question", number=2)
        await ben.client.answer(2, WRONG["river"])
        await ben.wait_for("ack", number=2)

        await host.kill()  # kill -9, mid-question 2
        resumed = await Host.start(tmp_path, "--port", port, "--resume")
        await resumed.line(rf"with code {code} \(game {game_id};")
        # Everyone comes back by themselves, still in question 2, with what they had.
        for student in students:
            await student.wait_for("welcome", count=2)
        again = await ana.wait_for("question", count=2, number=2)
        assert again["answered"] is True
        await cy.wait_for("question", count=2, number=2)
        await cy.client.answer(2, RIGHT["river"])  # the last answer reveals the question
        reveal = await ana.wait_for("reveal", number=2)
        assert reveal["you"]["outcome"] == "correct"
        assert reveal["you"]["streak"] == 2
        await resumed.say("end")
        await ana.wait_for("podium")
        async with asyncio.timeout(WAIT_S):
            await resumed.process.wait()
    finally:
        for student in students:
            await student.client.close()
            student.task.cancel()
        await host.kill()
        if resumed is not None:
            await resumed.kill()
    records = {found.player: found.record for found in scan_sessions(tmp_path).items}
    assert set(records) == {"Ana", "Ben", "Cy"}
    given = {name: [a.given for a in record.answers] for name, record in records.items()}
    assert given == {"Ana": ["Lima", "nile"], "Ben": ["Lima", "Amazon"], "Cy": ["Quito", "nile"]}
    assert all(record.finished and record.game_id == game_id for record in records.values())
    assert records["Ana"].score == sum(a.points for a in records["Ana"].answers) > 0
    assert not any(name.endswith(".tmp") for name in os.listdir(tmp_path))
