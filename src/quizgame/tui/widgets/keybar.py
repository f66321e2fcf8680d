"""The footer: the keys of the screen on one line, each clickable.

Textual's `Footer` builds a widget per key and rebuilds them all whenever the bindings change,
which on a modest machine costs tens of milliseconds at every question. This bar draws the same
line as a single piece of text, so moving on to the next question stays within a frame.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Static

KEY_STYLE = "bold $footer-key-foreground"
DISABLED_STYLE = "$text-disabled"


class KeyBar(Static):
    """The shown bindings of the focused chain: key in the accent colour, then what it does."""

    def __init__(self) -> None:
        super().__init__(id="keybar")
        self._pending = False
        self._shown: tuple[list[tuple[str, str, str, bool]], int] | None = None
        """The keys shown and the width they were laid out for: the same again is not redrawn."""

    def on_mount(self) -> None:
        # The first drawing is on the first Resize, when the width is known.
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, _: Screen[object]) -> None:
        # Bindings are refreshed several times per key press: draw once, after them all.
        if not self._pending:
            self._pending = True
            self.call_later(self._draw)

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        self._pending = False
        keys: list[tuple[str, str, str, bool]] = []
        seen: set[tuple[str, str]] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            # The same action under the same name once (true/false's `t` is not the `1` of "1-9").
            if not binding.show or (binding.action, binding.description) in seen:
                continue
            seen.add((binding.action, binding.description))
            keys.append((binding.key, self.app.get_key_display(binding), binding.description, active.enabled))
        width = self.content_size.width
        if (keys, width) == self._shown:
            return
        self._shown = (keys, width)
        parts = [
            # Built as Content, not markup: nothing to parse (or escape) at each key press. A
            # key that cannot be used now is dimmed whole: its key too, not only its words.
            Content.assemble((key_display, KEY_STYLE if enabled else DISABLED_STYLE), " ",
                             (description, "" if enabled else DISABLED_STYLE))
            .stylize_before(Style.from_meta({"@click": f"app.simulate_key({key!r})"}))
            for key, key_display, description, enabled in keys
        ]
        # Two spaces between keys when they fit, else one: an 80-column footer keeps every key.
        length = sum(len(part) for part in parts)
        gap = "  " if length + 2 * (len(parts) - 1) <= width else " "
        # One line whatever it says (`#keybar` in quizgame.tcss: height 1, the screen's width):
        # new keys repaint the bar alone, with no layout of the whole screen at each key press.
        self.update(Content(gap).join(parts), layout=False)
