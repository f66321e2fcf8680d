"""Save files read without the TOML parser when they are laid out as quizgame writes them.

`tomllib` is pure Python and spends about 10 µs on each key, so reading a class's saves would be
mostly that. `parse_subset` reads the one shape of TOML that tomli_w writes for save files: one
`key = value` per line (blank lines allowed) and `[[name]]` headers of arrays of tables, keys
bare, values strings without escapes, integers, floats, booleans, offset date-times and arrays of
such strings (on one line, or one item per line as tomli_w breaks long ones). It returns None at
the first line of any other shape (a comment, an escape, a table, an array laid out otherwise, a
repeated key...) and the caller gives the text to `tomllib`, which reads the rest of TOML and
words every error. So `parse_subset` never decides what a file means: when it returns a table,
`tomllib.loads` returns an equal one (tests/test_store_toml_subset.py checks this with
hypothesis); it is only five to ten times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

# Each alternative is a TOML grammar rule narrowed, never widened: no escapes or tabs in strings,
# no `+`, `_` or leading zeros in numbers, no local (offset-less) date-times, no dotted keys.
_STRING = r'"[^"\\\x00-\x1f\x7f]*"'
_LINE = re.compile(
    r"\[\[(?P<array>[A-Za-z0-9_-]+)\]\]"
    r"|(?P<key>[A-Za-z0-9_-]+) = (?:"
    rf"(?P<string>{_STRING})"
    r"|(?P<integer>-?(?:0|[1-9][0-9]*))"
    r"|(?P<float>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)|-?inf|nan)"
    r"|(?P<boolean>true|false)"
    r"|(?P<datetime>[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,6})?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))"
    rf"|(?P<strings>\[(?:{_STRING}(?:, {_STRING})*)?\])"
    r"|(?P<opening>\[)"  # the first line of an array of strings written one item per line
    r")"
)
_ITEM = re.compile(r'"([^"]*)"')
_ITEM_LINE = re.compile(rf"    ({_STRING}),")
_CONVERT = {
    "string": lambda text: text[1:-1],
    "integer": int,
    "float": float,
    "boolean": lambda text: text == "true",
    "datetime": datetime.fromisoformat,
    "strings": _ITEM.findall,
}


def parse_subset(text: str) -> dict[str, Any] | None:
    """The table of `text` if every line is of the shapes above, else None."""
    table: dict[str, Any] = {}
    arrays: set[str] = set()  # keys of `table` made by `[[name]]` headers
    current = table  # where `key = value` lines go: the top, then the last array element
    lines = iter(text.split("\n"))
    for line in lines:
        if not line:
            continue
        found = _LINE.fullmatch(line)
        if found is None:
            return None
        kind = found.lastgroup
        if kind == "array":
            name = found["array"]
            if name in table and name not in arrays:
                return None
            arrays.add(name)
            current = {}
            table.setdefault(name, []).append(current)
            continue
        key = found["key"]
        if key in current:
            return None
        if kind == "opening":
            value = _item_lines(lines)
        else:
            try:
                value = _CONVERT[kind](found[kind])
            except ValueError:  # a day the month does not have: tomllib says so
                value = None
        if value is None:
            return None
        current[key] = value
    return table


def _item_lines(lines: Iterator[str]) -> list[str] | None:
    """The strings of an array written one per line, as tomli_w does, up to its `]` line."""
    items = []
    for line in lines:
        if line == "]":
            return items
        item = _ITEM_LINE.fullmatch(line)
        if item is None:
            return None
        items.append(item[1][1:-1])
    return None  # never closed
