"""Live-game test helpers: a hub on 127.0.0.1 (a free port), and scripted players.

Everything is bounded: every wait has a timeout, and hubs and sockets close when the test ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp

from quizgame.format.loader import load_quiz
from quizgame.live.game import Settings
from quizgame.live.hub import Hub
from quizgame.live.limits import RateLimit
from quizgame.live.protocol import VERSION

QUIZ = Path(__file__).parent / "data" / "live" / "class.toml"
WAIT_S = 10.0
# The right answer to each question of class.toml, typed as a player would (no shuffle needed).
RIGHT = {"capital": "Lima", "river": "nile", "legs": "8", "sun": "true", "primes": "two, seven"}
WRONG = {"capital": "Quito", "river": "Amazon", "legs": "6", "sun": "false", "primes": "four"}


@contextlib.asynccontextmanager
async def running_hub(saves: Path, settings: Settings | None = None,
                      limit: RateLimit | None = None) -> AsyncIterator[Hub]:
    hub = Hub.new(load_quiz(QUIZ), saves, settings or Settings(),
                  limit=limit or RateLimit(rate=1000, burst=1000))
    await hub.start("127.0.0.1", 0)
    try:
        yield hub
    finally:
        await hub.stop()


def url(hub: Hub) -> str:
    return f"ws://127.0.0.1:{hub.port}/ws"


class Player:
    """A scripted player speaking the raw protocol; every message it receives is kept."""

    def __init__(self, session: aiohttp.ClientSession, address: str) -> None:
        self.session, self.address = session, address
        self.messages: list[dict[str, Any]] = []
        self.raw: list[str] = []
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        self._arrived = asyncio.Event()
        self.token: str | None = None
        self.name = ""

    async def connect(self) -> Player:
        self.socket = await self.session.ws_connect(self.address)
        self._reader = asyncio.create_task(self._read(self.socket))
        return self

    async def _read(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        async for frame in socket:
            if frame.type != aiohttp.WSMsgType.TEXT:
                break
            self.raw.append(frame.data)
            message = json.loads(frame.data)
            if message["type"] == "welcome" and message.get("token"):
                self.token = message["token"]
            self.messages.append(message)
            self._arrived.set()

    async def send(self, message: dict[str, Any]) -> None:
        assert self.socket is not None
        await self.socket.send_str(json.dumps(message))

    async def join(self, code: str, name: str) -> dict[str, Any]:
        self.name = name
        await self.send({"type": "join", "v": VERSION, "code": code, "name": name})
        return await self.expect("welcome", "error")

    async def rejoin(self) -> dict[str, Any]:
        await self.send({"type": "rejoin", "v": VERSION, "token": self.token})
        return await self.expect("welcome", "error")

    async def answer(self, number: int, raw: str) -> dict[str, Any]:
        await self.send({"type": "answer", "number": number, "raw": raw})
        return await self.expect("ack", "error")

    async def expect(self, *kinds: str, after: int | None = None) -> dict[str, Any]:
        """The first message of one of these kinds not yet expected (waits up to WAIT_S)."""
        start = self._seen if after is None else after
        async with asyncio.timeout(WAIT_S):
            while True:
                for index in range(start, len(self.messages)):
                    if self.messages[index]["type"] in kinds:
                        self._seen = index + 1
                        return self.messages[index]
                self._arrived.clear()
                await self._arrived.wait()

    _seen = 0

    async def drop(self) -> None:
        """The connection dies (a closed laptop lid): no goodbye."""
        assert self.socket is not None and self._reader is not None
        await self.socket.close()
        await self._reader
        self.socket = None


@contextlib.asynccontextmanager
async def players(hub: Hub, names: list[str]) -> AsyncIterator[list[Player]]:
    async with aiohttp.ClientSession() as session:
        joined = []
        for name in names:
            player = await Player(session, url(hub)).connect()
            welcome = await player.join(hub.game.code, name)
            assert welcome["type"] == "welcome", welcome
            joined.append(player)
        yield joined
        for player in joined:
            if player.socket is not None:
                await player.socket.close()


def question_id(hub: Hub, number: int) -> str:
    return hub.game.order[number - 1].id


async def step(hub: Hub, name: str, *args: Any) -> None:
    """A teacher's control, as the host front-ends call it."""
    await hub.command(lambda now, mono: getattr(hub.game, name)(*args, now, mono))
