"""Find the line of every table, key and array element of a quiz's TOML text.

`tomllib` keeps no positions, so this module re-reads the (already parsed, hence valid) text with
a small tokenizer that knows TOML's strings, comments, arrays and inline tables, and records the
line where each part of the document starts: `("questions", 3, "answer") -> 42`.

It only answers when it is sure. The map is checked against the parsed document: every recorded
place must exist in it and every array of tables must have as many headers as elements. If the
tokenizer and the parser disagree in any way, the map stays empty and messages carry no line,
because a wrong line is worse than none.

The scan is linear in time and memory (a 50 MB prompt costs no more than 50 MB of short ones):
every pattern repeats single characters or is possessive, so the regex engine keeps no
backtracking state per character, and lines are counted as the scan moves forward. It runs only
when a line is first asked for: a valid quiz that nobody checks is never scanned.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from quizgame.toml_read import parse_toml

Loc = tuple[str | int, ...]

_BLANK = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")
_SPACES = re.compile(r"[ \t]*")
_BASIC = r'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"'
_LITERAL = r"'[^'\n]*'"
_KEY_PART = re.compile(
    rf"[ \t]*(?:(?P<bare>[A-Za-z0-9_-]+)|(?P<quoted>{_BASIC}|{_LITERAL}))[ \t]*(?P<dot>\.)?"
)
_ATOM = re.compile(  # a string or a bare value; longest delimiters first ('""' is not '"""')
    r'"""(?:[^\\"]++|\\.|"(?!""))*+"""(?:"{1,2}(?!"))?'
    r"|'{3}(?:[^']++|'(?!''))*+'{3}(?:'{1,2}(?!'))?"
    rf"|{_BASIC}|{_LITERAL}"
    r"|[^,\]}#\n]+",  # numbers, booleans, dates (which may hold a space)
    re.DOTALL,
)


# The usual statement, read in one match: a bare key, then a one-line basic string, a bare value
# without spaces (a number, a boolean) or a one-line array of basic strings, then the line's end.
# Anything else (dates with a space, multi-line strings, inline tables...) takes the long way.
_SIMPLE = re.compile(
    rf"(?P<key>[A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:{_BASIC}|[A-Za-z0-9_.+:-]+"
    rf"|(?P<array>\[[ \t]*(?:{_BASIC}[ \t]*,[ \t]*)*+(?:{_BASIC}[ \t]*)?+\]))[ \t]*(?=[#\r\n]|\Z)"
)
_BASIC_STRING = re.compile(_BASIC)


class _ScanError(Exception):
    """The text does not read the way this tokenizer expects."""


class SourceMap:
    """Line numbers (1-based) of the tables, keys and array elements of one TOML document."""

    def __init__(self, lines: dict[Loc, int] | None = None) -> None:
        self._lines = lines
        self._pending: tuple[str | bytes, dict[str, Any] | None] | None = None

    @classmethod
    def scan(cls, text: str | bytes, data: dict[str, Any] | None = None) -> SourceMap:
        """The map of `text`, which `tomllib` parsed into `data` (parsed here when not given:
        a quiz read from the cache, whose UTF-8 bytes it may be, decoded here too), scanned when
        first used; empty when the two disagree."""
        source_map = cls()
        source_map._pending = (text, data)
        return source_map

    @property
    def lines(self) -> dict[Loc, int]:
        if self._lines is None:
            text, data = self._pending or ("", {})
            if isinstance(text, bytes):
                text = text.decode("utf-8", "replace").removeprefix("\ufeff")
            if data is None:
                try:
                    data = parse_toml(text)
                except tomllib.TOMLDecodeError:
                    data = {}
            self._lines = _scanned(text, data)
            self._pending = None
        return self._lines

    def line_of(self, loc: Loc) -> int | None:
        """The line of `loc`, else of the nearest enclosing part this map knows (a key that is
        missing is reported at its table's header), or None."""
        lines = self.lines
        for end in range(len(loc), 0, -1):
            if (line := lines.get(loc[:end])) is not None:
                return line
        return None


def _scanned(text: str, data: dict[str, Any]) -> dict[Loc, int]:
    scanner = _Scanner(text)
    try:
        scanner.document()
    except (_ScanError, RecursionError):  # deep nesting tomllib accepted: no lines, no crash
        return {}
    if not _agrees(scanner.lines, scanner.table_arrays, data):
        return {}
    return scanner.lines


