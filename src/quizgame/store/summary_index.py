"""The summary index: the game summaries `quizgame scores` read from a saves folder, kept for next
time, so that a school's folder is ranked from a few bytes per game instead of every file.

One index file per saves folder, in the per-user **cache** folder of whoever runs `scores`
(`<cache>/summaries/<hash of the folder's absolute path>.jsonl`), never in the saves folder:
players write only in their own folders, and a teacher reading a shared folder (perhaps
read-only to them) writes nothing there either. Deleting it costs only time. It is never the
truth, only a shortcut to what the files say:

- An entry is used only while its file has the inode, size, modification time and status-change
  time (ctime) it had when it was indexed. No user can set a ctime back: any write to the file,
  even one that puts its modification time back, moves it. (On Windows, whose ctime is the
  creation time, the file's last 64 bytes, its checksum line, must also hash as they did.) A
  file changed since, or not in the index, is read (`read_summary`, checked as the classroom
  reads) and indexed anew; a deleted file is simply not listed. So a school's folder is ranked
  from one `stat` per game, without opening a file.
- Only files read without a problem are indexed: an unreadable one is read, and named, every time.
- The index file ends with a keyed BLAKE2b of everything before it; the key (`key`, random,
  readable by its owner only) lives beside it. An index edited by hand, damaged, cut short or
  written by another quizgame version is ignored whole and rebuilt, so no entry in it can give
  a score its file does not.

Reading through the index needs neither pydantic nor the record models: they are imported only
for a file that must be read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Iterator
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import quizgame
from quizgame.errors import SaveError
from quizgame.store.names import is_player_key, normalised_name
from quizgame.store.scans import IndexedSummary, PlayerSummary, Scan

if TYPE_CHECKING:
    from quizgame.engine.records import Mode
    from quizgame.store.player import PlayerInfo

PLAYER_FILE = "player.toml"
SESSIONS_DIR = "sessions"
INDEX_DIR = "summaries"
KEY_FILE = "key"
_TAIL = 64
# Windows's st_ctime is the creation time, which a write leaves alone: there the file's last
# bytes (the checksum line of a format-2 file) are checked too.
_CHECK_TAIL = os.name == "nt"
_VERSION = 4  # of the index's layout: an index of another layout is rebuilt
# The summary fields of an entry, after its file name, inode, size, mtime and tail hash.
_FIELDS = ("id", "quiz_id", "quiz_title", "player", "mode", "started_at", "finished_at",
           "question_count", "answered", "correct", "score", "duration_ms", "marked",
           "accommodations")


def index_path(cache: Path, root: Path) -> Path:
    """Where the index of saves folder `root` lives in the cache folder `cache`."""
    name = hashlib.blake2b(str(Path(root).absolute()).encode("utf-8"), digest_size=10).hexdigest()
    return cache / INDEX_DIR / f"{name}.jsonl"


def scan_indexed(root: Path, cache: Path) -> Scan[PlayerSummary]:
    """What `folder.scan_summaries(root)` returns (checked summaries of every player's games, one
    problem line per file skipped), from the index where it still holds, updating it."""
    root = Path(root)
    problems: list[str] = []
    if not root.is_dir():
        return Scan([], [f"{root}: no such saves folder"])
    path = index_path(cache, root)
    key = _key(cache)
    indexed = _load(path, key, root)
    found: list[PlayerSummary] = []
    lines: list[bytes | memoryview] = []
    changed = False
    for player_key, entry, line, rows_line in _players(root, indexed, problems):
        try:
            rows = [] if rows_line is None else json.loads(bytes(rows_line))
            kept, games, fresh, trouble = _games(root / player_key, entry, rows)
        except (TypeError, ValueError, IndexError, KeyError):  # rows this code did not write
            rows_line = None
            kept, games, fresh, trouble = _games(root / player_key, entry, [])
        problems += trouble
        name, created = entry[2], datetime.fromisoformat(entry[3])
        found += (PlayerSummary(name, player_key, summary, created) for summary in games)
        changed |= fresh or rows_line is None
        lines += (line, _line(kept) if fresh or rows_line is None else rows_line)
    if changed or len(lines) != 2 * len(indexed):
        _save(path, key, root, lines)
    return Scan(found, problems)


Indexed = tuple[list[Any], memoryview, memoryview]  # a player's entry, its line, its rows' line


def _players(
    root: Path, indexed: dict[str, Indexed], problems: list[str]
) -> Iterator[tuple[str, list[Any], bytes | memoryview, memoryview | None]]:
    """Each player folder of `root` in the order `SavesFolder.players` gives: its key, its entry
    (key, profile stamp, name, created) and line, and its indexed rows' line (None: none hold)."""
    try:
        keys = sorted(name for name in os.listdir(root) if is_player_key(name))
    except OSError as error:
        problems.append(_problem(root, "listed", error))
        return
    players: list[tuple[str, str, list[Any], bytes | memoryview, memoryview | None]] = []
    for player_key in keys:
        profile = root / player_key / PLAYER_FILE
        try:
            stamp = _stamp(profile)
        except (FileNotFoundError, NotADirectoryError):
            continue  # not a player (yet)
        except OSError as error:
            problems.append(_problem(profile.parent, "read", error))
            continue
        held = indexed.get(player_key)
        if held is not None and held[0][1] == stamp:
            players.append((normalised_name(held[0][2]), player_key, *held))
            continue
        try:
            info = _info(root / player_key)
        except SaveError as error:
            problems.append(str(error))
            continue
        entry: list[Any] = [player_key, stamp, info.name, info.created_at.isoformat()]
        players.append((normalised_name(info.name), player_key, entry, _line(entry), None))
    for _name, player_key, entry, line, rows_line in sorted(players, key=lambda item: item[:2]):
        yield player_key, entry, line, rows_line


