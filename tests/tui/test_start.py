"""`quizgame play QUIZ --player NAME` starts on the question screen (issue 12): the home screen is
neither built nor drawn, nor are its quizzes read, until the player goes back to it; the quiz is
parsed once per start."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from tui_helpers import ALL_TYPES, BROKEN, Clocks, make_app, quizzes_folder, settle

from quizgame import startup_gc
from quizgame.cli import main
from quizgame.format import loader
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.screens.question import QuestionScreen


@pytest.fixture
def homes(monkeypatch: pytest.MonkeyPatch) -> list[HomeScreen]:
    """Every home screen made from now on."""
    made: list[HomeScreen] = []
    init = HomeScreen.__init__

    def counted(self: HomeScreen, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(HomeScreen, "__init__", counted)
    return made


async def test_a_named_player_and_quiz_start_on_the_question(tmp_path: Path, homes: list[HomeScreen]) -> None:
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), player="Ana", quiz_path=ALL_TYPES)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert homes == []
        await pilot.press("escape")  # leave: nothing answered yet, so it asks
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(homes) == 1


async def test_a_quiz_that_cannot_be_played_shows_the_home_screen(tmp_path: Path,
                                                                   homes: list[HomeScreen]) -> None:
    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), player="Ana", quiz_path=BROKEN)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert any("cannot be played" in str(note.title) for note in app._notifications)


def test_play_parses_its_quiz_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[Path] = []
    parse = loader._parse
    monkeypatch.setattr(loader, "_parse", lambda text, path: parsed.append(path) or parse(text, path))
    shown: list[type] = []

    async def first_screen(pilot: Any) -> None:
        await settle(pilot)
        shown.append(type(pilot.app.screen))
        pilot.app.exit()

    run = App.run
    monkeypatch.setattr(App, "run", lambda app, **options: run(app, headless=True, size=(80, 24),
                                                               auto_pilot=first_screen))
    folder = quizzes_folder(tmp_path)
    status = main(["play", "all-types", "--player", "Ana", "--quizzes", str(folder),
                   "--saves", str(tmp_path / "saves")])
    assert status == 0
    assert shown == [QuestionScreen]
    assert parsed.count(folder / "all-types.toml") == 1  # the other folders are looked in too


async def test_the_widgets_of_the_quizs_other_types_are_built_hidden_after_the_first_question(
        tmp_path: Path) -> None:
    from quizgame.format import load_quiz
    from quizgame.tui.widgets.question_input import QuestionInput

    app = make_app(quizzes_folder(tmp_path), tmp_path / "saves", Clocks(), player="Ana", quiz_path=ALL_TYPES,
                   build_ahead=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        types = {question.type for question in load_quiz(ALL_TYPES).questions}
        for _ in range(3 * len(types)):  # one widget per refresh
            await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        built = {widget.id for widget in screen.query(QuestionInput)}
        assert built == {f"{question_type}-input" for question_type in types}
        shown = [widget for widget in screen.query(QuestionInput) if widget.display]
        assert [widget.id for widget in shown] == ["choice-input"]



class Collector:
    """Whether `startup_gc.pause` stopped the cyclic garbage collector, and whether it ran
    again once the app's first screen was drawn."""

    def __init__(self) -> None:
        self.paused: list[bool] = []
        self.at_first_screen: list[bool] = []


@pytest.fixture
def collector(monkeypatch: pytest.MonkeyPatch, freeze_restored: None) -> Iterator[Collector]:
    """A `Collector` watching; afterwards, collection back on, and frozen as it was found."""
    seen = Collector()
    pause = startup_gc.pause
    monkeypatch.setattr(startup_gc, "pause", lambda: (pause(), seen.paused.append(not gc.isenabled())))

    async def first_screen(pilot: Any) -> None:
        await settle(pilot)
        seen.at_first_screen.append(gc.isenabled())
        pilot.app.exit()

    run = App.run
    monkeypatch.setattr(App, "run", lambda app, **options: run(app, headless=True, size=(80, 24),
                                                               auto_pilot=first_screen))
    yield seen
    gc.enable()


@pytest.mark.parametrize("command", [["play", "all-types", "--player", "Ana"], ["play"]],
                         ids=["game", "home"])
def test_garbage_is_collected_again_once_the_first_frame_is_drawn(
        tmp_path: Path, collector: Collector, command: list[str]) -> None:
    status = main([*command, "--quizzes", str(quizzes_folder(tmp_path)), "--saves", str(tmp_path / "saves")])
    assert status == 0
    assert collector.paused == [True]  # the start ran without collections...
    assert collector.at_first_screen == [True]  # ...and they are back once the first screen is up
    assert gc.isenabled()


def test_garbage_is_collected_again_when_the_game_cannot_start(
        tmp_path: Path, collector: Collector, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["play", str(BROKEN), "--player", "Ana", "--saves", str(tmp_path / "saves")])
    assert status == 1
    assert "is not one of the choices" in capsys.readouterr().err
    assert collector.paused == [True]
    assert collector.at_first_screen == []  # no app was run
    assert gc.isenabled()


def test_resuming_without_a_pause_leaves_the_collector_alone(collector: Collector) -> None:
    gc.disable()  # as someone else (not startup_gc) may have
    startup_gc.resume()
    assert not gc.isenabled()
