"""`quizgame serve`: play in a browser, one game per tab, every save in this machine's folder.

textual-serve starts a fresh `python -m quizgame --quizzes DIR... --saves DIR` process for each
browser tab and relays its terminal over a websocket; all of them share one saves folder, which
the store keeps safe (one file per player and session, atomic writes, file locks).
With `--join ADDRESS` each tab is instead the live game's student client
(`python -m quizgame.tui.live.join_app ADDRESS`: Textual and the live client only, no quizzes or
saves), joined to the hub a teacher started with `quizgame host`.
Imports beyond argparse are lazy: every command module is imported to build the parser.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgame.commands.paths import (
    add_quizzes_option,
    add_roster_option,
    add_saves_option,
    quizzes_dirs,
    saves_dir,
)
from quizgame.errors import QuizgameError
from quizgame.live.addresses import is_loopback

__all__ = ["add_parser", "is_loopback", "join_command", "play_command", "run"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_PLAYERS = 40  # a class; each game is a process of about 50 MB
WILDCARD_HOSTS = {"0.0.0.0", "::", ""}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="play in a web browser (one game per tab)",
        description="Serve the game to web browsers with textual-serve: every tab is its own "
        "game, and every save lands in this machine's saves folder. Listens on 127.0.0.1 (this "
        "machine only) unless --host says otherwise. Only pages this server served can start "
        "games (the websocket's Origin is checked), and at most --max-players games run at "
        "once: the page says when the game is full. Ctrl+C stops it.",
    )
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default {DEFAULT_HOST}; 0.0.0.0 for every "
                        "network interface)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default {DEFAULT_PORT})")
    parser.add_argument("--public-url", default=None, metavar="URL",
                        help="address browsers use to reach the server, when it differs from "
                        "http://HOST:PORT (behind a proxy, or when listening on 0.0.0.0)")
    parser.add_argument("--join", metavar="ADDRESS",
                        help="serve the student client of the live game hosted at ADDRESS "
                        "(quizgame host) instead of the game: one player per tab")
    parser.add_argument("--max-players", type=int, default=DEFAULT_MAX_PLAYERS, metavar="N",
                        help=f"games running at once, at most (default {DEFAULT_MAX_PLAYERS}; "
                        "each takes about 50 MB)")
    add_quizzes_option(parser)
    add_saves_option(parser)
    add_roster_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.commands.serve_server import GuardedServer, allowed_origins

    if not 0 < args.port < 65536:
        raise QuizgameError(f"--port must be between 1 and 65535, not {args.port}")
    if args.max_players < 1:
        raise QuizgameError(f"--max-players must be at least 1, not {args.max_players}")
    public_url = args.public_url or f"http://{_browser_host(args.host)}:{args.port}"
    if args.join is not None:
        command = join_command(args.join)
        print(f"quizgame serve: listening on {args.host} port {args.port}; open {public_url}")
        print(f"each tab joins the live game at {args.join}; at most {args.max_players} at once")
    else:
        for folder in args.quizzes or []:
            if not folder.is_dir():  # every tab would start without it: say so once, here
                raise QuizgameError(f"no quizzes folder at {folder.absolute()}")
        quizzes = quizzes_dirs(args)
        saves = saves_dir(args).resolve()
        roster = None
        if args.roster is not None:
            from quizgame.classroom.roster import Roster

            roster = Roster.read(args.roster).path  # a bad roster stops here, not in every tab
        command = play_command(quizzes, saves, roster)
        print(f"quizgame serve: listening on {args.host} port {args.port}; open {public_url}")
        print(f"quizzes from {', '.join(map(str, quizzes))}; saves in {saves}; at most "
              f"{args.max_players} players at once")
        if roster is not None:
            print(f"class roster: {roster}")
    if not is_loopback(args.host):
        print(f"warning: {args.host} is reachable from other machines on the network; anyone "
              "who can reach it can play and create players", file=sys.stderr)
    sys.stdout.flush()
    origins = allowed_origins(public_url, loopback=is_loopback(args.host))
    server = GuardedServer(command, max_players=args.max_players, origins=origins,
                           host=args.host, port=args.port, title="quizgame",
                           public_url=public_url)
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not this machine's
        raise QuizgameError(f"cannot listen on {args.host} port {args.port}: "
                            f"{error.strerror or error}") from error
    return 0


def play_command(quizzes: list[Path], saves: Path, roster: Path | None = None) -> str:
    """The shell command each browser tab runs: this Python, this package, absolute folders.
    Never `--teacher` (students are at the tabs) and never a player (each tab asks)."""
    import shlex

    words = [sys.executable, "-m", "quizgame"]
    for folder in quizzes:
        words += ["--quizzes", str(folder)]
    words += ["--saves", str(saves)]
    if roster is not None:
        words += ["--roster", str(roster)]
    return shlex.join(words)


def join_command(address: str) -> str:
    """The command each tab runs with --join: the live client alone (it starts fast)."""
    import shlex

    from quizgame.live.client import websocket_url

    try:
        websocket_url(address)
    except ValueError as error:
        raise QuizgameError(str(error)) from error
    return shlex.join([sys.executable, "-m", "quizgame.tui.live.join_app", address])


def _browser_host(host: str) -> str:
    # Browsers cannot open 0.0.0.0: name this machine instead, as other machines see it.
    if host in WILDCARD_HOSTS:
        import socket

        return socket.gethostname()
    return f"[{host}]" if ":" in host else host
