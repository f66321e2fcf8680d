"""Save-file format versions and the migrations between them.

Every save file starts with `format = N`. Reading applies the registered migrations N -> N+1 ->
... -> `FORMAT_VERSION` to the parsed TOML table before validation; writing always writes
`FORMAT_VERSION`. A file with a newer version than this program knows is refused (never
rewritten), so an older quizgame cannot clobber what a newer one saved.

To change the format: bump `FORMAT_VERSION`, register a function under the old version for each
document kind it affects (kinds: "player", "session", "cards"), keep old fixture files
in `tests/data/store/` and test that they still load. Format 1 is the first released format.
Format 2 changed how session and card files are laid out (appended save by save: session_log.py,
card_log.py), not the tables they hold, so it needs no migration: their readers tell the layouts
apart, and a format-1 file is read as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

FORMAT_VERSION = 2
FIRST_VERSION = 1

Table = dict[str, Any]
Migration = Callable[[Table], Table]
Registry = Mapping[str, Mapping[int, Migration]]

# kind -> {version N: function turning a version-N table into a version-(N+1) table}.
# A kind a version change does not touch needs no entry: its tables pass through unchanged.
MIGRATIONS: Registry = {}


class FormatError(ValueError):
    """The `format` key is missing, not a version, or newer than this program."""


def migrate(
    kind: str,
    table: Table,
    *,
    current: int = FORMAT_VERSION,
    registry: Registry = MIGRATIONS,
) -> Table:
    """The parsed file without its `format` key, brought up to `current` (`table` is unchanged)."""
    table = dict(table)
    version = table.pop("format", None)
    if version is None:
        raise FormatError("has no `format` key: it does not look like a quizgame save file")
    if type(version) is not int or version < FIRST_VERSION:
        raise FormatError(f"has `format = {version!r}`, which is not a save format version")
    if version > current:
        raise FormatError(
            f"was written by a newer quizgame (format {version}; this version reads up to "
            f"format {current}); update quizgame to use it"
        )
    steps = registry.get(kind, {})
    for step in range(version, current):
        if step in steps:
            table = steps[step](table)
    return table


def unchanged_since(kind: str, version: object, *, registry: Registry = MIGRATIONS) -> bool:
    """Whether a `kind` table of this `format` version needs no migration to be read now."""
    if type(version) is not int or not FIRST_VERSION <= version <= FORMAT_VERSION:
        return False
    steps = registry.get(kind, {})
    return not any(step in steps for step in range(version, FORMAT_VERSION))
