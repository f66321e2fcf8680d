"""The home screen's first frame (issue 12: home <= 1.1 × a bare Textual app): the title, the
line that says the quizzes are being read, the mode and the keys. The name box is mounted a
frame later, and what is typed before it is up goes into it: no key is lost, and none of the
screen's letter keys (m, n, t, l, p, r, a) fires while a name is being typed."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input
from tui_helpers import Clocks, make_app, quizzes_folder, settle, text_of, until

from quizgame.tui.app import QuizApp
from quizgame.tui.screens.home import HomeScreen


async def test_the_first_frame_is_drawn_before_the_name_box_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames: list[tuple[str, ...]] = []
    display = QuizApp._display

    def written(app: QuizApp, screen: Any, renderable: Any) -> None:
        if type(renderable).__name__ == "LayoutUpdate" and isinstance(screen, HomeScreen):
            frames.append(tuple(widget.id or "" for widget in screen.query("*")))
        display(app, screen, renderable)

    monkeypatch.setattr(QuizApp, "_display", written)
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.query_one("#new-player", Input).has_focus
    first = frames[0]
    assert {"home-title", "quiz-detail", "mode", "keybar"} <= set(first)
    assert "new-player" not in first


@pytest.mark.parametrize(
    ("keys", "player"),
    [
        (("M", "a", "r", "t", "a", "enter"), "Marta"),  # `t` would change the theme, `a` open a dialog
        (("T", "o", "m", "m", "backspace", "enter"), "Tom"),  # `m` would change the mode
        (("l", "p", "n", "r", "enter"), "lpnr"),
    ],
)
async def test_a_name_typed_before_the_name_box_is_up_goes_into_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: tuple[str, ...], player: str
) -> None:
    held: list[HomeScreen] = []
    add = HomeScreen._add_name_box
    monkeypatch.setattr(HomeScreen, "_add_name_box", lambda screen: held.append(screen))
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        theme = app.theme
        assert held and not app.query("#new-player")
        await pilot.press(*keys)  # typed as the screen appears
        await add(held[0])
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.player == player
        assert app.theme == theme and home.mode == "quiz"
        assert text_of(home, "#home-title").startswith(f"quizgame · Player: {player}")
        assert len(app.screen_stack) == 1  # no dialog opened by a letter of the name



async def test_a_name_entered_while_the_quizzes_are_read_chooses_that_player(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seen in a real terminal, a name typed as the name box appeared: the worker reading the
    # quizzes and the UI thread each made the screen's lists at once (the module's import, a
    # few milliseconds without a bytecode cache, was the window). The lists the quizzes filled
    # were not the ones the name went to: no player, and "No quiz files" under the table.
    # The window is widened here: lists made off the UI thread take a fifth of a second.
    from quizgame.tui.screens.home_lists import HomeLists

    made: list[HomeLists] = []
    init = HomeLists.__init__

    def slowly_off_the_ui_thread(lists: HomeLists, home: HomeScreen) -> None:
        made.append(lists)
        if threading.current_thread() is not threading.main_thread():
            time.sleep(0.2)
        init(lists, home)

    monkeypatch.setattr(HomeLists, "__init__", slowly_off_the_ui_thread)
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(app.query("#new-player")))
        await pilot.press(*"Marta", "enter")
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert len(made) == 1
        assert text_of(home, "#home-title").startswith("quizgame · Player: Marta")
        assert "No quiz files" not in text_of(home, "#quiz-detail")
