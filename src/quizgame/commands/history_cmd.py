"""`quizgame history --player NAME`: a player's games, as a table or as JSON with every answer."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime

from quizgame.commands.paths import add_saves_option, saves_dir

_COLUMNS = ("Started (UTC)", "Quiz", "Mode", "Ended (UTC)", "Score", "Correct", "Marked")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "history",
        help="list a player's games",
        description="List a player's games: quiz, mode, start, end (or 'unfinished'), score and "
        "correct answers out of answered questions, and Marked: answers with a claim (\"I was "
        "right\" in quiz mode) or an override. JSON also holds every answer. Save files "
        "that cannot be read are named on stderr and skipped. Exit 0 ok, 1 some save files "
        "could not be read, 2 usage errors or unknown player.",
    )
    parser.add_argument("--player", required=True, metavar="NAME", help="the player's name")
    add_saves_option(parser)
    parser.add_argument(
        "--format", choices=("table", "json"), default="table",
        help="output format (default: table)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame import wording
    from quizgame.store import SavesFolder

    saves = SavesFolder(saves_dir(args)).player(args.player, create=False)
    problems: list[str] = []
    if args.format == "json":
        sessions = saves.sessions(problems=problems)
        document = {
            "player": saves.name,
            "key": saves.key,
            "sessions": [record.model_dump(mode="json") for record in sessions],
            "problems": problems,
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        summaries = saves.summaries(problems=problems)
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
                )
                for summary in summaries
            ]
            print(f"{saves.name}: {len(rows)} game{'s' if len(rows) != 1 else ''}")
            print(_table(rows))
        else:
            print(f"{saves.name} has no games yet.")
    for problem in problems:
        print(f"quizgame: warning: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _when(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M}"


def _table(rows: list[tuple[str, ...]]) -> str:
    """Left-aligned text columns, right-aligned numbers (Score, Correct)."""
    widths = [max(len(cell) for cell in column) for column in zip(_COLUMNS, *rows)]
    numeric = {4, 5, 6}

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            cell.rjust(width) if index in numeric else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths))
        ).rstrip()

    return "\n".join([line(_COLUMNS), *(line(row) for row in rows)])
