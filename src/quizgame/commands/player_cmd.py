"""`quizgame player NAME [--time 1.5|2|untimed] [--no-speed-points] [--theme NAME|none]`: a
player's accommodations and theme.

Without options it prints them; with options it changes only what they name and prints the
result (docs/accommodations.md, docs/accessibility.md).
"""

from __future__ import annotations

import argparse

from quizgame.commands.paths import add_saves_option, saves_dir


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "player",
        help="show or set a player's accommodations (more time, no speed points) and theme",
        description="Show a player's accommodations, or set them: --time 1.5, 2 or untimed "
        "gives that player more time on every timed question (--time 1: the quiz's own time "
        "again), --no-speed-points scores their answers by accuracy alone (--speed-points: "
        "as the quiz says). Every mode and the live game honour them; each game saves the "
        "ones that applied. --theme NAME keeps the player's own colours (high-contrast, "
        "colour-blind, ...): the game switches to them when they play, on any machine sharing "
        "the saves folder. See docs/accommodations.md and docs/accessibility.md. Exit 0 ok, 2 "
        "unknown player or value.",
    )
    parser.add_argument("name", metavar="NAME", help="the player's name, as they play")
    parser.add_argument(
        "--time", metavar="1|1.5|2|untimed",
        help="time on every timed question: 1.5 or 2 times the limit, or untimed; 1 resets",
    )
    speed = parser.add_mutually_exclusive_group()
    speed.add_argument("--no-speed-points", dest="speed_points", action="store_false",
                       default=None, help="points by accuracy only: time never costs points")
    speed.add_argument("--speed-points", dest="speed_points", action="store_true",
                       help="points as the quiz's scoring says (the default)")
    parser.add_argument("--clear", action="store_true", help="remove every accommodation")
    parser.add_argument("--theme", metavar="NAME|none",
                        help="the player's own theme (high-contrast, colour-blind, textual-light, "
                        "...); none forgets it")
    parser.add_argument("--new", action="store_true",
                        help="create the player when they have never played (else refused, "
                        "so that a typo in a name creates nobody)")
    add_saves_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from quizgame.engine.accommodations import Accommodations, time_factor
    from quizgame.errors import PlayerNotFoundError, UsageError
    from quizgame.safe_text import visible
    from quizgame.store import SavesFolder

    folder = SavesFolder(saves_dir(args))
    changes = args.time is not None or args.speed_points is not None
    if args.clear and changes:
        raise UsageError("--clear removes every accommodation: give it alone")
    factor = time_factor(args.time) if args.time is not None else None  # checked before saving
    theme = _wanted_theme(args.theme)
    try:
        saves = folder.player(args.name, create=args.new)
    except PlayerNotFoundError:
        known = ", ".join(info.name for info in folder.players(problems=[])) or "none yet"
        raise PlayerNotFoundError(
            f"no player called {visible(args.name, multiline=False)!r} in {folder.root} "
            f"(players: {known}); check the spelling, or add --new to create them"
        ) from None
    current = saves.accommodations()
    if args.clear or changes:
        wanted = Accommodations() if args.clear else Accommodations(
            factor if args.time is not None else current.time,
            current.speed_points if args.speed_points is None else args.speed_points,
        )
        saves.set_accommodations(wanted)
        current = saves.accommodations()
    if args.theme is not None:
        saves.set_theme(theme)
    print(f"{saves.name}: accommodations: {current.describe()}"
          + (f" ({' '.join(current.words)})" if current.any else "") + ".")
    saved_theme = saves.theme()
    if saved_theme is not None or args.theme is not None:
        print(f"{saves.name}: theme: {saved_theme or 'none of their own'}.")
    return 0


def _wanted_theme(typed: str | None) -> str | None:
    """The registered name of `--theme` (None for `none`, or when not given); a `UsageError`
    names the themes for one that does not exist."""
    if typed is None or typed.strip().lower() == "none":
        return None
    from quizgame.tui.themes import checked_theme

    return checked_theme(typed)
