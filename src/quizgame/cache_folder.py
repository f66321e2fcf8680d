"""quizgame's per-user cache folder: everything kept there is safe to delete.

`$QUIZGAME_CACHE` names another folder, or `off` for none; otherwise platformdirs' user cache
folder. The quiz cache (`quizzes/`), the classroom's summary indexes (`summaries/`) and the
games' openings (`openings/`) live in it. An entry there is input like any file: it is signed
with a key kept beside it (`signature`, `signing_key`), and one that fails is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

CACHE_VARIABLE = "QUIZGAME_CACHE"


def cache_root() -> Path | None:
    """The cache folder, or None when `$QUIZGAME_CACHE` is `off`."""
    setting = os.environ.get(CACHE_VARIABLE, "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting).absolute()
    import platformdirs

    return Path(platformdirs.user_cache_dir("quizgame", appauthor=False))


KEY_BYTES = 32


def signature(secret: bytes, body: bytes) -> str:
    """The keyed BLAKE2b MAC of `body` (hex): an entry whose MAC fails was not written here."""
    return hashlib.blake2b(body, key=secret, digest_size=32).hexdigest()


def signing_key(folder: Path, *, create: bool) -> bytes | None:
    """The signing key of a cache subfolder (`key`, mode 0600): made when missing (and `create`),
    replaced when damaged, so that every entry signed with the old one is a miss."""
    path = folder / "key"
    try:
        secret = path.read_bytes()
        if len(secret) == KEY_BYTES:
            return secret
    except FileNotFoundError:
        pass
    if not create:
        return None
    secret = os.urandom(KEY_BYTES)
    write_atomically(path, secret)
    return secret


def read_signed(folder: Path, path: Path, magic: bytes, *, max_bytes: int | None = None
                ) -> bytes | None:
    """The body of the entry `path` that `write_signed` wrote with `magic` and the key of
    `folder`; None when it is missing, longer than `max_bytes`, or not signed with that key."""
    import hmac

    try:
        with open(path, "rb") as file:
            entry = file.read() if max_bytes is None else file.read(max_bytes + 1)
        secret = signing_key(folder, create=False)
    except (OSError, ValueError):
        return None
    if secret is None or not entry.startswith(magic) or (
        max_bytes is not None and len(entry) > max_bytes
    ):
        return None
    signed, _, body = entry[len(magic):].partition(b"\n")
    if not hmac.compare_digest(signed, signature(secret, body).encode()):
        return None
    return body


def write_signed(folder: Path, path: Path, magic: bytes, body: bytes) -> None:
    """Write `body` as the entry `path`, signed with the key of `folder` (made when missing),
    atomically. Raises OSError when it cannot."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    secret = signing_key(folder, create=True)
    assert secret is not None  # made when missing
    write_atomically(path, magic + signature(secret, body).encode() + b"\n" + body)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step (a reader sees the old file or the new one)."""
    import tempfile  # writing is rare; reading an entry at start-up must not pay for it

    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")  # mode 0600
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def modules_stamp(*folders: Path) -> str:
    """quizgame's version and the size and modification time of every module in `folders` (and
    their subfolders): what a cache entry computed by that code is keyed by, so that an edited
    checkout never trusts what an older one wrote."""
    import quizgame

    stamps: list[tuple[str, int, int]] = []
    try:
        for folder in folders:
            for path in folder.rglob("*.py"):
                status = path.stat()
                stamps.append((str(path.relative_to(folder.parent)), status.st_size, status.st_mtime_ns))
    except OSError:
        stamps = []
    stamps.sort()
    return hashlib.sha256(json.dumps([quizgame.__version__, stamps]).encode()).hexdigest()[:16]
