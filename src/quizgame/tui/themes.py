"""quizgame's own Textual themes: high contrast, and safe for colour-blind players.

Every .tcss file uses theme variables only (`$success`, `$text-error`, `$panel`...), so a
theme recolours every screen, the live game's included. Meaning never depends on the colours:
verdicts are words with a symbol (tui/verdicts.py), the right option of a split is marked.

- `high-contrast`: white and bright colours on black, each at least 7:1 against the background
  (WCAG 2.2 AAA, tested in tests/tui/test_themes.py).
- `colour-blind`: the Okabe-Ito palette, told apart with any colour vision: blue for right,
  vermillion for wrong, yellow for warnings (never red against green).

`--theme NAME` (or `$QUIZGAME_THEME`) chooses one when the game starts, `t` on the home screen
switches in turn, and Textual's command palette (ctrl+p, "Theme") lists every theme. A player's
own theme (their profile: `t` or ctrl+p once they are chosen, or `quizgame player NAME --theme`)
replaces `$QUIZGAME_THEME` in their games; `--theme` on the command line replaces both.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#00FFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    success="#00FF00",
    warning="#FFFF00",
    error="#FF8C8C",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "text-muted": "#FFFFFF",  # no dimmed grey: every word at full contrast
        "footer-key-foreground": "#FFFF00",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "input-cursor-background": "#FFFFFF",
        "input-cursor-foreground": "#000000",
        "border": "#FFFFFF",
        "scrollbar": "#FFFFFF",
    },
)

# Okabe & Ito, "Color Universal Design" (2008): sky blue, vermillion, yellow, bluish green.
COLOUR_BLIND = Theme(
    name="colour-blind",
    primary="#56B4E9",
    secondary="#CC79A7",
    accent="#E69F00",
    foreground="#F0F0F0",
    background="#101418",
    surface="#1A2028",
    panel="#26303A",
    success="#56B4E9",
    warning="#F0E442",
    error="#D55E00",
    dark=True,
)

THEMES: tuple[Theme, ...] = (HIGH_CONTRAST, COLOUR_BLIND)
ALIASES: dict[str, str] = {"color-blind": "colour-blind", "default": "textual-dark"}
CYCLE: tuple[str, ...] = ("textual-dark", "high-contrast", "colour-blind", "textual-light")
"""The themes `t` on the home screen steps through."""


def theme_name(wanted: str) -> str:
    """The registered name of a theme as a player may write it (`color-blind`, `default`)."""
    return ALIASES.get(wanted.strip().lower(), wanted.strip().lower())


def theme_names() -> list[str]:
    """Every theme a player can choose: quizgame's, then Textual's own."""
    from textual.theme import BUILTIN_THEMES

    return [theme.name for theme in THEMES] + sorted(BUILTIN_THEMES)


def checked_theme(wanted: str | None) -> str | None:
    """The theme's registered name (None stays None: Textual's default, which `$TEXTUAL_THEME`
    may set). Raises `UsageError`, naming the themes, for one that does not exist."""
    if wanted is None or not wanted.strip():
        return None
    name = theme_name(wanted)
    if name not in theme_names():
        from quizgame.errors import UsageError

        raise UsageError(f"there is no theme {wanted!r}; the themes are: {', '.join(theme_names())}")
    return name


def known_theme(name: str | None) -> str | None:
    """`name` when it is a theme a player can choose (read from a file: a profile, an opening),
    else None: a theme saved by a Textual that had it is left unused, never an error."""
    return name if name is not None and name in theme_names() else None


def install_themes(app: App[Any], wanted: str | None) -> None:
    """Register quizgame's themes on `app`, then switch to `wanted` (a name `checked_theme`
    returned; None keeps Textual's default)."""
    for theme in THEMES:
        app.register_theme(theme)
    if wanted is not None:
        app.theme = wanted
