"""The pace of Textual's Pilot in the tests: how often it polls for an idle app, and how often a
screen refreshes (tests/conftest.py applies it in every test process)."""

from __future__ import annotations

PILOT_IDLE_POLL_S = 0.01
SCREEN_FRAME_S = 1 / 100


def pace_pilot() -> None:
    """Textual's Pilot, after each key and pause, waits for the app to be idle: it sleeps 20 ms
    at a time until a sleep passes with the process hardly using the CPU. Each key press is two
    such waits, and the Textual tests press thousands of keys: half of their wall time was
    these sleeps. The tests poll every 10 ms instead, and the screen refreshes every 10 ms
    rather than 60 times a second, so that a refresh asked for is drawn within one poll: an app
    still busy (drawing, a worker thread, an animation's frames) is still waited for. Nothing
    of the game's own timing changes: its clocks are the tests' (tui_helpers.Clocks). Textual
    is pinned exactly (pyproject.toml); tests/test_pilot_pace.py fails if these names leave it."""
    import textual._wait
    import textual.screen

    textual._wait.SLEEP_GRANULARITY = PILOT_IDLE_POLL_S
    textual._wait.SLEEP_IDLE = PILOT_IDLE_POLL_S / 20  # Textual's own ratio
    textual.screen.UPDATE_PERIOD = SCREEN_FRAME_S
