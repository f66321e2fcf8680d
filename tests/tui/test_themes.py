"""Themes, NO_COLOR and TEXTUAL_ANIMATIONS (issue 16): a high-contrast theme at WCAG AAA
contrast, a colour-blind-safe theme whose right and wrong stay apart under every common colour
blindness, the ways to choose them, and right/wrong never told by colour alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.color import Color
from tui_helpers import ALL_TYPES, Clocks, app_at, make_app, quizzes_folder, settle

from quizgame import wording
from quizgame.cli import main
from quizgame.tui.live.join_app import JoinApp
from quizgame.tui.live.lines import split_text
from quizgame.tui.themes import CYCLE, checked_theme
from quizgame.tui.verdicts import SYMBOL, verdict


def luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = Color.parse(colour).rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


async def variables(theme: str) -> dict[str, str]:
    app: App[Any] = JoinApp("127.0.0.1:1", theme=theme)  # any quizgame app registers the themes
    async with app.run_test():
        return dict(app.theme_variables)


TEXT_ON_BACKGROUND = ("foreground", "text-primary", "text-success", "text-error", "text-warning",
                      "text-accent", "primary", "success", "error", "warning")


@pytest.mark.parametrize("name", TEXT_ON_BACKGROUND)
async def test_high_contrast_text_is_at_least_7_to_1(name: str) -> None:
    theme = await variables("high-contrast")
    assert contrast(theme[name], theme["background"]) >= 7.0, (name, theme[name])


async def test_high_contrast_footer_and_cursor_are_at_least_7_to_1() -> None:
    theme = await variables("high-contrast")
    assert contrast(theme["footer-foreground"], theme["footer-background"]) >= 7.0
    assert contrast(theme["footer-key-foreground"], theme["footer-background"]) >= 7.0
    assert contrast(theme["block-cursor-foreground"], theme["block-cursor-background"]) >= 7.0
    assert theme["text-muted"] == "#FFFFFF"  # no dimmed words


# Viénot, Brettel & Mollon (1999): linear-RGB simulations of the three dichromacies.
DICHROMACY = {
    "protanopia": ((0.152, 1.053, -0.205), (0.115, 0.786, 0.099), (-0.004, -0.048, 1.052)),
    "deuteranopia": ((0.367, 0.861, -0.228), (0.280, 0.673, 0.047), (-0.012, 0.043, 0.969)),
    "tritanopia": ((1.256, -0.077, -0.179), (-0.078, 0.931, 0.148), (0.005, 0.691, 0.304)),
}


def seen_as(colour: str, matrix: tuple[tuple[float, ...], ...]) -> tuple[float, ...]:
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = [linear(value) for value in Color.parse(colour).rgb]
    return tuple(sum(weight * value for weight, value in zip(row, rgb)) for row in matrix)


def apart(one: str, other: str, matrix: tuple[tuple[float, ...], ...]) -> float:
    """How far apart two colours' hues are as a dichromat sees them (rg chromaticity, so that
    a light green and a dark red that merge into one hue count as close)."""
    def chromaticity(colour: str) -> tuple[float, float]:
        r, g, b = seen_as(colour, matrix)
        total = (r + g + b) or 1.0
        return r / total, g / total

    (r1, g1), (r2, g2) = chromaticity(one), chromaticity(other)
    return float(((r1 - r2) ** 2 + (g1 - g2) ** 2) ** 0.5)


@pytest.mark.parametrize("kind", list(DICHROMACY))
async def test_colour_blind_theme_keeps_right_and_wrong_apart(kind: str) -> None:
    safe, default = await variables("colour-blind"), await variables("textual-dark")
    matrix = DICHROMACY[kind]
    for name in ("success", "text-success"):
        wrong = name.replace("success", "error")
        assert apart(safe[name], safe[wrong], matrix) > 0.2, (kind, name)
    if kind == "deuteranopia":  # what the test guards against: the default's green and red merge
        assert apart(default["success"], default["error"], matrix) < 0.1


async def test_the_theme_is_chosen_by_the_command_line_and_t_on_the_home_screen(
        tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), theme="colour-blind",
                   player="Ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "colour-blind"
        assert app.current_theme.error == "#D55E00"
        await pilot.press("t")  # Ana is playing: the quiz list has the keys, not the name box
        assert app.theme == CYCLE[(CYCLE.index("colour-blind") + 1) % len(CYCLE)]


def test_theme_names_are_checked_with_a_message(monkeypatch, capsys) -> None:
    assert checked_theme("Color-Blind") == "colour-blind"
    assert checked_theme(" ") is None
    monkeypatch.setenv("QUIZGAME_THEME", "purple-rain")
    assert main(["play", "nato-2025"]) == 2
    error = capsys.readouterr().err
    assert "there is no theme 'purple-rain'" in error and "high-contrast" in error


def _in_a_fresh_python(code: str, **env: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env={**os.environ, **env}, check=True)
    return done.stdout.strip()


def test_textual_animations_none_is_respected_by_every_app() -> None:
    code = ("from pathlib import Path\n"
            "from quizgame.tui.app import create_app\n"
            "from quizgame.tui.live.join_app import JoinApp\n"
            "print(create_app(Path('q'), Path('s')).animation_level, "
            "JoinApp('127.0.0.1:1').animation_level)")
    assert _in_a_fresh_python(code, TEXTUAL_ANIMATIONS="none") == "none none"
    assert _in_a_fresh_python(code, TEXTUAL_ANIMATIONS="full") == "full full"


@pytest.mark.parametrize("no_color", [True, False])
async def test_no_color_draws_in_grey_and_the_verdict_still_says_it(
        tmp_path: Path, monkeypatch, no_color: bool) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app = app_at(tmp_path, ALL_TYPES, "truefalse")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")  # False: wrong
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        colours = {colour.triplet for strip in strips for segment in strip
                   if segment.style is not None
                   for colour in (segment.style.color, segment.style.bgcolor)
                   if colour is not None and colour.triplet is not None}
        greys = {(r, g, b) for r, g, b in colours if r == g == b}
        assert app.no_color is no_color
        assert (colours == greys) is no_color
        lines = [strip.text for strip in strips]
        assert any(f"{SYMBOL['incorrect']} {wording.VERDICTS['incorrect']}" in line
                   for line in lines)


@pytest.mark.parametrize("outcome", list(wording.VERDICTS))
def test_every_verdict_has_words_and_a_symbol_of_its_own(outcome: str) -> None:
    shown = verdict(outcome, credit=0.5)
    assert shown.startswith(SYMBOL[outcome] + " ")
    assert wording.VERDICTS[outcome] in shown
    right_or_wrong = {SYMBOL["correct"], SYMBOL["partial"], SYMBOL["incorrect"]}
    assert len(right_or_wrong) == 3  # right, partly right and wrong never share a mark


def test_the_right_option_of_a_live_split_is_marked_not_only_coloured() -> None:
    text = split_text([{"label": "Lima", "count": 3, "correct": True},
                       {"label": "Quito", "count": 2, "correct": False}])
    lima, quito = text.plain.splitlines()
    assert lima.endswith("✓") and not quito.endswith("✓")


def test_every_theme_a_player_can_choose_can_be_kept_in_their_profile() -> None:
    import re

    from quizgame.safe_text import THEME_NAME
    from quizgame.tui.themes import theme_names

    assert [name for name in theme_names() if not re.fullmatch(THEME_NAME, name)] == []