class _Scanner:
    """Walks TOML text statement by statement, recording where each part starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self._counted = 0  # newlines are counted up to here...
        self._line = 1  # ...and this is the line there
        self.lines: dict[Loc, int] = {}
        self.table_arrays: dict[Loc, int] = {}  # `[[name]]` location -> headers seen

    def document(self) -> None:
        table: Loc = ()
        lines = self.lines
        while True:
            self.skip(_BLANK)
            if self.pos >= len(self.text):
                return
            line = self.line()
            if self.text.startswith("[[", self.pos):
                self.pos += 2
                array = self.resolve(self.key())
                self.expect("]]")
                index = self.table_arrays.get(array, 0)
                self.table_arrays[array] = index + 1
                table = (*array, index)
                self.record(table, line)
            elif self.text.startswith("[", self.pos):
                self.pos += 1
                table = self.resolve(self.key())
                self.expect("]")
                self.record(table, line)
            elif simple := _SIMPLE.match(self.text, self.pos):
                place: Loc = (*table, simple["key"])
                lines.setdefault(place, line)
                if (elements := simple["array"]) is not None:
                    for index in range(len(_BASIC_STRING.findall(elements))):
                        lines.setdefault((*place, index), line)
                self.pos = simple.end()
            else:
                self.key_value(table)
            self.skip(_SPACES)
            if self.pos < len(self.text) and self.text[self.pos] not in "#\r\n":
                raise _ScanError(self.pos)

    def key_value(self, table: Loc) -> None:
        line = self.line()
        keys = self.key()
        for end in range(1, len(keys) + 1):
            self.record((*table, *keys[:end]), line)
        self.expect("=")
        self.value((*table, *keys))

    def value(self, loc: Loc) -> None:
        self.skip(_SPACES)
        char = self.text[self.pos : self.pos + 1]
        if char == "[":
            self.pos += 1
            self.elements(loc, closer="]")
        elif char == "{":
            self.pos += 1
            self.skip(_SPACES)
            while not self.text.startswith("}", self.pos):
                self.key_value(loc)
                self.skip(_SPACES)
                if self.text.startswith(",", self.pos):
                    self.pos += 1
                    self.skip(_SPACES)
            self.pos += 1
        elif not self.skip(_ATOM):
            raise _ScanError(self.pos)

    def elements(self, loc: Loc, closer: str) -> None:
        index = 0
        while True:
            self.skip(_BLANK)
            if self.text.startswith(closer, self.pos):
                self.pos += 1
                return
            self.record((*loc, index), self.line())
            self.value((*loc, index))
            index += 1
            self.skip(_BLANK)
            if self.text.startswith(",", self.pos):
                self.pos += 1
            elif not self.text.startswith(closer, self.pos):
                raise _ScanError(self.pos)

    def key(self) -> tuple[str, ...]:
        """A dotted key; quoted parts are decoded by tomllib itself, so escapes come out right."""
        parts: list[str] = []
        while True:
            match = _KEY_PART.match(self.text, self.pos)
            if match is None:
                raise _ScanError(self.pos)
            self.pos = match.end()
            parts.append(match["bare"] or tomllib.loads(f"k = {match['quoted']}")["k"])
            if not match["dot"]:
                return tuple(parts)

    def resolve(self, names: tuple[str, ...]) -> Loc:
        """Header names to a location: `[questions.x]` is inside the latest `[[questions]]`."""
        loc: Loc = ()
        for name in names[:-1]:
            loc = (*loc, name)
            if loc in self.table_arrays:
                loc = (*loc, self.table_arrays[loc] - 1)
        return (*loc, names[-1])

    def skip(self, pattern: re.Pattern[str]) -> bool:
        """Advance over `pattern` at the current position; True when it matched something."""
        match = pattern.match(self.text, self.pos)
        if match is None or match.end() == self.pos:
            return False
        self.pos = match.end()
        return True

    def expect(self, token: str) -> None:
        self.skip(_SPACES)
        if not self.text.startswith(token, self.pos):
            raise _ScanError(self.pos)
        self.pos += len(token)

    def line(self) -> int:
        """The line of the current position (which only moves forward)."""
        self._line += self.text.count("\n", self._counted, self.pos)
        self._counted = self.pos
        return self._line

    def record(self, loc: Loc, line: int) -> None:
        self.lines.setdefault(loc, line)


def _agrees(lines: dict[Loc, int], table_arrays: dict[Loc, int], data: dict[str, Any]) -> bool:
    """Every recorded place exists in the parsed data, and no `[[header]]` was missed."""
    missing = object()

    known: dict[Loc, Any] = {(): data}  # places already looked up: most parents were

    def lookup(loc: Loc) -> Any:
        if loc in known:
            return known[loc]
        start = len(loc) - 1 if loc[:-1] in known else 0
        node: Any = known[loc[:start]]
        for part in loc[start:]:
            if isinstance(part, int) and isinstance(node, list) and part < len(node):
                node = node[part]
            elif isinstance(part, str) and isinstance(node, dict) and part in node:
                node = node[part]
            else:
                return missing
        known[loc] = node
        return node

    if any(lookup(loc) is missing for loc in lines):
        return False
    return all(
        isinstance(found := lookup(loc), list) and len(found) == count
        for loc, count in table_arrays.items()
    )
