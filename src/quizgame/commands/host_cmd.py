"""`quizgame host QUIZ`: host a live class game (the projector screen, or --plain line mode).

The hub holds the game and the key; students join with `quizgame join`, a browser tab through
`quizgame serve --join`, or the phone page at the address shown. docs/live.md is the teacher's
page; docs/live-protocol.md the protocol. Heavy imports are lazy (every command module is
imported to build the parser).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame.commands.display_options import add_theme_option, chosen_theme
from quizgame.commands.paths import (
    add_quizzes_option,
    add_roster_option,
    add_saves_option,
    quizzes_dirs,
    saves_dir,
)
from quizgame.errors import QuizgameError

if TYPE_CHECKING:
    from quizgame.format.models import Quiz
    from quizgame.live.hub import Hub

DEFAULT_PORT = 8765  # quizgame.live.hub.DEFAULT_PORT (not imported: aiohttp is slow to import)
PACES = ("teacher", "auto", "all")
PLAIN_COMMANDS = """\
plain mode reads one command a line: start, next, reveal, pause, resume, more [SECONDS] (+15 s),
skip, kick NAME, lock, unlock, allow NAME (back after the grace period), team NAME TEAM,
players, end. It prints one line per event; the first names the address and the join code.
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "host",
        help="host a live class game (students join from terminals, browsers and phones)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Host a live game of QUIZ: everyone answers the same question, the answers "
        "are revealed with how the class split, and a podium closes the game. Listens on "
        "127.0.0.1 (this machine only) unless --lan or --bind is given. Scores land in the "
        "saves folder as ordinary games (mode live). More in docs/live.md.",
        epilog=PLAIN_COMMANDS,
    )
    parser.add_argument("quiz", metavar="QUIZ", help="a quiz file (.toml) or a quiz id")
    parser.add_argument("--plain", action="store_true",
                        help="line mode: commands on stdin, one line per event on stdout")
    parser.add_argument("--lan", action="store_true",
                        help="let the school network in (listen on every interface)")
    parser.add_argument("--bind", metavar="ADDRESS", help="listen on this address only")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument("--pace", choices=PACES, default="teacher",
                        help="teacher: you say next (default); auto: moves on by itself; "
                        "all: untimed, each question waits for everyone")
    parser.add_argument("--teams", type=int, default=0, metavar="N",
                        help="split the class into N teams, balanced as they join")
    add_roster_option(parser)
    parser.add_argument("--no-waiting", dest="wait_for_more_time", action="store_false",
                        help="do not keep a question open for students with more time (their "
                        "accommodation, the more-time key): everyone has the quiz's time, as "
                        "WCAG allows for a real-time event (docs/accommodations.md)")
    parser.add_argument("--no-more-time", dest="more_time_key", action="store_false",
                        help="turn the students' more-time key (+30 s) off; accommodations "
                        "still apply")
    parser.add_argument("--grace", type=float, default=60.0, metavar="SECONDS",
                        help="how long a dropped player may rejoin alone (default 60; after it, "
                        "with your OK)")
    parser.add_argument("--resume", nargs="?", const="", default=None, metavar="GAME_ID",
                        help="continue a game whose hub stopped (default: the newest unfinished "
                        "game of QUIZ)")
    add_quizzes_option(parser)
    add_saves_option(parser)
    add_theme_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.commands.quizzes import find_quiz
    from quizgame.errors import QuizLoadError
    from quizgame.format.loader import load_quiz
    from quizgame.live.addresses import listen_and_share

    if not 0 <= args.port < 65536:
        raise QuizgameError(f"--port must be between 0 and 65535, not {args.port}")
    if args.teams < 0:
        raise QuizgameError("--teams must be 0 or more")
    theme = None if args.plain else chosen_theme(args)  # a wrong name stops before the hub starts
    try:
        quiz = load_quiz(find_quiz(args.quiz, quizzes_dirs(args)))
    except QuizLoadError as error:
        raise QuizgameError(f"the quiz cannot be hosted:\n{error}") from error
    listen, share = listen_and_share(lan=args.lan, bind=args.bind)
    hub = _hub(args, quiz, saves_dir(args))
    if args.plain:
        from quizgame.plain.live_host import run_plain_host

        return run_plain_host(hub, listen, share, args.port)
    from quizgame.tui.live.host_app import run_host_app

    return run_host_app(hub, listen, share, args.port, theme=theme,
                        show_cursor=args.show_cursor)


def _hub(args: argparse.Namespace, quiz: Quiz, saves: Path) -> Hub:
    from quizgame.live.game import Settings
    from quizgame.live.hub import Hub
    from quizgame.live.journal import unfinished_game

    if args.resume is not None:
        path = unfinished_game(saves, quiz.quiz.id, args.resume or None)
        return Hub.resume(quiz, saves, path)
    names, accommodations = _roster(args.roster) if args.roster else ((), {})
    settings = Settings(pace=args.pace, grace_s=args.grace, teams=args.teams, roster=names,
                        accommodations=accommodations,
                        wait_for_more_time=args.wait_for_more_time,
                        more_time_key=args.more_time_key)
    return Hub.new(quiz, saves, settings)


def _roster(path: Path) -> tuple[tuple[str, ...], dict[str, list[str]]]:
    """The class list of `--roster`, read as `play` and `serve` read it, names cleaned as the hub
    cleans a typed name; and the accommodations on its lines, by those names."""
    from quizgame.classroom.roster import Roster
    from quizgame.errors import PlayerNameError
    from quizgame.live.names import clean_name

    roster = Roster.read(path)
    try:
        cleaned = {name: clean_name(name) for name in roster.names}
    except PlayerNameError as error:
        raise QuizgameError(f"{roster.path}: {error}") from error
    accommodations = {cleaned[name]: roster.accommodations_for(name).words
                      for name in roster.names if roster.accommodations_for(name).any}
    return tuple(dict.fromkeys(cleaned.values())), accommodations
