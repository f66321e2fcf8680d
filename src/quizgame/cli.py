"""The `quizgame` command: parses arguments, calls the library, prints, exits.

Each subcommand lives in `quizgame.commands.<name>` with `add_parser(subparsers)` and
`run(args) -> int`; they are imported only when needed, so starting the game stays fast.
Exit status: 0 success, 1 the input is invalid (or a check failed), 2 usage or file errors.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from quizgame import __version__
from quizgame.errors import QuizgameError

COMMANDS = (
    "play",
    "check",
    "schema",
    "history",
    "due",
    "scores",
    "report",
    "serve",
    "export",
    "import",
)


def build_parser() -> argparse.ArgumentParser:
    """The full parser; every subcommand module adds its own options."""
    parser = argparse.ArgumentParser(
        prog="quizgame",
        description="Quiz games in the terminal. Without a command, opens the game.",
    )
    parser.add_argument("--version", action="version", version=f"quizgame {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"quizgame.commands.{name}_cmd").add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `quizgame` console script and `python -m quizgame`."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version"):
        args_list.insert(0, "play")
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except QuizgameError as error:
        print(f"quizgame: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
