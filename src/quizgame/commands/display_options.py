"""`--theme`, shared by the commands that open a Textual screen (play, host, join)."""

from __future__ import annotations

import argparse
import os

THEME_ENV = "QUIZGAME_THEME"
SHOW_CURSOR_ENV = "QUIZGAME_SHOW_CURSOR"


def add_theme_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--theme", metavar="NAME", default=None,
        help=f"colours of the game: high-contrast, colour-blind, or a Textual theme such as "
        f"textual-light (default: ${THEME_ENV}, else textual-dark); see docs/accessibility.md",
    )
    parser.add_argument(
        "--show-cursor", action="store_true",
        default=os.environ.get(SHOW_CURSOR_ENV, "") not in ("", "0"),
        help=f"show the terminal's cursor on the focused option, for braille displays that follow "
        f"only a visible cursor (default: ${SHOW_CURSOR_ENV}=1 turns it on)",
    )


def chosen_theme(args: argparse.Namespace) -> str | None:
    """The theme of `--theme`, else `$QUIZGAME_THEME`, checked (a `UsageError` names the
    themes); None: Textual's default."""
    from quizgame.tui.themes import checked_theme

    return checked_theme(args.theme or os.environ.get(THEME_ENV))
