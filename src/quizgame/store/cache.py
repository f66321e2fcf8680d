"""JSON copies of save documents, so that loading does not wait for the TOML parser.

`tomllib` is pure Python (about 2-5 MB/s): a player's 500 cards take about 100 ms to parse, their
JSON copies a tenth of that. Next to each TOML file of a kind that keeps copies (`Kind.cached`:
card files, which are read at every start and written only by reviews) whoever writes or parses
it leaves `.cache/<stem>.json` holding the validated document and the digest of the exact TOML
bytes it mirrors. A reader uses the copy only when that digest matches the TOML file it has just
read, so a stale, foreign, torn or hand-edited copy is never believed: the TOML file is always
the truth, and `.cache/` folders can be deleted at any time. Copies are written atomically and
best effort (a read-only saves folder simply has none).

JSON rather than pickle: saves folders are shared between machines, and unpickling a file a
student could edit would let it run code on the teacher's machine.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from quizgame.errors import SaveError
from quizgame.store.files import write_atomic
from quizgame.store.migrations import FORMAT_VERSION

CACHE_DIR = ".cache"


def cache_path(path: Path) -> Path:
    return path.parent / CACHE_DIR / f"{path.stem}.json"


def lookup(path: Path, digest: str) -> dict[str, Any] | None:
    """The cached document for the TOML bytes with this digest, if there is one."""
    try:
        cached = json.loads(cache_path(path).read_bytes())
    except (OSError, ValueError):
        return None
    if (
        not isinstance(cached, dict)
        or cached.get("digest") != digest
        or cached.get("format") != FORMAT_VERSION
        or not isinstance(cached.get("document"), dict)
    ):
        return None
    return cached["document"]


def store(path: Path, digest: str, document: BaseModel) -> None:
    """Leave a copy of `document`, read from or written to `path` as TOML with this digest."""
    cached = {
        "digest": digest,
        "format": FORMAT_VERSION,
        "document": document.model_dump(exclude_none=True),
    }
    data = json.dumps(cached, default=_iso_datetime, separators=(",", ":")).encode("utf-8")
    try:
        # Not fsynced: after a crash a torn copy fails to parse or to match, and is ignored.
        write_atomic(cache_path(path), data, durable=False)
    except SaveError:
        pass  # the copy only saves time


def _iso_datetime(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
