"""Text from files and the network made safe to show in a terminal.

Quiz files, saves, imports and live messages are written by people other than the one at the
terminal. A control character in them (ESC, CSI, OSC, C1, DEL...) would reach the terminal raw
and could set the window title, clear the screen or write the clipboard. Every place where text
enters quizgame passes it through `visible`, which keeps newlines and tabs (where the caller
allows them) and turns every other control character into its visible `\\u001b`-style escape, so
nothing is lost silently and nothing is interpreted.
"""

from __future__ import annotations

import re

THEME_NAME = r"^[a-z0-9][a-z0-9-]{0,39}$"
"""What a theme's name looks like (quizgame's and Textual's). A player's profile and a kept
opening hold one; it is checked against this when read, and the front-end checks that it names a
theme that exists."""

# C0 controls, DEL and C1 controls. Newline and tab are handled by the caller's choice.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_LAYOUT = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str, *, multiline: bool = True) -> str:
    """`text` with every control character shown as `\\uXXXX` instead of sent to the terminal.

    With `multiline` (the default) newlines and tabs are kept; without it they are escaped too,
    for text shown on one line (names, ids, choices).
    """
    pattern = _CONTROL if multiline else _CONTROL_OR_LAYOUT
    return pattern.sub(_escape, text)


def control_characters(text: str, *, multiline: bool = True) -> list[tuple[int, str]]:
    """Each control character in `text` as (0-based offset, `U+XXXX`), for checker messages."""
    pattern = _CONTROL if multiline else _CONTROL_OR_LAYOUT
    return [(m.start(), f"U+{ord(m.group()):04X}") for m in pattern.finditer(text)]
