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
    answer_right,
    make_app,
    new_player,
    next_question,
    quizzes_folder,
    settle,
    shown,
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
    app = make_app(quizzes_folder(tmp_path, ALL_TYPES, BROKEN), tmp_path / "saves", Clocks(), **options)

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await steps(pilot)
        await settle(pilot)
        steady_cursors(pilot)

    return bool(snap_compare(app, terminal_size=size, run_before=run_before))


async def reach(pilot: Pilot[Any], question_type: str) -> None:
    """Answer right until a question of this type is on screen."""
    while shown(pilot).type != question_type:
        await answer_right(pilot)
        await next_question(pilot)


GAME = {"player": "Ana", "quiz_path": ALL_TYPES}

# A little of the answer given, so that each widget shows how it looks in use.
STARTED_ANSWER = {"multi": ["1"], "order": ["2", "u"], "match": ["3"], "number": [*"8 850"], "text": [*"Brus"]}


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await new_player(pilot, "Ana")

    assert snapshot(snap_compare, tmp_path, size, steps)


@pytest.mark.parametrize("question_type", TYPE_ORDER)
@pytest.mark.parametrize("size", SIZES)
def test_question(snap_compare: Any, tmp_path: Path, size: tuple[int, int], question_type: str) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await reach(pilot, question_type)
        await pilot.press(*STARTED_ANSWER.get(question_type, []))

    assert snapshot(snap_compare, tmp_path, size, steps, **GAME)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_wrong_with_hint(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("h", "1", "enter")  # the first option, not the right one

    assert snapshot(snap_compare, tmp_path, size, steps, **GAME)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_text_can_be_overridden(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await reach(pilot, "text")
        await type_text(pilot, "Paris")
        await pilot.press("enter")

    assert snapshot(snap_compare, tmp_path, size, steps, **GAME)


@pytest.mark.parametrize("size", SIZES)
def test_results(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("1", "enter")  # one miss
        await next_question(pilot)
        await reach_results(pilot)

    assert snapshot(snap_compare, tmp_path, size, steps, **GAME)


@pytest.mark.parametrize("size", SIZES)
def test_leaderboard(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    # "updated HH:MM:SS" is read from the app's clock, frozen like every other time shown.
    async def steps(pilot: Pilot[Any]) -> None:
        await reach_results(pilot)
        await pilot.press("l")

    assert snapshot(snap_compare, tmp_path, size, steps, **GAME)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("f1")

    assert snapshot(snap_compare, tmp_path, size, steps, **GAME)


async def reach_results(pilot: Pilot[Any]) -> None:
    from quizgame.tui.screens.results import ResultsScreen

    while not isinstance(pilot.app.screen, ResultsScreen):
        await answer_right(pilot)
        await next_question(pilot)
