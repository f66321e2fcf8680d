"""`quizgame due --player NAME`: how many practice cards fall due, per quiz."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from quizgame.commands.paths import add_quizzes_option, add_saves_option, quizzes_dirs, saves_dir


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "due",
        help="practice cards due, per quiz",
        description="Print, for each quiz the player practises (and each quiz in --quizzes), "
        "the cards due now, within a day and within a week (each count includes the earlier "
        "ones), and the questions never practised. Practise with: quizgame play QUIZ --mode "
        "practice.",
    )
    parser.add_argument("--player", required=True, metavar="NAME", help="player name")
    add_quizzes_option(parser)
    add_saves_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from quizgame.commands.quizzes import valid_quizzes
    from quizgame.engine.scheduling import due_counts, utc_now
    from quizgame.store import SavesFolder

    saves = SavesFolder(saves_dir(args)).player(args.player, create=False)
    problems: list[str] = []
    cards = saves.all_cards(problems)
    now = utc_now()
    quizzes = {quiz.quiz.id: quiz for _, quiz in valid_quizzes(quizzes_dirs(args))}
    rows = []
    for quiz_id in sorted(quizzes.keys() | cards.keys()):
        quiz = quizzes.get(quiz_id)
        ids = [q.id for q in quiz.questions] if quiz else None
        counts = due_counts(cards.get(quiz_id, {}), now, ids)
        title = quiz.quiz.title if quiz else "(quiz file not found)"
        rows.append((quiz_id, str(counts.now), str(counts.day), str(counts.week),
                     str(counts.new) if quiz else "-", title))
    for problem in problems:
        print(f"quizgame: {problem}", file=sys.stderr)
    if not rows:
        print(f"No quizzes found for {saves.name}.")
        return 0
    print(f"Practice cards of {saves.name}: due now, within a day, within a week; new = never "
          "practised.")
    _print_table(("quiz", "now", "day", "week", "new", "title"), rows)
    return 0


def _print_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        print("  ".join([*cells, row[-1]]))
