"""The footer: the keys of the screen on one line, each clickable.

Textual's `Footer` builds a widget per key and rebuilds them all whenever the bindings change,
which on a modest machine costs tens of milliseconds at every question. This bar draws the same
line as a single piece of text, so moving on to the next question stays within a frame.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """The shown bindings of the focused chain: key in the accent colour, then what it does."""

    def __init__(self) -> None:
        super().__init__(id="keybar")
        self._pending = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._draw()

    def _bindings_changed(self, _: Screen[object]) -> None:
        # Bindings are refreshed several times per key press: draw once, after them all.
        if not self._pending:
            self._pending = True
            self.call_later(self._draw)

    def on_resize(self, _: events.Resize) -> None:
        self._draw()

    def _draw(self) -> None:
        self._pending = False
        parts: list[str] = []
        length = 0
        actions: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            key_display = self.app.get_key_display(binding)
            length += len(key_display) + 1 + len(binding.description)
            text = f"[b $footer-key-foreground]{escape(key_display)}[/] {escape(binding.description)}"
            if not active.enabled:
                text = f"[$text-disabled]{text}[/]"
            parts.append(f"[@click=app.simulate_key({binding.key!r})]{text}[/]")
        # Two spaces between keys when they fit, else one: an 80-column footer keeps every key.
        gap = "  " if length + 2 * (len(parts) - 1) <= self.content_size.width else " "
        self.update(Content.from_markup(gap.join(parts)))
