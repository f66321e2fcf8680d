"""`quizgame import FILE --from FORMAT`: turn a spreadsheet or a Moodle GIFT or XML file into a quiz.

Writes a v1 quiz (next to FILE as `<name>.toml` unless `-o` says otherwise), then checks it as
`quizgame check` would. Problems of the input are printed with their line. When the input has
errors nothing is written (exit 1), as Moodle refuses a file with errors: fix the lines and run
again. Questions with no quizgame form are reported as warnings and left out. An existing file
is never replaced without `--force`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.interop.registry import IMPORT_FORMATS


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import questions from a CSV spreadsheet or a Moodle GIFT or XML file",
        description="Import questions into a new quiz file and check it. CSV columns: see "
        "docs/import-csv.md; GIFT and Moodle XML: see docs/interop.md. Exit 0 written, 1 the input has errors "
        "(nothing written), 2 usage or file errors.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    parser.add_argument("--from", dest="source_format", choices=list(IMPORT_FORMATS),
                        metavar="FORMAT",
                        help=f"one of {', '.join(IMPORT_FORMATS)} (default: from FILE's "
                        "suffix, .csv, .gift or .xml)")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT",
                        help="the quiz file to write (default: FILE with the suffix .toml)")
    parser.add_argument("--id", dest="quiz_id", metavar="ID",
                        help="the quiz id (default: from FILE's name)")
    parser.add_argument("--title", metavar="TITLE", help="the quiz title (default: FILE's name)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.errors import Problem
    from quizgame.format.checker import check_file
    from quizgame.format.models import Quiz
    from quizgame.interop.common import InteropError
    from quizgame.interop.files import check_writable, read_input, write_output
    from quizgame.interop.importing import default_quiz_id, default_title, quiz_meta
    from quizgame.interop.quiz_toml import quiz_toml
    from quizgame.interop.registry import import_format_for
    from quizgame.wording import count

    source: Path = args.file
    chosen = IMPORT_FORMATS[args.source_format] if args.source_format else import_format_for(source)
    if chosen is None:
        options = " or ".join(f"--from {name}" for name in IMPORT_FORMATS)
        raise InteropError(f"cannot tell the format of {source} from its name: add {options}")
    output: Path = args.output or source.with_suffix(".toml")
    if output.resolve() == source.resolve():
        raise InteropError(f"the quiz would replace {source} itself: choose another file with -o")
    check_writable(output, force=args.force)
    meta = quiz_meta(args.quiz_id or default_quiz_id(source), args.title or default_title(source))

    text = read_input(source)
    if isinstance(text, Problem):
        print(text, file=sys.stderr)
        return 1
    result = chosen.importer()(text, source)
    for problem in result.sorted_problems():
        print(problem, file=sys.stderr)
    if result.errors:
        print(f"quizgame: {count(len(result.errors), 'error')} in {source}: nothing written",
              file=sys.stderr)
        return 1
    if not result.questions:
        print(f"quizgame: no question in {source} could be imported: nothing written",
              file=sys.stderr)
        return 1

    write_output(output, quiz_toml(Quiz(quiz=meta, questions=result.questions)), force=args.force)
    print(f"wrote {output}: {count(len(result.questions), 'question')} from {source}")
    checked = check_file(output)
    for problem in checked.problems:
        print(problem)
    if checked.quiz is None:
        return 1
    print(f"OK {output}: {checked.summary()}")
    return 0
