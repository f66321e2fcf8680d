"""Options and messages shared by the classroom commands `quizgame scores` and `report`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from quizgame.errors import SaveError

FORMATS = ("table", "csv", "json")


def add_selection_option(parser: argparse.ArgumentParser) -> None:
    """`--first-attempt`: which game of each player counts."""
    parser.add_argument(
        "--first-attempt", action="store_true",
        help="use each player's first finished quiz-mode game instead of their best (fair for "
        "a test)",
    )


def add_format_option(parser: argparse.ArgumentParser, columns_doc: str) -> None:
    """`--format table|csv|json`; `columns_doc` is the page documenting the columns."""
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help=f"table (default), csv or json; the columns are in {columns_doc}")


def report_problems(problems: list[str]) -> None:
    """Unreadable save files: named on stderr, never fatal."""
    for problem in problems:
        print(f"quizgame: skipped: {problem}", file=sys.stderr)


def check_folders(folders: list[Path], sources: Sequence[object] = ()) -> None:
    """Refuse only when no folder exists at all (one missing among several is a problem line)
    and no other source (an LRS) is given."""
    if not sources and not any(folder.is_dir() for folder in folders):
        listed = ", ".join(str(folder) for folder in folders)
        raise SaveError(f"no saves folder found at {listed} (use --saves DIR)")
