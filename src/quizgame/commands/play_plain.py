"""`quizgame play --plain`: a game, or the plain home, line by line on standard input and output.

Kept apart from `play_cmd` so that the Textual game's start compiles none of it (issue 12: an
editable install without a bytecode cache compiles every module it imports at each start).
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from quizgame.commands.paths import saves_dir
from quizgame.commands.play_cmd import practice_options

if TYPE_CHECKING:
    from collections.abc import Callable

    from quizgame.classroom.roster import Roster
    from quizgame.engine.records import Mode
    from quizgame.format.models import Quiz
    from quizgame.plain.game import Console
    from quizgame.plain.home import Home
    from quizgame.store.folder import SavesFolder


def run_plain(args: argparse.Namespace, quiz: Quiz | None, roster: Roster | None,
               folders: list[Path] | None = None) -> int:
    """One game of `quiz` line by line; without a quiz, the plain home (plain/home.py) over
    the quizzes of `folders`, then as many games as the player wants."""
    from quizgame.classroom.polls import poll_votes
    from quizgame.classroom.roster import accommodations_of
    from quizgame.plain import Console, play_plain, wants_colour
    from quizgame.store import SavesFolder
    from quizgame.store.player import PlayerSaves

    options = practice_options(args, quiz)  # a usage error stops before the game starts
    saves = SavesFolder(saves_dir(args))

    def open_store(name: str) -> PlayerSaves:
        return saves.player(roster.name_for(name) if roster is not None else name)

    # Never crash on a terminal that cannot show a character of the quiz, or on stray bytes typed.
    sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    console = Console(sys.stdin, sys.stdout, colour=wants_colour(sys.stdout), live_clock=True)

    def play(quiz: Quiz, player: str | None, mode: Mode) -> int:
        return play_plain(
            quiz,
            open_store,
            console,
            player=player,
            mode=mode,
            seed=args.seed,
            new_limit=args.new,
            round_size=args.round_size,
            poll_votes=partial(poll_votes, saves_dir(args)),
            accommodations=partial(accommodations_of, roster=roster),
            **options._asdict(),
        )

    if quiz is not None:
        return play(quiz, args.player, args.mode)
    return _home(saves, roster, folders or [], console, play).run(args.player, args.mode)


def _home(saves: SavesFolder, roster: Roster | None, folders: list[Path], console: Console,
                play: Callable[[Quiz, str, Mode], int]) -> Home:
    from quizgame.classroom.standings import player_standings
    from quizgame.engine.scheduling import utc_now
    from quizgame.plain.home import Home
    from quizgame.tui.catalog import scan_quizzes

    problems: list[str] = []
    names = list(roster.names) if roster is not None else [
        info.name for info in saves.players(problems)]
    for problem in problems:
        print(f"quizgame: skipped: {problem}", file=sys.stderr)

    def player_name(typed: str) -> str:
        return saves.player(roster.name_for(typed) if roster is not None else typed).name

    return Home(scan_quizzes(folders), names, console, player_name,
                lambda name: player_standings(saves.player(name), utc_now()), play,
                roster=roster is not None)
