"""The `quizgame` command: parses arguments, calls the library, prints, exits.

Each subcommand lives in `quizgame.commands.<name>_cmd` with `add_parser(subparsers)` and
`run(args) -> int`. Only the command being run is imported and given its options (the full
parser is built for `--help`, `--version` and mistakes), so starting the game stays fast.
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
    "claims",
    "player",
    "tune",
    "serve",
    "host",
    "join",
    "export",
    "import",
    "push",
)


def build_parser(commands: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    """The parser of these subcommands (default: all); each module adds its own options."""
    parser = argparse.ArgumentParser(
        prog="quizgame",
        description="Quiz games in the terminal. Without a command, opens the game.",
    )
    parser.add_argument("--version", action="version", version=f"quizgame {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(f"quizgame.commands.{name}_cmd").add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `quizgame` console script and `python -m quizgame`."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version"):
        args_list.insert(0, "play")
    # One command named first: that command's parser is enough (the others cost tens of ms).
    parser = build_parser([args_list[0]] if args_list and args_list[0] in COMMANDS else COMMANDS)
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
