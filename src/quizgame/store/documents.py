"""Reading and writing one save document: TOML bytes <-> validated model, never a half-truth.

`load` raises `SaveError` naming the file for every way a file can be bad (unreadable, not UTF-8,
not TOML, no or unknown `format`, failing validation) and never modifies it. `save` writes the
current format atomically. Both keep the JSON copy of `cache.py` up to date and `load` uses it
when it matches.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Generic

import tomli_w
from pydantic import BaseModel, ValidationError

from quizgame.errors import SaveError
from quizgame.store import cache
from quizgame.store.files import digest, read_bytes, write_atomic
from quizgame.store.migrations import FORMAT_VERSION, FormatError, migrate
from quizgame.store.models import Kind, M

_MAX_LISTED_ERRORS = 3


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A document and the digest of the bytes it was read from."""

    value: M
    digest: str


def load(path: Path, kind: Kind[M], raw: bytes | None = None) -> Loaded[M]:
    """Read and validate a save file (`raw`: its bytes, when the caller already read them)."""
    raw = read_bytes(path) if raw is None else raw
    key = digest(raw)
    cached = cache.lookup(path, key)
    if cached is not None:
        try:
            return Loaded(kind.model.model_validate(cached), key)
        except ValidationError:
            pass  # a copy made by a different version of the models: the TOML file decides
    document = _parse(path, raw, kind)
    cache.store(path, key, document)  # the next reader of these bytes skips the TOML parser
    return Loaded(document, key)


def save(path: Path, document: BaseModel) -> str:
    """Write `document` to `path` in the current format, atomically; returns the digest."""
    table = {"format": FORMAT_VERSION, **document.model_dump(exclude_none=True)}
    raw = tomli_w.dumps(table).encode("utf-8")
    write_atomic(path, raw)
    key = digest(raw)
    cache.store(path, key, document)
    return key


def report(problems: list[str] | None, error: SaveError) -> None:
    """Raise `error`, or note it when the caller collects problems instead (see player.py)."""
    if problems is None:
        raise error
    problems.append(str(error))


def _parse(path: Path, raw: bytes, kind: Kind[M]) -> M:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise _unreadable(path, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} on line {line})")
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _unreadable(path, f"is not valid TOML: {error}")
    try:
        table = migrate(kind.name, table)
    except FormatError as error:
        raise _unreadable(path, str(error))
    try:
        return kind.model.model_validate(table)
    except ValidationError as error:
        raise _unreadable(path, f"is not a valid {kind.description}: {_describe(error)}")


def _unreadable(path: Path, problem: str) -> SaveError:
    return SaveError(f"{path}: {problem} (the file was left as it is)")


def _describe(error: ValidationError) -> str:
    """The first few validation errors, each as `where: what`."""
    parts = []
    for detail in error.errors()[:_MAX_LISTED_ERRORS]:
        where = "".join(
            f"[{part}]" if isinstance(part, int) else f".{part}" for part in detail["loc"]
        ).lstrip(".")
        what = "unknown key" if detail["type"] == "extra_forbidden" else detail["msg"]
        parts.append(f"{where or 'file'}: {what}")
    more = error.error_count() - _MAX_LISTED_ERRORS
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)
