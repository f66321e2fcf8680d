"""Text that looks like Textual markup (`[red]`, `[/]`, `[bold`) is shown as written on every
screen: a quiz title, a prompt, a player's name, and above all what a player types, which would
otherwise crash any screen that shows it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static
from tui_helpers import DATA, Clocks, make_app, next_question, quizzes_folder, screen_text, settle, type_text

from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.leaderboard import LeaderboardScreen
from quizgame.tui.screens.results import ResultsScreen

BRACKETS = DATA / "brackets.toml"
TITLE = "Markup [red]is not[/red] styling"
PLAYER = "[/]Zed [b"
TYPED = "[/]oops[bold"


def shown_text(pilot: Pilot[Any], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


async def test_markup_in_a_quiz_and_in_answers_is_shown_as_written(tmp_path: Path) -> None:
    app = make_app(quizzes_folder(tmp_path, BRACKETS), tmp_path / "saves", Clocks(), player=PLAYER,
                   quiz_path=BRACKETS)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert shown_text(pilot, "#prompt") == "Which tag does [red] open?"
        assert TITLE in screen_text(pilot)  # in the header
        await pilot.press("ctrl+t")  # the hint, while typing
        assert shown_text(pilot, "#hint") == "Hint (half points): [bold]Not[/bold] blue."
        await type_text(pilot, TYPED)
        await pilot.press("enter")
        await pilot.pause()
        assert shown_text(pilot, "#given") == f"Your answer: {TYPED}"
        assert shown_text(pilot, "#explanation") == "[red] opens, [/red] closes."
        assert shown_text(pilot, "#source") == "Source: “A [/] closes the last tag.”"
        await next_question(pilot)
        await pilot.press("1", "enter")  # "[/]", the right choice
        await next_question(pilot)

        assert isinstance(app.screen, ResultsScreen)
        shown = screen_text(pilot)
        for text in (f"Results: {TITLE}", f"Your answer: {TYPED} · Incorrect",
                     "Your answer: [/] · Correct"):
            assert text in shown

        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LeaderboardScreen)
        assert screen_text(pilot).count(TITLE) == 2  # the screen's title and the chosen quiz
        assert PLAYER in screen_text(pilot)  # in the table

        await pilot.press("escape", "p")
        await settle(pilot)
        assert f"Progress: {PLAYER}" in screen_text(pilot)

        await pilot.press("escape", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        shown = screen_text(pilot)
        for text in (TITLE, f"quizgame · Player: {PLAYER}", "Square brackets [b]stay[/b] as typed."):
            assert text in shown
