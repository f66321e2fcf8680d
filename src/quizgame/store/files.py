"""Durable file operations: atomic replacement, content digests and per-player OS locks.

`write_atomic` writes a temporary file in the target's folder, flushes and fsyncs it, renames it
over the target with `os.replace` (atomic on POSIX and Windows) and fsyncs the folder, so a
reader or a crash (SIGKILL, power loss) sees either the old file or the new one, never a mix.
A killed writer can leave a `.*.tmp` file behind; nothing reads those, and the first write of a
new file in that folder (a new game, say) removes the ones older than `STALE_TEMPORARY_S`.
Files get the permissions the umask gives (`0o666 & ~umask`, as any program's new files), not
the `0o600` of a temporary file, so a teacher's account can read a shared saves folder.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from quizgame.bounded_read import (
    MB,
    NotRegularFileError,
    TooLargeError,
    describe_size,
    read_limited,
)
from quizgame.errors import SaveError

LOCK_NAME = ".lock"
LOCK_TIMEOUT_S = 15.0
# A 1,000-question game saves about 300 KB; a file this large was not written by quizgame.
MAX_SAVE_BYTES = 4 * MB
# Windows refuses to replace a file another process has open (a reader, an antivirus scan) and
# the other side closes it within milliseconds: retry for a moment instead of failing.
_REPLACE_RETRIES = 20 if sys.platform == "win32" else 0
_REPLACE_RETRY_DELAY_S = 0.025
STALE_TEMPORARY_S = 600


def digest(raw: bytes) -> str:
    """A short content hash: tells whether a file still holds the bytes this process wrote."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def file_error(path: Path, failed: str, error: OSError) -> SaveError:
    """`SaveError` for an operating-system error: `<path>: cannot be <failed>: <reason>`."""
    return SaveError(f"{path}: cannot be {failed}: {error.strerror or error}")


def read_bytes(path: Path, limit: int = MAX_SAVE_BYTES) -> bytes:
    """The file's bytes, or `SaveError` naming it (also for a FIFO, a device or a file over
    `limit`: quizgame never writes those, and reading them would hang or exhaust memory).
    """
    try:
        return read_limited(path, limit)
    except NotRegularFileError as error:
        raise SaveError(f"{path}: is {error.kind}, not a save file (the file was left as it is)") from None
    except TooLargeError:
        raise SaveError(
            f"{path}: is larger than {describe_size(limit)}, far more than any game "
            "saves, so it was not read (the file was left as it is)"
        ) from None
    except OSError as error:
        raise file_error(path, "read", error) from error


def toml_files(folder: Path) -> list[Path]:
    """`*.toml` files directly in `folder` (none when it does not exist), by name."""
    try:
        with os.scandir(folder) as entries:
            names = [
                entry.name
                for entry in entries
                if entry.name.endswith(".toml")
                and not entry.name.startswith(".")
                and entry.is_file()
            ]
    except FileNotFoundError:
        return []
    except OSError as error:
        raise file_error(folder, "listed", error) from error
    return [folder / name for name in sorted(names)]


def check_inside(path: Path, root: Path) -> Path:
    """`path`, or `SaveError` when its folder, symlinks followed, is not inside `root`: a
    symlinked `sessions/` or player folder never makes quizgame write elsewhere."""
    try:
        inside = path.parent.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        raise SaveError(
            f"{path.parent}: is a link to a folder outside the saves folder {root}; quizgame "
            "does not write there (replace the link by a real folder)"
        )
    return path


def check_writable(folder: Path) -> None:
    """`SaveError` unless a file can be created, written and removed in `folder` (made if
    missing): a read-only or full disk is found before a game starts, not after its first answer."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".probe.", suffix=".tmp")
        try:
            os.write(handle, b"quizgame")
            os.fsync(handle)
        finally:
            os.close(handle)
            os.unlink(probe)
    except OSError as error:
        raise SaveError(
            f"{folder}: answers cannot be saved here ({error.strerror or error}), so the game "
            "does not start"
        ) from error


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably (see the module docstring)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.exists()
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(handle, 0o666 & ~_umask())
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            _replace(temporary, path)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary)
            raise
        _fsync_folder(path.parent)
    except OSError as error:
        raise file_error(path, "written", error) from error
    if new:
        remove_stale_temporaries(path.parent)


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[str]:
    """Delete the `.*.tmp` files of killed writers (older than `STALE_TEMPORARY_S`) in
    `folder`; a live writer's is seconds old. Returns the names removed."""
    now = time.time() if now is None else now
    removed = []
    with suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
                continue
            with suppress(OSError):
                if entry.is_file(follow_symlinks=False) and (
                    now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMPORARY_S
                ):
                    os.unlink(entry.path)
                    removed.append(entry.name)
    return removed


def _umask() -> int:
    """The process's umask, without changing it (Linux: /proc; elsewhere set and restored)."""
    with suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _replace(source: str, target: Path) -> None:
    for attempt in range(_REPLACE_RETRIES + 1):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == _REPLACE_RETRIES:
                raise
            time.sleep(_REPLACE_RETRY_DELAY_S)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder for fsync)."""
    if sys.platform == "win32":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


@contextmanager
def player_lock(folder: Path) -> Iterator[None]:
    """Hold the player's OS file lock (`folder/.lock`): one read-modify-write at a time."""
    from filelock import FileLock, Timeout  # imported by writers only, not by readers of saves

    lock = FileLock(folder / LOCK_NAME, timeout=LOCK_TIMEOUT_S)
    try:
        lock.acquire()
    except Timeout as error:
        raise SaveError(
            f"{folder}: another quizgame has been saving as this player for over "
            f"{LOCK_TIMEOUT_S:.0f} s; try again"
        ) from error
    except OSError as error:
        raise file_error(folder, "locked", error) from error
    try:
        yield
    finally:
        lock.release()
