"""`quizgame export QUIZ --to FORMAT`: take a quiz to Moodle, Kahoot, Anki, a spreadsheet, paper.

Text formats go to stdout unless `-o FILE` is given; the Kahoot spreadsheet needs `-o`. Every
question the format cannot carry is listed on stderr with the reason; the export still succeeds
(exit 0) when something was written. A quiz that does not load: its problems, exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.commands.paths import add_quizzes_option, quizzes_dirs
from quizgame.commands.xapi_options import add_results_options
from quizgame.interop.registry import EXPORT_FORMATS


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    formats = "; ".join(f"{f.name}: {f.summary}" for f in EXPORT_FORMATS.values())
    parser = subparsers.add_parser(
        "export",
        help="export a quiz to Moodle (GIFT, XML), QTI, Kahoot, Anki, CSV, Markdown or JSON "
        "(or results to xAPI)",
        description=f"Export a quiz. Formats: {formats}. Questions a format cannot carry are "
        "listed on stderr. See docs/interop.md.",
    )
    parser.add_argument("quiz", metavar="QUIZ", nargs="?",
                        help="a quiz file (.toml) or a quiz id (with --results: only its games)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", choices=list(EXPORT_FORMATS), metavar="FORMAT",
                        help=f"one of {', '.join(EXPORT_FORMATS)}")
    add_results_options(parser, target)
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE (default: stdout; required for "
                        f"{', '.join(f.name for f in EXPORT_FORMATS.values() if f.binary)})")
    parser.add_argument("--answers", action="store_true",
                        help="markdown only: write the answer key instead of the handout")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    add_quizzes_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.commands.quizzes import find_quiz
    from quizgame.errors import QuizLoadError
    from quizgame.format.loader import load_quiz
    from quizgame.interop.common import ExportOptions, InteropError
    from quizgame.interop.files import check_writable, write_output
    from quizgame.wording import count

    if args.results:
        from quizgame.commands.xapi_options import export_results

        return export_results(args)
    if args.quiz is None:
        raise InteropError("export needs the quiz to export: quizgame export QUIZ --to FORMAT")
    target = EXPORT_FORMATS[args.to]
    if args.answers and target.name != "markdown":
        raise InteropError("--answers only applies to --to markdown (the answer key)")
    if target.binary and args.output is None:
        raise InteropError(f"{target.name} writes a binary file ({target.summary}): give the "
                           f"file with -o, e.g. -o quiz{target.suffix}")
    if args.output is not None:
        check_writable(args.output, force=args.force)
    path = find_quiz(args.quiz, quizzes_dirs(args))
    if args.output is not None and args.output.resolve() == path.resolve():
        raise InteropError(f"the export would replace the quiz {path} itself: choose another -o")
    try:
        quiz = load_quiz(path)
    except QuizLoadError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    result = target.exporter()(quiz, ExportOptions(answer_key=args.answers))
    for skipped in result.skipped:
        print(f"quizgame: {skipped}", file=sys.stderr)
    if not result.exported:
        print(f"quizgame: no question of {quiz.quiz.id} can be exported to {target.name}: "
              "nothing written", file=sys.stderr)
        return 1
    if args.output is None:
        assert isinstance(result.content, str)  # binary formats require -o (checked above)
        sys.stdout.write(result.content)
        return 0
    write_output(args.output, result.content, force=args.force)
    left_out = f", {len(result.skipped)} skipped" if result.skipped else ""
    print(f"wrote {args.output}: {count(result.exported, 'question')}{left_out}",
          file=sys.stderr)
    return 0
