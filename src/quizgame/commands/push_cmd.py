"""`quizgame push --lrs URL`: send the saves' results to a Learning Record Store (docs/xapi.md)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from quizgame.commands.paths import add_quizzes_option, add_saves_option, saves_dirs
from quizgame.commands.xapi_options import add_lrs_options

if TYPE_CHECKING:
    from quizgame.interop.lrs import LrsError
    from quizgame.interop.xapi_push import Outbox, Pushed

DEFAULT_INTERVAL_S = 30.0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "push",
        help="send results as xAPI statements to a Learning Record Store",
        description="Send every game in the saves folders that the LRS does not have yet, as "
        "xAPI statements, in batches, retrying with backoff while the LRS is unreachable. A "
        "cursor file in each saves folder (.xapi-push.json) remembers what the LRS "
        "acknowledged: stopping a push at any moment loses and duplicates nothing. Credentials "
        "come from --lrs-credentials FILE, $QUIZGAME_LRS_CREDENTIALS or $QUIZGAME_LRS_AUTH, "
        "never from the command line. See docs/xapi.md.",
    )
    add_lrs_options(parser, source=False)
    add_saves_option(parser, many=True)
    add_quizzes_option(parser)
    parser.add_argument("--batch", type=_positive_int, default=100, metavar="N",
                        help="statements per request (default: 100)")
    parser.add_argument("--watch", action="store_true",
                        help="keep pushing as games are played, until Ctrl-C")
    parser.add_argument("--interval", type=_positive_float, default=DEFAULT_INTERVAL_S,
                        metavar="SECONDS",
                        help="with --watch: seconds between pushes "
                        f"(default: {DEFAULT_INTERVAL_S:g})")
    parser.set_defaults(run=run)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def run(args: argparse.Namespace) -> int:
    from quizgame.commands.classroom_options import report_problems
    from quizgame.commands.xapi_options import lrs_client, lrs_url, quiz_lookup, xapi_config
    from quizgame.errors import QuizgameError
    from quizgame.interop.xapi_push import Outbox, watch

    url = lrs_url(args)
    if url is None:
        raise QuizgameError("push needs the LRS: --lrs URL (or $QUIZGAME_LRS)")
    lrs, config, quiz_for = lrs_client(url, args), xapi_config(args), quiz_lookup(args)
    outboxes = [Outbox(folder, lrs, config, quiz_for) for folder in saves_dirs(args)]

    def report(outbox: Outbox, pushed: Pushed) -> None:
        report_problems(pushed.problems)
        if pushed.sent or not args.watch:
            print(_summary(outbox, pushed), flush=True)

    def failed(outbox: Outbox, error: LrsError) -> None:
        print(f"quizgame: {outbox.saves}: {error}; trying again in {args.interval:g} s",
              file=sys.stderr, flush=True)

    if args.watch:
        print(f"pushing {', '.join(str(o.saves) for o in outboxes)} to {lrs.url} every "
              f"{args.interval:g} s; Ctrl-C stops", flush=True)
        try:
            watch(outboxes, args.interval, report, failed, batch_size=args.batch)
        except KeyboardInterrupt:
            print("stopped; nothing is lost: the next push sends the rest", flush=True)
        return 0
    for outbox in outboxes:
        report(outbox, outbox.push(args.batch))
    return 0


def _summary(outbox: Outbox, pushed: Pushed) -> str:
    from quizgame.wording import count, number

    if not pushed.sent:
        return f"{outbox.saves}: nothing new for {outbox.lrs.url}"
    already = pushed.sent - pushed.stored
    note = f" ({number(already)} it already had)" if already else ""
    return (f"{outbox.saves}: sent {count(pushed.sent, 'statement')} of "
            f"{count(pushed.sessions, 'game')} to {outbox.lrs.url}{note}")
