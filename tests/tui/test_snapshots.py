"""Snapshots of every screen at 80×24 and 120×40 (pytest-textual-snapshot).

Deterministic by construction: fixed seed, frozen clocks (no timer moves, every time shown is
the same), untimed quiz, no animations, steady cursors, local time zone UTC. After a change in
the look, regenerate with `pytest tests/tui/test_snapshots.py --snapshot-update` and look at the
SVGs in `__snapshots__/` before committing them.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_helpers import (
    ALL_TYPES,
    BROKEN,
    TYPE_ORDER,
    Clocks,
    make_app,
    new_player,
    prepared_session,
    quizzes_folder,
    settle,
    steady_cursors,
    type_text,
)

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times shown in local time read the same on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def snapshot(snap_compare: Any, tmp_path: Path, size: tuple[int, int], steps: Steps, **options: Any) -> bool:
    """The screen after `steps`; `until`/`misses` start on a session prepared that far."""
    clocks = Clocks()
    if "until" in options or "misses" in options:
        session = prepared_session(tmp_path / "saves", clocks, until=options.pop("until", None),
                                   misses=options.pop("misses", 0))
        options["session"] = session
    app = make_app(quizzes_folder(tmp_path, ALL_TYPES, BROKEN), tmp_path / "saves", clocks, **options)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await steps(pilot)
        await settle(pilot)
        steady_cursors(pilot)

    return bool(snap_compare(app, terminal_size=size, run_before=run_before))


GAME = {"player": "Ana", "quiz_path": ALL_TYPES}

# A little of the answer given, so that each widget shows how it looks in use.
STARTED_ANSWER = {"multi": ["1"], "order": ["2", "u"], "match": ["3"], "number": [*"8 850"], "text": [*"Brus"],
                  "estimate": [*"9000"]}


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await new_player(pilot, "Ana")

    assert snapshot(snap_compare, tmp_path, size, steps)


@pytest.mark.parametrize("question_type", TYPE_ORDER)
@pytest.mark.parametrize("size", SIZES)
def test_question(snap_compare: Any, tmp_path: Path, size: tuple[int, int], question_type: str) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press(*STARTED_ANSWER.get(question_type, []))

    assert snapshot(snap_compare, tmp_path, size, steps, until=question_type)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_wrong_with_hint(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("h", "1", "enter")  # the first option, not the right one

    assert snapshot(snap_compare, tmp_path, size, steps, **GAME)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_text_can_be_overridden(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await type_text(pilot, "Paris")
        await pilot.press("enter")

    assert snapshot(snap_compare, tmp_path, size, steps, until="text")


@pytest.mark.parametrize("size", SIZES)
def test_results(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        pass

    assert snapshot(snap_compare, tmp_path, size, steps, misses=1)


@pytest.mark.parametrize("size", SIZES)
def test_leaderboard(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    # "updated HH:MM:SS" is read from the app's clock, frozen like every other time shown.
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("l")

    assert snapshot(snap_compare, tmp_path, size, steps, until=None)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("f1")

    assert snapshot(snap_compare, tmp_path, size, steps, **GAME)
