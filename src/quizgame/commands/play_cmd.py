"""`quizgame play [QUIZ]`: play a quiz, in the Textual game or, with --plain, line by line
(commands/play_plain.py)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from quizgame.commands.display_options import add_theme_option, chosen_theme
from quizgame.commands.paths import (
    add_quizzes_option,
    add_roster_option,
    add_saves_option,
    quizzes_dirs,
    saves_dir,
)
from quizgame.errors import UsageError

if TYPE_CHECKING:
    from quizgame.classroom.roster import Roster
    from quizgame.engine.exam import ExamGoal
    from quizgame.engine.openings import Opening, OpeningRequest
    from quizgame.format.models import Quiz


class PracticeOptions(NamedTuple):
    """What `--exam`, `--exam-target` and `--easy-within` ask of practice."""

    exam: ExamGoal | None
    easy_within: int | None

MODES = ("quiz", "practice", "mistakes")
DESCRIPTION = """\
Play a quiz. Without --plain this opens the game (without QUIZ, pick one on the
home screen). With --plain, questions are printed one at a time and answers are
read one per line from standard input; every answer is saved at once (without
QUIZ, the home screen as lines: who plays, which quiz, which mode).
Accessibility (themes, the cursor, plain mode): docs/accessibility.md.

Modes: quiz (scored, timed when the quiz is), practice (spaced repetition of the
cards due, then new ones), mistakes (the questions missed in your last quiz-mode
game). More in docs/practice.md."""
SCORING = """\
scoring (quiz mode; docs/scoring.md):
  speed, timed    points x credit x (1 - (time taken / time limit) / 2)
  otherwise       points x credit
  hint            half the points;  time's up: 0
  streak          +100 per correct answer in a row after the first, at most +500

plain mode: ? shows the hint; !! says "I was right" after a text answer marked wrong
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "play",
        help="play a quiz (the game; --plain for line mode)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=DESCRIPTION,
        epilog=SCORING,
    )
    parser.add_argument(
        "quiz", nargs="?", metavar="QUIZ", help="a quiz file (.toml) or a quiz id in --quizzes"
    )
    parser.add_argument("--player", metavar="NAME", help="player name (asked for when missing)")
    parser.add_argument("--mode", choices=MODES, default="quiz", help="game mode (default: quiz)")
    parser.add_argument(
        "--seed", type=int, metavar="N", help="fix question order and shuffles (replays a game)"
    )
    parser.add_argument(
        "--new", type=count, default=10, metavar="N",
        help="practice: new cards per day (default: 10)",
    )
    parser.add_argument(
        "--round", type=round_size, default=None, metavar="N", dest="round_size",
        help="quiz mode: play a round of N questions drawn from the quiz (default: the quiz's "
        "own round, else every question); rounds rank only against games of the same length",
    )
    parser.add_argument(
        "--exam", type=exam_day, metavar="YYYY-MM-DD",
        help="practice: schedule every card to be remembered on this day (overrides the "
        "quiz's exam_date)",
    )
    parser.add_argument(
        "--exam-target", type=exam_target, metavar="R",
        help="practice: predicted recall wanted on the exam day, 0.7 to 0.99 (default: the "
        "quiz's exam_target, 0.9)",
    )
    parser.add_argument(
        "--easy-within", type=count, metavar="SECONDS",
        help="practice: a right answer you were sure of, within SECONDS, is rated Easy (0: "
        "never; default: the quiz's easy_within)",
    )
    parser.add_argument("--plain", action="store_true", help="line mode on stdin/stdout, no TUI")
    parser.add_argument(
        "--teacher", action="store_true",
        help="open the teacher's views too (the item-analysis report, r on the home screen)",
    )
    add_quizzes_option(parser)
    add_saves_option(parser)
    add_roster_option(parser)
    add_theme_option(parser)
    parser.set_defaults(run=run)


def round_size(text: str) -> int:
    """A whole number >= 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def count(text: str) -> int:
    """A whole number >= 0 (argparse names it "count" in its messages)."""
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def exam_day(text: str) -> date:
    """A calendar date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-01-15") from None


def exam_target(text: str) -> float:
    """A recall target from 0.7 to 0.99."""
    value = float(text)
    if not 0.7 <= value <= 0.99:
        raise argparse.ArgumentTypeError("must be from 0.7 to 0.99, e.g. 0.9")
    return value


