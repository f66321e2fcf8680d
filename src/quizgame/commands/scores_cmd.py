"""`quizgame scores`: leaderboards merged from any number of saves folders (docs/classroom.md)."""

from __future__ import annotations

import argparse
import sys

from quizgame.commands.classroom_options import (
    add_format_option,
    add_selection_option,
    check_folders,
    report_problems,
)
from quizgame.commands.paths import add_saves_option
from quizgame.commands.xapi_options import add_lrs_options, game_sources


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "scores",
        help="leaderboards of every quiz, from one or more saves folders",
        description="Rank the players of each quiz by their best finished quiz-mode game "
        "(score, then accuracy, then time). Give --saves once per folder to merge several "
        "machines' saves: the same player in two folders is one player. Save files that "
        "cannot be read are named on stderr and skipped.",
    )
    add_saves_option(parser, many=True)
    add_lrs_options(parser, source=True)
    parser.add_argument("--quiz", metavar="ID", help="only this quiz's leaderboard")
    add_selection_option(parser)
    add_format_option(parser, "docs/classroom.md")
    parser.add_argument(
        "--gradebook", choices=("moodle", "canvas"), metavar="LMS",
        help="write a gradebook CSV for Moodle's or Canvas's grade import instead: one row per "
        "player, one column per quiz, the grade is the accuracy in percent (docs/classroom.md)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.cache_folder import cache_root
    from quizgame.classroom import text
    from quizgame.classroom.leaderboard import leaderboards
    from quizgame.classroom.merge import collect_games
    from quizgame.errors import QuizgameError

    if args.gradebook and args.format != "table":
        raise QuizgameError("--gradebook writes its own CSV: give it without --format")
    folders, sources = game_sources(args)
    check_folders(folders, sources)
    collected = collect_games(folders, args.quiz, sources, cache=cache_root())
    report_problems(collected.problems)
    boards = leaderboards(collected.games, quiz_id=args.quiz, first_attempt=args.first_attempt)
    if args.gradebook:
        from quizgame.classroom.gradebook import gradebook_csv

        sys.stdout.write(gradebook_csv(boards, args.gradebook))
    elif args.format in ("csv", "json"):
        from quizgame.classroom import output  # (and csv) for these formats only

        rows = output.score_rows(boards)
        sys.stdout.write(output.to_csv(rows, output.SCORE_COLUMNS) if args.format == "csv"
                         else output.to_json(rows))
    elif boards:
        sys.stdout.write(text.scores_text(boards))
    else:
        what = f"of {args.quiz} " if args.quiz else ""
        where = [*map(str, folders), *(args.lrs for _ in sources)]
        print(f"No finished quiz-mode games {what}in {', '.join(where)} yet.")
    return 0
