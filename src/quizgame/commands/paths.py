"""Where quizzes and saves live, as chosen on the command line or by the environment."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import quizgame

SAVES_ENV = "QUIZGAME_SAVES"


def bundled_quizzes_dir() -> Path:
    """The quizzes shipped with quizgame: package data when installed, the repo's folder in dev."""
    package_dir = Path(quizgame.__file__).parent
    installed = package_dir / "bundled_quizzes"
    if installed.is_dir():
        return installed
    return package_dir.parents[1] / "quizzes"


def default_quizzes_dir() -> Path:
    """`./quizzes` when present, else the bundled quizzes."""
    here = Path("quizzes")
    return here if here.is_dir() else bundled_quizzes_dir()


def default_saves_dir() -> Path:
    """`$QUIZGAME_SAVES` when set, else `./saves`."""
    return Path(os.environ.get(SAVES_ENV) or "saves")


def add_quizzes_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quizzes",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of quiz files (default: ./quizzes if present, else the bundled quizzes)",
    )


def add_saves_option(parser: argparse.ArgumentParser, *, many: bool = False) -> None:
    if many:
        parser.add_argument(
            "--saves",
            type=Path,
            action="append",
            default=None,
            metavar="DIR",
            help="a saves folder; give once per folder to merge several "
            f"(default: ${SAVES_ENV} or ./saves)",
        )
    else:
        parser.add_argument(
            "--saves",
            type=Path,
            default=None,
            metavar="DIR",
            help=f"folder of player saves (default: ${SAVES_ENV} or ./saves)",
        )


def quizzes_dir(args: argparse.Namespace) -> Path:
    return args.quizzes if args.quizzes is not None else default_quizzes_dir()


def saves_dir(args: argparse.Namespace) -> Path:
    return args.saves if args.saves is not None else default_saves_dir()


def saves_dirs(args: argparse.Namespace) -> list[Path]:
    return list(args.saves) if args.saves else [default_saves_dir()]
