"""The game's write-ahead journal: one JSON line per entry, made durable in groups.

    <saves>/.live/<game id>.jsonl     (not a player folder: every reader of saves skips it)

`commit` returns once its entries are on disk. Entries arriving while a write is under way wait
for the next one, so a burst of thirty answers costs one fsync, not thirty, and an answer is
acknowledged only when it would survive `kill -9`. A line cut short by a crash is the one entry
that never got its acknowledgement; `read_journal` drops it.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any

from quizgame.errors import QuizgameError, SaveError

LIVE_DIR = ".live"


class Journal:
    """Appends entries to one game's journal (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError as error:
            raise SaveError(f"{path}: cannot be written: {error.strerror or error}") from error
        self._pending: list[bytes] = []
        self._waiters: list[asyncio.Future[None]] = []
        self._writer: asyncio.Task[None] | None = None
        self.commits = 0

    def write_now(self, entries: list[dict[str, Any]]) -> None:
        """Write and fsync at once (before the event loop runs: the game's first entry)."""
        self._write(b"".join(_line(entry) for entry in entries))

    async def commit(self, entries: list[dict[str, Any]]) -> None:
        """Return when `entries` (and everything committed before them) are durable."""
        if not entries:
            return
        self._pending.extend(_line(entry) for entry in entries)
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_groups())
        await waiter

    async def _write_groups(self) -> None:
        loop = asyncio.get_running_loop()
        while self._pending:
            data, waiters = b"".join(self._pending), self._waiters
            self._pending, self._waiters = [], []
            try:
                await loop.run_in_executor(None, self._write, data)
            except SaveError as error:
                for waiter in waiters:
                    waiter.set_exception(error)
                continue
            self.commits += 1
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)

    def _write(self, data: bytes) -> None:
        try:
            os.write(self._handle, data)
            os.fsync(self._handle)
        except OSError as error:
            raise SaveError(f"{self.path}: cannot be written: {error.strerror or error}") from error

    def close(self) -> None:
        os.close(self._handle)


def _line(entry: dict[str, Any]) -> bytes:
    return (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def journal_path(saves: Path, game_id: str) -> Path:
    return saves / LIVE_DIR / f"{game_id}.jsonl"


def read_journal(path: Path) -> list[dict[str, Any]]:
    """The entries of a journal, without a last line cut short by a crash."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SaveError(f"{path}: cannot be read: {error.strerror or error}") from error
    entries = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            entries.append(json.loads(line))
        except (json.JSONDecodeError, UnicodeDecodeError):
            if raw.endswith(b"\n") or number < raw.count(b"\n") + 1:
                raise SaveError(f"{path}:{number}: damaged journal line") from None
    if not entries or entries[0].get("e") != "game":
        raise SaveError(f"{path}: not a quizgame live journal")
    return entries


def unfinished_game(saves: Path, quiz_id: str, game_id: str | None = None) -> Path:
    """The journal `--resume` continues: the given game, or the newest unfinished one of the quiz."""
    folder = saves / LIVE_DIR
    if game_id is not None:
        path = journal_path(saves, game_id)
        if not path.is_file():
            raise QuizgameError(f"no live game {game_id!r} in {folder}")
        return path
    candidates = sorted(folder.glob("*.jsonl"), reverse=True) if folder.is_dir() else []
    for path in candidates:
        entries = read_journal(path)
        if entries[0].get("quiz_id") == quiz_id and entries[-1].get("e") != "end":
            return path
    raise QuizgameError(f"no unfinished live game of quiz {quiz_id!r} in {folder}")
