"""The countdown of a timed question, read from the same monotonic clock as the engine's.

WCAG 2.2.1: when the warning time is reached (`engine.accommodations.warning_seconds`: 20 s on
limits of 30 s or more) the bar says so in words and a mark, not colour alone, and posts
`Warning` once, so that the screen can say how to get more time; `extend` adds time.

The clock is read ten times a second, but the bar and the seconds are drawn again only when
what they show changes (a half cell of bar, a second): a frame costs a layout and a render.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from rich.style import Style
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal
from textual.message import Message
from textual.renderables.bar import Bar
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Label

TICK_SECONDS = 0.1


class TimeLeftBar(Widget):
    """The share of the time left, as a bar drawn in half cells (Textual's progress bar's
    look, without its percentage, ETA and animation machinery)."""

    COMPONENT_CLASSES = {"bar--bar", "bar--complete"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._share = 1.0

    def show(self, share: float) -> None:
        """Show `share` (0 to 1) of the bar, redrawn only if a half cell changes."""
        share = min(max(share, 0.0), 1.0)
        if self._half_cells(share) != self._half_cells(self._share):
            self.refresh()
        self._share = share

    def _half_cells(self, share: float) -> int:
        return int(share * self.size.width * 2)

    def render(self) -> RenderResult:
        width = self.size.width
        drawn = self._half_cells(self._share) / 2
        style = self.get_component_rich_style("bar--bar" if drawn < width else "bar--complete")
        return Bar(highlight_range=(0, drawn), highlight_style=Style.from_color(style.color),
                   background_style=Style.from_color(style.bgcolor))


class TimerBar(Horizontal):
    """A shrinking bar and the seconds left; posts `Expired` once when time is up.

    Hidden on untimed questions. Time is read from `monotonic` (the clock the engine measures
    answers with), not from Textual's timers, so a frozen clock freezes the bar. `pause` and
    `resume` stop and restart it (the engine's clock is paused alongside, see the screen).
    """

    class Expired(Message):
        """The time limit of the question on screen is over."""

    class Warning(Message):
        """The question reached its warning time (`left` seconds, whole)."""

        def __init__(self, left: int) -> None:
            super().__init__()
            self.left = left

    def __init__(self, monotonic: Callable[[], float], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._monotonic = monotonic
        self._limit = 0
        self._warning = 0
        self._warned = False
        self._started = 0.0
        self._ticker: Timer | None = None
        self._paused_at: float | None = None
        self._said = ""
        """What the label says: a tick that would say it again leaves it alone."""

    def compose(self) -> ComposeResult:
        yield TimeLeftBar(id="time-bar")
        yield Label(id="time-left")

    def start(self, seconds: int, warning: int = 0) -> None:
        """Count down `seconds` from now (0: untimed, and the bar is hidden), warning when
        `warning` seconds are left."""
        self.stop()
        self._limit = seconds
        self._warning = warning
        self._warned = False
        self._started = self._monotonic()
        self._paused_at = None
        self.display = seconds > 0
        if seconds > 0:
            self._tick()
            self._ticker = self.set_interval(TICK_SECONDS, self._tick)

    def show_full(self, seconds: int) -> None:
        """Show a limit of `seconds` in full without counting (a question not yet answerable:
        its clock starts with `start`)."""
        self.stop()
        self._limit = seconds
        self.display = seconds > 0
        if seconds > 0:
            self.query_one(TimeLeftBar).show(1.0)
            self._say(f"{seconds:3d} s")

    def extend(self, seconds: int) -> None:
        """The question now allows `seconds` in all (more time was added)."""
        self._limit = seconds
        if self._ticker is not None and self._paused_at is None:
            self._tick()

    def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    def pause(self) -> None:
        """Stop counting (help, the palette or a dialog is over the question)."""
        if self._ticker is not None and self._paused_at is None:
            self._paused_at = self._monotonic()
            self._ticker.pause()
            self._say("paused")

    def resume(self) -> None:
        if self._ticker is not None and self._paused_at is not None:
            self._started += self._monotonic() - self._paused_at
            self._paused_at = None
            self._ticker.resume()
            self._tick()

    def _tick(self) -> None:
        left = max(0.0, self._limit - (self._monotonic() - self._started))
        self.query_one(TimeLeftBar).show(left / self._limit if self._limit else 0.0)
        warning = 0 < left <= self._warning
        self.set_class(warning, "-warning")
        self._say(f"⚠ {math.ceil(left)} s left" if warning else f"{math.ceil(left):3d} s")
        if warning and not self._warned:
            self.post_message(self.Warning(math.ceil(left)))
        self._warned = warning or (self._warned and left <= self._warning)
        if left <= 0:
            self.stop()
            self.post_message(self.Expired())

    def _say(self, text: str) -> None:
        """Show `text` as the time left (its width is fixed: no layout needed)."""
        if text != self._said:
            self._said = text
            self.query_one("#time-left", Label).update(text, layout=False)
