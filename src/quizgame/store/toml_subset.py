"""The plain `key = value` lines at the top of every save file, read without the TOML parser.

`tomllib` is pure Python and spends about 10 µs on each key, so reading thousands of game
summaries (a dozen keys each) would be mostly that. `parse_subset` reads the one shape of TOML
that tomli_w writes for a save file's top-level fields: one `key = value` per line (blank lines
allowed), the key bare, the value a string without escapes, an integer, a boolean or an offset
date-time. It returns None at the first line of any other shape (a table header, a comment, an
escape, a float, a repeated key...), and the caller gives the text to `tomllib`, which reads the
rest of TOML and words every error. So `parse_subset` never decides what a file means: when it
returns a table, `tomllib.loads` returns an equal one (tests/test_store_toml_subset.py checks
this with hypothesis); it is only faster, about tenfold.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

# Each alternative is the corresponding TOML grammar rule, narrowed (never widened): no escapes or
# tabs in strings, no `+`, `_` or leading zeros in integers, no local (offset-less) date-times.
_LINE = re.compile(
    r"(?P<key>[A-Za-z0-9_-]+) = (?:"
    r'"(?P<string>[^"\\\x00-\x1f\x7f]*)"'
    r"|(?P<integer>-?(?:0|[1-9][0-9]*))"
    r"|(?P<boolean>true|false)"
    r"|(?P<datetime>[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,6})?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))"
    r")"
)


def parse_subset(text: str) -> dict[str, Any] | None:
    """The table of `text` if it is made only of plain `key = value` lines, else None."""
    table: dict[str, Any] = {}
    for line in text.split("\n"):
        if not line:
            continue
        found = _LINE.fullmatch(line)
        if found is None or found["key"] in table:
            return None
        kind = found.lastgroup
        value = found[kind]
        if kind == "string":
            table[found["key"]] = value
        elif kind == "integer":
            table[found["key"]] = int(value)
        elif kind == "boolean":
            table[found["key"]] = value == "true"
        else:
            try:
                table[found["key"]] = datetime.fromisoformat(value)
            except ValueError:  # a day the month does not have: tomllib says so
                return None
    return table
