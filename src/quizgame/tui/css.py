"""Each screen's look is a .tcss file next to its module, given to Textual as the screen's
`DEFAULT_CSS` rather than its `CSS_PATH`; so is the look of a widget the first question may not
need (feedback, cloze, match), so that its rules are parsed when one is first mounted, not
before the first question is drawn.

Textual parses a screen's `DEFAULT_CSS` once, on its own, the first time the screen is shown;
a screen with a `CSS_PATH` makes it parse every stylesheet of the app again (tens of
milliseconds, the first time it is shown). And the app's own stylesheet stays small, so the
home screen is drawn sooner after start.
"""

from __future__ import annotations

from pathlib import Path


def module_css(module_file: str) -> str:
    """The rules in the .tcss file beside a screen's or widget's module (`home.py` →
    `home.tcss`)."""
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")
