"""`quizgame history --player NAME`: a player's games, as a table or as JSON with every answer."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from quizgame.engine.records import SessionRecord
    from quizgame.store import PlayerSaves, SessionSummary

from quizgame.commands.paths import add_saves_option, saves_dirs

Game = TypeVar("Game", "SessionRecord", "SessionSummary")
_COLUMNS = ("Started (UTC)", "Quiz", "Mode", "Ended (UTC)", "Score", "Correct", "Marked",
            "Accommodations")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "history",
        help="list a player's games",
        description="List a player's games: quiz, mode, start, end (or 'unfinished'), score and "
        "correct answers out of answered questions, and Marked: answers with a claim (\"I was "
        "right\" in quiz mode) or an override, and Accommodations: the player's that applied "
        "to the game (more time, no speed points; docs/accommodations.md). JSON also holds "
        "every answer. Give --saves "
        "once per folder to merge several machines' saves (a game found in two folders is "
        "listed once, its most complete copy). Save files that cannot be read are named on "
        "stderr and skipped. Exit 0 ok, 1 some save files could not be read, 2 usage errors or "
        "unknown player.",
    )
    parser.add_argument("--player", required=True, metavar="NAME", help="the player's name")
    add_saves_option(parser, many=True)
    parser.add_argument(
        "--format", choices=("table", "json"), default="table",
        help="output format (default: table)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame import wording

    everywhere = _player_everywhere(saves_dirs(args), args.player)
    saves = min(everywhere, key=lambda found: found.info.created_at)  # the name as first typed
    problems: list[str] = []
    if args.format == "json":
        sessions = _merged([found.sessions(problems=problems) for found in everywhere],
                           answered=lambda record: len(record.answers))
        document = {
            "player": saves.name,
            "key": saves.key,
            "sessions": [record.model_dump(mode="json") for record in sessions],
            "problems": problems,
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        summaries = _merged([found.summaries(problems=problems) for found in everywhere],
                            answered=lambda summary: summary.answered)
        if summaries:
            rows = [
                (
                    _when(summary.started_at),
                    summary.quiz_id,
                    summary.mode,
                    _when(summary.finished_at) if summary.finished_at else "unfinished",
                    wording.number(summary.score),
                    f"{summary.correct}/{summary.answered}",
                    str(summary.marked) if summary.marked else "",
                    " ".join(summary.accommodations or ()),
                )
                for summary in summaries
            ]
            print(f"{saves.name}: {wording.count(len(rows), 'game')}")
            print(_table(rows if any(row[-1] for row in rows) else [row[:-1] for row in rows]))
        else:
            print(f"{saves.name} has no games yet.")
    for problem in problems:
        print(f"quizgame: warning: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _player_everywhere(folders: list[Path], name: str) -> list[PlayerSaves]:
    """The player's saves in each folder that has them (`PlayerNotFoundError` if none has)."""
    from quizgame.errors import PlayerNotFoundError
    from quizgame.store import SavesFolder

    found = []
    for folder in folders:
        try:
            found.append(SavesFolder(folder).player(name, create=False))
        except PlayerNotFoundError:
            continue
    if not found:
        where = ", ".join(str(folder) for folder in folders)
        raise PlayerNotFoundError(f"no saves for player {name!r} in {where}")
    return found


def _merged(per_folder: list[list[Game]], answered: Callable[[Game], int]) -> list[Game]:
    """One copy per session id (finished before unfinished, then the most answers), oldest
    first: the same rule as the classroom's (docs/classroom.md)."""
    kept: dict[str, Game] = {}
    for games in per_folder:
        for game in games:
            other = kept.get(game.id)
            if other is None or (game.finished, answered(game)) > (other.finished, answered(other)):
                kept[game.id] = game
    return sorted(kept.values(), key=lambda game: (game.started_at, game.id))


def _when(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M}"


def _table(rows: Sequence[tuple[str, ...]]) -> str:
    """Left-aligned text columns, right-aligned numbers (Score, Correct, Marked)."""
    # The last column, Accommodations, only when a game had some (`rows` are cut to fit).
    columns = _COLUMNS[: len(rows[0])]
    widths = [max(len(cell) for cell in column) for column in zip(columns, *rows)]
    numeric = {4, 5, 6}

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            cell.rjust(width) if index in numeric else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths))
        ).rstrip()

    return "\n".join([line(columns), *(line(row) for row in rows)])
