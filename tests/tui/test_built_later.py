"""Widgets that build their parts after the first frame (`call_after_refresh`), when the app is
quitting by then: ctrl+q just after a game's first question is drawn must not end in a
traceback (seen as `MountError` from the feedback panel, in 8 of 12 starts quit 0.2 to 0.5 s
after the first question)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.containers import Container

from quizgame.tui.widgets.feedback import FeedbackPanel


class Stage(App[None]):
    """A container to mount the panel in."""

    def compose(self) -> ComposeResult:
        yield Container(id="stage")


async def test_a_feedback_panel_built_while_the_app_quits_builds_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Stage()
    async with app.run_test() as pilot:
        panel = FeedbackPanel(id="feedback")
        later: list[Callable[[], object]] = []
        # The app runs an after-refresh callback whatever became of the widget that asked for
        # it: hold this one back until the app is quitting.
        monkeypatch.setattr(panel, "call_after_refresh", later.append)
        await app.query_one("#stage").mount(panel)
        await pilot.pause()
        app.exit()  # ctrl+q, as the game's first question is drawn
        assert len(later) == 1
        later[0]()
        assert not panel.children
