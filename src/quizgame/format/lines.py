"""Find the line of a key or table in a quiz's TOML text, so messages can point at it.

`tomllib` keeps no positions, so this scans the text for table headers and `key =` lines. It only
answers when it is sure: if the `[[questions]]` headers it sees do not match the number of
questions the parser found (inline tables, odd layouts), it gives no line rather than a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-]+)\s*\]\]\s*(?:#.*)?$")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]\s*(?:#.*)?$")
_KEY_LINE = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*(?:\.|=)""")

Loc = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Line numbers (1-based) of the tables and keys of one TOML document."""

    lines: dict[Loc, int] = field(default_factory=dict)
    array_counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> SourceMap:
        """Scan TOML text; lines inside multi-line strings are skipped."""
        found = cls()
        table: Loc = ()
        open_quote: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if open_quote is not None:
                if line.count(open_quote) % 2 == 1:
                    open_quote = None
                continue
            if match := _ARRAY_HEADER.match(line):
                name = match.group(1)
                index = found.array_counts.get(name, 0)
                found.array_counts[name] = index + 1
                table = (*name.split("."), index)
                found.lines.setdefault(table, number)
            elif match := _TABLE_HEADER.match(line):
                table = tuple(match.group(1).split("."))
                found.lines.setdefault(table, number)
            elif match := _KEY_LINE.match(line):
                key = match.group(1).strip("\"'")
                found.lines.setdefault((*table, key), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    open_quote = quote
                    break
        return found

    def line_of(self, loc: Loc, *, question_count: int | None) -> int | None:
        """The line of the deepest part of `loc` this map knows, or None when unsure."""
        if loc and loc[0] == "questions" and self.array_counts.get("questions", 0) != question_count:
            return None
        for end in range(len(loc), 0, -1):
            if (line := self.lines.get(loc[:end])) is not None:
                return line
        return None