def practice_options(args: argparse.Namespace, quiz: Quiz | None) -> PracticeOptions:
    """The exam goal and the Easy opt-in of the command line, the quiz's own when not given
    (without a quiz, the home screen's games use each quiz's own settings and `--exam`)."""
    meta = quiz.quiz if quiz is not None else None
    day = args.exam or (meta.exam_date if meta else None)
    if args.exam_target is not None and day is None:
        raise UsageError("--exam-target needs an exam date: add --exam YYYY-MM-DD")
    exam = None
    if day is not None:
        from quizgame.engine.exam import DEFAULT_TARGET, ExamGoal

        target = args.exam_target or (meta.exam_target if meta else DEFAULT_TARGET)
        exam = ExamGoal(day, target)
    return PracticeOptions(exam, args.easy_within)


def run(args: argparse.Namespace) -> int:
    if args.plain:
        return _run(args)
    from quizgame import startup_gc

    startup_gc.pause()  # until the game's first frame (QuizApp.on_ready): see startup_gc.py
    try:
        return _run(args)
    finally:
        startup_gc.resume()


def _run(args: argparse.Namespace) -> int:
    roster = _roster(args)
    if args.player is not None:
        from quizgame.store.names import display_name

        display_name(args.player)  # a bad name stops here: PlayerNameError, exit 2
        if roster is not None:
            args.player = roster.name_for(args.player)
    folders = quizzes_dirs(args)
    if args.quiz is None:
        if args.plain:  # the home screen as lines
            from quizgame.commands.play_plain import run_plain

            return run_plain(args, None, roster, folders)
        # The home screen: nothing to load first (the quiz format's import is slow to start).
        return _run_tui(args, folders, roster, None, None)

    request = _opening_request(args, folders)
    if request is not None:
        from quizgame.engine.openings import read_opening

        opening = read_opening(request, args.seed)
        if opening is not None:  # drawn at once; the quiz loads after the first frame
            return _run_tui(args, folders, roster, opening.quiz_path, None, request, opening)

    from quizgame.commands.quizzes import locate_quiz, shadowed
    from quizgame.errors import QuizLoadError
    from quizgame.format.loader import load_quiz

    quiz_path, found = locate_quiz(args.quiz, folders)
    try:
        quiz = found or load_quiz(quiz_path)
    except QuizLoadError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    for hidden in shadowed(quiz_path, quiz.quiz.id, folders):
        print(f"quizgame: note: playing {quiz_path.absolute()}, which replaces {hidden} "
              "(the same quiz id: a local quiz wins)", file=sys.stderr)
    if not args.plain:
        return _run_tui(args, folders, roster, quiz_path, quiz, request)
    from quizgame.commands.play_plain import run_plain

    return run_plain(args, quiz, roster)


def _opening_request(args: argparse.Namespace, folders: list[Path]) -> OpeningRequest | None:
    """The game asked for, when its first question can be drawn before the quiz loads: the
    Textual game of a quiz in quiz mode for a named player (engine/openings.py)."""
    if args.plain or args.player is None or args.mode != "quiz" or args.exam is not None or (
        args.exam_target is not None
    ):
        return None
    from quizgame.engine.openings import OpeningRequest
    from quizgame.store.names import player_key

    return OpeningRequest(args.quiz, tuple(folders), saves_dir(args), player_key(args.player),
                          args.round_size, args.roster)


def _roster(args: argparse.Namespace) -> Roster | None:
    if args.roster is None:
        return None
    from quizgame.classroom.roster import Roster

    return Roster.read(args.roster)

def _run_tui(
    args: argparse.Namespace,
    folders: list[Path],
    roster: Roster | None,
    quiz_path: Path | None,
    quiz: Quiz | None,
    request: OpeningRequest | None = None,
    opening: Opening | None = None,
) -> int:
    from quizgame.tui.app import run_app

    return run_app(
        folders,
        saves_dir(args),
        player=args.player,
        quiz_path=quiz_path,
        quiz=quiz,
        roster=roster,
        teacher=args.teacher,
        mode=args.mode,
        seed=args.seed,
        new_limit=args.new,
        round_size=args.round_size,
        theme=chosen_theme(args),
        player_themes=args.theme is None,
        show_cursor=args.show_cursor,
        opening_request=request,
        opening=opening,
        **practice_options(args, quiz)._asdict(),
    )
