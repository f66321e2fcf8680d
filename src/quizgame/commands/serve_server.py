"""The textual-serve server of `quizgame serve`, guarded: same-origin tabs only, and a cap on games.

Every browser tab is a websocket that runs a whole quizgame process (about 50 MB), so:

- **Origin.** A websocket is accepted only from a page this server served: its `Origin` header
  must be the server's own address (`--public-url`, or `http://HOST:PORT`; for a loopback
  address also `localhost` and `127.0.0.1`). Another site open in the student's browser cannot
  start games or type into them (cross-site websocket hijacking); a request without an `Origin`
  (not a browser) is refused too.
- **Players.** At most `max_players` games run at once. When full, the page says so instead of
  starting a game, and a tab that connects anyway gets the same words in its terminal.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def allowed_origins(public_url: str, *, loopback: bool) -> frozenset[str]:
    """The `Origin` values of pages this server serves (scheme://host[:port], lower case)."""
    parts = urlsplit(public_url)
    origins = {f"{parts.scheme}://{parts.netloc}".lower()}
    if loopback:
        port = f":{parts.port}" if parts.port else ""
        origins |= {f"{parts.scheme}://{name}{port}" for name in LOOPBACK_NAMES}
    return frozenset(origins)


def full_message(max_players: int) -> str:
    who = "1 player is" if max_players == 1 else f"{max_players} players are"
    return (f"The game is full: {who} playing on this server. "
            "Try again when someone has finished (reload the page).")


class GuardedServer(Server):
    """textual-serve's `Server`, checking each websocket's Origin and counting games."""

    def __init__(self, command: str, *, max_players: int, origins: frozenset[str],
                 **options: Any) -> None:
        super().__init__(command, **options)
        self.max_players = max_players
        self.origins = origins
        self.playing = 0

    async def handle_index(self, request: web.Request) -> Any:
        if self.playing >= self.max_players:
            text = html.escape(full_message(self.max_players))
            return web.Response(
                status=503, content_type="text/html", charset="utf-8",
                text=f"<!doctype html><title>quizgame: full</title><p>{text}</p>",
                headers={"Retry-After": "60"},
            )
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin", "").lower()
        if origin not in self.origins:
            raise web.HTTPForbidden(text="quizgame: this page was not served by this quizgame "
                                    "server, so it cannot start a game\n")
        if self.playing >= self.max_players:
            websocket = web.WebSocketResponse()
            await websocket.prepare(request)
            await websocket.send_bytes(f"\r\n{full_message(self.max_players)}\r\n".encode())
            await websocket.close(code=1013, message=b"full")  # 1013: try again later
            return websocket
        self.playing += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.playing -= 1
