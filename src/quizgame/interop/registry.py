"""The formats quizgame exports to and imports from, by the name used on the command line.

Only names and module paths live here, so building the CLI parser imports no format code (and
not openpyxl); a format's module is imported when it is used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizgame.format.models import Quiz
    from quizgame.interop.common import ExportOptions, ExportResult
    from quizgame.interop.importing import ImportResult

Exporter = Callable[["Quiz", "ExportOptions"], "ExportResult"]
Importer = Callable[[str, Path], "ImportResult"]


@dataclass(frozen=True)
class ExportFormat:
    """An export target: `module.export_quiz(quiz, options)` produces it."""

    name: str
    module: str
    summary: str
    binary: bool = False
    suffix: str = ""  # of the file a binary format writes, for the example in messages

    def exporter(self) -> Exporter:
        return importlib.import_module(self.module).export_quiz


@dataclass(frozen=True)
class ImportFormat:
    """An import source: `module.read_questions(text, path)` parses it."""

    name: str
    module: str
    suffixes: tuple[str, ...]

    def importer(self) -> Importer:
        return importlib.import_module(self.module).read_questions


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("gift", "quizgame.interop.gift", "Moodle GIFT text"),
        ExportFormat("moodle-xml", "quizgame.interop.moodle_xml", "Moodle XML question bank"),
        ExportFormat("qti", "quizgame.interop.qti",
                     "QTI 2.1 content package (.zip) for Canvas, Blackboard, Brightspace",
                     binary=True, suffix=".zip"),
        ExportFormat("kahoot", "quizgame.interop.kahoot", "Kahoot quiz spreadsheet (.xlsx)",
                     binary=True, suffix=".xlsx"),
        ExportFormat("apkg", "quizgame.interop.anki_package", "Anki package (.apkg)",
                     binary=True, suffix=".apkg"),
        ExportFormat("anki", "quizgame.interop.anki", "Anki text import (tab-separated)"),
        ExportFormat("csv", "quizgame.interop.csv_format", "spreadsheet, one row per question"),
        ExportFormat("markdown", "quizgame.interop.markdown", "printable handout or answer key"),
        ExportFormat("json", "quizgame.interop.json_format", "the validated quiz as JSON"),
    )
}

IMPORT_FORMATS: dict[str, ImportFormat] = {
    f.name: f
    for f in (
        ImportFormat("csv", "quizgame.interop.csv_format", (".csv",)),
        ImportFormat("gift", "quizgame.interop.gift_import", (".gift",)),
        ImportFormat("moodle-xml", "quizgame.interop.moodle_xml_import", (".xml",)),
    )
}


def import_format_for(path: Path) -> ImportFormat | None:
    """The import format a file's suffix names, if any (`.txt` is ambiguous: no guess)."""
    suffix = path.suffix.lower()
    return next((f for f in IMPORT_FORMATS.values() if suffix in f.suffixes), None)
