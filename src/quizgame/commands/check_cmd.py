"""`quizgame check PATH...`: validate quiz files and folders, as a teacher would before class."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.format.checker import check_file, quiz_files


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate quiz files",
        description="Validate quiz files (folders: every *.toml in them). Prints one line per "
        "valid quiz and every problem of the others. Exit 0 valid, 1 invalid, 2 usage.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on a warning)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    files = quiz_files(args.paths)
    if not files:
        print("quizgame: no *.toml quiz files found in " + ", ".join(map(str, args.paths)),
              file=sys.stderr)
        return 2
    failed = False
    for path in files:
        result = check_file(path)
        for problem in result.problems:
            print(problem)
        if result.quiz is None:
            failed = True
            continue
        if result.warnings and args.strict:
            failed = True
        print(f"OK {path}: {result.summary()}")
    return 1 if failed else 0
