"""A player's side of the live protocol, shared by `join --plain`, the Textual client and tests.

`LiveClient.run()` connects, joins (or rejoins with its token), hands every message from the hub
to `on_message`, and when the connection drops (Wi-Fi, a closed lid, the hub restarted by
`host --resume`) reconnects by itself with its token until the game is over. The client decides
nothing: it sends what the player typed and shows what the hub says. Every text from the hub is
passed through `quizgame.safe_text.visible` before anyone sees it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from quizgame.live.wire import VERSION, encode
from quizgame.safe_text import visible

if TYPE_CHECKING:
    import aiohttp

RETRY_S = 1.0
GIVE_UP_S = 600.0
FINAL = frozenset({"podium", "kicked"})
FATAL = frozenset({"wrong-code", "locked", "over", "bad-name", "name-taken", "not-on-roster",
                   "version", "unknown-player", "kicked"})


def websocket_url(address: str) -> str:
    """`host:port`, `http://host:port/...` or `ws://...` as the hub's websocket URL."""
    if "://" not in address:
        address = f"http://{address}"
    parts = urlsplit(address)
    scheme = {"https": "wss", "wss": "wss"}.get(parts.scheme, "ws")
    if not parts.hostname:
        raise ValueError(f"{address!r} is not an address like 192.168.1.20:8765")
    return f"{scheme}://{parts.netloc}/ws"


def cleaned(value: Any) -> Any:
    """A message from the network with every string made safe to show."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [cleaned(item) for item in value]
    if isinstance(value, dict):
        return {key: cleaned(item) for key, item in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class QuestionView:
    """A question as the hub sent it (for `quizgame.plain.renderers`): no key in it."""

    number: int
    total: int
    type: str
    prompt: str
    options: tuple[str, ...]
    lefts: tuple[str, ...]
    unit: str | None
    time_limit: int
    remaining_ms: int | None
    answered: bool
    more_time: bool = False
    """Whether the player's more-time key works on this question (+30 s)."""
    warning_s: int = 0
    """Seconds left when the player is warned (WCAG 2.2.1); 0 for an untimed question."""

    @classmethod
    def of(cls, message: dict[str, Any]) -> QuestionView:
        return cls(message["number"], message["total"], message["kind"], message["prompt"],
                   tuple(message["options"]), tuple(message["lefts"]), message.get("unit"),
                   message.get("time_limit", 0), message.get("remaining_ms"),
                   message.get("answered", False), message.get("more_time", False),
                   message.get("warning_s", 0))


class LiveClient:
    """One player's connection to a hub (see the module docstring)."""

    def __init__(self, address: str, *, code: str, name: str,
                 on_message: Callable[[dict[str, Any]], None], client: str = "plain",
                 token: str | None = None, rejoin_code: str = "", retry_s: float = RETRY_S,
                 give_up_s: float = GIVE_UP_S) -> None:
        self.url = websocket_url(address)
        self.code, self.name, self.client = code, name, client
        self.token = token
        self.rejoin: str | None = None
        # Without a token yet (a restarted client, another device), the rejoin code the
        # player's screen showed is their way back: joining by name is refused, it is taken.
        self.rejoin_code = rejoin_code.strip()
        self.on_message = on_message
        self.retry_s, self.give_up_s = retry_s, give_up_s
        self._socket: aiohttp.ClientWebSocketResponse | None = None
        self._stop = asyncio.Event()
        self.connected = asyncio.Event()
        self.over = False

    async def run(self) -> None:
        """Play until the game ends, the player is refused, or `close` is called."""
        import aiohttp  # here, not at import: a browser tab draws its first screen sooner

        loop = asyncio.get_running_loop()
        away_since = loop.time()
        async with aiohttp.ClientSession() as session:
            while not self._stop.is_set() and not self.over:
                try:
                    async with session.ws_connect(self.url, heartbeat=15) as socket:
                        self._socket = socket
                        await socket.send_str(encode(self._hello()))
                        async for frame in socket:
                            if frame.type != aiohttp.WSMsgType.TEXT:
                                break
                            self._receive(frame.json())
                            away_since = loop.time()
                except (TimeoutError, aiohttp.ClientError, OSError):
                    pass
                finally:
                    self._socket = None
                    self.connected.clear()
                if self.over or self._stop.is_set():
                    break
                if loop.time() - away_since > self.give_up_s:
                    self.on_message({"type": "gone", "message": "The hub cannot be reached."})
                    break
                self.on_message({"type": "reconnecting", "url": self.url,
                                 "ever_connected": self.rejoin is not None})
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), self.retry_s)

    def _hello(self) -> dict[str, Any]:
        if self.token:
            return {"type": "rejoin", "v": VERSION, "token": self.token}
        if self.rejoin_code:
            return {"type": "rejoin", "v": VERSION, "name": self.name, "rejoin": self.rejoin_code,
                    "code": self.code}
        return {"type": "join", "v": VERSION, "code": self.code, "name": self.name,
                "client": self.client}

    def _receive(self, message: dict[str, Any]) -> None:
        message = cleaned(message)
        kind = message.get("type")
        if kind == "welcome":
            self.token = message.get("token") or self.token
            self.rejoin = message.get("rejoin")
            self.name = message["player"]["name"]
            self.connected.set()
        elif kind in FINAL or (kind == "error" and message.get("code") in FATAL):
            self.over = True
        self.on_message(message)

    async def send(self, message: dict[str, Any]) -> bool:
        """Send if connected (False otherwise: the answer is typed again after reconnecting)."""
        socket = self._socket
        if socket is None or socket.closed:
            return False
        await socket.send_str(encode(message))
        return True

    async def answer(self, number: int, raw: str) -> bool:
        return await self.send({"type": "answer", "number": number, "raw": raw})

    async def more_time(self, number: int) -> bool:
        """The player's more-time key on question `number` (+30 s on their own deadline)."""
        return await self.send({"type": "more_time", "number": number})

    async def close(self) -> None:
        self._stop.set()
        if self._socket is not None:
            await self._socket.close()
