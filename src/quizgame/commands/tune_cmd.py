"""`quizgame tune QUIZ --saves DIR...`: fit FSRS to the class's reviews of a quiz and adopt the
fit for its players when it predicts held-out reviews better (docs/practice.md, "Class-tuned
scheduling"; needs the optional extra: pip install 'quizgame[tune]')."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from quizgame.commands.classroom_options import check_folders, report_problems
from quizgame.commands.paths import add_quizzes_option, add_saves_option, quizzes_dirs, saves_dirs


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "tune",
        help="fit the practice scheduler to a class's reviews of a quiz (for teachers)",
        description="Pool every student's reviews of QUIZ from the saves folders, fit FSRS's "
        "parameters to them (fsrs-rs-python, the optional extra: pip install 'quizgame[tune]'), "
        "and check the fit on students left out of it. Only when the fit predicts their reviews "
        "better than FSRS's defaults (lower log loss) is it written to each saves folder "
        "(tuned/QUIZ.toml), where practice of that quiz then uses it. Students with more than "
        "1,000 reviews also get parameters of their own when those predict their latest "
        "reviews better. More in docs/practice.md.",
    )
    parser.add_argument("quiz", metavar="QUIZ", help="a quiz id (looked up in --quizzes) or a "
                        ".toml quiz file")
    add_saves_option(parser, many=True)
    add_quizzes_option(parser)
    parser.add_argument("--dry-run", action="store_true",
                        help="fit and report, but write nothing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.classroom.reviews import collect_reviews
    from quizgame.classroom.tuning import summary, tune
    from quizgame.commands.quizzes import find_quiz
    from quizgame.errors import QuizNotFoundError
    from quizgame.format.loader import load_quiz
    from quizgame.store.tuned import save_tuned

    folders = saves_dirs(args)
    check_folders(folders)
    try:
        quiz_id = load_quiz(find_quiz(args.quiz, quizzes_dirs(args))).quiz.id
    except QuizNotFoundError:
        quiz_id = args.quiz  # a quiz deleted or renamed since the class played: its id
    reviews = collect_reviews(folders, quiz_id)
    report_problems(reviews.problems)
    tuning = tune(reviews)
    for line in summary(tuning):
        print(line)
    if not tuning.adopted:
        print("Nothing written: practice keeps the parameters it had.")
        return 0
    if args.dry_run:
        print("Dry run: nothing written.")
        return 0
    tuned = tuning.document(quiz_id, datetime.now(UTC))
    for folder in folders:
        if folder.is_dir():
            print(f"Written: {save_tuned(folder, tuned)}")
    return 0
