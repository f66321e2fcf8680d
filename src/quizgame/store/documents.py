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
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import rtoml
import tomli_w
from pydantic import BaseModel, ValidationError

from quizgame.errors import SaveError
from quizgame.store.files import digest, read_bytes, write_atomic
from quizgame.store.migrations import FORMAT_VERSION, FormatError, migrate
from quizgame.store.models import Kind, M

_MAX_LISTED_ERRORS = 3


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
        raise _unreadable(path, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} on line {line})") from None
    try:
        table = parse_toml(text)
    except tomllib.TOMLDecodeError as error:
        raise _unreadable(path, f"is not valid TOML: {error}") from None
    try:
        return migrate(kind.name, table)
    except FormatError as error:
        raise _unreadable(path, str(error)) from None


def parse_toml(text: str) -> dict[str, Any]:
    """The table of `text`, as `tomllib.loads(text)` gives it, or `tomllib.TOMLDecodeError`.

    rtoml reads about eight times faster than tomllib (pure Python) and gives equal tables
    (tests/test_store_toml.py). A text rtoml refuses goes to tomllib, which words the error users
    see (with line and column) and reads the odd text rtoml refuses (a float beyond a double's
    range, `1e400`, which tomllib makes `inf`). rtoml follows TOML 1.1, so it also reads a few
    things tomllib (TOML 1.0) refuses: a byte-order mark, `\\e` and `\\xHH` escapes, times
    without seconds, inline tables over several lines. quizgame never writes them; a hand edit
    that uses them is read as TOML 1.1 says.
    """
    try:
        table: dict[str, Any] = rtoml.loads(text)
    except rtoml.TomlParsingError:
        return tomllib.loads(text)
    _with_plain_time_zones(table)
    return table


def _with_plain_time_zones(value: Any) -> Any:
    """`value` (a table or list) with rtoml's tzinfo objects replaced by `datetime.timezone`s.

    rtoml's time zones give the same offsets as tomllib's `datetime.timezone`s, but cannot be
    pickled or deep-copied (`model_copy(deep=True)` of a loaded record would fail). In place.
    """
    items = value.items() if type(value) is dict else enumerate(value)
    for key, item in items:
        kind = type(item)
        if kind is datetime and item.tzinfo is not None:  # naive ones fail validation anyway
            value[key] = item.replace(tzinfo=timezone(item.utcoffset()))
        elif kind is dict or kind is list:
            _with_plain_time_zones(item)
    return value


def validate(path: Path, kind: Kind[M], table: dict[str, Any]) -> M:
    """The document a (current-format) table holds, or `SaveError` saying what is wrong."""
    try:
        return kind.model.model_validate(table)
    except ValidationError as error:
        raise _unreadable(path, f"is not a valid {kind.description}: {_describe(error)}") from None


def write_table(path: Path, table: dict[str, Any]) -> str:
    """Write `table` as TOML with `format = N` first, atomically; returns the bytes' digest."""
    raw = tomli_w.dumps({"format": FORMAT_VERSION, **table}).encode("utf-8")
    write_atomic(path, raw)
    return digest(raw)


def report(problems: list[str] | None, error: SaveError) -> None:
    """Raise `error`, or note it when the caller collects problems instead (see player.py)."""
    if problems is None:
        raise error
    problems.append(str(error))


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
