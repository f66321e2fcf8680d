"""The timer bar reads the clock ten times a second but asks for a frame only when what it shows
changes: a half cell of its bar, or its seconds (issue 12: each frame costs a layout and a
render, for a player's machine and for every test waiting on a question)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, NamedTuple

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Label
from tui_helpers import Clocks

from quizgame.tui.widgets.timer import TimeLeftBar, TimerBar


class _Timer(App[None]):
    def __init__(self, clocks: Clocks) -> None:
        super().__init__()
        self.clocks = clocks

    def compose(self) -> ComposeResult:
        yield TimerBar(self.clocks.monotonic, id="timer")


class _Running(NamedTuple):
    clocks: Clocks
    pilot: Any
    timer: TimerBar
    bar: TimeLeftBar


@asynccontextmanager
async def _counting_down(seconds: int) -> AsyncIterator[_Running]:
    """A timer bar 80 columns wide counting `seconds` down on a frozen clock, drawn."""
    clocks = Clocks()
    app = _Timer(clocks)
    async with app.run_test(size=(80, 3)) as pilot:
        timer = app.query_one(TimerBar)
        timer.start(seconds)
        await pilot.pause()
        yield _Running(clocks, pilot, timer, app.query_one(TimeLeftBar))
        timer.stop()


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What was drawn again: "bar" (its render), or the seconds' new text."""
    asked: list[str] = []
    render, update = TimeLeftBar.render, Label.update

    def bar_render(self: TimeLeftBar) -> Any:
        asked.append("bar")
        return render(self)

    def label_update(self: Label, content: Any = "", **kwargs: Any) -> None:
        if self.id == "time-left":
            asked.append(str(content))
        update(self, content, **kwargs)

    monkeypatch.setattr(TimeLeftBar, "render", bar_render)
    monkeypatch.setattr(Label, "update", label_update)
    return asked


async def test_a_frozen_clock_draws_nothing_again(drawn: list[str]) -> None:
    async with _counting_down(30) as (_, pilot, timer, _):
        assert " 30 s" in drawn and "bar" in drawn
        drawn.clear()
        for _ in range(20):  # two seconds of ticks, the clock standing still
            timer._tick()
        await pilot.pause()
        assert drawn == []


async def test_the_seconds_change_once_a_second_and_the_bar_by_half_cells(drawn: list[str]) -> None:
    async with _counting_down(30) as (clocks, pilot, timer, bar):
        half_cell = 30 / (2 * bar.size.width)  # seconds per half cell of bar
        clocks.advance(half_cell / 2)  # off the full bar's edge
        timer._tick()
        await pilot.pause()
        drawn.clear()
        clocks.advance(half_cell / 3)  # under a half cell more, in the same second
        timer._tick()
        await pilot.pause()
        assert drawn == []
        clocks.advance(half_cell)  # a half cell gone: the bar, not the seconds
        timer._tick()
        await pilot.pause()
        assert drawn == ["bar"]
        drawn.clear()
        clocks.advance(1)  # a second: both
        timer._tick()
        await pilot.pause()
        assert sorted(drawn) == [" 29 s", "bar"]


async def test_the_bar_shows_the_share_of_time_left_in_half_cells() -> None:
    async with _counting_down(10) as (clocks, pilot, timer, bar):
        full = bar.render_line(0).text
        assert full == "━" * bar.size.width
        clocks.advance(5)
        timer._tick()
        await pilot.pause()
        segments = list(bar.render_line(0))
        colour = segments[0].style.color if segments[0].style else None
        filled = "".join(segment.text for segment in segments
                         if segment.style is not None and segment.style.color == colour)
        assert filled == "━" * (bar.size.width // 2)
