"""`quizgame join ADDRESS --code CODE --name NAME`: play in a live game hosted by the teacher.

The Textual client by default (it asks for what is missing), or `--plain` line by line for
screen readers and scripts. Imports are lazy: this client starts without the quiz format.
"""

from __future__ import annotations

import argparse

from quizgame.commands.display_options import add_theme_option, chosen_theme
from quizgame.errors import QuizgameError


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "join",
        help="join a live game hosted with `quizgame host`",
        description="Join the live game at ADDRESS (as shown on the teacher's screen, e.g. "
        "192.168.1.20:8765) with its join code. A dropped connection rejoins by itself, with "
        "your score and streak.",
    )
    parser.add_argument("address", metavar="ADDRESS", help="the hub's address (host:port)")
    parser.add_argument("--code", help="the join code on the teacher's screen")
    parser.add_argument("--name", help="your name in the game")
    parser.add_argument("--rejoin", metavar="CODE",
                        help="the rejoin code your screen showed: back in the game with your "
                        "score after your client closed, or on another device")
    parser.add_argument("--plain", action="store_true",
                        help="line mode: questions on stdout, answers one per line on stdin")
    add_theme_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.live.client import websocket_url

    try:
        websocket_url(args.address)
    except ValueError as error:
        raise QuizgameError(str(error)) from error
    if args.plain:
        if not args.code or not args.name:
            raise QuizgameError("join --plain needs --code CODE and --name NAME")
        from quizgame.plain.live_join import run_plain_join

        return run_plain_join(args.address, args.code, args.name, args.rejoin or "")
    from quizgame.tui.live.join_app import run_join_app

    return run_join_app(args.address, code=args.code, name=args.name, rejoin=args.rejoin,
                        theme=chosen_theme(args), show_cursor=args.show_cursor)
