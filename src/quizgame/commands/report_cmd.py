"""`quizgame report QUIZ`: item analysis of a quiz for teachers (docs/teacher-report.md)."""

from __future__ import annotations

import argparse
import sys

from quizgame.commands.classroom_options import (
    add_format_option,
    add_selection_option,
    check_folders,
    report_problems,
)
from quizgame.commands.paths import add_quizzes_option, add_saves_option, quizzes_dirs
from quizgame.commands.xapi_options import add_lrs_options, game_sources


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="how each question of a quiz performed (for teachers)",
        description="Item analysis of a quiz over each player's best (or first) finished "
        "quiz-mode game: facility, discrimination, wrong choices picked, time, hints, "
        "overrides, flags, and Cronbach's alpha. Every figure is defined in "
        "docs/teacher-report.md.",
    )
    parser.add_argument("quiz", metavar="QUIZ", help="a quiz id (looked up in --quizzes) or a "
                        ".toml quiz file")
    add_saves_option(parser, many=True)
    add_lrs_options(parser, source=True)
    add_quizzes_option(parser)
    add_selection_option(parser)
    add_format_option(parser, "docs/teacher-report.md")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.classroom import output, text
    from quizgame.classroom.report import quiz_report
    from quizgame.commands.quizzes import find_quiz
    from quizgame.errors import QuizNotFoundError
    from quizgame.format.loader import load_quiz

    folders, sources = game_sources(args)
    check_folders(folders, sources)
    try:
        quiz = load_quiz(find_quiz(args.quiz, quizzes_dirs(args)))
    except QuizNotFoundError as not_found:
        # A quiz deleted or renamed since the class played: report from the saves alone.
        report, problems = quiz_report(folders, args.quiz, first_attempt=args.first_attempt,
                                       sources=sources)
        if not report.players:
            raise
        print(f"quizgame: {not_found}; reporting from the saves alone (without the quiz file, "
              "wrong choices nobody picked are not listed)", file=sys.stderr)
    else:
        report, problems = quiz_report(folders, quiz.quiz.id, quiz,
                                       first_attempt=args.first_attempt, sources=sources)
    report_problems(problems)

    if args.format == "csv":
        rows = [output.item_row(item, report.forecast) for item in report.items]
        sys.stdout.write(output.to_csv(rows, output.ITEM_COLUMNS))
    elif args.format == "json":
        sys.stdout.write(output.to_json(output.report_fields(report)))
    else:
        sys.stdout.write(text.report_text(report))
    return 0
