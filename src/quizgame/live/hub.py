"""The hub: an aiohttp server around one `LiveGame`, the only process that knows the key.

    GET /      the phone page (live/page.html: plain HTML and a little JavaScript)
    GET /ws    one websocket per player (docs/live-protocol.md)

Each change the game makes is committed to the journal before its messages go out, so an `ack`
means the answer survives `kill -9`. Every connection has its own outgoing queue (order kept,
nobody waits for a slow phone). After each reveal and at the end, every player's session record
is written to the saves folder as an ordinary save (mode `live`, with the game id), off the
event loop. The projector and the plain host get `HOST` messages through `listen`.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from quizgame.engine.accommodations import NONE, Accommodations
from quizgame.engine.records import SessionRecord
from quizgame.engine.scheduling import utc_now
from quizgame.errors import QuizgameError, SaveError
from quizgame.format.models import Quiz
from quizgame.live.game import HOST, LiveGame, Refused, Send, Settings, refusal
from quizgame.live.journal import Journal, journal_path, read_journal
from quizgame.live.limits import RateLimit
from quizgame.live.protocol import (
    MAX_MESSAGE_BYTES,
    VERSION,
    Answer,
    Join,
    Leave,
    MoreTime,
    Ping,
    ProtocolError,
    Rejoin,
    Roster,
    encode,
    error,
    parse_client,
)
from quizgame.store.folder import SavesFolder
from quizgame.store.player import PlayerSaves

DEFAULT_PORT = 8765
TICK_S = 0.1
SEND_QUEUE = 256
STOP_WAIT_S = 5.0
Listener = Callable[[dict[str, Any]], None]


@dataclass
class _Connection:
    socket: web.WebSocketResponse
    queue: asyncio.Queue[str | None] = field(default_factory=lambda: asyncio.Queue(SEND_QUEUE))


class Hub:
    """One hosted game on one address (see the module docstring)."""

    def __init__(self, game: LiveGame, journal: Journal, saves: Path, *,
                 limit: RateLimit | None = None, clock: Callable[[], datetime] = utc_now,
                 mono: Callable[[], float] = time.monotonic) -> None:
        self.game = game
        self.journal = journal
        self.saves = SavesFolder(saves)
        self.limit = limit or RateLimit()
        self.clock, self.mono = clock, mono
        self._connections: dict[str, _Connection] = {}
        self._listeners: list[Listener] = []
        self._player_saves: dict[str, PlayerSaves] = {}
        self._save_lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._runner: web.AppRunner | None = None
        self._ticker_task: asyncio.Task[None] | None = None
        self.port = 0
        self.refused = 0
        game.profile = self._profile

    def _profile(self, name: str) -> Accommodations:
        """The accommodations in the profile of a player of this saves folder (none for a
        player who never played here, or whose profile cannot be read)."""
        try:
            return self.saves.player(name, create=False).accommodations()
        except QuizgameError:
            return NONE

    # -- making one ----------------------------------------------------------------------

    @classmethod
    def new(cls, quiz: Quiz, saves: Path, settings: Settings, **options: Any) -> Hub:
        game = LiveGame.new(quiz, settings, utc_now())
        journal = Journal(journal_path(saves, game.game_id))
        journal.write_now(game.journal_out)
        game.journal_out.clear()
        return cls(game, journal, saves, **options)

    @classmethod
    def resume(cls, quiz: Quiz, saves: Path, path: Path, **options: Any) -> Hub:
        """The game of journal `path`, rebuilt at the question where it stopped."""
        entries = read_journal(path)
        if entries[0].get("quiz_id") != quiz.quiz.id:
            raise QuizgameError(f"{path}: is a game of quiz {entries[0].get('quiz_id')!r}, "
                                f"not {quiz.quiz.id!r}")
        try:
            game = LiveGame.replay(quiz, entries, time.monotonic())
        except (KeyError, IndexError, TypeError, ValueError) as problem:
            raise SaveError(f"{path}: cannot be replayed ({problem}); was the quiz changed?") \
                from None
        return cls(game, Journal(path), saves, **options)

    # -- running -------------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/", self._page)
        app.router.add_get("/ws", self._websocket)
        app.router.add_get("/favicon.ico", _no_content)
        return app

    async def start(self, host: str, port: int) -> None:
        self._runner = web.AppRunner(self.app(), access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port, backlog=512)
        try:
            await site.start()
        except OSError as problem:
            await self._runner.cleanup()
            raise QuizgameError(f"cannot listen on {host} port {port}: "
                                f"{problem.strerror or problem}") from problem
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else port
        self._ticker_task = self._spawn(self._ticker())
        await self.save_records()  # a resumed game's saves catch up with its journal at once

    async def stop(self) -> None:
        """Close every connection and write the saves (a save under way is waited for)."""
        if self._ticker_task is not None:
            self._ticker_task.cancel()
        for connection in list(self._connections.values()):
            self._queue_close(connection)
        if self._runner is not None:
            await self._runner.cleanup()
        if self._tasks:  # saves under way finish; a writer stuck on a dead socket does not
            _, stuck = await asyncio.wait(self._tasks, timeout=STOP_WAIT_S)
            for task in stuck:
                task.cancel()
        await self.save_records()
        self.journal.close()

    def listen(self, listener: Listener) -> None:
        """Call `listener` with every message meant for the projector."""
        self._listeners.append(listener)

    async def command(self, action: Callable[[datetime, float], list[Send]]) -> None:
        """Run a teacher's control (`lambda now, mono: game.next(now, mono)`); `Refused` rises."""
        await self._deliver(action(self.clock(), self.mono()))

    # -- delivering ----------------------------------------------------------------------

    async def _deliver(self, sends: list[Send]) -> None:
        entries, self.game.journal_out = self.game.journal_out, []
        await self.journal.commit(entries)
        for target, message in sends:
            if target == HOST:
                self._tell_host(message)
                continue
            connection = self._connections.get(target)
            if connection is None:
                continue
            self._queue(connection, message)
            if message["type"] == "kicked":
                self._queue_close(connection)
        if any(entry["e"] in ("reveal", "skip", "end") for entry in entries):
            self._spawn(self.save_records())

    def _tell_host(self, message: dict[str, Any]) -> None:
        for listener in self._listeners:
            try:
                listener(message)
            except Exception:  # a closed projector or stdout must not stop the class's game
                continue

    def _queue(self, connection: _Connection, message: dict[str, Any]) -> None:
        try:
            connection.queue.put_nowait(encode(message))
        except asyncio.QueueFull:  # a client that reads nothing: it reconnects and catches up
            self._queue_close(connection)

    @staticmethod
    def _queue_close(connection: _Connection) -> None:
        with contextlib.suppress(asyncio.QueueFull):
            connection.queue.put_nowait(None)

    async def _writer(self, connection: _Connection) -> None:
        socket = connection.socket
        while (text := await connection.queue.get()) is not None:
            try:
                await socket.send_str(text)
            except (ConnectionError, RuntimeError):
                break
        await socket.close()

    async def save_records(self) -> None:
        """Write every player's record (a snapshot) to the saves folder, off the event loop."""
        records = [record.model_copy(deep=True) for record in self.game.records()]
        async with self._save_lock:
            try:
                await asyncio.get_running_loop().run_in_executor(None, self._write, records)
            except SaveError as problem:
                self._tell_host({"type": "save_error", "message": str(problem)})

    def _write(self, records: list[SessionRecord]) -> None:
        for record in records:
            saves = self._player_saves.get(record.player)
            if saves is None:
                saves = self._player_saves[record.player] = self.saves.player(record.player)
            saves.save_session(record)

    # -- the phone page and the websocket ----------------------------------------------------

    async def _page(self, request: web.Request) -> web.Response:
        page = resources.files("quizgame.live").joinpath("page.html").read_text("utf-8")
        return web.Response(text=page, content_type="text/html", headers={
            "Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline'; "
            "style-src 'unsafe-inline'; connect-src 'self' ws: wss:",
            "Cache-Control": "no-store"})

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        # A browser always says which page opened the socket: only the hub's own phone page may
        # (another site open on a student's phone cannot play in their name). Clients that are
        # not browsers (join, serve --join) send no Origin.
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != request.host.lower():
            raise web.HTTPForbidden(text="quizgame: only the hub's own page can join\n")
        socket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        await socket.prepare(request)
        connection = _Connection(socket)
        writer = self._spawn(self._writer(connection))
        address = request.remote or "?"
        player_id: str | None = None
        try:
            async for frame in socket:
                if frame.type != WSMsgType.TEXT:
                    break
                try:
                    message = parse_client(frame.data)
                    if player_id is None:
                        player_id = await self._admit(connection, message, address)
                    else:
                        await self._play(connection, player_id, message)
                except ProtocolError as problem:
                    self._queue(connection, error(problem.code, problem.message))
                except Refused as problem:
                    self._queue(connection, refusal(problem))
                    if problem.code in ("locked", "rate-limited", "kicked", "over"):
                        self.refused += 1
                        self._queue_close(connection)
        finally:
            self._queue_close(connection)
            if player_id is not None and self._connections.get(player_id) is connection:
                del self._connections[player_id]
                await self._deliver(self.game.disconnect(player_id, self.mono()))
            await writer
        return socket

    async def _admit(self, connection: _Connection, message: Any, address: str) -> str | None:
        """The player a first message makes of this connection (None: not yet)."""
        if isinstance(message, Ping):
            self._queue(connection, {"type": "pong", "id": message.id})
            return None
        if isinstance(message, Join | Rejoin | Roster) and message.v != VERSION:
            raise Refused("version", f"This hub speaks protocol version {VERSION}; update "
                          "quizgame on this machine.")
        if not self.limit.allow(address, self.mono()):
            raise Refused("rate-limited", "Too many attempts from this address: wait a moment.")
        now, mono = self.clock(), self.mono()
        if isinstance(message, Roster):
            self._queue(connection, {"type": "roster", "names": self.game.roster_free(message.code)})
            return None
        if isinstance(message, Join):
            player_id, sends = self.game.join(message.name, message.code, now, mono)
            self._connections[player_id] = connection
            await self._deliver(sends)
            return player_id
        if isinstance(message, Rejoin):
            player = self.game.find_rejoin(token=message.token, name=message.name,
                                           rejoin=message.rejoin, code=message.code)
            sends = self.game.rejoin(player, mono)
            if not any(target == player.id for target, _ in sends):
                await self._deliver(sends)
                raise Refused("ask-teacher", "You were away too long: ask your teacher to let "
                              "you back in, then try again.")
            old = self._connections.get(player.id)
            if old is not None and old is not connection:
                self._queue(old, {"type": "replaced", "message": "You joined from elsewhere."})
                self._queue_close(old)
            self._connections[player.id] = connection
            await self._deliver(sends)
            return player.id
        raise Refused("join-first", "Join the game first.")

    async def _play(self, connection: _Connection, player_id: str, message: Any) -> None:
        if isinstance(message, Answer):
            await self._deliver(self.game.answer(player_id, message.number, message.raw,
                                                 self.clock(), self.mono()))
        elif isinstance(message, MoreTime):
            await self._deliver(self.game.more_time(player_id, message.number, self.mono()))
        elif isinstance(message, Ping):
            self._queue(connection, {"type": "pong", "id": message.id})
        elif isinstance(message, Leave):
            self._queue_close(connection)
        else:
            raise Refused("already-joined", "You are already in the game.")

    async def _ticker(self) -> None:
        while True:
            await asyncio.sleep(TICK_S)
            try:
                await self._deliver(self.game.tick(self.clock(), self.mono()))
            except Refused:
                pass

    def _spawn(self, coroutine: Any) -> asyncio.Task[Any]:
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task



async def _no_content(request: web.Request) -> web.Response:
    return web.Response(status=204)
