"""Reading and writing one save document: TOML bytes <-> validated model, never a half-truth.

`read_table` and `validate` raise `SaveError` naming the file for every way a file can be bad
(unreadable, not UTF-8, not TOML, no or unknown `format`, failing validation) and never modify
it; `write_table` writes a table in the current format, atomically. `load` and `save` do both
steps for documents stored as their model's fields (session files, whose table is more than the
record, have their own reader and writer in sessions.py). There are no derived copies to keep in
step: the TOML files are read fast enough with `rtoml`, a TOML parser written in Rust
(`parse_toml`).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import BaseModel, ValidationError

from quizgame.errors import SaveError
from quizgame.safe_text import visible
from quizgame.store.files import digest, read_bytes, write_atomic
from quizgame.store.migrations import FORMAT_VERSION, FormatError, migrate
from quizgame.store.models import Kind, M
from quizgame.toml_read import parse_save, parse_toml

_MAX_LISTED_ERRORS = 3
__all__ = ["dump_table", "load", "parse_save", "parse_toml", "read_table", "save", "validate"]


def load(path: Path, kind: Kind[M], raw: bytes | None = None) -> M:
    """Read and validate a save file (`raw`: its bytes, when the caller already read them)."""
    return validate(path, kind, read_table(path, kind, raw))


def save(path: Path, document: BaseModel) -> str:
    """Write `document` to `path` in the current format, atomically; returns the digest."""
    return write_table(path, document.model_dump(exclude_none=True))


def read_table(path: Path, kind: Kind[Any], raw: bytes | None = None) -> dict[str, Any]:
    """The file's TOML table, brought up to the current format (its `format` key removed)."""
    raw = read_bytes(path) if raw is None else raw
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise unreadable(path, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} on line {line})") from None
    try:
        table = parse_save(text)
    except tomllib.TOMLDecodeError as error:
        raise unreadable(path, f"is not valid TOML: {error}") from None
    try:
        return migrate(kind.name, table)
    except FormatError as error:
        raise unreadable(path, str(error)) from None


def validate(path: Path, kind: Kind[M], table: dict[str, Any]) -> M:
    """The document a (current-format) table holds, or `SaveError` saying what is wrong."""
    try:
        return kind.model.model_validate(table)
    except ValidationError as error:
        raise unreadable(path, f"is not a valid {kind.description}: {_describe(error)}") from None


def write_table(path: Path, table: dict[str, Any]) -> str:
    """Write `table` as TOML with `format = N` first, atomically; returns the bytes' digest."""
    return write_bytes(path, dump_table(table))


def dump_table(table: dict[str, Any]) -> bytes:
    """The bytes `write_table` writes for `table`."""
    return tomli_w.dumps({"format": FORMAT_VERSION, **table}).encode("utf-8")


def write_bytes(path: Path, raw: bytes) -> str:
    """Write a dumped table atomically; returns its digest."""
    write_atomic(path, raw)
    return digest(raw)


def report(problems: list[str] | None, error: SaveError) -> None:
    """Raise `error`, or note it when the caller collects problems instead (see player.py)."""
    if problems is None:
        raise error
    problems.append(str(error))


def unreadable(path: Path, problem: str) -> SaveError:
    # The problem may quote the file (an unknown key, a parser's excerpt): never raw.
    return SaveError(f"{path}: {visible(problem, multiline=False)} (the file was left as it is)")


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
