"""Store and forward: the statements of a saves folder that an LRS does not have yet.

The cursor file `<saves>/.xapi-push.json` records, per LRS, how many of each session's
statements (in `xapi.session_statements` order, which only grows at the end) the LRS has
acknowledged. A push sends the rest in batches and rewrites the cursor atomically after each
acknowledged batch, so killing it at any moment loses nothing (what was not acknowledged is sent
again) and duplicates nothing (what is sent again has the same statement ids, which the LRS
stores once). Only sessions whose summary shows more statements than the cursor are read in
full, so a push with nothing to send, as `--watch` does every few seconds, reads summaries only.
One push per saves folder at a time (a file lock).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from quizgame.errors import QuizgameError
from quizgame.format.models import Quiz
from quizgame.interop.lrs import Lrs, LrsError
from quizgame.interop.xapi import XapiConfig, session_statements
from quizgame.store import SavesFolder, scan_summaries
from quizgame.store.files import write_atomic

CURSOR_FILE = ".xapi-push.json"
LOCK_FILE = ".xapi-push.lock"
CURSOR_FORMAT = 1
BATCH = 100

QuizLookup = Callable[[str], Quiz | None]
Statement = dict[str, Any]


@dataclass
class Pushed:
    """What one push did."""

    sent: int = 0
    stored: int = 0
    sessions: int = 0
    problems: list[str] = field(default_factory=list)


def folder_statements(
    saves: Path, config: XapiConfig, quiz_for: QuizLookup, problems: list[str], *,
    quiz_id: str | None = None, sent: dict[str, int] | None = None, now: datetime | None = None,
) -> Iterator[tuple[str, list[Statement]]]:
    """(session key, statements not yet sent) of every session in `saves` with some to send.

    `sent` counts what was sent per session key (`<player key>/<session id>`); unreadable files
    are lines in `problems`.
    """
    sent = sent or {}
    scan = scan_summaries(saves)
    problems += scan.problems
    folder = SavesFolder(saves)
    for item in scan.items:
        summary = item.summary
        if quiz_id is not None and summary.quiz_id != quiz_id:
            continue
        key = f"{item.key}/{summary.id}"
        done = sent.get(key, 0)
        if done >= 1 + summary.answered + summary.finished:
            continue
        try:
            record = folder.player(item.player, create=False).session(summary.id)
        except QuizgameError as error:
            problems.append(str(error))
            continue
        statements = session_statements(record, item.player, item.key, config,
                                        quiz_for(record.quiz_id), now=now)
        if len(statements) > done:
            yield key, statements[done:]


class Outbox:
    """The statements of one saves folder still to send to one LRS."""

    def __init__(self, saves: Path, lrs: Lrs, config: XapiConfig, quiz_for: QuizLookup) -> None:
        self.saves = Path(saves)
        self.lrs = lrs
        self.config = config
        self.quiz_for = quiz_for
        self.path = self.saves / CURSOR_FILE

    def push(self, batch_size: int = BATCH, now: datetime | None = None) -> Pushed:
        """Send everything not acknowledged yet; `LrsError` once retries are exhausted."""
        if not self.saves.is_dir():
            raise QuizgameError(f"no saves folder at {self.saves} (use --saves DIR)")
        lock = FileLock(self.saves / LOCK_FILE, timeout=0)
        try:
            lock.acquire()
        except Timeout as error:
            raise QuizgameError(f"another `quizgame push` is running on {self.saves}") from error
        try:
            return self._push(batch_size, now or datetime.now(UTC))
        finally:
            lock.release()

    def _push(self, batch_size: int, now: datetime) -> Pushed:
        cursor = self._read_cursor()
        endpoint = cursor["endpoints"].setdefault(
            self.lrs.url, {"homepage": self.config.homepage, "sent": {}})
        if endpoint["homepage"] != self.config.homepage:
            raise QuizgameError(
                f"{self.path}: this folder was pushed to {self.lrs.url} with homePage "
                f"{endpoint['homepage']}; pushing with {self.config.homepage} would send every "
                f"game again as other players (use --homepage {endpoint['homepage']})")
        sent: dict[str, int] = endpoint["sent"]
        pushed = Pushed()
        batch: list[tuple[str, Statement]] = []
        sessions = folder_statements(self.saves, self.config, self.quiz_for, pushed.problems,
                                     sent=dict(sent), now=now)
        for key, statements in sessions:
            pushed.sessions += 1
            for statement in statements:
                batch.append((key, statement))
                if len(batch) == batch_size:
                    self._send(batch, sent, cursor, pushed)
        if batch:
            self._send(batch, sent, cursor, pushed)
        return pushed

    def _send(self, batch: list[tuple[str, Statement]], sent: dict[str, int],
              cursor: dict[str, Any], pushed: Pushed) -> None:
        pushed.stored += self.lrs.post([statement for _, statement in batch])
        pushed.sent += len(batch)
        for key, _ in batch:
            sent[key] = sent.get(key, 0) + 1
        batch.clear()
        write_atomic(self.path, (json.dumps(cursor, indent=1, sort_keys=True) + "\n").encode())

    def _read_cursor(self) -> dict[str, Any]:
        try:
            cursor = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"format": CURSOR_FORMAT, "endpoints": {}}
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise QuizgameError(
                f"{self.path}: unreadable push cursor ({error}); move it away to send "
                "everything again (the LRS keeps each statement once)") from error
        if not _valid_cursor(cursor):
            raise QuizgameError(
                f"{self.path}: not a push cursor of this quizgame version; move it away to send "
                "everything again (the LRS keeps each statement once)")
        return cursor


def _valid_cursor(cursor: Any) -> bool:
    if not isinstance(cursor, dict) or cursor.get("format") != CURSOR_FORMAT:
        return False
    endpoints = cursor.get("endpoints")
    return isinstance(endpoints, dict) and all(
        isinstance(e, dict) and isinstance(e.get("homepage"), str)
        and isinstance(e.get("sent"), dict)
        and all(isinstance(n, int) and n >= 0 for n in e["sent"].values())
        for e in endpoints.values())


def watch(outboxes: Sequence[Outbox], interval_s: float, report: Callable[[Outbox, Pushed], None],
          failed: Callable[[Outbox, LrsError], None],
          stop: threading.Event | None = None, batch_size: int = BATCH) -> None:
    """Push every `interval_s` until `stop` is set (or Ctrl-C). A round that cannot reach the
    LRS is reported and tried again next round (a classroom machine on a flaky network catches
    up); a refusal (wrong credentials...) or a bad folder will not mend itself and is raised."""
    stop = stop or threading.Event()
    while not stop.is_set():
        for outbox in outboxes:
            try:
                report(outbox, outbox.push(batch_size))
            except LrsError as error:
                if not error.transient:
                    raise
                failed(outbox, error)
        stop.wait(interval_s)
