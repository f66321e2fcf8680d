"""The terminal cursor follows the focus (issue 16): braille displays and screen magnifiers read
the line the cursor is on. These Pilot tests compute the position the app gives Textual and
check that it lands on the text of the focused option as drawn; tests/tui/test_cursor_tmux.py
checks the same in a real terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_helpers import ALL_TYPES, Clocks, app_at, make_app, quizzes_folder, settle

from quizgame.tui.app import QuizApp


def screen_lines(app: QuizApp) -> list[str]:
    """The screen as drawn, one string per line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def text_at_cursor(app: QuizApp) -> str:
    """What is drawn from the cursor to the end of its line."""
    x, y = app.cursor_position
    return screen_lines(app)[y][x:]


async def keys(pilot: Pilot[Any], *pressed: str) -> None:
    await pilot.press(*pressed)
    await pilot.pause()
    await pilot.pause()  # one more frame: the cursor is set when a frame is written


@pytest.mark.parametrize(
    ("kind", "pressed", "starts"),
    [
        ("choice", ("3",), "3. "),  # a number key picks, the cursor goes there
        ("choice", ("down", "down"), "2. "),  # nothing picked at first: the first ↓ picks row 1
        ("multi", ("down", "down", "space"), "[x] 3. "),
        ("order", ("down", "d"), "3. "),  # the moved item, now third
        ("match", ("down",), "Don Quixote"),  # the second book
        ("match", ("down", "1"), "Faust"),  # pairing moves on to the next book
    ],
)
async def test_the_cursor_lands_on_the_focused_option(
    tmp_path: Path, kind: str, pressed: tuple[str, ...], starts: str,
) -> None:
    app = app_at(tmp_path, ALL_TYPES, kind)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = app.cursor_position
        await keys(pilot, *pressed)
        assert text_at_cursor(app).startswith(starts), (app.cursor_position, screen_lines(app))
        assert app.cursor_position != before


async def test_the_cursor_follows_a_scrolled_list(tmp_path: Path) -> None:
    """On a short terminal the options scroll: the cursor stays on the highlighted row."""
    app = app_at(tmp_path, ALL_TYPES, "order")
    async with app.run_test(size=(60, 14)) as pilot:
        await settle(pilot)
        await keys(pilot, "end")
        x, y = app.cursor_position
        assert 0 <= y < 14
        assert text_at_cursor(app).startswith("4. ")


async def test_the_cursor_is_on_the_caret_of_a_text_answer(tmp_path: Path) -> None:
    app = app_at(tmp_path, ALL_TYPES, "text")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "B", "r", "u")
        x, y = app.cursor_position
        assert screen_lines(app)[y][:x].rstrip().endswith("Bru")


async def test_the_cursor_goes_to_the_feedback_then_the_home_screen_list(tmp_path: Path) -> None:
    app = app_at(tmp_path, ALL_TYPES, "choice")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await keys(pilot, "1", "enter")
        feedback = app.screen.query_one("#feedback")
        assert app.focused is feedback
        assert feedback.content_region.contains_point(app.cursor_position)


async def test_the_cursor_is_on_the_chosen_quiz_of_the_home_screen(tmp_path: Path) -> None:
    clocks = Clocks()
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", clocks, player="Ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        table = app.screen.query_one("#quizzes")
        await pilot.click("#quizzes")
        await keys(pilot)
        assert app.focused is table
        assert text_at_cursor(app).lstrip().startswith("Every Question Type")
