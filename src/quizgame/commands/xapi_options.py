"""Options shared by the commands that talk xAPI: `push`, `scores`/`report --lrs` and
`export --results xapi` (docs/xapi.md)."""

from __future__ import annotations

import argparse
import os
import sys
import urllib.parse
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame.commands.paths import quizzes_dirs, saves_dirs
from quizgame.errors import QuizgameError

if TYPE_CHECKING:
    from quizgame.classroom.merge import GameSource
    from quizgame.format.models import Quiz
    from quizgame.interop.lrs import Lrs
    from quizgame.interop.xapi import XapiConfig
    from quizgame.interop.xapi_push import QuizLookup

LRS_ENV = "QUIZGAME_LRS"
HOMEPAGE_ENV = "QUIZGAME_XAPI_HOMEPAGE"


def add_homepage_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--homepage", metavar="URL", default=None,
        help=f"the school's site: players are accounts on it and quizzes activities under it "
        f"(default: ${HOMEPAGE_ENV}, else https://quizgame.invalid)")


def add_lrs_options(parser: argparse.ArgumentParser, *, source: bool) -> None:
    """`--lrs URL`, `--lrs-credentials FILE` and `--homepage URL`."""
    what = ("read the games from this Learning Record Store too (alone when no --saves is "
            "given), e.g. https://lrs.school.example/xAPI/" if source else
            f"the Learning Record Store's xAPI endpoint, e.g. https://lrs.school.example/xAPI/ "
            f"(default: ${LRS_ENV})")
    parser.add_argument("--lrs", metavar="URL", default=None, help=what)
    parser.add_argument(
        "--lrs-credentials", metavar="FILE", type=Path, default=None,
        help="file holding one line `user:password` for the LRS (default: "
        "$QUIZGAME_LRS_CREDENTIALS, else $QUIZGAME_LRS_AUTH holding `user:password`)")
    add_homepage_option(parser)


def add_results_options(parser: argparse.ArgumentParser,
                        target: argparse._MutuallyExclusiveGroup) -> None:
    """`export --results xapi` (instead of `--to`), the saves to read, and `--homepage`."""
    from quizgame.commands.paths import add_saves_option

    target.add_argument("--results", choices=("xapi",),
                        help="export the games in the saves instead of a quiz: xapi writes "
                        "their xAPI statements as JSON Lines, for an LRS import")
    add_saves_option(parser, many=True)
    add_homepage_option(parser)


def xapi_config(args: argparse.Namespace) -> XapiConfig:
    from quizgame.interop.xapi import DEFAULT_HOMEPAGE, XapiConfig

    homepage = args.homepage or os.environ.get(HOMEPAGE_ENV) or DEFAULT_HOMEPAGE
    parts = urllib.parse.urlsplit(homepage)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise QuizgameError(f"--homepage {homepage!r}: give the school's site as an http(s) URL")
    return XapiConfig(homepage)


def lrs_url(args: argparse.Namespace) -> str | None:
    return args.lrs or os.environ.get(LRS_ENV) or None


def lrs_client(url: str, args: argparse.Namespace) -> Lrs:
    from quizgame.interop.lrs import Lrs, credentials

    return Lrs(url, credentials(args.lrs_credentials))


def game_sources(args: argparse.Namespace) -> tuple[list[Path], list[GameSource]]:
    """`scores`/`report`: the saves folders (none when only --lrs is given) and the LRS."""
    url = args.lrs  # not $QUIZGAME_LRS: a teacher's leaderboard never goes online unasked
    if url is None:
        return saves_dirs(args), []
    from quizgame.interop.xapi_source import LrsGames  # the xAPI modules, only when asked

    folders = list(args.saves) if args.saves else []
    return folders, [LrsGames(lrs_client(url, args), xapi_config(args))]


def quiz_lookup(args: argparse.Namespace) -> QuizLookup:
    """The quiz of an id from --quizzes, when it is there and loads (else None)."""
    from quizgame.commands.quizzes import find_quiz
    from quizgame.format.loader import load_quiz

    folders = quizzes_dirs(args)

    @cache
    def quiz_for(quiz_id: str) -> Quiz | None:
        try:
            return load_quiz(find_quiz(quiz_id, folders))
        except QuizgameError:
            return None

    return quiz_for


def export_results(args: argparse.Namespace) -> int:
    """`quizgame export [QUIZ] --results xapi`: the saves' statements as JSON Lines."""
    import json
    from datetime import UTC, datetime

    from quizgame.commands.classroom_options import report_problems
    from quizgame.interop.files import check_writable, write_output
    from quizgame.interop.xapi_push import folder_statements

    if args.output is not None:
        check_writable(args.output, force=args.force)
    quiz_id = args.quiz
    if quiz_id is not None and (quiz_id.endswith(".toml") or Path(quiz_id).is_file()):
        from quizgame.format.loader import load_quiz

        quiz_id = load_quiz(Path(quiz_id)).quiz.id
    config, quiz_for = xapi_config(args), quiz_lookup(args)
    problems: list[str] = []
    now = datetime.now(UTC)  # what `push` would send now, no more (see xapi.HOLD_LAST_ANSWER)
    lines: dict[str, str] = {}  # by id: a game synced into two folders is exported once
    for folder in saves_dirs(args):
        for _, statements in folder_statements(folder, config, quiz_for, problems,
                                               quiz_id=quiz_id, now=now):
            for statement in statements:
                lines.setdefault(statement["id"], json.dumps(statement, ensure_ascii=False))
    report_problems(problems)
    content = "".join(line + "\n" for line in lines.values())
    if args.output is None:
        sys.stdout.write(content)
    else:
        write_output(args.output, content, force=args.force)
        print(f"wrote {args.output}: {len(lines)} statements", file=sys.stderr)
    return 0
