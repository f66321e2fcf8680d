"""`quizgame check PATH...`: validate quiz files and folders, as a teacher would before class."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.wording import count


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate quiz files",
        description="Validate quiz files (folders: every *.toml in them). Prints one line per "
        "valid quiz and every problem of the others, as PATH:LINE: WHERE: MESSAGE. Two files "
        "with the same quiz id are both errors. "
        "Exit status: 0 all valid, 1 a quiz is invalid, 2 a path is missing or holds no quiz.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 1 on a warning)"
    )
    parser.add_argument(
        "--support",
        action="store_true",
        help="also warn when a question's answer is not in its own source quote "
        "(an inference or a rewording a teacher should check)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.format.checker import QuestionCheck, check_files
    from quizgame.format.loader import quiz_files

    checks: list[tuple[str, QuestionCheck]] = []
    if args.support:
        from quizgame.engine.support import support_warnings

        checks.append(
            ("source", lambda question, quiz: support_warnings(question, quiz.quiz.language))
        )

    usage_error = False
    for path in args.paths:
        if not path.exists():
            print(f"quizgame: {path}: no such file or folder", file=sys.stderr)
            usage_error = True
        elif path.is_dir() and not quiz_files([path]):
            print(f"quizgame: {path}: no *.toml quiz files in this folder", file=sys.stderr)
            usage_error = True
    files = quiz_files(p for p in args.paths if p.exists())
    valid = 0
    for result in check_files(files, checks):
        path = result.path
        for problem in result.problems:
            print(problem)
        warnings = len(result.warnings)
        if not result.valid:
            continue
        if warnings and args.strict:
            print(f"FAIL {path}: {count(warnings, 'warning')}, and --strict makes them errors")
            continue
        note = f" ({count(warnings, 'warning')})" if warnings else ""
        print(f"OK {path}: {result.summary()}{note}")
        valid += 1
    if len(files) > 1:
        print(f"{count(len(files), 'file')} checked: {valid} valid, {len(files) - valid} invalid")
    if usage_error or not files:
        return 2
    return 0 if valid == len(files) else 1
