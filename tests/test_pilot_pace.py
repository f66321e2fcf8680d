"""The tests' pace for Textual's Pilot (tests/pilot_pace.py) reaches the pinned Textual:
the names it sets are the ones Textual reads at each wait and when a screen's refresh timer is
made. A Textual that reads them elsewhere (an upgrade) fails here rather than slowing, or
hurrying, every Textual test unseen."""

from __future__ import annotations

import textual._wait
import textual.screen

from pilot_pace import PILOT_IDLE_POLL_S, SCREEN_FRAME_S


def test_the_idle_wait_polls_at_the_tests_pace() -> None:
    assert textual._wait.SLEEP_GRANULARITY == PILOT_IDLE_POLL_S
    assert textual._wait.SLEEP_IDLE == PILOT_IDLE_POLL_S / 20
    names = textual._wait.wait_for_idle.__code__.co_names  # globals read at each call
    assert {"SLEEP_GRANULARITY", "SLEEP_IDLE"} <= set(names)


def test_screens_refresh_at_the_tests_frame_rate() -> None:
    assert textual.screen.UPDATE_PERIOD == SCREEN_FRAME_S
    timer = textual.screen.Screen._update_timer.fget  # type: ignore[attr-defined]
    assert "UPDATE_PERIOD" in timer.__code__.co_names
