"""TOML parsed fast and safely: rtoml first, tomllib for what rtoml refuses and for the wording.

Used by the save reader (store/documents.py) and the quiz loader (format/loader.py).
"""

from __future__ import annotations

import tomllib
from datetime import datetime, timezone
from typing import Any

import rtoml

from quizgame.safe_text import visible

# Saves nest three levels (session > answers > given); anything deeper is not a save.
SAVE_DEPTH = 8


def parse_toml(text: str) -> dict[str, Any]:
    """The table of `text`, as `tomllib.loads(text)` gives it, or `tomllib.TOMLDecodeError`.

    rtoml reads about eight times faster than tomllib (pure Python) and gives equal tables
    (tests/test_store_toml.py). Deep nesting and numbers thousands of digits long, which
    tomllib lets through as `RecursionError` and `ValueError`, are `TOMLDecodeError`s too. A text
    rtoml refuses goes to tomllib, which words the error users
    see (with line and column) and reads the odd text rtoml refuses (a float beyond a double's
    range, `1e400`, which tomllib makes `inf`). rtoml follows TOML 1.1, so it also reads a few
    things tomllib (TOML 1.0) refuses: a byte-order mark, `\\e` and `\\xHH` escapes, times
    without seconds, inline tables over several lines. quizgame never writes them; a hand edit
    that uses them is read as TOML 1.1 says.
    """
    return _parse(text, shown=False, depth=None)


def parse_save(text: str) -> dict[str, Any]:
    """`parse_toml`, with every control character in the file's texts made visible
    (`safe_text.visible`): how save files are read, so none reaches a terminal."""
    return _parse(text, shown=True, depth=SAVE_DEPTH)


def _parse(text: str, *, shown: bool, depth: int | None) -> dict[str, Any]:
    try:
        table = rtoml.loads(text)
    except rtoml.TomlParsingError:
        table = _tomllib_loads(text)  # rtoml refuses nesting past ~80 levels: so does this
    return _cleaned(table, depth, shown)


def _tomllib_loads(text: str) -> dict[str, Any]:
    """`tomllib.loads`, with the errors it lets through unwrapped made `TOMLDecodeError`s."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except RecursionError:  # [[[[...]]]] a few hundred deep
        raise tomllib.TOMLDecodeError("lists or tables are nested too deeply") from None
    except ValueError:  # an integer thousands of digits long
        raise tomllib.TOMLDecodeError("a number is out of range") from None


def _cleaned(value: Any, depth: int | None, shown: bool) -> Any:
    """`value` (a table or list) made safe to use, in place: control characters in its texts
    made visible when `shown`, rtoml's tzinfo objects replaced by `datetime.timezone`s
    (equal offsets, but rtoml's cannot be pickled or deep-copied, so `model_copy(deep=True)` of
    a loaded record would fail), and nesting deeper than `depth` (when given) refused."""
    if depth == 0:
        raise tomllib.TOMLDecodeError("lists or tables are nested too deeply")
    items = value.items() if type(value) is dict else enumerate(value)
    for key, item in items:
        kind = type(item)
        if kind is str:
            if shown and not item.isprintable():  # cheap test first: almost every text is printable
                value[key] = visible(item)
        elif kind is datetime and item.tzinfo is not None:  # naive ones fail validation anyway
            value[key] = item.replace(tzinfo=timezone(item.utcoffset()))
        elif kind is dict or kind is list:
            _cleaned(item, None if depth is None else depth - 1, shown)
    return value
