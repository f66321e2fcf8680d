"""Which question types each format carries, both ways: read off the formats' own tables.

docs/interop.md shows `support_table()`; a test keeps the page equal to it.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from quizgame.format.question_types import QUESTION_TYPES
from quizgame.interop.common import ExportTable, ImportTable, NotCarried
from quizgame.interop.registry import EXPORT_FORMATS, IMPORT_FORMATS


def export_table(name: str) -> ExportTable[object]:
    """The `EXPORTS` table of the export format called `name`."""
    table: ExportTable[object] = importlib.import_module(EXPORT_FORMATS[name].module).EXPORTS
    return table


def import_table(name: str) -> ImportTable:
    """The `IMPORTS` table of the import format called `name`."""
    table: ImportTable = importlib.import_module(IMPORT_FORMATS[name].module).IMPORTS
    return table


def support_table() -> str:
    """A Markdown table: one row per question type, one column per export and import."""
    columns: list[tuple[str, Mapping[str, object]]]
    columns = [(f"to `{name}`", export_table(name)) for name in EXPORT_FORMATS]
    columns += [(f"from `{name}`", import_table(name)) for name in IMPORT_FORMATS]
    lines = [
        "| Type | " + " | ".join(title for title, _ in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for qtype in QUESTION_TYPES:
        cells = []
        for _, table in columns:
            entry = table.get(qtype)
            cells.append("no" if entry is None or isinstance(entry, NotCarried) else "yes")
        lines.append(f"| `{qtype}` | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
