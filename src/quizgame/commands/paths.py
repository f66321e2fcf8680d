"""Where quizzes and saves live, as chosen on the command line or by the environment.

Saves: `--saves` > `$QUIZGAME_SAVES` > `./saves` when that folder exists (a project checkout, a
classroom share) > the per-user data folder (platformdirs: `~/.local/share/quizgame/saves` on
Linux), so progress never depends on the folder the game was started in.

Quizzes: the bundled quizzes are always there; `./quizzes` (when it exists) and each `--quizzes`
folder add to them, and a quiz id found in an added folder wins over the same id further down
(`--quizzes` first, then `./quizzes`, then the bundled ones).

Every folder is made absolute here, so every message that names one names it in full.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import quizgame

SAVES_ENV = "QUIZGAME_SAVES"
SAVES_ORDER = f"--saves, then ${SAVES_ENV}, then ./saves if it exists, then your user data folder"


def bundled_quizzes_dir() -> Path:
    """The quizzes shipped with quizgame: package data when installed, the repo's folder in dev."""
    package_dir = Path(quizgame.__file__).parent
    installed = package_dir / "bundled_quizzes"
    if installed.is_dir():
        return installed
    return package_dir.parents[1] / "quizzes"


def default_quizzes_dirs(extra: list[Path] | None = None) -> list[Path]:
    """`extra` folders, then `./quizzes` when present, then the bundled quizzes; absolute, each
    folder once, in the order in which a quiz id is looked up."""
    candidates = [folder for folder in extra or [] if folder.is_dir()]
    if Path("quizzes").is_dir():
        candidates.append(Path("quizzes"))
    candidates.append(bundled_quizzes_dir())
    found: list[Path] = []
    for folder in candidates:
        absolute = folder.absolute()
        if absolute.resolve() not in {other.resolve() for other in found}:
            found.append(absolute)
    return found


def user_saves_dir() -> Path:
    """The per-user saves folder (platformdirs' user data folder for quizgame)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("quizgame", appauthor=False)) / "saves"


def default_saves_dir() -> Path:
    """`$QUIZGAME_SAVES`, else `./saves` when it exists, else the per-user folder; absolute."""
    from_env = os.environ.get(SAVES_ENV)
    if from_env:
        return Path(from_env).absolute()
    here = Path("saves")
    return here.absolute() if here.is_dir() else user_saves_dir()


def add_quizzes_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quizzes",
        type=Path,
        action="append",
        default=None,
        metavar="DIR",
        help="a folder of quiz files, added to ./quizzes and the bundled quizzes (its quizzes "
        "win over the same id there); may be given more than once",
    )


def add_saves_option(parser: argparse.ArgumentParser, *, many: bool = False) -> None:
    if many:
        parser.add_argument(
            "--saves",
            type=Path,
            action="append",
            default=None,
            metavar="DIR",
            help=f"a saves folder; give once per folder to merge several (default: {SAVES_ORDER})",
        )
    else:
        parser.add_argument(
            "--saves",
            type=Path,
            default=None,
            metavar="DIR",
            help=f"folder of player saves (default: {SAVES_ORDER})",
        )


def add_roster_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--roster",
        type=Path,
        default=None,
        metavar="FILE",
        help="a class roster (plain text, one name a line): players pick their name from it "
        "and other names are refused",
    )


def quizzes_dirs(args: argparse.Namespace) -> list[Path]:
    """The folders a quiz id is looked up in, first wins (see the module docstring). A
    `--quizzes` folder that does not exist holds no quizzes: a quiz id not found names it."""
    return default_quizzes_dirs(list(args.quizzes or []))


def saves_dir(args: argparse.Namespace) -> Path:
    return args.saves.absolute() if args.saves is not None else default_saves_dir()


def saves_dirs(args: argparse.Namespace) -> list[Path]:
    return [folder.absolute() for folder in args.saves] if args.saves else [default_saves_dir()]
