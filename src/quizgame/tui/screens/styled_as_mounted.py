"""A screen's first showing without Textual's restyling of every widget on it (issue 12)."""

from __future__ import annotations

from textual import events


class StyledAsMounted:
    """Mixin for a screen whose widgets are all styled as they are mounted, just before it is
    first shown: Textual restyles a whole screen when it is pushed or switched to, which the
    first time only repeats that work (a few milliseconds of the first frame). Later showings
    restyle whenever Textual asks for it.

    Textual calls the `on_screen_resume` of every class of a screen, its own first, this one's
    before Textual's."""

    _shown_once = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False
