"""`quizgame claims QUIZ`: the claims students filed on a quiz ("I was right"), for a teacher to
accept or reject (docs/classroom.md)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from quizgame.commands.paths import add_quizzes_option, add_saves_option, quizzes_dirs, saves_dir

if TYPE_CHECKING:
    from pathlib import Path

    from quizgame.engine.claims import ClaimGroup
    from quizgame.format.models import Quiz

DESCRIPTION = """\
List the open claims of a quiz: typed answers (text, number, cloze) marked wrong that students say
were right. A claim earns nothing until it is accepted. --accept N gives full credit to every
saved answer to that question with the same answer (claimed or not) and recomputes those games'
points (speed points from the saved time); --add-answer also adds it to the question's accepted
answers in the quiz file (text questions; comments and layout are kept). --reject N closes it.
Numbers are the ones listed; settle claims once the class has finished playing."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "claims",
        help="accept or reject students' \"I was right\" claims (for teachers)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("quiz", metavar="QUIZ", help="a quiz id (looked up in --quizzes) or a "
                        ".toml quiz file")
    parser.add_argument("--accept", type=int, action="append", default=[], metavar="N",
                        help="accept claim N (may be given more than once)")
    parser.add_argument("--reject", type=int, action="append", default=[], metavar="N",
                        help="reject claim N (may be given more than once)")
    parser.add_argument("--add-answer", action="store_true",
                        help="with --accept: add the answer to the text question's accepted "
                        "answers in the quiz file")
    add_saves_option(parser)
    add_quizzes_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.commands.quizzes import find_quiz
    from quizgame.engine.claims import open_claims
    from quizgame.errors import QuizgameError
    from quizgame.format.loader import load_quiz
    from quizgame.store.folder import scan_sessions

    path = find_quiz(args.quiz, quizzes_dirs(args))
    quiz = load_quiz(path)
    saves = saves_dir(args)
    scan = scan_sessions(saves, quiz.quiz.id)
    for problem in scan.problems:
        print(f"quizgame: {problem}", file=sys.stderr)
    groups = open_claims(quiz, ((found.player, found.record) for found in scan.items))
    chosen = set(args.accept) | set(args.reject)
    if set(args.accept) & set(args.reject):
        raise QuizgameError("a claim cannot be both accepted and rejected")
    unknown = sorted(n for n in chosen if not 1 <= n <= len(groups))
    if unknown:
        raise QuizgameError(f"no claim number {', '.join(map(str, unknown))} "
                            f"({len(groups)} open claim(s) in {quiz.quiz.title!r})")
    if args.add_answer and not args.accept:
        raise QuizgameError("--add-answer goes with --accept N")
    if not chosen:
        _list(quiz, groups, saves)
        return 0
    for number in sorted(chosen):
        _settle(quiz, path, saves, groups[number - 1], number, accept=number in args.accept,
                add_answer=args.add_answer)
    return 0


def _list(quiz: Quiz, groups: list[ClaimGroup], saves: Path) -> None:
    from quizgame import wording
    from quizgame.engine.grading import describe_answer, right_answer
    from quizgame.safe_text import visible

    if not groups:
        print(f"No open claims in {quiz.quiz.title!r} (saves in {saves}).")
        return
    print(f"{wording.count(len(groups), 'open claim')} in {quiz.quiz.title!r} (saves in {saves}):")
    for number, group in enumerate(groups, start=1):
        question = group.question
        players = ", ".join(visible(player, multiline=False) for player in group.players)
        given = visible(describe_answer(question, group.given), multiline=False)
        print(f"{number:3d}. {question.id}: {visible(question.prompt, multiline=False)}")
        print(f"     answer {wording.quoted(given)} claimed by {players}")
        print(f"     right answer: {visible(right_answer(question), multiline=False)}")
    print(f"Accept: quizgame claims {quiz.quiz.id} --accept N [--add-answer]   "
          f"Reject: --reject N")


def _settle(quiz: Quiz, path: Path, saves: Path, group: ClaimGroup, number: int, *,
            accept: bool, add_answer: bool) -> None:
    from quizgame import wording
    from quizgame.engine.claims import settle
    from quizgame.format.answer_edit import add_accepted_answer
    from quizgame.store.folder import SavesFolder, scan_sessions

    folder = SavesFolder(saves)
    changed = 0
    for found in scan_sessions(saves, quiz.quiz.id).items:
        record = found.record
        if settle(quiz, record, group, accept=accept):
            folder.player(found.player, create=False).save_session(record)
            changed += 1
    verb = "accepted" if accept else "rejected"
    print(f"Claim {number} {verb}: {wording.count(changed, 'game')} regraded.")
    if accept and add_answer:
        if group.question.type != "text":
            print(f"  {group.question.id} is a {group.question.type} question: its accepted "
                  f"answers are not a list; change its answer, tolerance or blanks in {path} "
                  "by hand.")
        elif add_accepted_answer(path, group.question.id, str(group.given)):
            print(f"  Added {wording.quoted(str(group.given))} to the answers of "
                  f"{group.question.id} in {path.absolute()}.")