def _games(
    folder: Path, entry: list[Any], indexed: list[list[Any]]
) -> tuple[list[list[Any]], list[IndexedSummary], bool, list[str]]:
    """The player's indexed rows brought up to date, their games oldest first, whether any row
    changed, and a problem line per file that could not be read."""
    problems: list[str] = []
    rows = {row[0]: row for row in indexed}
    fresh = False
    kept: list[list[Any]] = []
    sessions = folder / SESSIONS_DIR
    try:
        with os.scandir(sessions) as listing:
            files = sorted((item.name, item) for item in listing
                           if item.name.endswith(".toml") and not item.name.startswith(".")
                           and item.is_file())
    except FileNotFoundError:
        files = []
    except OSError as error:
        problems.append(_problem(sessions, "listed", error))
        files = []
    for name, item in files:
        try:
            stamp = _stamp_of(item.stat())
            row = rows.get(name)
            if row is None or row[1:5] != stamp or (
                _CHECK_TAIL and _tail(item.path, stamp[1]) != row[5]
            ):
                row = _read(sessions / name, entry, stamp)
                fresh = True
        except SaveError as error:
            problems.append(str(error))
            continue
        except OSError as error:
            problems.append(f"{sessions / name}: cannot be read: {error.strerror or error}")
            continue
        kept.append(row)
    fresh |= len(kept) != len(rows)  # a file gone, or no longer readable
    games = sorted((_summary(row) for row in kept), key=lambda game: (game.started_at, game.id))
    return kept, games, fresh, problems


def _read(path: Path, entry: list[Any], stamp: list[int]) -> list[Any]:
    """The index row of a session file read whole (`SaveError` when it cannot be counted)."""
    from quizgame.store.player import PlayerInfo, PlayerSaves

    folder = path.parent.parent
    saves = PlayerSaves(PlayerInfo(entry[2], entry[0], datetime.fromisoformat(entry[3]), folder))
    summary = saves.summary(path)
    values = [getattr(summary, name) for name in _FIELDS]
    for at in (_FIELDS.index("started_at"), _FIELDS.index("finished_at")):
        values[at] = None if values[at] is None else values[at].isoformat()
    return [path.name, *stamp, _tail(path, stamp[1]) if _CHECK_TAIL else "", *values]


