"""A screen's first showing skips Textual's restyling of the whole screen (issue 12: a few
milliseconds of the first frame), and looks the same as if it had not: its widgets were styled
as they were mounted. Later showings restyle when Textual asks for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from tui_helpers import Clocks, make_app, opening_at, push_opening, quizzes_folder, settle

from quizgame.tui.app import QuizApp
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen
from quizgame.tui.screens.styled_as_mounted import StyledAsMounted


def restyle_always(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual's own behaviour: every showing restyles the screen."""
    monkeypatch.setattr(StyledAsMounted, "on_screen_resume", lambda self, event: None)


def count_restyles(monkeypatch: pytest.MonkeyPatch, kind: type) -> list[object]:
    """The screens of `kind` restyled whole, one entry per restyle."""
    restyled: list[object] = []
    update = kind.update_node_styles

    def counted(screen: Any, animate: bool = True) -> None:
        restyled.append(screen)
        update(screen, animate=animate)

    monkeypatch.setattr(kind, "update_node_styles", counted)
    return restyled


async def home_first_frame(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    frames: list[str] = []
    display = QuizApp._display

    def written(app: QuizApp, screen: Any, renderable: Any) -> None:
        display(app, screen, renderable)
        if not frames and type(renderable).__name__ == "LayoutUpdate" and isinstance(screen, HomeScreen):
            frames.append(app.export_screenshot())

    monkeypatch.setattr(QuizApp, "_display", written)
    tmp_path.mkdir()
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    return frames[0]


async def test_the_home_screens_first_frame_is_the_same_without_the_restyle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    skipped = await home_first_frame(tmp_path / "skipped", monkeypatch)
    with monkeypatch.context() as patched:
        restyle_always(patched)
        restyled = await home_first_frame(tmp_path / "restyled", patched)
    assert skipped == restyled


async def test_only_the_first_showing_skips_the_restyle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled = count_restyles(monkeypatch, HomeScreen)
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen) and restyled == []
        # Back from a dialog: Textual itself asks for no restyle when a screen is popped.
        await pilot.press("f1", "escape")
        await settle(pilot)
        assert app.screen is home and restyled == []
        # Shown again by a push (Textual restyles then): restyled, as without the mixin.
        home.post_message(events.ScreenResume())
        await settle(pilot)
        assert restyled == [home]


@pytest.mark.parametrize("question_type", ["choice", "text", "match"])
async def test_an_openings_first_frame_is_the_same_without_the_restyle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, question_type: str
) -> None:
    async def drawn(folder: Path) -> str:
        folder.mkdir()
        clocks = Clocks()
        _, opening = opening_at(folder / "saves", clocks, question_type)
        app = make_app(quizzes_folder(folder), folder / "saves", clocks)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await push_opening(pilot, opening)
            assert app.screen is screen
            return app.export_screenshot()

    restyled = count_restyles(monkeypatch, QuestionScreen)
    skipped = await drawn(tmp_path / "skipped")
    assert restyled == []
    with monkeypatch.context() as patched:
        restyle_always(patched)
        assert await drawn(tmp_path / "restyled") == skipped
    assert len(restyled) == 1