_strings: dict[str, str] = {}


def _summary(row: list[Any]) -> IndexedSummary:
    (session_id, quiz_id, title, player, mode, started, finished, *counts) = row[6:]
    share = _strings.setdefault  # one copy of each repeated text, for memory
    return IndexedSummary(
        session_id, share(quiz_id, quiz_id), share(title, title), share(player, player),
        cast("Mode", share(mode, mode)), datetime.fromisoformat(started),
        None if finished is None else datetime.fromisoformat(finished), *counts,
    )


def _problem(path: Path, failed: str, error: OSError) -> str:
    from quizgame.store.files import file_error  # (and its file lock) only when it is needed

    return str(file_error(path, failed, error))


def _info(folder: Path) -> PlayerInfo:
    from quizgame.store.folder import SavesFolder

    return SavesFolder._info(folder)


def _stamp(path: Path) -> list[int]:
    return _stamp_of(path.stat())


def _stamp_of(status: os.stat_result) -> list[int]:
    """What tells a file changed: inode, size, modification and status-change times. The last
    cannot be set back by a user (writing, or putting the modification time back, moves it)."""
    return [status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns]


def _tail(path: str | Path, size: int) -> str:
    """A hash of the file's last bytes (a format-2 file's checksum line among them)."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        at = max(0, size - _TAIL)
        if hasattr(os, "pread"):
            tail = os.pread(handle, _TAIL, at)
        else:  # Windows
            os.lseek(handle, at, os.SEEK_SET)
            tail = os.read(handle, _TAIL)
    finally:
        os.close(handle)
    return hashlib.blake2b(tail, digest_size=8).hexdigest()


def _line(entry: list[Any]) -> bytes:
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _header(root: Path) -> bytes:
    return _line([_VERSION, quizgame.__version__, str(root.absolute())])


def _load(path: Path, key: bytes | None, root: Path) -> dict[str, Indexed]:
    """Player key -> what a valid index holds of them, else nothing. The lines stay views of the
    file's bytes (no copies: a school's index is tens of megabytes)."""
    if key is None:
        return {}
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    cut = raw.rfind(b"\n", 0, len(raw) - 1) + 1
    body = memoryview(raw)[:cut]
    header = _header(root)
    if not (bytes(body[: len(header)]) == header
            and hmac.compare_digest(raw[cut:].strip(), _mac(key, body))):
        return {}
    lines = []
    start = len(header)
    while start < cut:
        end = raw.index(b"\n", start) + 1
        lines.append(body[start:end])
        start = end
    found = {}
    with suppress(ValueError, IndexError, TypeError):
        for line, rows in zip(lines[::2], lines[1::2], strict=True):
            entry = json.loads(bytes(line))
            player_key, _stamp, name, created = entry
            if not all(isinstance(text, str) for text in (player_key, name, created)):
                return {}
            datetime.fromisoformat(created)
            found[player_key] = (entry, line, rows)
        return found
    return {}  # not an index this code wrote: rebuilt


def _save(path: Path, key: bytes | None, root: Path, lines: list[bytes | memoryview]) -> None:
    """Write the index; a cache folder that cannot be written only costs the next run time."""
    if key is None:
        return
    from quizgame.store.files import write_atomic

    body = _header(root) + b"".join(lines)
    with suppress(SaveError, OSError):
        write_atomic(path, body + _mac(key, body) + b"\n")


def _mac(key: bytes, body: bytes | memoryview) -> bytes:
    return hashlib.blake2b(body, key=key, digest_size=16).hexdigest().encode("ascii")


def _key(cache: Path) -> bytes | None:
    """The index key of this cache folder (made on first use), or None when it cannot be."""
    path = cache / INDEX_DIR / KEY_FILE
    with suppress(OSError, ValueError):
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "w", encoding="ascii") as stream:
            key = os.urandom(32)
            stream.write(key.hex())
        return key
    except OSError:
        with suppress(OSError, ValueError):  # another `scores` made it meanwhile
            return bytes.fromhex(path.read_text(encoding="ascii").strip())
    return None
